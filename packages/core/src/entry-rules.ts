/**
 * One set of rules for a measurement entered at a posyandu session, for the web form and the
 * server alike: errors are what the server refuses (the form offers no "save anyway" for them),
 * warnings ask the cadre to check a value before saving it anyway. Every finding is a code with
 * parameters; the words are the user interface's.
 *
 * Errors: a date after today or before birth, age 60 months or more (WHO months: days / 30.4375,
 * as the growth engine), neither weight nor length/height, a measurement on the date of the
 * previous one (the server keeps one per child and date), a value that is not a number, or a
 * value outside the hard limits of `ENTRY_LIMITS`.
 *
 * Warnings scale with the time since the previous measurement: a weight gain faster than
 * `WEIGHT_GAIN_PER_MONTH` allows, a weight loss beyond 10 % a month (at most 20 % in all), a
 * length/height (both brought to the position of the standards by the growth engine's ±0.7 cm)
 * shorter by more than the measuring error or longer than `LENHEI_GAIN_PER_MONTH` allows, a head
 * circumference smaller by more than 1 cm; then the WHO implausibility flags, standing under 9
 * months, and a length/height without its measuring position.
 */
import {
  adjustLenhei,
  anthroZScores,
  type MeasurePosition,
  measureCode,
  roundHalfUp,
  type Sex,
} from "@tumbuh/growth";
import { daysBetween } from "./parse.ts";

/** WHO anthro's days per month. */
const DAYS_PER_MONTH = 30.4375;

/** The fields a finding points at. */
export type EntryField = "date" | "weight" | "lenhei" | "measure" | "armc" | "headc";
/** The measured values with hard limits. */
export type LimitedField = "weight" | "lenhei" | "armc" | "headc";

/**
 * Hard limits: values no child under five can have, so a value outside is a typing error (250 cm
 * for 52.0, 85 kg for 8.5, 1.2 cm of arm for 12). The upper limits are the API's today (60 kg,
 * 150 cm, 40 cm arm, 70 cm head), so these rules refuse nothing it accepts above; the lower limits
 * are new and lie below the smallest newborns who survive (about 0.5 kg, 25 cm long, 18 cm head
 * circumference, 5 cm arm circumference). Values near the limits are still flagged by the WHO
 * rules as warnings.
 */
export const ENTRY_LIMITS: Record<LimitedField, { min: number; max: number; unit: "kg" | "cm" }> = {
  weight: { min: 0.5, max: 60, unit: "kg" },
  lenhei: { min: 25, max: 150, unit: "cm" },
  armc: { min: 5, max: 40, unit: "cm" },
  headc: { min: 18, max: 70, unit: "cm" },
};

/**
 * The fastest plausible gain per month (30.4375 days), by completed WHO months of age at the
 * earlier measurement. Tumbuh's choice, not a published table (the WHO growth velocity standards
 * were not at hand): for weight at least 1.75 times, for length/height at least 1.25 times the
 * largest median monthly gain of the WHO standards in the band (the M curves of weight-for-age
 * and length/height-for-age; tested), on top of the measuring tolerance, so that normal and
 * catch-up growth pass and a slipped digit does not.
 */
export const WEIGHT_GAIN_PER_MONTH: readonly { fromMonth: number; toMonth: number; kg: number }[] = [
  { fromMonth: 0, toMonth: 2, kg: 2.0 },
  { fromMonth: 3, toMonth: 5, kg: 1.5 },
  { fromMonth: 6, toMonth: 11, kg: 1.0 },
  { fromMonth: 12, toMonth: 59, kg: 0.8 },
];
export const LENHEI_GAIN_PER_MONTH: readonly { fromMonth: number; toMonth: number; cm: number }[] = [
  { fromMonth: 0, toMonth: 2, cm: 6 },
  { fromMonth: 3, toMonth: 5, cm: 4 },
  { fromMonth: 6, toMonth: 11, cm: 3 },
  { fromMonth: 12, toMonth: 23, cm: 2 },
  { fromMonth: 24, toMonth: 59, cm: 1.5 },
];

/** Margins for measuring error and the interval rules. */
export const ENTRY_TOLERANCES = {
  /** Scale reading and clothing, added to every weight-change limit. */
  weightKg: 0.3,
  /** Loss allowed per month as a share of the earlier weight… */
  weightLossPerMonth: 0.1,
  /** …and at most over any interval. */
  weightLossMax: 0.2,
  /** Length/height measuring error (the form's 1.5 cm), added to both length limits. */
  lenheiCm: 1.5,
  /** Head circumference measuring error. */
  headcCm: 1,
} as const;

/** The child being measured. */
export interface EntryChild {
  sex: Sex;
  birthDate: string;
}

/** The measurement typed at the session (units kg and cm). */
export interface EntryMeasurement {
  date: string;
  weight?: number;
  lenhei?: number;
  measure?: MeasurePosition;
  oedema?: boolean;
  /** Mid-upper arm circumference (LiLA). */
  armc?: number;
  headc?: number;
}

/** The child's previous measurement; null values are missing. */
export interface PreviousMeasurement {
  date: string;
  weight?: number | null;
  lenhei?: number | null;
  measure?: MeasurePosition | null;
  headc?: number | null;
}

export type EntryErrorCode =
  | "date_in_future"
  | "date_before_birth"
  | "age_60_months_or_more"
  | "no_weight_or_lenhei"
  | "same_date_as_previous"
  | "not_a_number"
  | "out_of_limits";

export type EntryWarningCode =
  | "weight_gain_fast"
  | "weight_loss"
  | "lenhei_decrease"
  | "lenhei_gain_fast"
  | "headc_decrease"
  | "implausible_z"
  | "standing_under_9_months"
  | "measure_missing";

/** A finding: a code, the field it concerns, and the numbers or dates a message needs. */
export interface EntryFinding<C extends string> {
  code: C;
  field: EntryField;
  params: Record<string, number | string>;
}

export interface EntryCheck {
  errors: EntryFinding<EntryErrorCode>[];
  warnings: EntryFinding<EntryWarningCode>[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const has = (x: number | null | undefined): x is number => x !== null && x !== undefined;

function perMonth<T extends { fromMonth: number; toMonth: number }>(
  table: readonly T[],
  ageMonths: number,
): T {
  return table.find((b) => ageMonths >= b.fromMonth && ageMonths <= b.toMonth) ?? table[table.length - 1];
}

/** The length/height brought to the standards' position for its age, as the growth engine does. */
function adjusted(lenhei: number, ageDays: number, measure: MeasurePosition | null | undefined): number {
  return adjustLenhei(lenhei, roundHalfUp(ageDays), measureCode(measure ?? undefined));
}

/**
 * Checks a measurement of `child` entered on `today` (ISO date in Indonesia) against the child's
 * previous measurement: errors the server refuses and warnings to check, each a code with
 * parameters.
 */
export function checkEntry(
  child: EntryChild,
  today: string,
  m: EntryMeasurement,
  previous?: PreviousMeasurement | null,
): EntryCheck {
  const errors: EntryFinding<EntryErrorCode>[] = [];
  const warnings: EntryFinding<EntryWarningCode>[] = [];

  // The date and the age.
  const ageDays = daysBetween(child.birthDate, m.date);
  if (m.date > today) errors.push({ code: "date_in_future", field: "date", params: { date: m.date, today } });
  if (ageDays < 0)
    errors.push({
      code: "date_before_birth",
      field: "date",
      params: { date: m.date, birthDate: child.birthDate },
    });
  else if (ageDays / DAYS_PER_MONTH >= 60)
    errors.push({
      code: "age_60_months_or_more",
      field: "date",
      params: { ageMonths: Math.floor(ageDays / DAYS_PER_MONTH) },
    });
  if (previous && previous.date === m.date)
    errors.push({ code: "same_date_as_previous", field: "date", params: { date: m.date } });

  // The values: a number, within the hard limits.
  const usable: Partial<Record<LimitedField, number>> = {};
  for (const field of ["weight", "lenhei", "armc", "headc"] as const) {
    const value = m[field];
    if (value === undefined) continue;
    if (!Number.isFinite(value)) {
      errors.push({ code: "not_a_number", field, params: {} });
      continue;
    }
    const { min, max, unit } = ENTRY_LIMITS[field];
    if (value < min || value > max)
      errors.push({ code: "out_of_limits", field, params: { value, min, max, unit } });
    else usable[field] = value;
  }
  if (m.weight === undefined && m.lenhei === undefined)
    errors.push({ code: "no_weight_or_lenhei", field: "weight", params: {} });
  if (errors.some((e) => e.field === "date")) return { errors, warnings };

  // Against the previous measurement, in date order, scaled by the interval.
  if (previous && previous.date !== m.date) {
    const later = previous.date > m.date;
    const earlierDate = later ? m.date : previous.date;
    const days = Math.abs(daysBetween(previous.date, m.date));
    const months = days / DAYS_PER_MONTH;
    const earlierAgeDays = daysBetween(child.birthDate, earlierDate);
    const earlierMonths = Math.floor(Math.max(earlierAgeDays, 0) / DAYS_PER_MONTH);
    const pair = (now: number | undefined, before: number | null | undefined) =>
      now === undefined || !has(before)
        ? undefined
        : later
          ? { from: now, to: before }
          : { from: before, to: now };
    const context = { previousDate: previous.date, days };

    const w = pair(usable.weight, previous.weight);
    if (w) {
      const change = w.to - w.from;
      const params = { ...context, previous: previous.weight as number, change: round(change, 3) };
      const gainLimit =
        ENTRY_TOLERANCES.weightKg + perMonth(WEIGHT_GAIN_PER_MONTH, earlierMonths).kg * months;
      const lossShare = Math.min(
        ENTRY_TOLERANCES.weightLossPerMonth * months,
        ENTRY_TOLERANCES.weightLossMax,
      );
      const lossLimit = ENTRY_TOLERANCES.weightKg + w.from * lossShare;
      if (change > gainLimit)
        warnings.push({
          code: "weight_gain_fast",
          field: "weight",
          params: { ...params, limit: round(gainLimit, 3) },
        });
      else if (-change > lossLimit)
        warnings.push({
          code: "weight_loss",
          field: "weight",
          params: { ...params, limit: round(lossLimit, 3) },
        });
    }

    if (usable.lenhei !== undefined && has(previous.lenhei)) {
      const prevAge = daysBetween(child.birthDate, previous.date);
      const now = adjusted(usable.lenhei, ageDays, m.measure);
      const before = adjusted(previous.lenhei, Math.max(prevAge, 0), previous.measure);
      const change = later ? before - now : now - before;
      const params = { ...context, previous: previous.lenhei, change: round(change, 2) };
      const gainLimit =
        ENTRY_TOLERANCES.lenheiCm + perMonth(LENHEI_GAIN_PER_MONTH, earlierMonths).cm * months;
      if (-change > ENTRY_TOLERANCES.lenheiCm)
        warnings.push({
          code: "lenhei_decrease",
          field: "lenhei",
          params: { ...params, limit: ENTRY_TOLERANCES.lenheiCm },
        });
      else if (change > gainLimit)
        warnings.push({
          code: "lenhei_gain_fast",
          field: "lenhei",
          params: { ...params, limit: round(gainLimit, 2) },
        });
    }

    const h = pair(usable.headc, previous.headc);
    if (h && h.from - h.to > ENTRY_TOLERANCES.headcCm) {
      warnings.push({
        code: "headc_decrease",
        field: "headc",
        params: {
          ...context,
          previous: previous.headc as number,
          change: round(h.to - h.from, 2),
          limit: ENTRY_TOLERANCES.headcCm,
        },
      });
    }
  }

  // The WHO rules on the values within the limits.
  const z = anthroZScores({
    sex: child.sex,
    ageDays,
    weight: usable.weight,
    lenhei: usable.lenhei,
    measure: m.measure,
    oedema: m.oedema,
    armc: usable.armc,
    headc: usable.headc,
  });
  const flagged: [boolean | undefined, number | undefined, string, EntryField][] = [
    [z.flen, z.zlen, "zlen", "lenhei"],
    [z.fwei, z.zwei, "zwei", "weight"],
    [z.fwfl, z.zwfl, "zwfl", "weight"],
    [z.fbmi, z.zbmi, "zbmi", "weight"],
    [z.fhc, z.zhc, "zhc", "headc"],
    [z.fac, z.zac, "zac", "armc"],
  ];
  for (const [flag, value, indicator, field] of flagged) {
    if (flag === true && value !== undefined)
      warnings.push({ code: "implausible_z", field, params: { indicator, z: value } });
  }
  if (z.c9moFlag) warnings.push({ code: "standing_under_9_months", field: "measure", params: {} });
  if (usable.lenhei !== undefined && m.measure === undefined)
    warnings.push({ code: "measure_missing", field: "measure", params: {} });
  return { errors, warnings };
}
