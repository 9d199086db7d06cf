/**
 * Checks an XLSX file (a zip) against the import limits before anything unpacks it, from its
 * central directory: the size every part unpacks to, in all and for the shared strings, how many
 * times a part grows, and the count of shared strings its first bytes declare. A zip can lie
 * about its sizes: what this cannot see, the memory cap of the reading thread catches
 * (xlsx-thread.ts).
 */

import { open } from "node:fs/promises";
import { inflateRawSync, constants as zlibConstants } from "node:zlib";
import { userMessage } from "@tumbuh/core";
import { ImportFileError } from "./errors.ts";
import { type ImportLimits, ratioTooHigh, tooManySharedStrings, unpacksTooLarge } from "./limits.ts";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const SHARED_STRINGS = "xl/sharedStrings.xml";
const RATIO_FROM_BYTES = 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  unpacked: number;
  localOffset: number;
}

const notXlsx = (why: string) =>
  new ImportFileError(
    `Berkas ini bukan XLSX yang utuh (${why}); simpan ulang dari Excel sebagai .xlsx atau CSV. / ` +
      `This is not a complete XLSX file (${why}); save it again from Excel as .xlsx or CSV.`,
    userMessage("import.notXlsx"),
  );

interface ZipDirectory {
  entries: ZipEntry[];
  read: (at: number, length: number) => Promise<Buffer>;
  close: () => Promise<void>;
}

/** The entries of the zip's central directory. */
async function centralDirectory(path: string): Promise<ZipDirectory> {
  const fh = await open(path, "r");
  const size = (await fh.stat()).size;
  const read = async (at: number, length: number) => {
    const buf = Buffer.alloc(Math.max(0, Math.min(length, size - at)));
    await fh.read(buf, 0, buf.length, at);
    return buf;
  };
  try {
    const tailAt = Math.max(0, size - (65_535 + 22));
    const tail = await read(tailAt, size - tailAt);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw notXlsx("no zip directory");
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdOffset + cdSize > size) throw notXlsx("a zip directory out of place");
    const cd = await read(cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) throw notXlsx("a damaged zip directory");
      const nameLength = cd.readUInt16LE(at + 28);
      entries.push({
        name: cd.toString("utf8", at + 46, at + 46 + nameLength),
        method: cd.readUInt16LE(at + 10),
        compressed: cd.readUInt32LE(at + 20),
        unpacked: cd.readUInt32LE(at + 24),
        localOffset: cd.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    return { entries, read, close: () => fh.close() };
  } catch (err) {
    await fh.close();
    throw err;
  }
}

/** The first bytes of an entry, unpacked (for the attributes of its root element). */
async function entryStart(
  read: (at: number, length: number) => Promise<Buffer>,
  e: ZipEntry,
): Promise<string> {
  const local = await read(e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw notXlsx("a damaged zip entry");
  const dataAt = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  // 4 KB inflate to 4 MB at most (deflate packs 1,032 to 1 at best).
  const head = await read(dataAt, Math.min(e.compressed, 4096));
  if (e.method === 0) return head.toString("utf8");
  try {
    return inflateRawSync(head, {
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
      maxOutputLength: 8 * 1024 * 1024,
    }).toString("utf8");
  } catch {
    return "";
  }
}

/** Refuses (ImportLimitError) an XLSX file beyond the limits its zip directory shows. */
export async function checkXlsxParts(path: string, limits: ImportLimits): Promise<void> {
  const zip = await centralDirectory(path);
  try {
    let total = 0;
    for (const e of zip.entries) {
      total += e.unpacked;
      if (e.unpacked > RATIO_FROM_BYTES && e.unpacked > e.compressed * limits.xlsxRatio)
        throw ratioTooHigh(limits.xlsxRatio, e.unpacked / Math.max(1, e.compressed), e.name);
      if (e.name === SHARED_STRINGS && e.unpacked > limits.sharedStringsBytes)
        throw unpacksTooLarge("sharedStringsBytes", limits.sharedStringsBytes, e.unpacked, e.name);
    }
    if (total > limits.xlsxUnpackedBytes)
      throw unpacksTooLarge("xlsxUnpackedBytes", limits.xlsxUnpackedBytes, total, "semua bagian / all parts");
    const sst = zip.entries.find((e) => e.name === SHARED_STRINGS);
    if (sst) {
      const m = /<sst\b[^>]*\buniqueCount="(\d+)"/.exec(await entryStart(zip.read, sst));
      if (m && Number(m[1]) > limits.sharedStrings)
        throw tooManySharedStrings(limits.sharedStrings, Number(m[1]));
    }
  } finally {
    await zip.close();
  }
}
