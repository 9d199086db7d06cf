import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DataFolderLockedError,
  LOCK_FILE,
  type LockHolder,
  lockDataFolder,
  restrictFolderModes,
} from "./data-folder.ts";

const root = mkdtempSync(join(tmpdir(), "tumbuh-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshFolder = () => {
  const dir = join(root, `f${n++}`);
  mkdirSync(dir);
  return dir;
};

function writeHolder(dir: string, holder: Partial<LockHolder>) {
  const full: LockHolder = {
    pid: 0,
    startTicks: null,
    bootId: null,
    host: hostname(),
    since: "2025-01-01T00:00:00.000Z",
    command: "tumbuh.mjs serve",
    token: "t",
    ...holder,
  };
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(full));
}

const lockedError = (fn: () => unknown): DataFolderLockedError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataFolderLockedError) return err;
    throw err;
  }
  throw new Error("expected DataFolderLockedError");
};

describe("the data folder lock", () => {
  it("is held by one opener at a time, even within one process, and free again once released", () => {
    const dir = freshFolder();
    const lock = lockDataFolder(dir);
    const held = JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")) as LockHolder;
    expect(held.pid).toBe(process.pid);
    expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
    const err = lockedError(() => lockDataFolder(dir));
    expect(err.message).toContain(`Folder data ${dir} sedang dipakai proses lain (pid ${process.pid}`);
    expect(err.message).toContain(
      `/ The data folder ${dir} is in use by another process (pid ${process.pid}`,
    );
    expect(err.message).toContain("Stop that process first");
    lock.release();
    lock.release();
    expect(() => statSync(join(dir, LOCK_FILE))).toThrow();
    lockDataFolder(dir).release();
  });

  it("refuses while the process named in the lock runs, naming its pid and command", async () => {
    const dir = freshFolder();
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      const ticks = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ")[19];
      writeHolder(dir, { pid: child.pid, startTicks: ticks, command: "tumbuh.mjs serve --port 3000" });
      const err = lockedError(() => lockDataFolder(dir));
      expect(err.holder?.pid).toBe(child.pid);
      expect(err.message).toContain(`(pid ${child.pid}, "tumbuh.mjs serve --port 3000"`);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("takes over a stale lock: its holder is gone, or its pid now belongs to another process", () => {
    const dead = freshFolder();
    const gone = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    writeHolder(dead, { pid: gone });
    const lock = lockDataFolder(dead);
    expect(JSON.parse(readFileSync(join(dead, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    lock.release();

    // The parent process runs, but started at another moment than the one written in the lock.
    const reused = freshFolder();
    writeHolder(reused, { pid: process.ppid, startTicks: "1" });
    lockDataFolder(reused).release();

    const beforeBoot = freshFolder();
    writeHolder(beforeBoot, { pid: process.ppid, bootId: "another-boot" });
    lockDataFolder(beforeBoot).release();
  });

  it("treats a lock of another host as held and says how to free it", () => {
    const dir = freshFolder();
    writeHolder(dir, { pid: 123, host: "other-host" });
    const err = lockedError(() => lockDataFolder(dir));
    expect(err.message).toContain("pid 123 @ other-host");
    expect(err.message).toContain(
      `If that process no longer runs on other-host, delete ${join(dir, LOCK_FILE)}`,
    );
  });

  it("waits on an unreadable lock being written, and takes one left empty long ago", () => {
    const dir = freshFolder();
    writeFileSync(join(dir, LOCK_FILE), "");
    expect(lockedError(() => lockDataFolder(dir)).message).toContain("Try again in a moment");
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_FILE), old, old);
    lockDataFolder(dir).release();
  });
});

describe("restrictFolderModes", () => {
  it("leaves group and others no access: folders 0700, files 0600, an owner's execute bit kept", () => {
    const dir = freshFolder();
    mkdirSync(join(dir, "pgdata", "base"), { recursive: true });
    writeFileSync(join(dir, "pgdata", "base", "1"), "x");
    writeFileSync(join(dir, "tumbuh.key"), "x");
    writeFileSync(join(dir, "run.sh"), "x");
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "pgdata"), 0o777);
    chmodSync(join(dir, "pgdata", "base"), 0o755);
    chmodSync(join(dir, "pgdata", "base", "1"), 0o666);
    chmodSync(join(dir, "tumbuh.key"), 0o644);
    chmodSync(join(dir, "run.sh"), 0o755);
    restrictFolderModes(dir);
    const mode = (p: string) => statSync(join(dir, p)).mode & 0o777;
    expect([mode(""), mode("pgdata"), mode("pgdata/base")]).toEqual([0o700, 0o700, 0o700]);
    expect([mode("pgdata/base/1"), mode("tumbuh.key"), mode("run.sh")]).toEqual([0o600, 0o600, 0o700]);
  });
});
