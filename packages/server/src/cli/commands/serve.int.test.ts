/**
 * `tumbuh serve` and the embedded database's folder, with real processes: the server holds the
 * folder while it runs, other commands are refused with the holder's pid, a server killed with
 * SIGKILL leaves a stale lock the next command takes over, a server that cannot listen exits, and
 * so does one whose database thread stops.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_FILE } from "../../db/data-folder.ts";
import { runCli } from "../run-cli.test-support.ts";
import { freePort, runCliProcess, spawnCli } from "../spawn-cli.test-support.ts";

const root = mkdtempSync(join(tmpdir(), "tumbuh-serve-"));
const saved = { dir: process.env.TUMBUH_DATA_DIR, url: process.env.DATABASE_URL };
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (saved.dir === undefined) delete process.env.TUMBUH_DATA_DIR;
  else process.env.TUMBUH_DATA_DIR = saved.dir;
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
});
const dataDir = join(root, "data");

describe("tumbuh serve and its data folder (real processes, embedded database)", () => {
  it("exits when its port is taken: non-zero, a clear message, the database closed and the folder unlocked", async () => {
    const port = await freePort();
    const other: Server = createServer();
    await new Promise<void>((resolve) => other.listen(port, "127.0.0.1", resolve));
    try {
      const res = await runCliProcess(
        ["serve", "--no-demo", "--api-only", "--host", "127.0.0.1", "--port", String(port)],
        dataDir,
      );
      expect(res.code).toBe(1);
      expect(res.output).toContain(`Tumbuh cannot listen on 127.0.0.1:${port}: the port is in use`);
      expect(res.output).toContain(`Tumbuh tidak dapat mendengarkan di 127.0.0.1:${port}`);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    } finally {
      other.close();
    }
    // Closed cleanly: the next command opens the database at once.
    const check = await runCliProcess(["check"], dataDir);
    expect(check.output).toContain("ok:");
    expect(check.code).toBe(0);
  }, 480_000);

  it("keeps the folder while running: users create, import, targets import, regions load, db migrate, check --refresh and synth are refused naming the server's pid; after kill -9 the next command takes over", async () => {
    const port = await freePort();
    const server = spawnCli(
      ["serve", "--no-demo", "--api-only", "--host", "127.0.0.1", "--port", String(port)],
      dataDir,
    );
    try {
      await server.waitFor(/stop this server first/);
      // No user yet: the hint to create the first admin says to stop the server first.
      expect(server.output()).toContain("tumbuh users create --username admin --role national_admin");
      const pid = server.child.pid;
      const create = ["users", "create", "--username", "admin", "--role", "national_admin", "--scope", "ID"];
      const refused = await runCliProcess(create, dataDir);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `tumbuh users: Folder data ${dataDir} sedang dipakai proses lain (pid ${pid},`,
      );
      expect(refused.output).toContain(
        `The data folder ${dataDir} is in use by another process (pid ${pid}, "tumbuh.mjs serve`,
      );
      expect(refused.output).toContain("make the change through the running server (the web app)");
      expect(refused.output).not.toContain("created");
      // Every other command that writes is refused the same way (run in this process: the same path).
      process.env.TUMBUH_DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
      for (const args of [
        ["import", join(root, "file.csv"), "--district", "35.03"],
        ["targets", "import", join(root, "targets.csv")],
        ["regions", "load"],
        ["db", "migrate"],
        ["check", "--refresh"],
        ["synth", "--district", "35.03", "--children", "5", "--out", join(root, "synth.csv")],
      ]) {
        const res = await runCli(args);
        expect(res.code, args.join(" ")).toBe(1);
        expect(res.stderr, args.join(" ")).toContain(`is in use by another process (pid ${pid},`);
      }

      server.child.kill("SIGKILL");
      expect(await server.exited).toBe("SIGKILL");
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
      const created = await runCliProcess(create, dataDir);
      expect(created.output).toContain("created admin (national_admin, ID)");
      expect(created.code).toBe(0);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
      const after = await runCliProcess(["check"], dataDir);
      expect(after.output).toContain("ok:");
      expect(after.code).toBe(0);
    } finally {
      server.child.kill("SIGKILL");
    }
  }, 480_000);

  it("runs the embedded database on a thread and exits (code 1, a clear message, the folder unlocked) when that thread stops", async () => {
    // Loaded into the server process before Tumbuh: on SIGUSR2 it ends the process's worker threads,
    // as a crash of the database's thread would.
    const preload = join(root, "end-threads.mjs");
    writeFileSync(
      preload,
      `import { isMainThread, Worker } from "node:worker_threads";
if (isMainThread) {
  const workers = new Set();
  const post = Worker.prototype.postMessage;
  // Node's own module-loader thread (an InternalWorker, whose end ends the process) is left alone.
  Worker.prototype.postMessage = function (...args) {
    if (this.constructor === Worker) workers.add(this);
    return post.apply(this, args);
  };
  process.on("SIGUSR2", () => { for (const w of workers) void w.terminate(); });
}
`,
    );
    const port = await freePort();
    const server = spawnCli(
      ["serve", "--no-demo", "--api-only", "--host", "127.0.0.1", "--port", String(port)],
      dataDir,
      { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` },
    );
    try {
      await server.waitFor(/is running at/);
      expect(server.output()).toContain("(pglite)");
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      server.child.kill("SIGUSR2");
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(
        "tumbuh serve: Basis data tertanam berhenti (its thread exited with code 1); server tidak dapat melanjutkan tanpa basis data. / The embedded database stopped (its thread exited with code 1); the server cannot go on without its database.",
      );
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    } finally {
      server.child.kill("SIGKILL");
    }
    // The database is intact.
    const after = await runCliProcess(["check"], dataDir);
    expect(after.output).toContain("ok:");
    expect(after.code).toBe(0);
  }, 480_000);
});
