/**
 * Writers for tabular files as districts exchange them: CSV (comma or semicolon) and XLSX
 * (one named sheet), both streamed so a file of any length is written in bounded memory.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import ExcelJS from "exceljs";

function csvCell(v: string, delimiter: string): string {
  return v.includes(delimiter) || /["\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes a header and rows as CSV with the given delimiter; returns the number of rows written. */
export async function writeCsv(
  path: string,
  header: readonly string[],
  rows: Iterable<string[]>,
  delimiter = ",",
): Promise<number> {
  const out = createWriteStream(path, { encoding: "utf8" });
  const line = (cells: readonly string[]) => `${cells.map((c) => csvCell(c, delimiter)).join(delimiter)}\n`;
  out.write(line(header));
  let n = 0;
  let buf = "";
  for (const row of rows) {
    buf += line(row);
    n++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
  return n;
}

/** Writes a header and rows into one sheet of an XLSX workbook (streamed); returns the rows written. */
export async function writeXlsx(
  path: string,
  sheet: string,
  header: readonly string[],
  rows: Iterable<(string | number | Date)[]>,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...header]).commit();
  let n = 0;
  for (const row of rows) {
    ws.addRow(row).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return n;
}
