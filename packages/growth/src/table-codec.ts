import { measureAtSd } from "./lms.ts";

/**
 * Compact storage of the WHO LMS tables: each of the L, M and S columns is a string of
 * base-36 deltas between values scaled to integers by 10^decimals.
 */

/** One encoded column: integers scaled by 10^decimals, delta-encoded, base 36, comma-separated. */
export interface EncodedColumn {
  decimals: number;
  data: string;
}

/** A WHO LMS table as generated into src/tables/: rows for sex 1, then the same keys for sex 2. */
export interface EncodedLmsTable {
  /** First key, in key units (days, or tenths of a cm). */
  first: number;
  /** Rows per sex; keys are contiguous: first, first + 1, ... */
  count: number;
  /** 1 for age tables (key in days), 10 for length/height tables (key in tenths of a cm). */
  keyScale: number;
  l: EncodedColumn;
  m: EncodedColumn;
  s: EncodedColumn;
}

/**
 * A decoded LMS table. `lms` holds L, M, S interleaved: row r of sex x (1 or 2) starts at
 * `((x - 1) * count + r) * 3`, where r = key - first.
 */
export interface LmsTable {
  first: number;
  count: number;
  /** Last key (inclusive), in key units. */
  last: number;
  keyScale: number;
  lms: Float64Array;
  /**
   * Per row, the cut-offs of the restricted z-score: SD3, SD3 − SD2, −SD3 and −SD2 − (−SD3)
   * (4 values per row, same row order as `lms`), computed once with `measureAtSd`.
   */
  tails: Float64Array;
}

/** Decodes one column into its exact double values (the same doubles the decimal text parses to). */
export function decodeColumn(column: EncodedColumn): Float64Array {
  const parts = column.data.split(",");
  const out = new Float64Array(parts.length);
  const scale = 10 ** column.decimals;
  let value = 0;
  for (let i = 0; i < parts.length; i++) {
    value += Number.parseInt(parts[i], 36);
    out[i] = value / scale;
  }
  return out;
}

/** Decodes a generated table into the interleaved form used by the z-score code. */
export function decodeLmsTable(table: EncodedLmsTable): LmsTable {
  const l = decodeColumn(table.l);
  const m = decodeColumn(table.m);
  const s = decodeColumn(table.s);
  const rows = table.count * 2;
  if (l.length !== rows || m.length !== rows || s.length !== rows) {
    throw new Error(
      `LMS table: expected ${rows} rows in each column, found ${l.length}/${m.length}/${s.length}`,
    );
  }
  const lms = new Float64Array(rows * 3);
  const tails = new Float64Array(rows * 4);
  for (let i = 0; i < rows; i++) {
    lms[i * 3] = l[i];
    lms[i * 3 + 1] = m[i];
    lms[i * 3 + 2] = s[i];
    const sd3pos = measureAtSd(l[i], m[i], s[i], 3);
    const sd3neg = measureAtSd(l[i], m[i], s[i], -3);
    tails[i * 4] = sd3pos;
    tails[i * 4 + 1] = sd3pos - measureAtSd(l[i], m[i], s[i], 2);
    tails[i * 4 + 2] = sd3neg;
    tails[i * 4 + 3] = measureAtSd(l[i], m[i], s[i], -2) - sd3neg;
  }
  return {
    first: table.first,
    count: table.count,
    last: table.first + table.count - 1,
    keyScale: table.keyScale,
    lms,
    tails,
  };
}
