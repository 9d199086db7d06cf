/**
 * The folder where uploaded files wait between their dry run and their confirmation. The folder
 * is private to the server's account (0700) and each file in it 0600 (a file carries clear NIK).
 * Files are deleted on confirm and on cancel; what a stopped server left behind, and what waited
 * longer than an hour, is swept away (sweepUploadFolder).
 */
import { chmodSync, createWriteStream, type Dirent, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Creates the folder (0700) if needed. */
export function ensureUploadFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
}

/** Writes an uploaded stream to `path`, readable by this account alone. */
export async function writeUpload(path: string, file: Readable): Promise<void> {
  await pipeline(file, createWriteStream(path, { mode: 0o600, flags: "wx" }));
}

/**
 * Deletes every file of `folder` but those in `keep`; returns how many it deleted. Only the files
 * directly in the folder are uploads: sub-folders hold stored documents (aksi evidence, regulation
 * documents) and are never touched.
 */
export function sweepUploadFolder(folder: string, keep: ReadonlySet<string>): number {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw err;
  }
  let removed = 0;
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const path = join(folder, entry.name);
    if (keep.has(path)) continue;
    rmSync(path, { force: true });
    removed++;
  }
  return removed;
}
