/** A worker thread of `tumbuh zscore`'s parallel path: scores whole-record pieces of a file. */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { AgeUnit } from "./row.ts";
import { ZScoreCore } from "./zscore-stream.ts";

/** A piece to score: its sequence number and bytes (whole records, UTF-8). */
export interface PieceRequest {
  seq: number;
  bytes: Uint8Array;
}

/** A scored piece; error rows are numbered within the piece (its first data row is row 2). */
export type PieceResult =
  | { seq: number; output: Uint8Array; rows: number; badRows: number; errors: [number, string][] }
  | { seq: number; failure: string };

/** Scores one piece (whole records) as the worker threads do; the main thread uses it for its share. */
export function scorePiece(
  headerLine: string,
  ageUnit: AgeUnit,
  seq: number,
  bytes: Uint8Array,
): PieceResult {
  try {
    const errors: [number, string][] = [];
    const core = new ZScoreCore({
      ageUnit,
      writeHeader: false,
      onRowError: (row, message) => errors.push([row, message]),
    });
    core.feed(`${headerLine}\n`);
    const parts = [core.feed(decoder.decode(bytes)), core.end()].filter((b): b is Buffer => b !== undefined);
    const joined = Buffer.concat(parts);
    const output = new Uint8Array(joined.length);
    output.set(joined);
    return { seq, output, rows: core.stats.rows, badRows: core.stats.badRows, errors };
  } catch (err) {
    return { seq, failure: err instanceof Error ? err.message : String(err) };
  }
}

const decoder = new TextDecoder();

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { headerLine, ageUnit } = workerData as { headerLine: string; ageUnit: AgeUnit };
  port.on("message", ({ seq, bytes }: PieceRequest) => {
    const result = scorePiece(headerLine, ageUnit, seq, bytes);
    port.postMessage(result, "output" in result ? [result.output.buffer as ArrayBuffer] : []);
  });
}
