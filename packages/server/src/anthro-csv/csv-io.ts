/** Streaming CSV reading and writing shared by the anthro CSV commands. */
import { open } from "node:fs/promises";

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

/**
 * Opens a file for streaming as UTF-8 text. Throws a readable error when the file cannot be read, before
 * any output is written.
 */
export async function openText(path: string): Promise<NodeJS.ReadableStream> {
  try {
    const handle = await open(path, "r");
    const info = await handle.stat();
    if (info.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    }
    return handle.createReadStream({ encoding: "utf8", highWaterMark: 1 << 20 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : String(err);
    throw new Error(`cannot read ${path}: ${why}; expected a CSV file with a header row`);
  }
}
