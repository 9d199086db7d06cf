import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { webBuildIsStale } from "./web-build.ts";

describe("webBuildIsStale", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A web package folder whose files all carry the time `at` (seconds since 1970). */
  function webDir(at: number): string {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-web-"));
    dirs.push(dir);
    const files = ["index.html", "src/main.tsx", "src/pages/Dashboard.tsx", "dist/index.html"];
    for (const f of files) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "x");
      utimesSync(join(dir, f), at, at);
    }
    return dir;
  }
  const touch = (dir: string, file: string, at: number) => utimesSync(join(dir, file), at, at);

  it("is fresh when nothing changed after the build", () => {
    const dir = webDir(1_700_000_000);
    expect(webBuildIsStale(dir)).toBe(false);
  });

  it("is stale when a source file deep under src changed after the build", () => {
    const dir = webDir(1_700_000_000);
    touch(dir, "src/pages/Dashboard.tsx", 1_700_000_060);
    expect(webBuildIsStale(dir)).toBe(true);
  });

  it("is stale when index.html changed after the build, or there is no build", () => {
    const dir = webDir(1_700_000_000);
    touch(dir, "index.html", 1_700_000_001);
    expect(webBuildIsStale(dir)).toBe(true);
    const none = webDir(1_700_000_000);
    rmSync(join(none, "dist"), { recursive: true });
    expect(webBuildIsStale(none)).toBe(true);
  });

  it("is fresh again once the build is newer than every source", () => {
    const dir = webDir(1_700_000_000);
    touch(dir, "src/main.tsx", 1_700_000_060);
    touch(dir, "dist/index.html", 1_700_000_120);
    expect(webBuildIsStale(dir)).toBe(false);
  });
});
