/**
 * The rules of the WHO anthro package (version 1.1.x), one small function per rule, each
 * named after it. Missing values are NaN here; the record and batch APIs translate.
 */

/** Days per month used by WHO anthro to convert between months and days. */
export const DAYS_PER_MONTH = 30.4375;

/** Length/height adjustment between lying and standing measurement, in cm. */
export const LYING_STANDING_DIFFERENCE_CM = 0.7;

/** First day at which children are measured standing (24 months = 731 days). */
export const STANDING_FROM_DAY = 731;

/** Length (cm) from which a child of unknown age and position is taken as measured standing. */
export const STANDING_FROM_LENHEI_CM = 87;

/** Rounds half up to a whole number (anthro's `round_up`: fraction ≥ 0.5 goes up), for x ≥ 0. */
export function roundHalfUp(x: number): number {
  const whole = Math.floor(x);
  return x - whole >= 0.5 ? whole + 1 : whole;
}

/** Age in whole days from an age in months: months × 30.4375, rounded half up. */
export function ageDaysFromMonths(months: number): number {
  return roundHalfUp(months * DAYS_PER_MONTH);
}

/**
 * The whole day used to look up the age tables: the age in days rounded half up; NaN when the
 * age is missing, not finite or negative.
 */
export function wholeAgeDays(ageDays: number): number {
  return Number.isFinite(ageDays) && ageDays >= 0 ? roundHalfUp(ageDays) : Number.NaN;
}

/** Age in (unrounded) months from an age in days, as anthro compares it with 9 and 60 months. */
export function ageMonthsFromDays(ageDays: number): number {
  return ageDays / DAYS_PER_MONTH;
}

/** Z-scores are computed only for children under 60 months (unrounded age in months). */
export function isUnderSixtyMonths(ageMonths: number): boolean {
  return ageMonths < 60;
}

/**
 * A standing measurement under 9 months (unrounded age) is implausible: anthro drops the
 * position (no adjustment) and sets `c9mo_flag`.
 */
export function isStandingUnderNineMonths(measure: MeasureCode, ageMonths: number): boolean {
  return measure === MEASURE_STANDING && ageMonths < 9;
}

/** Measuring position as a number: 0 unknown, 1 lying (length), 2 standing (height). */
export type MeasureCode = 0 | 1 | 2;
export const MEASURE_UNKNOWN = 0;
export const MEASURE_LYING = 1;
export const MEASURE_STANDING = 2;

/**
 * Converts a measurement to the position the standards expect for the age: standing under
 * 731 days +0.7 cm (to length), lying from 731 days −0.7 cm (to height); unchanged when the
 * age or the position is unknown.
 */
export function adjustLenhei(lenhei: number, wholeDays: number, measure: MeasureCode): number {
  if (wholeDays < STANDING_FROM_DAY && measure === MEASURE_STANDING)
    return lenhei + LYING_STANDING_DIFFERENCE_CM;
  if (wholeDays >= STANDING_FROM_DAY && measure === MEASURE_LYING)
    return lenhei - LYING_STANDING_DIFFERENCE_CM;
  return lenhei;
}

/** Which of the two weight-for-length/height tables applies. */
export type WeightForLenheiTable = "wfl" | "wfh";

/**
 * Weight-for-length under 731 days, weight-for-height from 731 days; with no age, by the
 * measuring position, and with neither, by the 87 cm rule (under 87 cm: length).
 */
export function chooseWeightForLenheiTable(
  wholeDays: number,
  measure: MeasureCode,
  clenhei: number,
): WeightForLenheiTable | undefined {
  if (!Number.isNaN(wholeDays)) return wholeDays < STANDING_FROM_DAY ? "wfl" : "wfh";
  if (measure === MEASURE_LYING) return "wfl";
  if (measure === MEASURE_STANDING) return "wfh";
  if (Number.isNaN(clenhei)) return undefined;
  return clenhei < STANDING_FROM_LENHEI_CM ? "wfl" : "wfh";
}

/** The length range of weight-for-length (45–110 cm) and height range of weight-for-height (65–120 cm). */
export const WEIGHT_FOR_LENHEI_RANGE: Record<WeightForLenheiTable, readonly [number, number]> = {
  wfl: [45, 110],
  wfh: [65, 120],
};

/** True when the adjusted length/height lies in the range of the chosen table (ends included). */
export function isInWeightForLenheiRange(table: WeightForLenheiTable, clenhei: number): boolean {
  return table === "wfl" ? clenhei >= 45 && clenhei <= 110 : clenhei >= 65 && clenhei <= 120;
}

/**
 * The two 0.1 cm rows anthro interpolates between (as integer tenths of a cm) and the fraction
 * of the way from the lower: lower = trunc(x · 10), upper = trunc(x · 10 + 1) and
 * fraction = (x − lower / 10) / 0.1, each in floating point exactly as anthro's
 * `anthro_zscore_weight_for_lenhei` computes them. The upper row is nearly always lower + 1,
 * but when x · 10 is the largest double below a power of two (512, 1024) adding 1 rounds up
 * to the next integer, and anthro interpolates between rows 0.2 cm apart: a lying 103.1 cm
 * from 731 days is adjusted to 102.39999999999999 cm, whose rows are 102.3 and 102.5 cm
 * (fraction 0.99999999999994), so L, M and S are practically those of 102.5 cm.
 */
export function lenheiRowAndFraction(lenhei: number): { row: number; upperRow: number; fraction: number } {
  const row = Math.trunc(lenhei * 10);
  return { row, upperRow: Math.trunc(lenhei * 10 + 1), fraction: (lenhei - row / 10) / 0.1 };
}

/** Linear interpolation between a row value and the next: a + fraction · (b − a) (a alone at fraction 0). */
export function interpolate(a: number, b: number, fraction: number): number {
  return fraction > 0 ? a + fraction * (b - a) : a;
}

/** A measurement counts only when it is a finite number above 0; anything else is missing. */
export function isMeasurementPresent(x: number | undefined): x is number {
  return x !== undefined && Number.isFinite(x) && x > 0;
}

/** BMI from weight (kg) and adjusted length/height (cm): weight / (clenhei / 100)². */
export function bodyMassIndex(weight: number, clenhei: number): number {
  const metres = clenhei / 100;
  return weight / (metres * metres);
}

/** The eight indicators, by anthro's short names. */
export type Indicator = "len" | "wei" | "wfl" | "bmi" | "hc" | "ac" | "ts" | "ss";
export const INDICATORS: readonly Indicator[] = ["len", "wei", "wfl", "bmi", "hc", "ac", "ts", "ss"];

/** Flag limits on the rounded z: length/height ±6, weight-for-age below −6 or above 5, the others ±5. */
export const FLAG_LIMITS: Record<Indicator, readonly [number, number]> = {
  len: [-6, 6],
  wei: [-6, 5],
  wfl: [-5, 5],
  bmi: [-5, 5],
  hc: [-5, 5],
  ac: [-5, 5],
  ts: [-5, 5],
  ss: [-5, 5],
};

/** A rounded z-score outside the indicator's limits is biologically implausible (flagged). */
export function isImplausible(indicator: Indicator, roundedZ: number): boolean {
  const limits = FLAG_LIMITS[indicator];
  return roundedZ < limits[0] || roundedZ > limits[1];
}

/** First day of age at which the indicator has a reference (arm circumference and skinfolds: 91 days). */
export const FIRST_DAY: Record<Indicator, number> = {
  len: 0,
  wei: 0,
  wfl: 0,
  bmi: 0,
  hc: 0,
  ac: 91,
  ts: 91,
  ss: 91,
};

/** Weight-based indicators lose their z-score when the child has oedema. */
export function isMissingForOedema(indicator: Indicator, oedema: boolean): boolean {
  return oedema && (indicator === "wei" || indicator === "wfl" || indicator === "bmi");
}

/** Indicators whose z beyond ±3 uses the restricted form; length/height and head circumference do not. */
export function usesRestrictedZscore(indicator: Indicator): boolean {
  return indicator !== "len" && indicator !== "hc";
}
