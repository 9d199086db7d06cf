/**
 * Reads an XLSX file on a thread of its own whose heap is capped (IMPORT_LIMITS.xlsxReaderHeapMb):
 * a workbook that would need more memory than that — a zip bomb, shared strings of gigabytes —
 * stops that thread, not the server, and the import is refused with a 413. Before the thread
 * starts, the file's zip directory is checked against the limits (xlsx-preflight.ts). Rows come
 * back a batch at a time, each asked for when the import wants it.
 */

import { Worker } from "node:worker_threads";
import { type UserMessage, userMessage } from "@tumbuh/core";
import { ImportFileError } from "./errors.ts";
import { ImportLimitError, type ImportLimits, readerOutOfMemory } from "./limits.ts";
import { type Sheet, type SheetRow, sheetOf } from "./sheet.ts";
import { checkXlsxParts } from "./xlsx-preflight.ts";

/** What the reading thread sends, one message per request. */
export type XlsxMessage =
  | { type: "sheet"; name: string; header: string[] }
  | { type: "rows"; rows: SheetRow[] }
  | { type: "sheetEnd" }
  | { type: "end" }
  | { type: "error"; message: string; userMessage?: UserMessage; status?: 413 | 422; limit?: string };

const WORKER_ENTRY = new URL("./xlsx-thread-worker.mjs", import.meta.url);

/** The reading thread, one message per `next()`. */
class XlsxThread {
  private readonly worker: Worker;
  private readonly inbox: XlsxMessage[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    path: string,
    private readonly limits: ImportLimits,
  ) {
    this.worker = new Worker(WORKER_ENTRY, {
      workerData: { path, limits },
      resourceLimits: { maxOldGenerationSizeMb: limits.xlsxReaderHeapMb },
    });
    this.worker.on("message", (m: XlsxMessage) => {
      this.inbox.push(m);
      this.notify();
    });
    this.worker.on("error", (err: Error & { code?: string }) => {
      this.failure =
        err.code === "ERR_WORKER_OUT_OF_MEMORY" ? readerOutOfMemory(this.limits.xlsxReaderHeapMb) : err;
      this.notify();
    });
    this.worker.on("exit", (code) => {
      this.failure ??= new Error(`reading the XLSX file: its thread stopped (exit ${code})`);
      this.notify();
    });
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Asks for the next message (with `skip`, the end of the sheet without its rows) and waits for it. */
  async next(skip = false): Promise<XlsxMessage> {
    this.worker.postMessage(skip ? 1 : 0);
    for (;;) {
      const m = this.inbox.shift();
      if (m) {
        if (m.type !== "error") return m;
        const msg = m.userMessage ?? userMessage("import.fileUnreadable", { detail: m.message });
        throw m.status && m.limit
          ? new ImportLimitError(m.status, m.limit, m.message, msg)
          : new ImportFileError(`reading the XLSX file: ${m.message}`, msg);
      }
      if (this.failure) throw this.failure;
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}

/** The sheets of an XLSX file, read on a capped thread (see the module comment). */
export async function* readXlsxInThread(path: string, limits: ImportLimits): AsyncGenerator<Sheet> {
  await checkXlsxParts(path, limits);
  const thread = new XlsxThread(path, limits);
  try {
    let m = await thread.next();
    while (m.type === "sheet") {
      let ended = false;
      async function* chunks(): AsyncGenerator<SheetRow[]> {
        while (!ended) {
          const r = await thread.next();
          if (r.type === "rows") yield r.rows;
          else ended = true;
        }
      }
      yield sheetOf(m.name, m.header, chunks());
      // Skip what the caller did not read so the thread moves to the next sheet.
      while (!ended) if ((await thread.next(true)).type !== "rows") ended = true;
      m = await thread.next();
    }
    if (m.type !== "end") throw new Error(`reading the XLSX file: unexpected ${m.type}`);
  } finally {
    await thread.stop();
  }
}
