/**
 * The web app built once per test run for every browser test file. Test files run in several worker
 * processes at once; each used to run its own `vite build`, and one build emptying
 * packages/web/dist while another file's server was serving it failed that file at random
 * (ENOENT on an asset). The first file to get here builds under a lock folder and stamps the build
 * with the run's id (global-setup.ts); the others wait for the lock and find the stamp.
 */
import { mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { build } from "vite";
import { inject } from "vitest";

const WEB = resolve(import.meta.dirname, "..");
const LOCK = resolve(WEB, ".e2e-build.lock");
const STAMP = resolve(WEB, "dist", ".e2e-run");
/** A lock older than this was left by a run that died while building. */
const STALE_MS = 10 * 60_000;

async function acquire(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmdirSync(LOCK);
      } catch {
        // released meanwhile
      }
      await sleep(250);
    }
  }
}

function stamped(run: string): boolean {
  try {
    return readFileSync(STAMP, "utf8") === run;
  } catch {
    return false;
  }
}

let done: Promise<void> | null = null;

/** Builds packages/web/dist unless this test run has built it already. */
export function buildWebOnce(): Promise<void> {
  done ??= (async () => {
    const run = inject("e2eRunId");
    if (stamped(run)) return;
    await acquire();
    try {
      if (stamped(run)) return;
      await build({ configFile: resolve(WEB, "vite.config.ts"), logLevel: "warn" });
      writeFileSync(STAMP, run);
    } finally {
      rmdirSync(LOCK);
    }
  })();
  return done;
}
