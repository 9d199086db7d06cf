/**
 * Analisis situasi (Aksi 1) per village for a year: the burden (children measured, stunted and
 * severely stunted, from the roll-ups), the families and keluarga berisiko stunting, the coverage of
 * each intervention indicator with the target that applies and the gap to it, and the village's
 * figures for the desa lokus ranking (lokus.ts).
 *
 * Rules:
 * - stunting rate = stunted ÷ children measured with a valid TB/U × 100 (DESIGN.md §1.2); measurement
 *   coverage = children measured ÷ sasaran balita × 100 (null without a sasaran);
 * - an indicator's value: one entered by form or imported (the district's own figure, e.g. a survey
 *   or a sector report) wins over one Tumbuh computes from its own data; among entered values the
 *   latest; a value is shown with its source;
 * - target: `targetFor` (the district's own target for the year, else the national default); gap
 *   and met: `targetGap`; only indicators counted in % take part in the coverage gap;
 * - lokus figures: coverage gap = mean gap of the village's intervention indicators (the outcome,
 *   stunting, is counted by the burden criteria instead); data completeness = measurement coverage,
 *   at most 100 (a sasaran below the children measured is not "more than complete").
 */
import { type Indicator, type IndicatorTarget, targetFor, targetGap } from "./indicators.ts";
import { type LokusVillage, meanCoverageGap } from "./lokus.ts";
import { percent } from "./ratios.ts";

/** How a value came in: typed in a form, imported from a file, or computed by Tumbuh. */
export type IndicatorEntry = "form" | "import" | "computed";

export interface IndicatorValueInput {
  indicatorCode: string;
  value: number;
  source: string;
  entry: IndicatorEntry;
  /** ISO moment of the entry; orders entered values (latest wins). */
  updatedAt?: string;
}

export interface AnsitVillageInput {
  code: string;
  name: string;
  /** Children measured in the year, with a valid TB/U, stunted, severely stunted (roll-ups); null: no row. */
  measured: number | null;
  hazValid: number | null;
  stunted: number | null;
  severelyStunted: number | null;
  /** Sasaran balita 0–59 months for the year; null when not entered. */
  sasaran: number | null;
  /** Families recorded and keluarga berisiko stunting; null when no family data exists. */
  families: number | null;
  atRiskFamilies: number | null;
  values: readonly IndicatorValueInput[];
}

export interface AnsitIndicatorCell {
  indicatorCode: string;
  value: number | null;
  source: string | null;
  entry: IndicatorEntry | null;
  target: number | null;
  targetOrigin: "own" | "ancestor" | "national" | null;
  gap: number | null;
  met: boolean | null;
}

export interface AnsitVillageRow {
  code: string;
  name: string;
  measured: number | null;
  stunted: number | null;
  severelyStunted: number | null;
  stuntingRate: number | null;
  sasaran: number | null;
  measurementCoverage: number | null;
  families: number | null;
  atRiskFamilies: number | null;
  indicators: AnsitIndicatorCell[];
  /** Mean gap of the intervention indicators with a value and a target (lokus criterion). */
  coverageGap: number | null;
  lokus: LokusVillage;
}

/** The value shown for an indicator: entered (form/import, latest first) before computed; null when none. */
export function pickIndicatorValue(values: readonly IndicatorValueInput[]): IndicatorValueInput | null {
  const entered = values
    .filter((v) => v.entry !== "computed")
    .sort((a, b) => (b.updatedAt ?? "").localeCompare(a.updatedAt ?? ""));
  return entered[0] ?? values.find((v) => v.entry === "computed") ?? null;
}

/**
 * The analisis situasi rows of a district's villages for `year` (see the module comment), with the
 * indicator cells in the order of `indicators`.
 */
export function analisisSituasi(
  villages: readonly AnsitVillageInput[],
  indicators: readonly Indicator[],
  targets: readonly IndicatorTarget[],
  year: number,
): AnsitVillageRow[] {
  return villages.map((v) => {
    const cells = indicators.map((ind): AnsitIndicatorCell => {
      const chosen = pickIndicatorValue(v.values.filter((x) => x.indicatorCode === ind.code));
      const target = targetFor(ind, v.code, year, targets);
      const gap = targetGap(chosen?.value ?? null, target?.value ?? null, ind.direction);
      return {
        indicatorCode: ind.code,
        value: chosen?.value ?? null,
        source: chosen?.source ?? null,
        entry: chosen?.entry ?? null,
        target: target?.value ?? null,
        targetOrigin: target?.origin ?? null,
        gap: gap?.gap ?? null,
        met: gap?.met ?? null,
      };
    });
    const interventionGaps = cells
      .filter((_c, i) => indicators[i].unit === "persen" && indicators[i].intervention !== "hasil")
      .map((c) => c.gap);
    const coverageGap = meanCoverageGap(interventionGaps);
    const stuntingRate = percent(v.stunted, v.hazValid);
    const measurementCoverage = percent(v.measured, v.sasaran);
    return {
      code: v.code,
      name: v.name,
      measured: v.measured,
      stunted: v.stunted,
      severelyStunted: v.severelyStunted,
      stuntingRate,
      sasaran: v.sasaran,
      measurementCoverage,
      families: v.families,
      atRiskFamilies: v.atRiskFamilies,
      indicators: cells,
      coverageGap,
      lokus: {
        code: v.code,
        name: v.name,
        stuntingRate,
        stuntedCount: v.stunted,
        coverageGap,
        atRiskFamilies: v.atRiskFamilies,
        dataCompleteness: measurementCoverage === null ? null : Math.min(100, measurementCoverage),
      },
    };
  });
}
