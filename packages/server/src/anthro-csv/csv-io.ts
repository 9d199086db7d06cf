/** Streaming CSV reading and writing shared by the anthro CSV commands. */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { type Parser, parse } from "csv-parse";

/** Quotes a CSV field only when it needs it (a comma, quote or line break). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Picks the delimiter of a CSV from its header line: semicolon when it has more of them than commas. */
export function sniffDelimiter(headerLine: string): "," | ";" {
  const semicolons = headerLine.split(";").length;
  const commas = headerLine.split(",").length;
  return semicolons > commas ? ";" : ",";
}

async function readFirstLine(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString("utf8");
    const end = text.search(/\r?\n/);
    return end < 0 ? text : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

/**
 * Opens a CSV file as a stream of records (arrays of strings), header included. Throws a readable error
 * when the file cannot be read.
 */
export async function openCsv(path: string): Promise<Parser> {
  let firstLine: string;
  try {
    firstLine = await readFirstLine(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : String(err);
    throw new Error(`cannot read ${path}: ${why}; expected a CSV file with a header row`);
  }
  const parser = parse({
    delimiter: sniffDelimiter(firstLine.replace(/^\uFEFF/, "")),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  return createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parser);
}
