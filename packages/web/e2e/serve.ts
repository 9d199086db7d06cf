/** Runs `tumbuh serve` itself (what `npm start` runs) on a free port with a fresh data folder. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface DemoServer {
  url: string;
  /** The demo accounts' password, as `tumbuh serve` prints it. */
  password: string;
  output: () => string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** Starts `tumbuh serve` with the demo district and resolves once it says it is running. */
export async function startDemoServer(timeoutMs = 400_000): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "tumbuh-e2e-demo-"));
  const port = await freePort();
  const bin = resolve(import.meta.dirname, "../../server/bin/tumbuh.mjs");
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, "serve", "--port", String(port), "--host", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TUMBUH_DATA_DIR: dataDir, DATABASE_URL: "", PORT: String(port) },
    },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`tumbuh serve not running after ${timeoutMs} ms\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      if (/running at http/.test(out) && /password for all: [^)\s]+\)/.test(out)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`tumbuh serve exited with ${code}\n${out}`));
    });
  });
  const password = /password for all: ([^)\s]+)\)/.exec(out)![1];
  return {
    url: `http://127.0.0.1:${port}`,
    password,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
