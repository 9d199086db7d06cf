/**
 * `anthroZScores`: the WHO anthro z-scores, flags and derived values for one child
 * measurement (forms, single records).
 */
import { zscoreAtAge, zscoreAtLenhei } from "./indicators.ts";
import {
  adjustLenhei,
  ageMonthsFromDays,
  bodyMassIndex,
  chooseWeightForLenheiTable,
  DAYS_PER_MONTH,
  FIRST_DAY,
  type Indicator,
  isImplausible,
  isMeasurementPresent,
  isMissingForOedema,
  isStandingUnderNineMonths,
  isUnderSixtyMonths,
  MEASURE_LYING,
  MEASURE_STANDING,
  MEASURE_UNKNOWN,
  type MeasureCode,
  usesRestrictedZscore,
  wholeAgeDays,
} from "./rules.ts";
import { type AgeTableName, lmsTable } from "./tables.ts";

/** WHO anthro sex coding: 1 male (laki-laki), 2 female (perempuan). */
export type Sex = 1 | 2;
/** How length/height was measured: l = lying (telentang), h = standing (berdiri). */
export type MeasurePosition = "l" | "h";

/** One child measurement. Missing values are undefined; measurements ≤ 0 count as missing. */
export interface AnthroInput {
  sex: Sex;
  /** Age in days, may be fractional (rounded half up to whole days for the tables). */
  ageDays?: number;
  /**
   * Age in months as recorded, when the age was given in months. Takes precedence over
   * `ageDays`; anthro compares the unrounded months with 9 and 60 and looks up the tables at
   * months × 30.4375 rounded half up.
   */
  ageMonths?: number;
  /** Weight in kg. */
  weight?: number;
  /** Length or height in cm, as measured. */
  lenhei?: number;
  measure?: MeasurePosition;
  oedema?: boolean;
  /** Head circumference in cm. */
  headc?: number;
  /** Mid-upper arm circumference (LILA) in cm. */
  armc?: number;
  /** Triceps skinfold in mm. */
  triskin?: number;
  /** Subscapular skinfold in mm. */
  subskin?: number;
}

/** Results with anthro's names; a missing value (no input, out of range, oedema) is undefined. */
export interface AnthroResult {
  /** Whole days used for the age tables. */
  ageDays?: number;
  /** Length/height after the ±0.7 cm adjustment. */
  clenhei?: number;
  /** BMI from weight and clenhei. */
  cbmi?: number;
  /** Standing measurement under 9 months (implausible position; not adjusted). */
  c9moFlag: boolean;
  zlen?: number;
  flen?: boolean;
  zwei?: number;
  fwei?: boolean;
  zwfl?: number;
  fwfl?: boolean;
  zbmi?: number;
  fbmi?: boolean;
  zhc?: number;
  fhc?: boolean;
  zac?: number;
  fac?: boolean;
  zts?: number;
  fts?: boolean;
  zss?: number;
  fss?: boolean;
}

/** Converts the measuring position to its numeric code (unknown when absent). */
export function measureCode(measure: MeasurePosition | undefined): MeasureCode {
  if (measure === "l") return MEASURE_LYING;
  if (measure === "h") return MEASURE_STANDING;
  return MEASURE_UNKNOWN;
}

const AGE_INPUTS: readonly [AgeTableName & Indicator, keyof AnthroInput | "cbmi"][] = [
  ["wei", "weight"],
  ["bmi", "cbmi"],
  ["hc", "headc"],
  ["ac", "armc"],
  ["ts", "triskin"],
  ["ss", "subskin"],
];

const present = (x: number | undefined): number => (isMeasurementPresent(x) ? x : Number.NaN);

/**
 * Computes every z-score the inputs allow, with its implausibility flag, following the WHO
 * anthro package rule for rule; the result reproduces anthro's `anthro_zscores()` to the
 * reported 2 decimals.
 */
export function anthroZScores(input: AnthroInput): AnthroResult {
  const { sex } = input;
  const rawDays =
    input.ageMonths !== undefined ? input.ageMonths * DAYS_PER_MONTH : (input.ageDays ?? Number.NaN);
  const wholeDays = wholeAgeDays(rawDays);
  const ageKnown = !Number.isNaN(wholeDays);
  const ageMonths = input.ageMonths ?? ageMonthsFromDays(rawDays);

  let measure = measureCode(input.measure);
  const c9moFlag = ageKnown && isStandingUnderNineMonths(measure, ageMonths);
  if (c9moFlag) measure = MEASURE_UNKNOWN;

  const lenhei = present(input.lenhei);
  const weight = present(input.weight);
  const clenhei = Number.isNaN(lenhei) ? Number.NaN : adjustLenhei(lenhei, wholeDays, measure);
  const cbmi = Number.isNaN(weight) || Number.isNaN(clenhei) ? Number.NaN : bodyMassIndex(weight, clenhei);
  const oedema = input.oedema === true;

  const result: AnthroResult = { c9moFlag };
  if (ageKnown) result.ageDays = wholeDays;
  if (!Number.isNaN(clenhei)) result.clenhei = clenhei;
  if (!Number.isNaN(cbmi)) result.cbmi = cbmi;

  const setZ = (indicator: Indicator, z: number): void => {
    if (Number.isNaN(z) || isMissingForOedema(indicator, oedema)) return;
    result[`z${indicator}`] = z;
    result[`f${indicator}`] = isImplausible(indicator, z);
  };

  const ageValid = ageKnown && isUnderSixtyMonths(ageMonths);
  if (ageValid) {
    setZ("len", zscoreAtAge(lmsTable("len"), false, sex, wholeDays, clenhei));
    for (const [indicator, field] of AGE_INPUTS) {
      if (wholeDays < FIRST_DAY[indicator]) continue;
      const y = field === "cbmi" ? cbmi : present(input[field] as number | undefined);
      setZ(indicator, zscoreAtAge(lmsTable(indicator), usesRestrictedZscore(indicator), sex, wholeDays, y));
    }
  }

  // Weight-for-length/height needs no age, but is not computed from 60 months on.
  if (!ageKnown || ageValid) {
    const which = chooseWeightForLenheiTable(wholeDays, measure, clenhei);
    if (which !== undefined) setZ("wfl", zscoreAtLenhei(lmsTable(which), which, sex, clenhei, weight));
  }
  return result;
}
