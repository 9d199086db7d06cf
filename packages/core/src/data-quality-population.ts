/**
 * The data-quality report of a region and period as Tumbuh shows it (data-quality.ts holds the
 * checks): the z-score distributions (n, SD, skewness, kurtosis) are over each child's latest
 * valid (unflagged) z-score of the period, the children the prevalence counts, while the
 * measurement checks (completeness, flagged share, digits, position, age heaping) are over every
 * measurement of the period; the sex ratio is over children.
 */
import {
  type DataQualityReport,
  DQ_INDICES,
  type DqIndex,
  type DqMeasurement,
  dataQualityReport,
  sexRatio,
  zDistribution,
} from "./data-quality.ts";
import { smartWhzSdClass } from "./data-quality-verdicts.ts";

const Z: Record<DqIndex, readonly ["zlen" | "zwei" | "zwfl" | "zbmi", "flen" | "fwei" | "fwfl" | "fbmi"]> = {
  HAZ: ["zlen", "flen"],
  WAZ: ["zwei", "fwei"],
  WHZ: ["zwfl", "fwfl"],
  BMIZ: ["zbmi", "fbmi"],
};

/**
 * One row per child (rows without a child id each count as their own child): its sex and, per
 * index, the z-score of its latest measurement (by date; on a tie the later row) whose z-score
 * is present and not flagged.
 */
export function latestValidPerChild(rows: readonly DqMeasurement[]): DqMeasurement[] {
  const byChild = new Map<string, { row: DqMeasurement; dates: Partial<Record<DqIndex, string>> }>();
  rows.forEach((m, i) => {
    const key = m.childId ?? `\u0000${i}`;
    let entry = byChild.get(key);
    if (!entry) {
      entry = { row: { childId: m.childId, sex: m.sex }, dates: {} };
      byChild.set(key, entry);
    }
    if (m.sex === 1 || m.sex === 2) entry.row.sex = m.sex;
    for (const index of DQ_INDICES) {
      const [z, f] = Z[index];
      const v = m[z];
      if (v === null || v === undefined || !Number.isFinite(v) || m[f] === true) continue;
      const date = m.date ?? "";
      const seen = entry.dates[index];
      if (seen === undefined || date >= seen) {
        entry.dates[index] = date;
        entry.row[z] = v;
      }
    }
  });
  return [...byChild.values()].map((e) => e.row);
}

/** The report of a region and period: the checks of data-quality.ts, distributions and sex ratio per child. */
export function populationQualityReport(
  rows: readonly DqMeasurement[],
): DataQualityReport & { children: number } {
  const report = dataQualityReport(rows);
  const perChild = latestValidPerChild(rows);
  const distributions = DQ_INDICES.map((index) => zDistribution(perChild, index));
  const whzSd = distributions[2].sd;
  return {
    ...report,
    children: perChild.length,
    distributions,
    smartWhzSd: whzSd === null ? null : smartWhzSdClass(whzSd),
    sexRatio: sexRatio(perChild),
  };
}

/** A percentage to one decimal (null stays null). */
export const oneDecimal = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

/** The headline figures of a unit's report (the CSV of `tumbuh quality` and the table of units). */
export interface QualitySummary {
  measurements: number;
  children: number;
  haz_n: number;
  haz_sd: number | null;
  waz_n: number;
  waz_sd: number | null;
  whz_n: number;
  whz_sd: number | null;
  haz_flagged_pct: number | null;
  waz_flagged_pct: number | null;
  whz_flagged_pct: number | null;
  weight_dps: number | null;
  lenhei_dps: number | null;
  missing_nik_pct: number | null;
}

/** The headline figures of a report (SDs unrounded, percentages to one decimal). */
export function qualitySummary(r: DataQualityReport & { children: number }): QualitySummary {
  const dist = (i: DqIndex) => r.distributions.find((d) => d.index === i)!;
  const flagged = (i: DqIndex) => oneDecimal(r.flagged.find((f) => f.index === i)!.percentFlagged);
  return {
    measurements: r.rows,
    children: r.children,
    haz_n: dist("HAZ").n,
    haz_sd: dist("HAZ").sd,
    waz_n: dist("WAZ").n,
    waz_sd: dist("WAZ").sd,
    whz_n: dist("WHZ").n,
    whz_sd: dist("WHZ").sd,
    haz_flagged_pct: flagged("HAZ"),
    waz_flagged_pct: flagged("WAZ"),
    whz_flagged_pct: flagged("WHZ"),
    weight_dps: r.weightDigits.dps,
    lenhei_dps: r.lenheiDigits.dps,
    missing_nik_pct: oneDecimal(r.completeness.find((c) => c.field === "nik")!.percentMissing),
  };
}
