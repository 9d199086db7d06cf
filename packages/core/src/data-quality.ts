/**
 * The WHO anthropometric data-quality checks (WHO-UNICEF TEAM WG 2019, as the WHO Anthro Survey
 * Analyser reports them; shared/domain/workflows.md §4) as pure functions over measurements:
 * completeness, implausible (flagged) z-scores, SD / skewness / kurtosis of the z-scores with the
 * usual reference ranges, terminal digits (digit-preference.ts), age heaping, sex ratio, measuring
 * position against age, and duplicates. Posyandu data are routine data, not a survey: the
 * verdicts are signals to look at, never pass/fail, and no check is read on its own.
 */

import {
  DQ_REFERENCES,
  kurtosisVerdict,
  sdVerdict,
  skewVerdict,
  smartWhzSdClass,
} from "./data-quality-verdicts.ts";
import { type DigitPreference, digitPreference } from "./digit-preference.ts";
import { kurtosis, mean, sampleSd, skewness } from "./moments.ts";
import { daysBetween } from "./parse.ts";

/** One measurement as stored; null or undefined is missing. Z-scores and flags as computed by @tumbuh/growth. */
export interface DqMeasurement {
  childId?: string | null;
  sex?: 1 | 2 | null;
  birthDate?: string | null;
  /** Measurement date (ISO). */
  date?: string | null;
  /** Age in days; computed from birthDate and date when absent. */
  ageDays?: number | null;
  weight?: number | null;
  lenhei?: number | null;
  measure?: "l" | "h" | null;
  oedema?: boolean | null;
  /** Whether the child has a NIK (the NIK itself is never needed here). */
  hasNik?: boolean | null;
  zlen?: number | null;
  flen?: boolean | null;
  zwei?: number | null;
  fwei?: boolean | null;
  zwfl?: number | null;
  fwfl?: boolean | null;
  zbmi?: number | null;
  fbmi?: boolean | null;
}

/** WHO anthro's days per month. */
const DAYS_PER_MONTH = 30.4375;
/** 24 months in whole days, where lying gives way to standing (as in the growth engine). */
const STANDING_FROM_DAY = 731;

const isSet = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;
const positive = (x: number | null | undefined): x is number => isSet(x) && Number.isFinite(x) && x > 0;
const percent = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

/** Age in days of a measurement: `ageDays`, else from birth and measurement dates; undefined when unknown or negative. */
export function dqAgeDays(m: DqMeasurement): number | undefined {
  if (isSet(m.ageDays) && Number.isFinite(m.ageDays)) return m.ageDays >= 0 ? m.ageDays : undefined;
  if (isSet(m.birthDate) && isSet(m.date)) {
    const days = daysBetween(m.birthDate, m.date);
    return days >= 0 ? days : undefined;
  }
  return undefined;
}

/** Completed months of age as WHO counts them: floor(days / 30.4375); undefined when unknown. */
export function dqAgeMonths(m: DqMeasurement): number | undefined {
  const days = dqAgeDays(m);
  return days === undefined ? undefined : Math.floor(days / DAYS_PER_MONTH);
}

// ---------------------------------------------------------------- 1. completeness

/** The fields whose completeness is reported. */
export type DqField = "sex" | "age" | "weight" | "lenhei" | "oedema" | "measure" | "nik";

export interface FieldCompleteness {
  field: DqField;
  /** Rows the field applies to (the measuring position: rows with a length/height). */
  total: number;
  missing: number;
  /** missing / total × 100; null when total is 0. */
  percentMissing: number | null;
}

/**
 * Missing values per field: sex, age (age in days, or birth and measurement dates; a negative
 * age counts as missing), weight and length/height (missing or not above 0), oedema, NIK, and the
 * measuring position among rows with a length/height.
 */
export function fieldCompleteness(rows: readonly DqMeasurement[]): FieldCompleteness[] {
  const missing: Record<DqField, number> = {
    sex: 0,
    age: 0,
    weight: 0,
    lenhei: 0,
    oedema: 0,
    measure: 0,
    nik: 0,
  };
  let withLenhei = 0;
  for (const m of rows) {
    if (m.sex !== 1 && m.sex !== 2) missing.sex++;
    if (dqAgeDays(m) === undefined) missing.age++;
    if (!positive(m.weight)) missing.weight++;
    if (!isSet(m.oedema)) missing.oedema++;
    if (m.hasNik !== true) missing.nik++;
    if (positive(m.lenhei)) {
      withLenhei++;
      if (m.measure !== "l" && m.measure !== "h") missing.measure++;
    } else missing.lenhei++;
  }
  return (Object.keys(missing) as DqField[]).map((field) => {
    const total = field === "measure" ? withLenhei : rows.length;
    return { field, total, missing: missing[field], percentMissing: percent(missing[field], total) };
  });
}

// ---------------------------------------------------------------- 2. flagged z-scores and z-score distributions

/** The four indices, by the names of the WHO data-quality report. */
export type DqIndex = "HAZ" | "WAZ" | "WHZ" | "BMIZ";
export const DQ_INDICES: readonly DqIndex[] = ["HAZ", "WAZ", "WHZ", "BMIZ"];

const Z_FIELDS: Record<
  DqIndex,
  readonly ["zlen" | "zwei" | "zwfl" | "zbmi", "flen" | "fwei" | "fwfl" | "fbmi"]
> = {
  HAZ: ["zlen", "flen"],
  WAZ: ["zwei", "fwei"],
  WHZ: ["zwfl", "fwfl"],
  BMIZ: ["zbmi", "fbmi"],
};

export interface FlaggedShare {
  index: DqIndex;
  /** Rows with a z-score (flagged or not). */
  withZ: number;
  flagged: number;
  /** flagged / withZ × 100; null when no z-score. */
  percentFlagged: number | null;
  verdict: "flagged_ok" | "flagged_high" | null;
}

/** The share of z-scores flagged implausible (WHO), per index. */
export function flaggedShares(rows: readonly DqMeasurement[]): FlaggedShare[] {
  return DQ_INDICES.map((index) => {
    const [z, f] = Z_FIELDS[index];
    let withZ = 0;
    let flagged = 0;
    for (const m of rows) {
      if (!isSet(m[z]) || !Number.isFinite(m[z])) continue;
      withZ++;
      if (m[f] === true) flagged++;
    }
    const p = percent(flagged, withZ);
    const verdict = p === null ? null : p > DQ_REFERENCES.flaggedPercentLimit ? "flagged_high" : "flagged_ok";
    return { index, withZ, flagged, percentFlagged: p, verdict };
  });
}

/** The unflagged z-scores of an index. */
export function unflaggedZ(rows: readonly DqMeasurement[], index: DqIndex): number[] {
  const [z, f] = Z_FIELDS[index];
  const out: number[] = [];
  for (const m of rows) {
    const v = m[z];
    if (isSet(v) && Number.isFinite(v) && m[f] !== true) out.push(v);
  }
  return out;
}

export interface ZDistribution {
  index: DqIndex;
  n: number;
  mean: number | null;
  /** Sample SD (n − 1). */
  sd: number | null;
  /** moments::skewness. */
  skewness: number | null;
  /** moments::kurtosis (Pearson, normal = 3). */
  kurtosis: number | null;
  sdVerdict: "sd_narrow" | "sd_in_range" | "sd_wide" | null;
  skewVerdict: "skew_negative" | "skew_ok" | "skew_positive" | null;
  kurtosisVerdict: "kurtosis_light" | "kurtosis_ok" | "kurtosis_heavy" | null;
}

/** Mean, SD, skewness and kurtosis of an index over its unflagged z-scores, with verdicts. */
export function zDistribution(rows: readonly DqMeasurement[], index: DqIndex): ZDistribution {
  const values = unflaggedZ(rows, index);
  const sd = sampleSd(values);
  const skew = skewness(values);
  const kurt = kurtosis(values);
  return {
    index,
    n: values.length,
    mean: mean(values),
    sd,
    skewness: skew,
    kurtosis: kurt,
    sdVerdict: sd === null ? null : sdVerdict(index, sd),
    skewVerdict: skew === null ? null : skewVerdict(skew),
    kurtosisVerdict: kurt === null ? null : kurtosisVerdict(kurt),
  };
}

// ---------------------------------------------------------------- 3. age heaping and sex ratio

export interface AgeHeaping {
  /** Rows by completed month of age 0–59 (WHO months), all and by sex. */
  byMonthOfAge: { all: number[]; male: number[]; female: number[] };
  /** Rows by calendar month of birth (index 0 January … 11 December), all and by sex. */
  byMonthOfBirth: { all: number[]; male: number[]; female: number[] };
}

/**
 * The age distributions in which heaping shows: by completed month of age (0–59, days / 30.4375;
 * ages from 60 months and unknown ages left out) and by calendar month of birth. A row of
 * unknown sex counts in `all` only.
 */
export function ageHeaping(rows: readonly DqMeasurement[]): AgeHeaping {
  const zeros = (n: number) => ({
    all: new Array<number>(n).fill(0),
    male: new Array<number>(n).fill(0),
    female: new Array<number>(n).fill(0),
  });
  const byMonthOfAge = zeros(60);
  const byMonthOfBirth = zeros(12);
  const add = (
    t: { all: number[]; male: number[]; female: number[] },
    i: number,
    sex: DqMeasurement["sex"],
  ) => {
    t.all[i]++;
    if (sex === 1) t.male[i]++;
    else if (sex === 2) t.female[i]++;
  };
  for (const m of rows) {
    const months = dqAgeMonths(m);
    if (months !== undefined && months < 60) add(byMonthOfAge, months, m.sex);
    if (isSet(m.birthDate) && /^\d{4}-\d{2}/.test(m.birthDate)) {
      add(byMonthOfBirth, Number(m.birthDate.slice(5, 7)) - 1, m.sex);
    }
  }
  return { byMonthOfAge, byMonthOfBirth };
}

export interface SexRatio {
  boys: number;
  girls: number;
  /** Boys per girl; null with no girls. Compare with a reliable source (about 1.05 at birth). */
  boysPerGirl: number | null;
  /** Boys per 100 children of known sex; null with none. */
  percentBoys: number | null;
}

/** Boys and girls among rows of known sex. */
export function sexRatio(rows: readonly DqMeasurement[]): SexRatio {
  let boys = 0;
  let girls = 0;
  for (const m of rows) {
    if (m.sex === 1) boys++;
    else if (m.sex === 2) girls++;
  }
  return {
    boys,
    girls,
    boysPerGirl: girls > 0 ? boys / girls : null,
    percentBoys: percent(boys, boys + girls),
  };
}

// ---------------------------------------------------------------- 4. measuring position against age

/** The age bands of the WHO report's position table, in completed months. */
export const POSITION_BANDS: readonly { label: string; fromMonth: number; toMonth: number }[] = [
  { label: "0-8", fromMonth: 0, toMonth: 8 },
  { label: "0-11", fromMonth: 0, toMonth: 11 },
  { label: "12-23", fromMonth: 12, toMonth: 23 },
  { label: "24-35", fromMonth: 24, toMonth: 35 },
  { label: "36-47", fromMonth: 36, toMonth: 47 },
  { label: "48-59", fromMonth: 48, toMonth: 59 },
];

export interface PositionBand {
  band: string;
  /** Rows with a length/height, a position and an age in the band. */
  n: number;
  lying: number;
  standing: number;
  /** Standing under 24 months (731 days) or lying from 24 months. */
  mismatch: number;
  percentMismatch: number | null;
}

/**
 * Measuring position against age by band: standing under 24 months or lying from 24 months is a
 * mismatch (the growth engine then adjusts by 0.7 cm; standing under 9 months, band 0–8, loses
 * the position altogether).
 */
export function positionByAge(rows: readonly DqMeasurement[]): PositionBand[] {
  return POSITION_BANDS.map(({ label, fromMonth, toMonth }) => {
    let n = 0;
    let lying = 0;
    let standing = 0;
    let mismatch = 0;
    for (const m of rows) {
      const days = dqAgeDays(m);
      if (days === undefined || !positive(m.lenhei) || (m.measure !== "l" && m.measure !== "h")) continue;
      const months = Math.floor(days / DAYS_PER_MONTH);
      if (months < fromMonth || months > toMonth) continue;
      n++;
      if (m.measure === "l") lying++;
      else standing++;
      const standingExpected = Math.floor(days + 0.5) >= STANDING_FROM_DAY;
      if ((m.measure === "h") !== standingExpected) mismatch++;
    }
    return { band: label, n, lying, standing, mismatch, percentMismatch: percent(mismatch, n) };
  });
}

// ---------------------------------------------------------------- 5. duplicates

export interface Duplicates {
  /** (child, date) pairs found more than once. */
  pairs: number;
  /** Rows beyond the first of each such pair. */
  extraRows: number;
}

/** Measurements of the same child on the same date; rows without a child id or a date are left out. */
export function duplicateMeasurements(rows: readonly DqMeasurement[]): Duplicates {
  const seen = new Map<string, number>();
  for (const m of rows) {
    if (!isSet(m.childId) || !isSet(m.date)) continue;
    const key = `${m.childId}\u0000${m.date}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let pairs = 0;
  let extraRows = 0;
  for (const count of seen.values()) {
    if (count > 1) {
      pairs++;
      extraRows += count - 1;
    }
  }
  return { pairs, extraRows };
}

// ---------------------------------------------------------------- the report

export interface DataQualityReport {
  rows: number;
  completeness: FieldCompleteness[];
  flagged: FlaggedShare[];
  distributions: ZDistribution[];
  /** SMART class of the SD of WHZ, for those who want it. */
  smartWhzSd: ReturnType<typeof smartWhzSdClass> | null;
  weightDigits: DigitPreference;
  lenheiDigits: DigitPreference;
  ageHeaping: AgeHeaping;
  sexRatio: SexRatio;
  positionByAge: PositionBand[];
  duplicates: Duplicates;
}

/** Every check of this module over one set of measurements (group the rows first for per-posyandu or per-month reports). */
export function dataQualityReport(rows: readonly DqMeasurement[]): DataQualityReport {
  const distributions = DQ_INDICES.map((index) => zDistribution(rows, index));
  const whzSd = distributions[2].sd;
  return {
    rows: rows.length,
    completeness: fieldCompleteness(rows),
    flagged: flaggedShares(rows),
    distributions,
    smartWhzSd: whzSd === null ? null : smartWhzSdClass(whzSd),
    weightDigits: digitPreference(rows.map((m) => m.weight)),
    lenheiDigits: digitPreference(rows.map((m) => m.lenhei)),
    ageHeaping: ageHeaping(rows),
    sexRatio: sexRatio(rows),
    positionByAge: positionByAge(rows),
    duplicates: duplicateMeasurements(rows),
  };
}
