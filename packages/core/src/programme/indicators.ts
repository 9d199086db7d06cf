/**
 * The indicators of Perpres 72/2021 (intervensi spesifik and sensitif) and the stunting
 * prevalence, with their default national targets; the choice of the target that applies to a
 * region and year (a region's own target overrides the national default); coverage and the gap to
 * target, null when unknown.
 *
 * Sources: programme.md §2 (Perpres 72/2021 Lampiran, scribd 620615824; TPPS report template, scribd
 * 715573486; RAN-PASTI deck, scribd 688830314), workflows.md §2.1 (Aksi 1 template rows) and §6
 * (targets 2025–2029). Numerator, denominator, data source and responsible agency are a reading of
 * the indicator's name (`definitionConfidence: "mem"`) until the BKKBN/Kemenkes metadata books are
 * checked. The Kepmendagri 050-5889 sub-kegiatan codes were not read from the template
 * (`kepmendagriCode: null`); `aksi1TemplateRow` tells which indicators the template lists.
 */
import { z } from "zod";
import { NATION_CODE, REGION_CODE_PATTERN, regionWithin } from "../regions.ts";
import { Confidence } from "./config.ts";
import { INDICATORS, PERPRES } from "./indicator-catalogue.ts";
import { percent } from "./ratios.ts";

export const Intervention = z.enum(["spesifik", "sensitif", "hasil"]);
/** spesifik (direct causes), sensitif (indirect causes), hasil (the outcome: stunting prevalence). */
export type Intervention = z.infer<typeof Intervention>;

/** persen for a coverage or rate; jiwa (people) or keluarga (families) for a national count. */
export const IndicatorUnit = z.enum(["persen", "jiwa", "keluarga"]);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

export const Indicator = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  intervention: Intervention,
  targetGroup: z.string().min(1),
  numerator: z.string().min(1),
  denominator: z.string(),
  unit: IndicatorUnit,
  /** `higher` when more is better (coverage), `lower` when less is (stunting, unwanted pregnancy). */
  direction: z.enum(["higher", "lower"]),
  dataSource: z.string().min(1),
  responsibleAgency: z.string().min(1),
  kepmendagriCode: z.string().nullable(),
  /** Row of the Aksi 1 template "Pemetaan program … Kode Kepmendagri 050-5889" listing this indicator. */
  aksi1TemplateRow: z.number().int().positive().nullable(),
  definitionConfidence: Confidence,
  source: z.string().min(1),
});
export type Indicator = z.infer<typeof Indicator>;

/**
 * A target: `value` to reach by `targetYear`, in force from `fromYear`, for a region and the
 * regions below it (`ID` for the national default).
 */
export const IndicatorTarget = z.object({
  indicatorCode: z.string().min(1),
  regionCode: z.string().regex(REGION_CODE_PATTERN, "expected a region code such as 35.03 or ID"),
  value: z.number().nonnegative(),
  targetYear: z.number().int(),
  fromYear: z.number().int(),
  source: z.string().min(1),
  confidence: Confidence,
  note: z.string().optional(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget>;

function perpresTarget(
  indicatorCode: string,
  value: number,
  confidence: Confidence,
  note?: string,
): IndicatorTarget {
  return {
    indicatorCode,
    regionCode: NATION_CODE,
    value,
    targetYear: 2024,
    fromYear: 2021,
    source: confidence === "src" ? PERPRES : `${PERPRES} — not confirmed`,
    confidence,
    ...(note ? { note } : {}),
  };
}

function stuntingTarget(
  value: number,
  targetYear: number,
  fromYear: number,
  source: string,
  note?: string,
): IndicatorTarget {
  return {
    indicatorCode: "STUNTING",
    regionCode: NATION_CODE,
    value,
    targetYear,
    fromYear,
    source,
    confidence: "src",
    ...(note ? { note } : {}),
  };
}

const RPJMN_PATH = "RPJMN 2020–2024 yearly path (Dinkes Sumut deck, slideshare 262283723; workflows.md §6)";

/** National stunting prevalence targets (%): the RPJMN 2020–2024 path, Perpres 72, 2025, RPJMN 2025–2029, RPJPN. */
export const STUNTING_TARGETS: readonly IndicatorTarget[] = [
  stuntingTarget(24.1, 2020, 2020, RPJMN_PATH),
  stuntingTarget(21.1, 2021, 2021, RPJMN_PATH),
  stuntingTarget(18.4, 2022, 2022, RPJMN_PATH, "BKKBN's path says 21 % for 2022 (programme.md §0)"),
  stuntingTarget(16, 2023, 2023, RPJMN_PATH, "BKKBN's path says 17 % for 2023 (programme.md §0)"),
  stuntingTarget(14, 2024, 2021, "Perpres 72/2021; RPJMN 2020–2024 (programme.md §0)"),
  stuntingTarget(18, 2025, 2025, "Interim target for 2025, Mendukbangga statements (workflows.md §6)"),
  stuntingTarget(14.2, 2029, 2025, "RPJMN 2025–2029 (bangda.kemendagri.go.id berita 1609; workflows.md §6)"),
  stuntingTarget(5, 2045, 2025, "RPJPN 2025–2045 (workflows.md §6)"),
];

/**
 * Default national targets: the Perpres 72/2021 targets for 2024 (in force 2021–2024; none after,
 * until a national admin adds one) and the stunting targets. Those the domain notes mark [mem]
 * carry `confidence: "mem"`.
 */
export const NATIONAL_TARGETS: readonly IndicatorTarget[] = [
  perpresTarget("SPE1", 90, "src"),
  perpresTarget("SPE2", 80, "src"),
  perpresTarget("SPE3", 58, "src", "a BKKBN metadata book lists 80 % (programme.md §2)"),
  perpresTarget("SPE4", 80, "src"),
  perpresTarget("SPE5", 80, "src"),
  perpresTarget("SPE6", 90, "src"),
  perpresTarget("SPE7", 90, "src"),
  perpresTarget("SPE8", 90, "src"),
  perpresTarget("SPE9", 90, "src"),
  perpresTarget("SEN1", 70, "src"),
  perpresTarget("SEN2", 15.5, "src"),
  perpresTarget("SEN3", 90, "src"),
  perpresTarget("SEN4", 100, "mem"),
  perpresTarget("SEN5", 90, "mem"),
  perpresTarget("SEN6", 112_900_000, "mem"),
  perpresTarget("SEN7", 90, "mem"),
  perpresTarget("SEN8", 10_000_000, "mem"),
  perpresTarget("SEN9", 70, "mem"),
  perpresTarget("SEN10", 15_600_000, "mem"),
  perpresTarget("SEN11", 90, "mem"),
  ...STUNTING_TARGETS,
];

/** The indicator with `code`; throws naming the code when the catalogue has none. */
export function indicatorByCode(code: string, catalogue: readonly Indicator[] = INDICATORS): Indicator {
  const found = catalogue.find((i) => i.code === code);
  if (!found) throw new Error(`indicator: found '${code}', expected a code of the catalogue (e.g. SPE7)`);
  return found;
}

/** The target chosen for a region and year, and where it came from. */
export interface ChosenTarget {
  value: number;
  targetYear: number;
  /** The region whose target this is: the region itself, an ancestor, or `ID`. */
  regionCode: string;
  origin: "own" | "ancestor" | "national";
  source: string;
  confidence: Confidence;
}

/**
 * The target of `indicator` for `regionCode` in `year`: among the targets in force that year
 * (`fromYear ≤ year ≤ targetYear`) set for the region or a region above it, the most specific
 * region's (the region's own target overrides its province's, which overrides the national
 * default); within one region the nearest `targetYear`; on a tie the one listed last (so a
 * correction appended later wins). A national target counted in people or families (JKN PBI, PKH,
 * BPNT) applies to the nation only. Null when no target is in force.
 */
export function targetFor(
  indicator: Indicator,
  regionCode: string,
  year: number,
  targets: readonly IndicatorTarget[],
): ChosenTarget | null {
  let best: IndicatorTarget | null = null;
  for (const t of targets) {
    if (t.indicatorCode !== indicator.code) continue;
    if (!regionWithin(regionCode, t.regionCode)) continue;
    if (t.fromYear > year || t.targetYear < year) continue;
    if (t.regionCode === NATION_CODE && regionCode !== NATION_CODE && indicator.unit !== "persen") continue;
    if (
      best === null ||
      t.regionCode.length > best.regionCode.length ||
      (t.regionCode.length === best.regionCode.length && t.targetYear <= best.targetYear)
    )
      best = t;
  }
  if (best === null) return null;
  return {
    value: best.value,
    targetYear: best.targetYear,
    regionCode: best.regionCode,
    origin:
      best.regionCode === NATION_CODE ? "national" : best.regionCode === regionCode ? "own" : "ancestor",
    source: best.source,
    confidence: best.confidence,
  };
}

/** How far a value is from its target, in the indicator's unit (percentage points for a %). */
export interface TargetGap {
  /** Shortfall ≥ 0: target − value when higher is better, value − target when lower is; 0 when met. */
  gap: number;
  met: boolean;
}

/** The gap of `value` to `target`; null when either is unknown. */
export function targetGap(
  value: number | null,
  target: number | null,
  direction: Indicator["direction"],
): TargetGap | null {
  if (value === null || target === null) return null;
  const gap = Math.max(0, direction === "higher" ? target - value : value - target);
  return { gap, met: gap === 0 };
}

/** Coverage of an indicator: numerator ÷ denominator × 100; null when either is unknown or the denominator is 0. */
export function coverage(numerator: number | null, denominator: number | null): number | null {
  return percent(numerator, denominator);
}
