/** The embedded database's files are private to the account running Tumbuh (issue 12, item 4). */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliProcess } from "../cli/spawn-cli.test-support.ts";
import { openDatabase } from "./connection.ts";
import { Repositories } from "./repositories/index.ts";

const root = mkdtempSync(join(tmpdir(), "tumbuh-modes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every path under `dir` (itself included) whose mode is not 0700 (folders) or 0600 (files). */
function notPrivate(dir: string): string[] {
  const bad: string[] = [];
  const walk = (path: string) => {
    const st = lstatSync(path);
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want) bad.push(`${path} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const e of readdirSync(path)) walk(join(path, e));
  };
  walk(dir);
  return bad;
}

function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1),
    0,
  );
}

describe("the embedded database's folder", () => {
  it("is 0700 with every file in it 0600 after tumbuh created it and wrote to it (real process)", async () => {
    const dir = join(root, "fresh");
    const res = await runCliProcess(
      ["users", "create", "--username", "admin", "--role", "national_admin", "--scope", "ID"],
      dir,
    );
    expect(res.output).toContain("created admin");
    expect(countFiles(dir)).toBeGreaterThan(900); // the PGlite files and the key file
    expect(lstatSync(join(dir, "tumbuh.key")).isFile()).toBe(true);
    expect(notPrivate(dir)).toEqual([]);
  }, 180_000);

  it("is made private again when opened: a folder left readable by an older Tumbuh (0755, files 0666)", async () => {
    const dir = join(root, "older");
    const first = await openDatabase({ dataDir: dir });
    await first.close();
    const loosen = (path: string) => {
      const st = lstatSync(path);
      chmodSync(path, st.isDirectory() ? 0o755 : 0o666);
      if (st.isDirectory()) for (const e of readdirSync(path)) loosen(join(path, e));
    };
    loosen(dir);
    expect(notPrivate(dir).length).toBeGreaterThan(900);
    const database = await openDatabase({ dataDir: dir });
    try {
      expect(notPrivate(dir)).toEqual([]);
      await new Repositories(database.db).settings.set("probe", { written: true });
    } finally {
      await database.close();
    }
    expect(notPrivate(dir)).toEqual([]);
  }, 180_000);
});
