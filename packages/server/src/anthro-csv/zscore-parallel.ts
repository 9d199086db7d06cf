/**
 * `tumbuh zscore` on several cores: the main thread cuts the file into pieces of whole records, scores
 * every `threads`-th piece itself and hands the others to `threads − 1` worker threads (all with the same
 * ZScoreCore as the single-thread stream), then writes the results in file order. At most two pieces per
 * worker are in flight, so memory stays flat.
 */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { Worker } from "node:worker_threads";
import { checkUsable, mapColumns } from "./columns.ts";
import { sniffDelimiter } from "./csv-io.ts";
import { CsvLines } from "./csv-lines.ts";
import { lastRecordEnd } from "./record-boundary.ts";
import type { AgeUnit } from "./row.ts";
import { outputHeader, type ZScoreStats } from "./zscore-stream.ts";
import { type PieceRequest, type PieceResult, scorePiece } from "./zscore-worker.ts";

export interface ParallelOptions {
  ageUnit: AgeUnit;
  threads: number;
  onRowError: (row: number, message: string) => void;
  /** Bytes per piece handed to a worker. */
  pieceBytes?: number;
}

const WORKER_ENTRY = new URL("./zscore-worker.mjs", import.meta.url);

/** Reads the header line (up to the first line break outside quotes) from the start of the file. */
async function readHeader(path: string): Promise<{ line: string; bytes: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    const all = Buffer.concat(chunks);
    let inQuotes = false;
    for (let i = 0; i < all.length; i++) {
      if (all[i] === 34) inQuotes = !inQuotes;
      else if (all[i] === 10 && !inQuotes) return { line: all.subarray(0, i).toString("utf8"), bytes: i + 1 };
    }
    if (size > 1 << 20) break;
  }
  const all = Buffer.concat(chunks);
  return { line: all.toString("utf8"), bytes: all.length };
}

/** Scores `path` into `out` on `threads` threads (this one included); resolves with the counts when all is written. */
export async function zscoreFileParallel(
  path: string,
  out: NodeJS.WritableStream,
  options: ParallelOptions,
): Promise<ZScoreStats> {
  const header = await readHeader(path);
  const headerLine = header.line.replace(/^\uFEFF/, "").replace(/\r$/, "");
  const fields: string[] = [];
  new CsvLines(sniffDelimiter(headerLine)).feed(headerLine, true, (f) =>
    fields.push(...f.map((h) => h.trim())),
  );
  const problem = checkUsable(fields, mapColumns(fields));
  if (problem) throw new Error(problem);
  out.write(`${outputHeader(fields)}\n`);

  const workers = Array.from(
    { length: options.threads - 1 },
    () => new Worker(WORKER_ENTRY, { workerData: { headerLine, ageUnit: options.ageUnit } }),
  );
  const stats: ZScoreStats = { rows: 0, badRows: 0 };
  const done = new Map<number, PieceResult>();
  let nextToWrite = 0;
  let inFlight = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  // Results are written strictly in file order; a chain of promises keeps writes from overlapping.
  let writing: Promise<void> = Promise.resolve();
  const writeReady = async (): Promise<void> => {
    for (let r = done.get(nextToWrite); r !== undefined; r = done.get(nextToWrite)) {
      done.delete(nextToWrite);
      nextToWrite++;
      if ("failure" in r) throw new Error(r.failure);
      for (const [row, message] of r.errors) options.onRowError(stats.rows + row, message);
      stats.rows += r.rows;
      stats.badRows += r.badRows;
      if (!out.write(r.output)) await once(out, "drain");
      inFlight--;
      notify();
    }
  };
  for (const worker of workers) {
    worker.on("message", (r: PieceResult) => {
      done.set(r.seq, r);
      writing = writing.then(writeReady).catch((err: Error) => {
        failure ??= err;
        notify();
      });
    });
    worker.on("error", (err) => {
      failure ??= err;
      notify();
    });
  }

  let seq = 0;
  const send = async (bytes: Uint8Array): Promise<void> => {
    while (inFlight >= 2 * options.threads && !failure)
      await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
    inFlight++;
    const turn = seq % options.threads;
    if (turn === workers.length) {
      // The main thread's share: scored here, between reads.
      done.set(seq, scorePiece(headerLine, options.ageUnit, seq, bytes));
      writing = writing.then(writeReady).catch((err: Error) => {
        failure ??= err;
        notify();
      });
    } else {
      const request: PieceRequest = { seq, bytes };
      workers[turn].postMessage(request, [bytes.buffer as ArrayBuffer]);
    }
    seq++;
  };

  try {
    const pieceBytes = options.pieceBytes ?? 1 << 20;
    let carry: Uint8Array = new Uint8Array(0);
    let inQuotes = false;
    const stream = createReadStream(path, { start: header.bytes, highWaterMark: pieceBytes });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const { cut, endsInQuotes } = lastRecordEnd(chunk, inQuotes);
      inQuotes = endsInQuotes;
      if (cut < 0) {
        carry = concat(carry, chunk, chunk.length);
        continue;
      }
      await send(concat(carry, chunk, cut));
      carry = copy(chunk.subarray(cut));
    }
    if (carry.length) await send(carry);
    while (inFlight > 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
    await writing;
    if (failure) throw failure;
    return stats;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function copy(bytes: Uint8Array): Uint8Array {
  const c = new Uint8Array(bytes.length);
  c.set(bytes);
  return c;
}

/** A fresh buffer (transferable on its own) holding `head` then the first `length` bytes of `tail`. */
function concat(head: Uint8Array, tail: Uint8Array, length: number): Uint8Array {
  const c = new Uint8Array(head.length + length);
  c.set(head);
  c.set(tail.subarray(0, length), head.length);
  return c;
}
