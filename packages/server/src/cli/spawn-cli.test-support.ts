/** Test support: runs the real `tumbuh` command (bin/tumbuh.mjs) as a child process. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "../../bin/tumbuh.mjs");

export interface SpawnedCli {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the output matches `pattern`; rejects when the process exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Starts `tumbuh ARGS…` with the embedded database in `dataDir` (DATABASE_URL and TUMBUH_KEY
 * cleared unless `env` sets them).
 */
export function spawnCli(args: string[], dataDir: string, env: Record<string, string> = {}): SpawnedCli {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TUMBUH_DATA_DIR: dataDir, DATABASE_URL: "", ...env };
  if (!env.TUMBUH_KEY) delete childEnv.TUMBUH_KEY;
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env: childEnv });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString("utf8");
    for (const l of listeners) l();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | string>((resolve) =>
    child.on("close", (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs = 240_000) {
      return new Promise<void>((resolve, reject) => {
        const done = (err?: Error) => {
          listeners.delete(check);
          clearTimeout(timer);
          if (err) reject(err);
          else resolve();
        };
        const check = () => {
          if (pattern.test(out)) done();
        };
        const timer = setTimeout(
          () => done(new Error(`no ${pattern} after ${timeoutMs} ms:\n${out}`)),
          timeoutMs,
        );
        listeners.add(check);
        exited.then((code) => done(pattern.test(out) ? undefined : new Error(`exited ${code}:\n${out}`)));
        check();
      });
    },
  };
}

/** Runs `tumbuh ARGS…` to its end; resolves with its exit code and output. */
export async function runCliProcess(
  args: string[],
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | string; output: string }> {
  const run = spawnCli(args, dataDir, env);
  const code = await run.exited;
  return { code, output: run.output() };
}

/** A port on 127.0.0.1 nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
