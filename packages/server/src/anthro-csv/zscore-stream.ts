/**
 * `tumbuh zscore` as a stream: CSV records in, the same records with WHO z-scores, flags and Permenkes
 * categories appended out. Works in batches so memory stays flat whatever the file size.
 */
import { Transform, type TransformCallback } from "node:stream";
import {
  type AnthroResult,
  anthroZScores,
  statusBbtb,
  statusBbu,
  statusImtu,
  statusTbu,
} from "@tumbuh/growth";
import { type ColumnMap, checkUsable, mapColumns } from "./columns.ts";
import { csvField } from "./csv-io.ts";
import { type AgeUnit, readRow } from "./row.ts";

/** The columns appended to every row, with anthro's names. */
export const OUTPUT_COLUMNS = [
  "age_days",
  "clenhei",
  "cbmi",
  "c9mo_flag",
  "zlen",
  "flen",
  "zwei",
  "fwei",
  "zwfl",
  "fwfl",
  "zbmi",
  "fbmi",
  "zhc",
  "fhc",
  "zac",
  "fac",
  "zts",
  "fts",
  "zss",
  "fss",
  "status_tbu",
  "status_bbu",
  "status_bbtb",
  "status_imtu",
] as const;

const EMPTY_RESULT = ",".repeat(OUTPUT_COLUMNS.length - 1);

const num = (v: number | undefined): string => (v === undefined ? "" : String(v));
const flag = (z: number | undefined, f: boolean | undefined): string =>
  z === undefined ? "" : f ? "1" : "0";

/** Formats the appended cells of one scored row (no leading comma). */
export function formatResult(r: AnthroResult): string {
  return [
    num(r.ageDays),
    num(r.clenhei),
    num(r.cbmi),
    r.c9moFlag ? "1" : "0",
    num(r.zlen),
    flag(r.zlen, r.flen),
    num(r.zwei),
    flag(r.zwei, r.fwei),
    num(r.zwfl),
    flag(r.zwfl, r.fwfl),
    num(r.zbmi),
    flag(r.zbmi, r.fbmi),
    num(r.zhc),
    flag(r.zhc, r.fhc),
    num(r.zac),
    flag(r.zac, r.fac),
    num(r.zts),
    flag(r.zts, r.fts),
    num(r.zss),
    flag(r.zss, r.fss),
    statusTbu(r.flen ? undefined : r.zlen)?.code ?? "",
    statusBbu(r.fwei ? undefined : r.zwei)?.code ?? "",
    statusBbtb(r.fwfl ? undefined : r.zwfl)?.code ?? "",
    statusImtu(r.fbmi ? undefined : r.zbmi)?.code ?? "",
  ].join(",");
}

export interface ZScoreStreamOptions {
  ageUnit: AgeUnit;
  /** Called once per bad row with its spreadsheet row number (the header is row 1). */
  onRowError: (row: number, message: string) => void;
}

/** Counts kept while streaming, for the closing summary. */
export interface ZScoreStats {
  rows: number;
  badRows: number;
}

/** Creates the object-mode transform: string[] records in, CSV text out (header first). */
export function createZScoreStream(options: ZScoreStreamOptions): { stream: Transform; stats: ZScoreStats } {
  const stats: ZScoreStats = { rows: 0, badRows: 0 };
  let header: string[] | undefined;
  let map: ColumnMap = {};
  let width = 0;
  // Rows are pushed in groups: one push per row costs more than the scoring itself.
  let pending: string[] = [];
  const stream = new Transform({
    writableObjectMode: true,
    readableObjectMode: false,
    writableHighWaterMark: 4096,
    transform(record: string[], _enc, done: TransformCallback) {
      if (header === undefined) {
        header = record.map((h) => h.trim());
        map = mapColumns(header);
        const problem = checkUsable(header, map);
        if (problem) return done(new Error(problem));
        width = header.length;
        return done(null, `${[...header.map(csvField), ...OUTPUT_COLUMNS].join(",")}\n`);
      }
      stats.rows++;
      const cells = record.length === width ? record : padTo(record, width);
      const passThrough = cells.map(csvField).join(",");
      const reading = readRow(cells, map, options.ageUnit, header);
      if (reading.ok) {
        pending.push(`${passThrough},${formatResult(anthroZScores(reading.input))}\n`);
      } else {
        stats.badRows++;
        options.onRowError(stats.rows + 1, reading.errors.join("; "));
        pending.push(`${passThrough},${EMPTY_RESULT}\n`);
      }
      if (pending.length >= 1024) {
        const chunk = pending.join("");
        pending = [];
        return done(null, chunk);
      }
      done();
    },
    flush(done: TransformCallback) {
      done(null, pending.length ? pending.join("") : undefined);
    },
  });
  return { stream, stats };
}

function padTo(record: string[], width: number): string[] {
  if (record.length > width) return record.slice(0, width);
  return [...record, ...Array<string>(width - record.length).fill("")];
}
