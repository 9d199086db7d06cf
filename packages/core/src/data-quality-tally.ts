/**
 * The data-quality report from stored sums, so a region's report is read, not recomputed from its
 * measurements. Everything the report shows is either a count that adds up exactly (completeness,
 * flagged z-scores, terminal digits, months of age and of birth by sex, measuring position by month
 * of age) or a power sum of z-scores (n, Σz, Σz², Σz³, Σz⁴ per index, over each child's latest valid
 * z-score) from which the mean, SD, skewness and kurtosis follow. The roll-up refresh tallies each
 * unit's measurements and sums per child once; a kecamatan or a district is the sum of its units.
 *
 * The measurement counts are one flat vector (QUALITY_TALLY_LENGTH numbers, the layout below), so a
 * sum of units is an element-wise sum and a stored row is one integer array.
 */

import {
  type AgeHeaping,
  type DataQualityReport,
  DQ_INDICES,
  type DqField,
  type DqIndex,
  type DqMeasurement,
  dqAgeDays,
  type FieldCompleteness,
  type FlaggedShare,
  POSITION_BANDS,
  type PositionBand,
  type ZDistribution,
} from "./data-quality.ts";
import {
  DQ_REFERENCES,
  kurtosisVerdict,
  sdVerdict,
  skewVerdict,
  smartWhzSdClass,
} from "./data-quality-verdicts.ts";
import { digitPreferenceOfCounts, terminalDigit } from "./digit-preference.ts";

/** The completeness fields in the order of the tally (and of the report). */
const FIELDS: readonly DqField[] = ["sex", "age", "weight", "lenhei", "oedema", "measure", "nik"];

/** Offsets and lengths of the parts of a tally vector. */
const PARTS = [
  ["rows", 1],
  ["missing", FIELDS.length],
  ["withLenhei", 1],
  ["withZ", DQ_INDICES.length],
  ["flagged", DQ_INDICES.length],
  ["weightDigits", 10],
  ["lenheiDigits", 10],
  ["ageAll", 60],
  ["ageMale", 60],
  ["ageFemale", 60],
  ["birthAll", 12],
  ["birthMale", 12],
  ["birthFemale", 12],
  ["lying", 60],
  ["standing", 60],
  ["mismatch", 60],
] as const;

type Part = (typeof PARTS)[number][0];

const AT = {} as Record<Part, number>;
let length = 0;
for (const [name, n] of PARTS) {
  AT[name] = length;
  length += n;
}

/** Numbers in a tally vector. */
export const QUALITY_TALLY_LENGTH = length;

/** The measurement counts of a unit and period, QUALITY_TALLY_LENGTH numbers (see PARTS). */
export type QualityTally = number[];

export function emptyQualityTally(): QualityTally {
  return new Array<number>(QUALITY_TALLY_LENGTH).fill(0);
}

/** Adds `from` into `into` element by element. */
export function addQualityTally<T extends QualityTally | Int32Array>(into: T, from: ArrayLike<number>): T {
  if (from.length !== QUALITY_TALLY_LENGTH)
    throw new Error(`a quality tally has ${QUALITY_TALLY_LENGTH} numbers`);
  for (let i = 0; i < QUALITY_TALLY_LENGTH; i++) into[i] += from[i];
  return into;
}

const DAYS_PER_MONTH = 30.4375;
const STANDING_FROM_DAY = 731;
const isSet = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;
const Z: Record<DqIndex, readonly ["zlen" | "zwei" | "zwfl" | "zbmi", "flen" | "fwei" | "fwfl" | "fbmi"]> = {
  HAZ: ["zlen", "flen"],
  WAZ: ["zwei", "fwei"],
  WHZ: ["zwfl", "fwfl"],
  BMIZ: ["zbmi", "fbmi"],
};

/** The z-scores in the order of the bits of tallyValues: DQ_INDICES's. */
const Z_ORDER: readonly DqIndex[] = ["HAZ", "WAZ", "WHZ", "BMIZ"];
if (DQ_INDICES.length !== Z_ORDER.length || DQ_INDICES.some((index, i) => Z_ORDER[i] !== index))
  throw new Error("tallyValues counts the z-scores in the order of DQ_INDICES");

const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** The month of birth 0–11 of an ISO birth date (`YYYY-MM…`), -1 when there is none. */
export function birthMonthIndex(birthDate: string | null | undefined): number {
  if (!isSet(birthDate)) return -1;
  const s = birthDate;
  if (!(isDigit(s, 0) && isDigit(s, 1) && isDigit(s, 2) && isDigit(s, 3) && s.charCodeAt(4) === 45))
    return -1;
  if (!(isDigit(s, 5) && isDigit(s, 6))) return -1;
  const month = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48) - 1;
  return month >= 0 && month < 12 ? month : -1;
}

/** Measuring position for tallyValues: 1 lying, 2 standing, anything else not recorded. */
const LYING = 1;
const STANDING = 2;

/**
 * Counts one measurement into a tally from its values, the rules of data-quality.ts (its
 * functions, row by row): `sex` 1 or 2 (else missing); `ageDays` (NaN or negative: unknown);
 * `weight` and `lenhei` counted when above 0 (NaN: none); `measure` 1 lying, 2 standing;
 * `oedemaRecorded`; `hasNik`; `withZ` and `flaggedZ` bits of the z-scores present and flagged
 * (1 HAZ, 2 WAZ, 4 WHZ, 8 BMIZ; a flag counts only with its z-score); `birthMonth` 0–11 (-1:
 * unknown). tallyMeasurement takes a row; the roll-up refresh passes its columns.
 */
export function tallyValues(
  t: QualityTally | Int32Array,
  sex: number,
  ageDays: number,
  weight: number,
  lenhei: number,
  measure: number,
  oedemaRecorded: boolean,
  hasNik: boolean,
  withZ: number,
  flaggedZ: number,
  birthMonth: number,
): void {
  t[AT.rows]++;
  const knownAge = ageDays >= 0;
  const hasLenhei = lenhei > 0 && Number.isFinite(lenhei);
  const hasWeight = weight > 0 && Number.isFinite(weight);
  const hasMeasure = measure === LYING || measure === STANDING;
  // Missing fields in the order of FIELDS: sex, age, weight, lenhei, oedema, measure, nik.
  if (sex !== 1 && sex !== 2) t[AT.missing]++;
  if (!knownAge) t[AT.missing + 1]++;
  if (!hasWeight) t[AT.missing + 2]++;
  if (!hasLenhei) t[AT.missing + 3]++;
  if (!oedemaRecorded) t[AT.missing + 4]++;
  if (hasLenhei && !hasMeasure) t[AT.missing + 5]++;
  if (!hasNik) t[AT.missing + 6]++;
  if (hasLenhei) t[AT.withLenhei]++;
  for (let i = 0; i < 4; i++) {
    const bit = 1 << i;
    if ((withZ & bit) === 0) continue;
    t[AT.withZ + i]++;
    if ((flaggedZ & bit) !== 0) t[AT.flagged + i]++;
  }
  if (hasWeight) t[AT.weightDigits + terminalDigit(weight)]++;
  if (hasLenhei) t[AT.lenheiDigits + terminalDigit(lenhei)]++;
  if (knownAge) {
    const months = Math.floor(ageDays / DAYS_PER_MONTH);
    if (months < 60) {
      t[AT.ageAll + months]++;
      if (sex === 1) t[AT.ageMale + months]++;
      else if (sex === 2) t[AT.ageFemale + months]++;
      if (hasLenhei && hasMeasure) {
        t[(measure === LYING ? AT.lying : AT.standing) + months]++;
        const standingExpected = Math.floor(ageDays + 0.5) >= STANDING_FROM_DAY;
        if ((measure === STANDING) !== standingExpected) t[AT.mismatch + months]++;
      }
    }
  }
  if (birthMonth >= 0 && birthMonth < 12) {
    t[AT.birthAll + birthMonth]++;
    if (sex === 1) t[AT.birthMale + birthMonth]++;
    else if (sex === 2) t[AT.birthFemale + birthMonth]++;
  }
}

const num = (x: number | null | undefined) => (isSet(x) ? x : Number.NaN);

/** Counts one measurement into a tally, by the rules of data-quality.ts (tallyValues). */
export function tallyMeasurement(t: QualityTally | Int32Array, m: DqMeasurement): void {
  let withZ = 0;
  let flaggedZ = 0;
  for (let i = 0; i < 4; i++) {
    const [z, f] = Z[Z_ORDER[i]];
    const v = m[z];
    if (!isSet(v) || !Number.isFinite(v)) continue;
    withZ |= 1 << i;
    if (m[f] === true) flaggedZ |= 1 << i;
  }
  tallyValues(
    t,
    m.sex === 1 || m.sex === 2 ? m.sex : 0,
    dqAgeDays(m) ?? Number.NaN,
    num(m.weight),
    num(m.lenhei),
    m.measure === "l" ? LYING : m.measure === "h" ? STANDING : 0,
    isSet(m.oedema),
    m.hasNik === true,
    withZ,
    flaggedZ,
    birthMonthIndex(m.birthDate),
  );
}

/** n, Σz, Σz², Σz³, Σz⁴ of one index's z-scores. */
export interface ZSums {
  n: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
}

/** The per-child part of a report: children counted, boys and girls, and the z-score sums per index. */
export interface ChildSums {
  children: number;
  boys: number;
  girls: number;
  z: Record<DqIndex, ZSums>;
}

export function emptyChildSums(): ChildSums {
  const zero = (): ZSums => ({ n: 0, s1: 0, s2: 0, s3: 0, s4: 0 });
  return { children: 0, boys: 0, girls: 0, z: { HAZ: zero(), WAZ: zero(), WHZ: zero(), BMIZ: zero() } };
}

/** Adds `from` into `into`. */
export function addChildSums(into: ChildSums, from: ChildSums): ChildSums {
  into.children += from.children;
  into.boys += from.boys;
  into.girls += from.girls;
  for (const i of DQ_INDICES) {
    const a = into.z[i];
    const b = from.z[i];
    a.n += b.n;
    a.s1 += b.s1;
    a.s2 += b.s2;
    a.s3 += b.s3;
    a.s4 += b.s4;
  }
  return into;
}

/** The sums of per-child rows (data-quality-population.ts latestValidPerChild: one row per child). */
export function childSumsOf(perChild: readonly DqMeasurement[]): ChildSums {
  const s = emptyChildSums();
  for (const m of perChild) {
    s.children++;
    if (m.sex === 1) s.boys++;
    else if (m.sex === 2) s.girls++;
    for (const index of DQ_INDICES) {
      const [z, f] = Z[index];
      const v = m[z];
      if (!isSet(v) || !Number.isFinite(v) || m[f] === true) continue;
      const x = s.z[index];
      const v2 = v * v;
      x.n++;
      x.s1 += v;
      x.s2 += v2;
      x.s3 += v2 * v;
      x.s4 += v2 * v2;
    }
  }
  return s;
}

/**
 * Mean, sample SD, skewness and Pearson kurtosis (moments.ts's formulas) from power sums: with
 * mean x̄ = Σz/n, the deviation sums are Σ(z−x̄)² = Σz² − n·x̄², Σ(z−x̄)³ = Σz³ − 3x̄Σz² + 2n·x̄³ and
 * Σ(z−x̄)⁴ = Σz⁴ − 4x̄Σz³ + 6x̄²Σz² − 3n·x̄⁴. Equal values (a second-moment sum within rounding of
 * zero) have no skewness or kurtosis, as in moments.ts.
 */
export function momentsOfSums(s: ZSums): {
  mean: number | null;
  sd: number | null;
  skewness: number | null;
  kurtosis: number | null;
} {
  const { n, s1, s2, s3, s4 } = s;
  if (n === 0) return { mean: null, sd: null, skewness: null, kurtosis: null };
  const m = s1 / n;
  let d2 = s2 - n * m * m;
  // Rounding leaves a tiny (even negative) second moment for equal values: that is zero.
  if (d2 <= 1e-12 * Math.max(s2, 1)) d2 = 0;
  const d3 = s3 - 3 * m * s2 + 2 * n * m ** 3;
  const d4 = s4 - 4 * m * s3 + 6 * m * m * s2 - 3 * n * m ** 4;
  return {
    mean: m,
    sd: n < 2 ? null : Math.sqrt(d2 / (n - 1)),
    skewness: d2 > 0 ? d3 / n / (d2 / n) ** 1.5 : null,
    kurtosis: d2 > 0 ? (n * d4) / (d2 * d2) : null,
  };
}

function distributionOfSums(index: DqIndex, s: ZSums): ZDistribution {
  const { mean, sd, skewness, kurtosis } = momentsOfSums(s);
  return {
    index,
    n: s.n,
    mean,
    sd,
    skewness,
    kurtosis,
    sdVerdict: sd === null ? null : sdVerdict(index, sd),
    skewVerdict: skewness === null ? null : skewVerdict(skewness),
    kurtosisVerdict: kurtosis === null ? null : kurtosisVerdict(kurtosis),
  };
}

const percent = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

/**
 * The report of data-quality-population.ts populationQualityReport from a unit's tally and child
 * sums. Duplicate measurements (a child measured twice on one date) are not tallied: the database
 * keeps one measurement per child and date, so there are none.
 */
export function qualityReportOfTally(
  tally: readonly number[],
  child: ChildSums,
): DataQualityReport & { children: number } {
  if (tally.length !== QUALITY_TALLY_LENGTH)
    throw new Error(`a quality tally has ${QUALITY_TALLY_LENGTH} numbers`);
  const part = (name: Part, n: number) => tally.slice(AT[name], AT[name] + n);
  const rows = tally[AT.rows];
  const withLenhei = tally[AT.withLenhei];
  const completeness: FieldCompleteness[] = FIELDS.map((field, i) => {
    const total = field === "measure" ? withLenhei : rows;
    const missing = tally[AT.missing + i];
    return { field, total, missing, percentMissing: percent(missing, total) };
  });
  const flagged: FlaggedShare[] = DQ_INDICES.map((index, i) => {
    const withZ = tally[AT.withZ + i];
    const f = tally[AT.flagged + i];
    const p = percent(f, withZ);
    const verdict = p === null ? null : p > DQ_REFERENCES.flaggedPercentLimit ? "flagged_high" : "flagged_ok";
    return { index, withZ, flagged: f, percentFlagged: p, verdict };
  });
  const distributions = DQ_INDICES.map((index) => distributionOfSums(index, child.z[index]));
  const whzSd = distributions[2].sd;
  const ageHeaping: AgeHeaping = {
    byMonthOfAge: { all: part("ageAll", 60), male: part("ageMale", 60), female: part("ageFemale", 60) },
    byMonthOfBirth: {
      all: part("birthAll", 12),
      male: part("birthMale", 12),
      female: part("birthFemale", 12),
    },
  };
  const positionByAge: PositionBand[] = POSITION_BANDS.map(({ label, fromMonth, toMonth }) => {
    let lying = 0;
    let standing = 0;
    let mismatch = 0;
    for (let mo = fromMonth; mo <= toMonth; mo++) {
      lying += tally[AT.lying + mo];
      standing += tally[AT.standing + mo];
      mismatch += tally[AT.mismatch + mo];
    }
    const n = lying + standing;
    return { band: label, n, lying, standing, mismatch, percentMismatch: percent(mismatch, n) };
  });
  const { boys, girls } = child;
  return {
    rows,
    completeness,
    flagged,
    distributions,
    smartWhzSd: whzSd === null ? null : smartWhzSdClass(whzSd),
    weightDigits: digitPreferenceOfCounts(part("weightDigits", 10)),
    lenheiDigits: digitPreferenceOfCounts(part("lenheiDigits", 10)),
    ageHeaping,
    sexRatio: {
      boys,
      girls,
      boysPerGirl: girls > 0 ? boys / girls : null,
      percentBoys: percent(boys, boys + girls),
    },
    positionByAge,
    duplicates: { pairs: 0, extraRows: 0 },
    children: child.children,
  };
}
