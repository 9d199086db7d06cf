/** Runs the fixture server in its own process (PGlite work then never stalls the browser driver). */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The server's data folder (its uploads in `uploads/`). */
  dataDir: string;
  importFile: string;
  /** The village of the posyandu cadre account. */
  kaderVillage: string;
  stop(): Promise<void>;
}

/** Starts the fixture server with a fresh temporary data folder; resolves once it listens. */
export async function startServer(timeoutMs = 300_000): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "tumbuh-e2e-"));
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const child: ChildProcess = spawn(
    process.execPath,
    [tsx, resolve(import.meta.dirname, "fixture-server.ts"), dataDir],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TUMBUH_DATA_DIR: dataDir, DATABASE_URL: "" },
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const ready = await new Promise<{ address: string; importFile: string; kaderVillage: string }>(
    (resolveReady, reject) => {
      let out = "";
      const timer = setTimeout(
        () => reject(new Error(`fixture server not ready after ${timeoutMs} ms\n${stderr}`)),
        timeoutMs,
      );
      child.stdout?.on("data", (d) => {
        out += String(d);
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (line) {
          clearTimeout(timer);
          resolveReady(JSON.parse(line));
        }
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`fixture server exited with ${code}\n${stderr}`));
      });
    },
  );
  return {
    url: ready.address,
    dataDir,
    importFile: ready.importFile,
    kaderVillage: ready.kaderVillage,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
