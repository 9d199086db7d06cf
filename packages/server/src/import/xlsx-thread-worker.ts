/**
 * The thread that reads an XLSX file for an import (started by xlsx-thread.ts, with a memory
 * cap): it reads the sheets with exceljs and sends their rows, a batch per request, so that it
 * never runs ahead of the import by more than one batch.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ImportFileError } from "./errors.ts";
import { ImportLimitError, type ImportLimits, tooManyColumns } from "./limits.ts";
import { readXlsxSheets } from "./xlsx-read.ts";
import type { XlsxMessage } from "./xlsx-thread.ts";

const port = parentPort;
if (!port) throw new Error("xlsx-thread-worker.ts runs as a worker thread");
const { path, limits } = workerData as { path: string; limits: ImportLimits };

let credit = 0;
let waiting: (() => void) | undefined;
/** The reader asked to skip the rest of the sheet (message 1 instead of 0). */
let skipping = false;
port.on("message", (m: number) => {
  if (m === 1) skipping = true;
  const w = waiting;
  waiting = undefined;
  if (w) w();
  else credit++;
});

/** Sends a message once the reader asked for one. */
async function send(message: XlsxMessage): Promise<void> {
  if (credit > 0) credit--;
  else await new Promise<void>((r) => (waiting = r));
  port?.postMessage(message);
}

const where = (sheet: string, row: number) => `Lembar '${sheet}' baris ${row} / Sheet '${sheet}' row ${row}`;

try {
  for await (const sheet of readXlsxSheets(path)) {
    if (sheet.header.length > limits.columns)
      throw tooManyColumns(limits.columns, sheet.header.length, where(sheet.name, 1));
    skipping = false;
    await send({ type: "sheet", name: sheet.name, header: sheet.header });
    for await (const rows of sheet.chunks) {
      if (skipping) continue;
      for (const r of rows)
        if (r.cells.length > limits.columns)
          throw tooManyColumns(limits.columns, r.cells.length, where(sheet.name, r.rowNo));
      await send({ type: "rows", rows });
    }
    await send({ type: "sheetEnd" });
  }
  await send({ type: "end" });
} catch (err) {
  const e = err as Error;
  port.postMessage({
    type: "error",
    message: e.message,
    ...(err instanceof ImportFileError ? { userMessage: err.userMessage } : {}),
    ...(err instanceof ImportLimitError ? { status: err.status, limit: err.limit } : {}),
  } satisfies XlsxMessage);
}
