/**
 * What an imported file is, from its first bytes rather than its name: an XLSX workbook (a zip),
 * text (CSV) in UTF-8 or UTF-16, or something Tumbuh does not read (an old .xls, a PDF, ...).
 * A CSV saved with a .xlsx name, or a workbook with a .csv name, is read for what it is.
 */

import { open } from "node:fs/promises";
import { type UserMessage, userMessage } from "@tumbuh/core";
import { ImportLimitError } from "./limits.ts";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

export type FileKind = { kind: "xlsx" } | { kind: "csv"; encoding: TextEncoding; bomBytes: number };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Buffer, magic: number[]) =>
  buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

/** A file Tumbuh cannot read as a table (422). */
function unreadableFile(id: string, en: string, msg: UserMessage): ImportLimitError {
  return new ImportLimitError(
    422,
    "format",
    `Berkas ini ${id}; Tumbuh membaca CSV (UTF-8) dan XLSX. / This file ${en}; Tumbuh reads CSV (UTF-8) and XLSX.`,
    msg,
  );
}

/** Tells the kind of a file from its first bytes. */
export async function fileKind(path: string): Promise<FileKind> {
  const fh = await open(path, "r");
  let head: Buffer;
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (startsWith(head, ZIP)) return { kind: "xlsx" };
  if (startsWith(head, OLE))
    throw unreadableFile(
      "berformat Excel lama (.xls): simpan ulang sebagai .xlsx atau CSV",
      "is an old Excel file (.xls): save it as .xlsx or CSV",
      userMessage("import.oldExcel"),
    );
  if (startsWith(head, [0xff, 0xfe])) return { kind: "csv", encoding: "utf-16le", bomBytes: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { kind: "csv", encoding: "utf-16be", bomBytes: 2 };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: "csv", encoding: "utf-8", bomBytes: 3 };
  // UTF-16 without its mark: ASCII text has a zero byte beside each character.
  const pairs = Math.floor(Math.min(head.length, 512) / 2);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (pairs >= 4 && oddZeros > pairs * 0.6 && evenZeros === 0)
    return { kind: "csv", encoding: "utf-16le", bomBytes: 0 };
  if (pairs >= 4 && evenZeros > pairs * 0.6 && oddZeros === 0)
    return { kind: "csv", encoding: "utf-16be", bomBytes: 0 };
  if (head.includes(0))
    throw unreadableFile(
      "bukan teks CSV maupun XLSX",
      "is neither CSV text nor an XLSX workbook",
      userMessage("import.notTable"),
    );
  return { kind: "csv", encoding: "utf-8", bomBytes: 0 };
}
