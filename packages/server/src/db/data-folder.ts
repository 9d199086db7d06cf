/**
 * The embedded database's data folder: one process at a time, and private to the account that
 * runs Tumbuh.
 *
 * PGlite has no lock of its own: a second process opening the same folder writes over the first
 * one's files and the database is lost at the next crash. Whoever opens the folder therefore
 * holds `tumbuh.lock`, a file created with O_EXCL that names its holder (pid, the process's start
 * time and boot, host, command). A lock whose holder no longer runs — killed with SIGKILL, a
 * power cut — is stale and the next opener takes it over. Nothing is refreshed on a timer (a long
 * PGlite statement blocks the event loop for seconds), so a busy holder never loses its lock.
 */
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK_FILE = "tumbuh.lock";

/** Who holds a data folder, as written in its lock file. */
export interface LockHolder {
  pid: number;
  /** The holder's start time in clock ticks after boot (Linux /proc), to tell a reused pid. */
  startTicks: string | null;
  /** The boot the holder ran in (Linux), so a lock from before a restart is stale. */
  bootId: string | null;
  host: string;
  /** When the lock was taken (ISO 8601). */
  since: string;
  /** The holder's command line after `node` (e.g. `tumbuh.mjs serve`). */
  command: string;
  /** A random token: the holder releases only the lock it wrote. */
  token: string;
}

/** Thrown when another process (or another open database in this one) holds the folder. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    super(lockedMessage(folder, holder));
    this.name = "DataFolderLockedError";
  }
}

function lockedMessage(folder: string, holder: LockHolder | null): string {
  const lockFile = join(folder, LOCK_FILE);
  if (!holder) {
    return (
      `Folder data ${folder} sedang dibuka oleh proses lain (berkas kunci ${lockFile} baru dibuat). Coba lagi sebentar lagi. / ` +
      `The data folder ${folder} is being opened by another process (lock file ${lockFile} just created). Try again in a moment.`
    );
  }
  const otherHost = holder.host !== hostname();
  const who = `pid ${holder.pid}${otherHost ? ` @ ${holder.host}` : ""}, "${holder.command}", ${holder.since}`;
  const stale = otherHost
    ? ` Jika proses itu sudah tidak berjalan di ${holder.host}, hapus ${lockFile}. / If that process no longer runs on ${holder.host}, delete ${lockFile}.`
    : "";
  return (
    `Folder data ${folder} sedang dipakai proses lain (${who}); hanya satu proses boleh membuka basis data tertanam. ` +
    "Hentikan proses itu dulu (misalnya server Tumbuh), atau lakukan perubahan lewat server yang sedang berjalan (aplikasi web). / " +
    `The data folder ${folder} is in use by another process (${who}); only one process may open the embedded database. ` +
    `Stop that process first (for instance the Tumbuh server), or make the change through the running server (the web app).${stale}`
  );
}

/** A held data-folder lock. */
export interface DataFolderLock {
  readonly folder: string;
  /** Removes the lock file if it is still this holder's (idempotent). */
  release(): void;
}

/** Folders this process holds, so a second open in the same process is refused too. */
const held = new Map<string, LockHolder>();
let exitHookInstalled = false;

/** The /proc/<pid>/stat start time (field 22), or null where there is no /proc. */
function procStartTicks(pid: number | "self"): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return null;
  }
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(lockFile, "utf8")) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.token === "string" ? h : null;
  } catch {
    return null;
  }
}

/** Whether the process named in a lock still runs (a lock of another host is taken as live). */
function holderIsAlive(h: LockHolder): boolean {
  if (h.host !== hostname()) return true;
  if (h.pid === process.pid) return false; // this process, in a previous life (a container's pid 1, say)
  const boot = bootId();
  if (h.bootId && boot && h.bootId !== boot) return false;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to another account.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  const ticks = procStartTicks(h.pid);
  return !(h.startTicks && ticks && h.startTicks !== ticks); // else the pid was reused
}

/**
 * Takes the data folder's lock, or throws DataFolderLockedError naming the holder. A stale lock
 * (its holder gone) is taken over: renamed aside, checked to be the very file judged stale (its
 * inode), removed, and the lock created anew with O_EXCL.
 */
export function lockDataFolder(folder: string): DataFolderLock {
  const lockFile = join(folder, LOCK_FILE);
  const mine = held.get(folder);
  if (mine) throw new DataFolderLockedError(folder, mine);
  const holder: LockHolder = {
    pid: process.pid,
    startTicks: procStartTicks("self"),
    bootId: bootId(),
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv
      .slice(1)
      .map((a) => a.replace(/^.*[/\\]/, ""))
      .join(" ")
      .slice(0, 200),
    token: randomBytes(12).toString("hex"),
  };
  for (let attempt = 0; ; attempt++) {
    if (attempt > 20) throw new DataFolderLockedError(folder, readHolder(lockFile));
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      try {
        writeSync(fd, `${JSON.stringify(holder)}\n`);
      } catch (err) {
        unlinkSync(lockFile); // a full disk, say: leave no empty lock behind
        throw err;
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let ino: number;
    try {
      ino = statSync(lockFile).ino;
    } catch {
      continue; // released meanwhile
    }
    const other = readHolder(lockFile);
    if (!other) {
      // Unreadable: being written this very moment, or left empty by a crash while writing.
      let age = 0;
      try {
        age = Date.now() - statSync(lockFile).mtimeMs;
      } catch {
        continue;
      }
      if (age < 5_000) throw new DataFolderLockedError(folder, null);
    } else if (holderIsAlive(other)) {
      throw new DataFolderLockedError(folder, other);
    }
    // Stale: move it aside; if what moved is not the file judged stale, a new holder took the lock
    // in between — put theirs back and look again.
    const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      renameSync(lockFile, aside);
    } catch {
      continue;
    }
    if (statSync(aside).ino !== ino) restoreAside(aside, lockFile);
    else unlinkSync(aside);
  }
  held.set(folder, holder);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that exits without closing its database still leaves the folder free.
    process.on("exit", () => {
      for (const f of [...held.keys()]) releaseLock(f);
    });
  }
  return { folder, release: () => releaseLock(folder) };
}

/** Puts back a live lock moved aside by mistake, unless yet another holder has created one since. */
function restoreAside(aside: string, lockFile: string): void {
  try {
    linkSync(aside, lockFile);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EEXIST" && !existsSync(lockFile)) {
      renameSync(aside, lockFile); // a file system without hard links
      return;
    }
  }
  unlinkSync(aside);
}

function releaseLock(folder: string): void {
  const holder = held.get(folder);
  if (!holder) return;
  held.delete(folder);
  const lockFile = join(folder, LOCK_FILE);
  if (readHolder(lockFile)?.token === holder.token) {
    try {
      unlinkSync(lockFile);
    } catch {
      // already gone
    }
  }
}

/**
 * Makes the folder and everything in it private to this account: group and others lose every
 * permission, so folders are 0700 and files 0600 (PGlite writes its files 0666 whatever the
 * umask); an owner's execute bit is kept, should the folder hold anything but Tumbuh's files.
 * Symbolic links are left alone.
 */
export function restrictFolderModes(folder: string): void {
  const walk = (path: string, isDir: boolean) => {
    try {
      const st = lstatSync(path);
      if (st.isSymbolicLink()) return;
      const mode = st.mode & 0o777;
      const want = (mode & 0o700) | (isDir ? 0o700 : 0o600);
      if (mode !== want) chmodSync(path, want);
      if (!isDir) return;
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        if (!entry.isSymbolicLink()) walk(join(path, entry.name), entry.isDirectory());
      }
    } catch (err) {
      // A file PGlite removed between the listing and here.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  };
  walk(folder, true);
}
