/**
 * The village convergence scorecard (Aksi 5; "Laporan Konvergensi Pencegahan Stunting Tingkat
 * Desa", Tabel 3 and 4; workflows.md §2.2): 18 indicators — 8 for pregnant women, 10 for children
 * 0–23 months — and, per quarter, each target × indicator marked Y (received), T (not received) or
 * TS (tidak sasaran: not applicable).
 *
 * - indicator coverage = Y ÷ (N − TS), N the targets of the indicator's group;
 * - tingkat konvergensi desa = ΣY ÷ (Σ over groups of indicators × targets − ΣTS): each group's
 *   targets are multiplied by that group's own number of indicators (8 or 10), so a village where
 *   every applicable cell is Y gets 100 %;
 * - null, never 0, when a denominator is 0 (no targets, or every cell TS);
 * - a cell left blank counts as T, as the formula has it (only Y and TS are taken out), and is
 *   listed in `unrecorded` so the user sees why the level is below 100 %.
 */
import type { Confidence } from "./config.ts";
import { percent } from "./ratios.ts";

export type ScorecardGroup = "ibu_hamil" | "anak_0_23";
export type ScorecardMark = "Y" | "T" | "TS";

/** One of the five paket layanan the village monitors. */
export type PaketLayanan = "kia" | "konseling_gizi" | "air_sanitasi" | "perlindungan_sosial" | "paud";

export interface ScorecardIndicator {
  code: string;
  group: ScorecardGroup;
  name: string;
  paket: PaketLayanan;
}

/** The mapping of indicators to the five paket layanan is inferred, not in the source (workflows.md §2.2). */
export const SCORECARD_PAKET_CONFIDENCE: Confidence = "mem";

/** The 18 indicators of Tabel 3, in the report's order. */
export const SCORECARD_INDICATORS: readonly ScorecardIndicator[] = [
  { code: "IH1", group: "ibu_hamil", name: "Periksa kehamilan paling sedikit 4 kali", paket: "kia" },
  {
    code: "IH2",
    group: "ibu_hamil",
    name: "Mendapat dan minum tablet tambah darah (TTD/Fe) minimal 90 hari",
    paket: "kia",
  },
  {
    code: "IH3",
    group: "ibu_hamil",
    name: "Ibu bersalin mendapat pemeriksaan nifas oleh nakes minimal 3 kali",
    paket: "kia",
  },
  {
    code: "IH4",
    group: "ibu_hamil",
    name: "Mengikuti konseling gizi / kelas ibu hamil minimal 4 kali",
    paket: "konseling_gizi",
  },
  {
    code: "IH5",
    group: "ibu_hamil",
    name: "Ibu hamil KEK/risti dikunjungi bidan desa minimal 1 kali sebulan",
    paket: "kia",
  },
  { code: "IH6", group: "ibu_hamil", name: "Rumah tangga punya akses air minum aman", paket: "air_sanitasi" },
  { code: "IH7", group: "ibu_hamil", name: "Rumah tangga punya jamban layak", paket: "air_sanitasi" },
  {
    code: "IH8",
    group: "ibu_hamil",
    name: "Memiliki jaminan layanan kesehatan",
    paket: "perlindungan_sosial",
  },
  {
    code: "A1",
    group: "anak_0_23",
    name: "Bayi usia ≤ 12 bulan mendapat imunisasi dasar lengkap",
    paket: "kia",
  },
  { code: "A2", group: "anak_0_23", name: "Ditimbang berat badannya di posyandu setiap bulan", paket: "kia" },
  {
    code: "A3",
    group: "anak_0_23",
    name: "Diukur panjang/tinggi badannya oleh tenaga terlatih minimal 2 kali setahun",
    paket: "kia",
  },
  {
    code: "A4",
    group: "anak_0_23",
    name: "Orang tua/pengasuh mengikuti konseling gizi minimal 1 kali sebulan",
    paket: "konseling_gizi",
  },
  {
    code: "A5",
    group: "anak_0_23",
    name: "Anak gizi buruk/kurang/stunting dikunjungi minimal 1 kali sebulan",
    paket: "kia",
  },
  { code: "A6", group: "anak_0_23", name: "Rumah tangga punya akses air minum aman", paket: "air_sanitasi" },
  { code: "A7", group: "anak_0_23", name: "Rumah tangga punya jamban layak", paket: "air_sanitasi" },
  { code: "A8", group: "anak_0_23", name: "Memiliki akta kelahiran", paket: "perlindungan_sosial" },
  {
    code: "A9",
    group: "anak_0_23",
    name: "Memiliki jaminan layanan kesehatan",
    paket: "perlindungan_sosial",
  },
  {
    code: "A10",
    group: "anak_0_23",
    name: "Orang tua/pengasuh mengikuti kelas pengasuhan/PAUD minimal 1 kali sebulan",
    paket: "paud",
  },
];

/** A pregnant woman or a child 0–23 months and her or its marks for the quarter, by indicator code. */
export interface ScorecardTarget {
  id: string;
  group: ScorecardGroup;
  marks: Readonly<Record<string, ScorecardMark | undefined>>;
}

export interface ScorecardIndicatorResult {
  code: string;
  group: ScorecardGroup;
  name: string;
  /** Targets of the indicator's group. */
  targets: number;
  y: number;
  t: number;
  ts: number;
  /** Blank cells, counted as T. */
  unrecorded: number;
  /** Y ÷ (N − TS) × 100; null when N − TS is 0. */
  coveragePct: number | null;
}

/** ΣY over the denominator `cells − ΣTS` of a group or of the whole village. */
export interface ConvergenceLevel {
  y: number;
  ts: number;
  cells: number;
  denominator: number;
  pct: number | null;
}

export interface DesaScorecard {
  quarter: string;
  indicators: ScorecardIndicatorResult[];
  groups: Record<ScorecardGroup, ConvergenceLevel & { targets: number; indicators: number }>;
  /** Tingkat konvergensi desa. */
  level: ConvergenceLevel;
  unrecorded: { targetId: string; indicatorCode: string }[];
  /** Marks under a code that is not an indicator of the target's group (not counted). */
  unknownMarks: { targetId: string; indicatorCode: string }[];
}

/** The scorecard of one village for one quarter. */
export function desaScorecard(
  quarter: string,
  targets: readonly ScorecardTarget[],
  indicators: readonly ScorecardIndicator[] = SCORECARD_INDICATORS,
): DesaScorecard {
  const unrecorded: DesaScorecard["unrecorded"] = [];
  const unknownMarks: DesaScorecard["unknownMarks"] = [];
  const results = indicators.map(
    (ind): ScorecardIndicatorResult => ({
      code: ind.code,
      group: ind.group,
      name: ind.name,
      targets: 0,
      y: 0,
      t: 0,
      ts: 0,
      unrecorded: 0,
      coveragePct: null,
    }),
  );
  for (const target of targets) {
    const own = new Set<string>();
    indicators.forEach((ind, i) => {
      if (ind.group !== target.group) return;
      own.add(ind.code);
      const r = results[i];
      r.targets++;
      const mark = target.marks[ind.code];
      if (mark === "Y") r.y++;
      else if (mark === "TS") r.ts++;
      else {
        r.t++;
        if (mark === undefined) {
          r.unrecorded++;
          unrecorded.push({ targetId: target.id, indicatorCode: ind.code });
        }
      }
    });
    for (const code of Object.keys(target.marks))
      if (!own.has(code) && target.marks[code] !== undefined)
        unknownMarks.push({ targetId: target.id, indicatorCode: code });
  }
  for (const r of results) r.coveragePct = percent(r.y, r.targets - r.ts);

  const level = (rs: ScorecardIndicatorResult[]): ConvergenceLevel => {
    const y = rs.reduce((s, r) => s + r.y, 0);
    const ts = rs.reduce((s, r) => s + r.ts, 0);
    const cells = rs.reduce((s, r) => s + r.targets, 0);
    return { y, ts, cells, denominator: cells - ts, pct: percent(y, cells - ts) };
  };
  const group = (g: ScorecardGroup) => {
    const rs = results.filter((r) => r.group === g);
    return { ...level(rs), targets: targets.filter((t) => t.group === g).length, indicators: rs.length };
  };
  return {
    quarter,
    indicators: results,
    groups: { ibu_hamil: group("ibu_hamil"), anak_0_23: group("anak_0_23") },
    level: level(results),
    unrecorded,
    unknownMarks,
  };
}

/** The scorecards of a village for each quarter present in `rows`, oldest quarter first. */
export function desaScorecardsByQuarter(
  rows: readonly (ScorecardTarget & { quarter: string })[],
  indicators: readonly ScorecardIndicator[] = SCORECARD_INDICATORS,
): DesaScorecard[] {
  const byQuarter = new Map<string, ScorecardTarget[]>();
  for (const row of rows) {
    const list = byQuarter.get(row.quarter) ?? [];
    list.push(row);
    byQuarter.set(row.quarter, list);
  }
  return [...byQuarter.keys()].sort().map((q) => desaScorecard(q, byQuarter.get(q)!, indicators));
}
