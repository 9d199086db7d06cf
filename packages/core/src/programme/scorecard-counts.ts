/**
 * The desa convergence scorecard as a village reports it each quarter (Tabel 3 of the "Laporan
 * Konvergensi Pencegahan Stunting Tingkat Desa", workflows.md §2.2): per group the number of targets
 * N (pregnant women; children 0–23 months) and per indicator how many targets received it (Y) and
 * for how many it did not apply (TS). The arithmetic is the one of `desaScorecard`:
 *
 * - indicator coverage = Y ÷ (N − TS);
 * - tingkat konvergensi desa = ΣY ÷ (Σ over groups of indicators × N − ΣTS);
 * - null, never 0, when a denominator is 0;
 * - an indicator left blank counts its N − TS targets as T and is listed in `unrecorded`.
 *
 * Also the rows of the scorecard's spreadsheet (one row per village, quarter and indicator), read
 * back with an error per row and field.
 */

import { type UserMessage, userMessage } from "../messages.ts";
import { percent } from "./ratios.ts";
import type { ConvergenceLevel, DesaScorecard, ScorecardGroup, ScorecardIndicator } from "./scorecard.ts";
import { SCORECARD_INDICATORS } from "./scorecard.ts";

/** A quarter written YYYY-Qn, e.g. 2025-Q3. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The counts of one indicator: null when not entered. */
export interface IndicatorCount {
  y: number | null;
  ts: number | null;
}

/** What a village enters for a quarter. */
export interface ScorecardCounts {
  /** N per group: null when not entered (taken as 0). */
  targets: Record<ScorecardGroup, number | null>;
  /** By indicator code. */
  counts: Readonly<Record<string, IndicatorCount | undefined>>;
}

/** A field of the counts that cannot be right, and why (in English, and as a catalogue message). */
export interface ScorecardCountError {
  field: string;
  reason: string;
  userMessage: UserMessage;
}

const isCount = (v: number | null | undefined) =>
  v === null || v === undefined || (Number.isInteger(v) && v >= 0);

/**
 * What is wrong with a quarter's counts: not whole non-negative numbers, an unknown indicator, or
 * Y + TS above the group's N. Empty when the counts can be scored.
 */
export function scorecardCountErrors(
  input: ScorecardCounts,
  indicators: readonly ScorecardIndicator[] = SCORECARD_INDICATORS,
): ScorecardCountError[] {
  const errors: ScorecardCountError[] = [];
  for (const g of ["ibu_hamil", "anak_0_23"] as const)
    if (!isCount(input.targets[g]))
      errors.push({
        field: `targets.${g}`,
        reason: `found ${input.targets[g]}, expected a whole number ≥ 0`,
        userMessage: userMessage("aksi.scorecardNotCount", {
          field: `N ${g}`,
          value: String(input.targets[g]),
        }),
      });
  const known = new Map(indicators.map((i) => [i.code, i]));
  for (const [code, c] of Object.entries(input.counts)) {
    const ind = known.get(code);
    if (!ind) {
      errors.push({
        field: `counts.${code}`,
        reason: `'${code}' is not a scorecard indicator; expected one of ${[...known.keys()].join(", ")}`,
        userMessage: userMessage("aksi.scorecardUnknownIndicator", {
          indicator: code,
          expected: [...known.keys()].join(", "),
        }),
      });
      continue;
    }
    if (!c) continue;
    for (const k of ["y", "ts"] as const)
      if (!isCount(c[k]))
        errors.push({
          field: `counts.${code}.${k}`,
          reason: `found ${c[k]}, expected a whole number ≥ 0`,
          userMessage: userMessage("aksi.scorecardNotCount", {
            field: `${code} ${k.toUpperCase()}`,
            value: String(c[k]),
          }),
        });
    const n = input.targets[ind.group] ?? 0;
    const used = (c.y ?? 0) + (c.ts ?? 0);
    if (isCount(c.y) && isCount(c.ts) && used > n)
      errors.push({
        field: `counts.${code}`,
        reason: `Y ${c.y ?? 0} + TS ${c.ts ?? 0} = ${used} is more than the ${n} targets of the group`,
        userMessage: userMessage("aksi.scorecardOverTarget", { indicator: code, used, targets: n }),
      });
  }
  return errors;
}

/**
 * The scorecard of one village and quarter from its counts (checked first with
 * scorecardCountErrors). Same result shape as `desaScorecard`; an unrecorded indicator is listed
 * once with target id "*".
 */
export function desaScorecardFromCounts(
  quarter: string,
  input: ScorecardCounts,
  indicators: readonly ScorecardIndicator[] = SCORECARD_INDICATORS,
): DesaScorecard {
  const unrecorded: DesaScorecard["unrecorded"] = [];
  const results = indicators.map((ind) => {
    const n = input.targets[ind.group] ?? 0;
    const c = input.counts[ind.code];
    const blank = !c || c.y === null;
    const y = c?.y ?? 0;
    const ts = c?.ts ?? 0;
    if (blank && n - ts > 0) unrecorded.push({ targetId: "*", indicatorCode: ind.code });
    return {
      code: ind.code,
      group: ind.group,
      name: ind.name,
      targets: n,
      y,
      t: n - y - ts,
      ts,
      unrecorded: blank ? n - ts : 0,
      coveragePct: percent(y, n - ts),
    };
  });
  const level = (rs: typeof results): ConvergenceLevel => {
    const y = rs.reduce((s, r) => s + r.y, 0);
    const ts = rs.reduce((s, r) => s + r.ts, 0);
    const cells = rs.reduce((s, r) => s + r.targets, 0);
    return { y, ts, cells, denominator: cells - ts, pct: percent(y, cells - ts) };
  };
  const group = (g: ScorecardGroup) => {
    const rs = results.filter((r) => r.group === g);
    return { ...level(rs), targets: input.targets[g] ?? 0, indicators: rs.length };
  };
  return {
    quarter,
    indicators: results,
    groups: { ibu_hamil: group("ibu_hamil"), anak_0_23: group("anak_0_23") },
    level: level(results),
    unrecorded,
    unknownMarks: [],
  };
}

/** One row of the scorecard spreadsheet as read (cells still text or numbers). */
export interface ScorecardSheetRow {
  rowNo: number;
  village: unknown;
  quarter: unknown;
  code: unknown;
  n: unknown;
  y: unknown;
  ts: unknown;
}

/** A row that could not be taken: the spreadsheet row number, the column, what was found and expected. */
export interface ScorecardRowError {
  rowNo: number;
  field: string;
  /** In English (API clients, logs). */
  reason: string;
  /** The same as a catalogue message, for the user in their language. */
  userMessage: UserMessage;
}

/** The counts of one village and quarter read from the rows. */
export interface ScorecardSheetEntry {
  villageCode: string;
  quarter: string;
  input: ScorecardCounts;
}

/** The column names of the spreadsheet, in order (export writes them, import looks for them). */
export const SCORECARD_SHEET_COLUMNS = [
  "Kode Desa",
  "Triwulan",
  "Kode Indikator",
  "Indikator",
  "Sasaran (N)",
  "Y",
  "TS",
  "Cakupan (%)",
] as const;

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

function wholeNumber(v: unknown): number | null | "bad" {
  const s = text(v);
  if (s === "") return null;
  const n = Number(s.replace(",", "."));
  return Number.isInteger(n) && n >= 0 ? n : "bad";
}

const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/**
 * Reads the rows of the scorecard spreadsheet: each row names a village, a quarter, an indicator,
 * the group's N and the indicator's Y and TS. The rows of one village and quarter give one entry;
 * N must agree on every row of a group. Every row with a wrong cell is reported; entries with an
 * error are left out.
 */
export function readScorecardRows(
  rows: readonly ScorecardSheetRow[],
  indicators: readonly ScorecardIndicator[] = SCORECARD_INDICATORS,
): { entries: ScorecardSheetEntry[]; errors: ScorecardRowError[] } {
  const errors: ScorecardRowError[] = [];
  const known = new Map(indicators.map((i) => [i.code.toUpperCase(), i]));
  const byKey = new Map<
    string,
    ScorecardSheetEntry & { bad: boolean; nRow: Partial<Record<ScorecardGroup, number>> }
  >();
  for (const row of rows) {
    const village = text(row.village);
    const quarter = text(row.quarter).toUpperCase();
    const code = text(row.code).toUpperCase();
    const n = wholeNumber(row.n);
    const y = wholeNumber(row.y);
    const ts = wholeNumber(row.ts);
    const rowErrors: ScorecardRowError[] = [];
    const err = (field: string, reason: string, message: UserMessage) =>
      rowErrors.push({ rowNo: row.rowNo, field, reason, userMessage: message });
    if (!VILLAGE_CODE.test(village))
      err(
        "Kode Desa",
        `found "${village}", expected a village code such as 35.03.01.2001`,
        userMessage("aksi.scorecardRowVillageCode", { value: village }),
      );
    if (!QUARTER_PATTERN.test(quarter))
      err(
        "Triwulan",
        `found "${text(row.quarter)}", expected a quarter such as 2025-Q3`,
        userMessage("aksi.scorecardRowQuarter", { value: text(row.quarter) }),
      );
    const ind = known.get(code);
    if (!ind) {
      const expected = [...known.keys()].join(", ");
      err(
        "Kode Indikator",
        `found "${text(row.code)}", expected one of ${expected}`,
        userMessage("aksi.scorecardRowIndicator", { value: text(row.code), expected }),
      );
    }
    if (n === "bad" || n === null)
      err(
        "Sasaran (N)",
        `found "${text(row.n)}", expected a whole number ≥ 0`,
        userMessage("aksi.scorecardRowNotCount", { value: text(row.n) }),
      );
    if (y === "bad")
      err(
        "Y",
        `found "${text(row.y)}", expected a whole number ≥ 0 or an empty cell`,
        userMessage("aksi.scorecardRowNotCountOrEmpty", { value: text(row.y) }),
      );
    if (ts === "bad")
      err(
        "TS",
        `found "${text(row.ts)}", expected a whole number ≥ 0 or an empty cell`,
        userMessage("aksi.scorecardRowNotCountOrEmpty", { value: text(row.ts) }),
      );
    if (
      rowErrors.length === 0 &&
      typeof n === "number" &&
      y !== "bad" &&
      ts !== "bad" &&
      (y ?? 0) + (ts ?? 0) > n
    )
      err(
        "Y",
        `Y ${y ?? 0} + TS ${ts ?? 0} is more than N ${n}`,
        userMessage("aksi.scorecardRowOverN", { y: y ?? 0, ts: ts ?? 0, n }),
      );
    const key = `${village}|${quarter}`;
    let entry = byKey.get(key);
    if (!entry && VILLAGE_CODE.test(village) && QUARTER_PATTERN.test(quarter)) {
      entry = {
        villageCode: village,
        quarter,
        input: { targets: { ibu_hamil: null, anak_0_23: null }, counts: {} },
        bad: false,
        nRow: {},
      };
      byKey.set(key, entry);
    }
    if (entry && ind && rowErrors.length === 0 && typeof n === "number") {
      const prev = entry.input.targets[ind.group];
      if (prev !== null && prev !== n)
        err(
          "Sasaran (N)",
          `found ${n}, but row ${entry.nRow[ind.group]} gives ${prev} for the same group of ${village} ${quarter}`,
          userMessage("aksi.scorecardRowNDiffers", {
            value: n,
            row: entry.nRow[ind.group] ?? 0,
            previous: prev,
            village,
            quarter,
          }),
        );
      else if ((entry.input.counts as Record<string, IndicatorCount>)[ind.code])
        err(
          "Kode Indikator",
          `${ind.code} appears twice for ${village} ${quarter}`,
          userMessage("aksi.scorecardRowIndicatorTwice", { indicator: ind.code, village, quarter }),
        );
      else {
        entry.input.targets[ind.group] = n;
        entry.nRow[ind.group] ??= row.rowNo;
        (entry.input.counts as Record<string, IndicatorCount>)[ind.code] = {
          y: y as number | null,
          ts: ts as number | null,
        };
      }
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      if (entry) entry.bad = true;
    }
  }
  const entries = [...byKey.values()]
    .filter((e) => !e.bad)
    .map(({ villageCode, quarter, input }) => ({ villageCode, quarter, input }));
  return { entries, errors };
}

/** The spreadsheet rows of one village's quarter (the export; read back by readScorecardRows). */
export function scorecardSheetRows(
  villageCode: string,
  card: DesaScorecard,
): Array<[string, string, string, string, number, number | null, number, number | null]> {
  return card.indicators.map((r) => [
    villageCode,
    card.quarter,
    r.code,
    r.name,
    r.targets,
    r.unrecorded > 0 && r.y === 0 ? null : r.y,
    r.ts,
    r.coveragePct === null ? null : Math.round(r.coveragePct * 10) / 10,
  ]);
}
