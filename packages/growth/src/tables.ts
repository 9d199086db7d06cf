/**
 * The WHO Child Growth Standards LMS tables, compiled into the package (no I/O) and decoded
 * on first use.
 */
import { decodeLmsTable, type EncodedLmsTable, type LmsTable } from "./table-codec.ts";
import { ac } from "./tables/ac.ts";
import { bmi } from "./tables/bmi.ts";
import { hc } from "./tables/hc.ts";
import { len } from "./tables/len.ts";
import { ss } from "./tables/ss.ts";
import { ts } from "./tables/ts.ts";
import { wei } from "./tables/wei.ts";
import { wfh } from "./tables/wfh.ts";
import { wfl } from "./tables/wfl.ts";

export type { LmsTable } from "./table-codec.ts";

/** Tables keyed by age in whole days (0..1826; arm circumference and skinfolds from 91). */
export type AgeTableName = "len" | "wei" | "bmi" | "hc" | "ac" | "ts" | "ss";
/** Tables keyed by length (wfl, 45–110 cm) or height (wfh, 65–120 cm) in 0.1 cm rows. */
export type LenheiTableName = "wfl" | "wfh";
export type TableName = AgeTableName | LenheiTableName;

const encoded: Record<TableName, EncodedLmsTable> = { len, wei, bmi, hc, ac, ts, ss, wfl, wfh };
const decoded: Partial<Record<TableName, LmsTable>> = {};

/** Returns the decoded LMS table (decoded once, then cached). */
export function lmsTable(name: TableName): LmsTable {
  let table = decoded[name];
  if (table === undefined) {
    table = decodeLmsTable(encoded[name]);
    decoded[name] = table;
  }
  return table;
}

/** One row of a table as plain numbers, for tests and for callers that want to show the reference. */
export interface LmsRow {
  l: number;
  m: number;
  s: number;
}

/**
 * The L, M, S row for a sex and key (whole days for age tables, tenths of a cm for wfl/wfh),
 * or undefined outside the table.
 */
export function lmsRow(name: TableName, sex: 1 | 2, key: number): LmsRow | undefined {
  const table = lmsTable(name);
  if (!Number.isInteger(key) || key < table.first || key > table.last) return undefined;
  const at = ((sex - 1) * table.count + key - table.first) * 3;
  return { l: table.lms[at], m: table.lms[at + 1], s: table.lms[at + 2] };
}
