/** A worker thread of `tumbuh zscore`'s parallel path: scores whole-record pieces of a file. */
import { parentPort, workerData } from "node:worker_threads";
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

const { headerLine, ageUnit } = workerData as { headerLine: string; ageUnit: AgeUnit };
const decoder = new TextDecoder();

parentPort?.on("message", ({ seq, bytes }: PieceRequest) => {
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
    const result: PieceResult = { seq, output, rows: core.stats.rows, badRows: core.stats.badRows, errors };
    parentPort?.postMessage(result, [output.buffer]);
  } catch (err) {
    parentPort?.postMessage({
      seq,
      failure: err instanceof Error ? err.message : String(err),
    } satisfies PieceResult);
  }
});
