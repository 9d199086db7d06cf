/**
 * Every stored figure of one district computed in one pass over its children and measurements,
 * held in columns (typed arrays): the prevalence counts and per-child z-score sums of each village
 * and posyandu per period (month 'YYYY-MM' and year 'YYYY'), the SKDN counts and the data-quality
 * tallies of each posyandu, village, kecamatan and the district. The rules are those of the
 * modules that own them: each child counted once per period at its latest measurement with its
 * latest valid (not flagged) z-scores, new stunting when a stunted valid HAZ follows a valid HAZ
 * that was not (prevalence); skdn-counts.ts (SKDN, 2T, BGM); data-quality-tally.ts (quality).
 * Pure: the data layer loads the columns and stores the rows.
 */

import { birthMonthIndex, QUALITY_TALLY_LENGTH, tallyValues } from "./data-quality-tally.ts";
import type { FalteringWeighing } from "./faltering.ts";
import type { KbmTable } from "./kbm.ts";
import type { KmsRecord } from "./skdn.ts";
import { addSkdnCountsInto, eachChildSkdnCounts, SKDN_COUNT_KEYS } from "./skdn-counts.ts";

/** The district's children, column by column (row i is one child). */
export interface FigureChildren {
  count: number;
  id: string[];
  /** 1 boy, 2 girl. */
  sex: Uint8Array;
  /** ISO birth date. */
  birthDate: string[];
  /** Registered village and posyandu: indexes into FigureInput.villages / posyandu (-1: none). */
  village: Int32Array;
  posyandu: Int32Array;
  /** KMS / Buku KIA recorded on the child: 1 with, 0 without, -1 not recorded. */
  hasKms: Int8Array;
  hasNik: Uint8Array;
  /** Name key, birth date and sex: children sharing it are likely duplicates. */
  dupKey: string[];
  /** Likely-duplicate group (same name key, birth date and sex; -1: none) and its size. */
  dupGroup: Int32Array;
  dupSize: Int32Array;
}

/** Flag bits of FigureMeasurements.flags: a WHO flag on the z-score. */
export const FLAG_LEN = 1;
export const FLAG_WEI = 2;
export const FLAG_WFL = 4;
export const FLAG_BMI = 8;

/** The district's measurements, column by column; NaN stands for a value not recorded. */
export interface FigureMeasurements {
  count: number;
  /** Index of the child in FigureChildren. */
  child: Int32Array;
  /** Measurement date, days since 1970-01-01. */
  day: Int32Array;
  /** Where measured: indexes into FigureInput.villages / posyandu (-1: none). */
  village: Int32Array;
  posyandu: Int32Array;
  ageDays: Int32Array;
  weight: Float64Array;
  lenhei: Float64Array;
  /** 0 not recorded, 1 lying (l), 2 standing (h). */
  measure: Uint8Array;
  oedema: Uint8Array;
  /** KMS / Buku KIA seen at the weighing: 1, 0, -1 not recorded. */
  hasKms: Int8Array;
  zlen: Float64Array;
  zwei: Float64Array;
  zwfl: Float64Array;
  zbmi: Float64Array;
  /** FLAG_* bits. */
  flags: Uint8Array;
}

export interface FigureInput {
  district: string;
  /** Village codes (10 digits with dots) and posyandu ids the indexes refer to. */
  villages: readonly string[];
  posyandu: readonly string[];
  children: FigureChildren;
  measurements: FigureMeasurements;
}

export type FigureUnitKind = "posyandu" | "village" | "subdistrict" | "district";

/** The prevalence counts of a row, in the order of the roll-up's count columns. */
export const PREVALENCE_COUNTS = [
  "measured",
  "haz_valid",
  "stunted",
  "severely_stunted",
  "whz_valid",
  "wasted",
  "severely_wasted",
  "overweight",
  "waz_valid",
  "underweight",
  "new_stunting",
] as const;

/** The per-child z-score sums of a row, in the order of the roll-up's moment columns. */
export const PREVALENCE_MOMENTS = [
  "haz_s1",
  "haz_s2",
  "haz_s3",
  "haz_s4",
  "whz_s1",
  "whz_s2",
  "whz_s3",
  "whz_s4",
  "waz_s1",
  "waz_s2",
  "waz_s3",
  "waz_s4",
  "bmiz_valid",
  "bmiz_s1",
  "bmiz_s2",
  "bmiz_s3",
  "bmiz_s4",
  "boys",
  "girls",
] as const;

const NC = PREVALENCE_COUNTS.length;
const NM = PREVALENCE_MOMENTS.length;
/** Offsets in a prevalence row's values. */
const MEASURED = 0;
const HAZ_VALID = 1;
const STUNTED = 2;
const SEV_STUNTED = 3;
const WHZ_VALID = 4;
const WASTED = 5;
const SEV_WASTED = 6;
const OVERWEIGHT = 7;
const WAZ_VALID = 8;
const UNDERWEIGHT = 9;
const NEW_STUNTING = 10;
const HAZ_S = NC;
const WHZ_S = NC + 4;
const WAZ_S = NC + 8;
const BMIZ_VALID = NC + 12;
const BMIZ_S = NC + 13;
const BOYS = NC + 17;
const GIRLS = NC + 18;

/** A village's or posyandu's prevalence row: PREVALENCE_COUNTS then PREVALENCE_MOMENTS. */
export interface PrevalenceFigureRow {
  kind: "village" | "posyandu";
  code: string;
  period: string;
  values: Float64Array;
}

export interface SkdnFigureRow {
  kind: FigureUnitKind;
  code: string;
  month: string;
  /** In the order of SKDN_COUNT_KEYS. */
  counts: Int32Array;
}

export interface QualityFigureRow {
  kind: FigureUnitKind;
  code: string;
  period: string;
  /** QUALITY_TALLY_LENGTH counts (data-quality-tally.ts). */
  tally: Int32Array;
  /** Likely-duplicate groups among the children measured there, and the children beyond one per group. */
  dupGroups: number;
  dupExtra: number;
}

export interface DistrictFigures {
  prevalence: PrevalenceFigureRow[];
  skdn: SkdnFigureRow[];
  quality: QualityFigureRow[];
}

const DAY_MS = 86_400_000;

/**
 * The periods of the measurements' days: each day's ISO date, and the index of its month and of
 * its year among `periods` (months 'YYYY-MM' and years 'YYYY', in order).
 */
class Calendar {
  readonly periods: string[] = [];
  readonly months: string[] = [];
  private readonly first: number;
  private readonly iso: string[] = [];
  private readonly monthIndex: Int32Array;
  private readonly yearIndex: Int32Array;
  /** Index of each period among the months (-1 for a year). */
  readonly monthOfPeriod: Int32Array;

  constructor(days: Int32Array) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < days.length; i++) {
      if (days[i] < lo) lo = days[i];
      if (days[i] > hi) hi = days[i];
    }
    if (days.length === 0) lo = hi = 0;
    this.first = lo;
    const n = hi - lo + 1;
    this.monthIndex = new Int32Array(n);
    this.yearIndex = new Int32Array(n);
    const index = new Map<string, number>();
    const at = (p: string) => {
      let i = index.get(p);
      if (i === undefined) {
        i = this.periods.length;
        this.periods.push(p);
        index.set(p, i);
      }
      return i;
    };
    for (let d = 0; d < n; d++) {
      const iso = new Date((lo + d) * DAY_MS).toISOString().slice(0, 10);
      this.iso.push(iso);
      this.monthIndex[d] = at(iso.slice(0, 7));
      this.yearIndex[d] = at(iso.slice(0, 4));
    }
    this.monthOfPeriod = new Int32Array(this.periods.length).fill(-1);
    const present = new Set<string>();
    for (let i = 0; i < days.length; i++) present.add(this.periods[this.monthIndex[days[i] - lo]]);
    this.months = [...present].sort();
    for (const [i, m] of this.months.entries()) this.monthOfPeriod[index.get(m) as number] = i;
  }

  /** For each period, the index of its year among `periods` (a year's own index for a year). */
  yearOfPeriod(): Int32Array {
    const out = new Int32Array(this.periods.length);
    for (let d = 0; d < this.monthIndex.length; d++) {
      out[this.monthIndex[d]] = this.yearIndex[d];
      out[this.yearIndex[d]] = this.yearIndex[d];
    }
    return out;
  }

  date(day: number): string {
    return this.iso[day - this.first];
  }
  /** Index among `periods` of the day's month, and of its year. */
  month(day: number): number {
    return this.monthIndex[day - this.first];
  }
  year(day: number): number {
    return this.yearIndex[day - this.first];
  }
}

/** Measurement indexes ordered by child, then date: `order[start[c] .. start[c + 1])` are child c's. */
function byChild(m: FigureMeasurements, children: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(children + 1);
  for (let i = 0; i < m.count; i++) start[m.child[i] + 1]++;
  for (let c = 0; c < children; c++) start[c + 1] += start[c];
  const next = start.slice(0, children);
  const order = new Int32Array(m.count);
  for (let i = 0; i < m.count; i++) order[next[m.child[i]]++] = i;
  // Each child's few measurements by date (insertion sort).
  for (let c = 0; c < children; c++) {
    for (let a = start[c] + 1; a < start[c + 1]; a++) {
      const x = order[a];
      const dx = m.day[x];
      let b = a - 1;
      while (b >= start[c] && m.day[order[b]] > dx) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = x;
    }
  }
  return { order, start };
}

/** Rows of numbers keyed by unit and period, created on first use. */
class RowTable<T> {
  readonly rows = new Map<string, T>();
  constructor(private readonly make: () => T) {}
  get(kind: string, code: string, period: string): T {
    const key = `${kind}|${code}|${period}`;
    let r = this.rows.get(key);
    if (r === undefined) {
      r = this.make();
      this.rows.set(key, r);
    }
    return r;
  }
}

const valid = (z: number, flags: number, bit: number) => !Number.isNaN(z) && (flags & bit) === 0;

/** Adds z, z², z³ and z⁴ into the four values of `r` from `at`. */
function addPowers(r: Float64Array, at: number, z: number): void {
  const z2 = z * z;
  r[at] += z;
  r[at + 1] += z2;
  r[at + 2] += z2 * z;
  r[at + 3] += z2 * z2;
}

/** Adds one child's period (its latest valid z-scores; NaN: none) into a prevalence row. */
function countChild(
  r: Float64Array,
  haz: number,
  whz: number,
  waz: number,
  bmiz: number,
  isNew: boolean,
  sex: number,
): void {
  r[MEASURED]++;
  if (!Number.isNaN(haz)) {
    r[HAZ_VALID]++;
    if (haz < -2) r[STUNTED]++;
    if (haz < -3) r[SEV_STUNTED]++;
    addPowers(r, HAZ_S, haz);
  }
  if (!Number.isNaN(whz)) {
    r[WHZ_VALID]++;
    if (whz < -2) r[WASTED]++;
    if (whz < -3) r[SEV_WASTED]++;
    if (whz > 2) r[OVERWEIGHT]++;
    addPowers(r, WHZ_S, whz);
  }
  if (!Number.isNaN(waz)) {
    r[WAZ_VALID]++;
    if (waz < -2) r[UNDERWEIGHT]++;
    addPowers(r, WAZ_S, waz);
  }
  if (!Number.isNaN(bmiz)) {
    r[BMIZ_VALID]++;
    addPowers(r, BMIZ_S, bmiz);
  }
  if (isNew) r[NEW_STUNTING]++;
  if (sex === 1) r[BOYS]++;
  else if (sex === 2) r[GIRLS]++;
}

/** The row of a unit (a village's index, or a posyandu's offset by the villages) and period. */
function prevalenceRow(table: Map<number, Float64Array>, key: number): Float64Array {
  let r = table.get(key);
  if (r === undefined) {
    r = new Float64Array(NC + NM);
    table.set(key, r);
  }
  return r;
}

/** The prevalence rows of the villages and posyandu (see the module comment). */
function prevalenceRows(
  input: FigureInput,
  order: Int32Array,
  start: Int32Array,
  cal: Calendar,
): PrevalenceFigureRow[] {
  const { measurements: m, children } = input;
  const villages = input.villages.length;
  const periods = cal.periods.length;
  // Per unit (a village's index, or a posyandu's offset by the villages) and period: unit × periods + period.
  const table = new Map<number, Float64Array>();
  for (let c = 0; c < children.count; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (from === to) continue;
    const sex = children.sex[c];
    for (let pass = 0; pass < 2; pass++) {
      // Months, then years: the same walk over the child's measurements by date, each period
      // counted at its latest measurement with the latest valid z-score of each index.
      const byYear = pass === 1;
      let period = -1;
      let last = -1;
      let haz = Number.NaN;
      let whz = Number.NaN;
      let waz = Number.NaN;
      let bmiz = Number.NaN;
      let isNew = false;
      // Whether the previous valid HAZ was stunted (undefined before the first).
      let prevStunted: boolean | undefined;
      for (let a = from; a <= to; a++) {
        const i = a < to ? order[a] : -1;
        const p = i < 0 ? -1 : byYear ? cal.year(m.day[i]) : cal.month(m.day[i]);
        if (p !== period) {
          // The period before ends at its last measurement: counted in its village and posyandu.
          if (last >= 0) {
            countChild(
              prevalenceRow(table, m.village[last] * periods + period),
              haz,
              whz,
              waz,
              bmiz,
              isNew,
              sex,
            );
            if (m.posyandu[last] >= 0)
              countChild(
                prevalenceRow(table, (villages + m.posyandu[last]) * periods + period),
                haz,
                whz,
                waz,
                bmiz,
                isNew,
                sex,
              );
          }
          if (i < 0) break;
          period = p;
          haz = whz = waz = bmiz = Number.NaN;
          isNew = false;
        }
        last = i;
        const f = m.flags[i];
        if (valid(m.zlen[i], f, FLAG_LEN)) {
          haz = m.zlen[i];
          const stunted = haz < -2;
          if (stunted && prevStunted === false) isNew = true;
          prevStunted = stunted;
        }
        if (valid(m.zwfl[i], f, FLAG_WFL)) whz = m.zwfl[i];
        if (valid(m.zwei[i], f, FLAG_WEI)) waz = m.zwei[i];
        if (valid(m.zbmi[i], f, FLAG_BMI)) bmiz = m.zbmi[i];
      }
    }
  }
  const out: PrevalenceFigureRow[] = [];
  for (const [key, values] of table) {
    const unit = Math.floor(key / periods);
    const period = cal.periods[key % periods];
    out.push(
      unit < villages
        ? { kind: "village", code: input.villages[unit], period, values }
        : { kind: "posyandu", code: input.posyandu[unit - villages], period, values },
    );
  }
  return out;
}

/**
 * Leaf rows keyed by (village, posyandu or none, period) as one integer; `rows` then sums them up
 * to villages, posyandu, kecamatan and the district.
 */
class Leaves<T> {
  readonly table = new Map<number, T>();
  constructor(
    private readonly posyanduCount: number,
    private readonly periodCount: number,
    private readonly make: () => T,
  ) {}
  get(village: number, posyandu: number, period: number): T {
    const key = (village * (this.posyanduCount + 1) + posyandu + 1) * this.periodCount + period;
    let r = this.table.get(key);
    if (r === undefined) {
      r = this.make();
      this.table.set(key, r);
    }
    return r;
  }
  /** Each leaf as (village, posyandu, period) with its value. */
  *entries(): Generator<[number, number, number, T]> {
    for (const [key, v] of this.table) {
      const period = key % this.periodCount;
      const unit = Math.floor(key / this.periodCount);
      const posyandu = (unit % (this.posyanduCount + 1)) - 1;
      const village = Math.floor(unit / (this.posyanduCount + 1));
      yield [village, posyandu, period, v];
    }
  }
}

const NS = SKDN_COUNT_KEYS.length;

/** The SKDN rows: each child in its registered posyandu and village, summed up to the district. */
function skdnRows(
  input: FigureInput,
  order: Int32Array,
  start: Int32Array,
  cal: Calendar,
  kbm: KbmTable,
): SkdnFigureRow[] {
  const { measurements: m, children } = input;
  const months = cal.months;
  if (months.length === 0) return [];
  const leaves = new Leaves(input.posyandu.length, months.length, () => new Int32Array(NS));
  for (let c = 0; c < children.count; c++) {
    const weighings: FalteringWeighing[] = [];
    const kms: KmsRecord[] = [];
    for (let a = start[c]; a < start[c + 1]; a++) {
      const i = order[a];
      const date = cal.date(m.day[i]);
      if (!Number.isNaN(m.weight[i])) {
        // The stored weight-for-age z spares computing it again (one stored without is computed).
        const flagged = (m.flags[i] & FLAG_WEI) !== 0;
        const stored = !Number.isNaN(m.zwei[i]) || flagged;
        weighings.push({
          date,
          weight: m.weight[i],
          oedema: m.oedema[i] === 1,
          zwei: stored ? (Number.isNaN(m.zwei[i]) ? null : m.zwei[i]) : undefined,
          zweiFlagged: flagged,
        });
      }
      if (m.hasKms[i] >= 0) kms.push({ date, hasKms: m.hasKms[i] === 1 });
    }
    const hasKms = children.hasKms[c];
    const village = children.village[c];
    const posyandu = children.posyandu[c];
    eachChildSkdnCounts(
      {
        id: children.id[c],
        sex: children.sex[c] as 1 | 2,
        birthDate: children.birthDate[c],
        hasKms: hasKms < 0 ? undefined : hasKms === 1,
        kmsRecords: kms.length > 0 ? kms : undefined,
        weighings,
      },
      months,
      kbm,
      (j, k) => addSkdnCountsInto(leaves.get(village, posyandu, j), k),
    );
  }
  const table = new RowTable(() => new Int32Array(NS));
  const addTo = (kind: FigureUnitKind, code: string, month: string, from: Int32Array) => {
    const into = table.get(kind, code, month);
    for (let j = 0; j < NS; j++) into[j] += from[j];
  };
  for (const [v, p, mi, counts] of leaves.entries()) {
    const code = input.villages[v];
    const month = months[mi];
    addTo("village", code, month, counts);
    addTo("subdistrict", code.slice(0, 8), month, counts);
    addTo("district", input.district, month, counts);
    if (p >= 0) addTo("posyandu", input.posyandu[p], month, counts);
  }
  return [...table.rows].map(([key, counts]) => {
    const [kind, code, month] = key.split("|");
    return { kind: kind as FigureUnitKind, code, month, counts };
  });
}

/** A quality row being summed: its tally and its likely-duplicate groups. */
interface QualitySum {
  tally: Int32Array;
  groups: Set<number> | undefined;
}

/** The quality rows: each measurement tallied into its (village, posyandu, month), then summed. */
function qualityRows(input: FigureInput, cal: Calendar): QualityFigureRow[] {
  const { measurements: m, children } = input;
  const leaves = new Leaves<QualitySum>(input.posyandu.length, cal.periods.length, () => ({
    tally: new Int32Array(QUALITY_TALLY_LENGTH),
    groups: undefined,
  }));
  const groupSize = new Map<number, number>();
  const birthMonth = new Int32Array(children.count);
  for (let c = 0; c < children.count; c++) birthMonth[c] = birthMonthIndex(children.birthDate[c]);
  for (let i = 0; i < m.count; i++) {
    const leaf = leaves.get(m.village[i], m.posyandu[i], cal.month(m.day[i]));
    const c = m.child[i];
    // The z-scores' bits are the flags' (1 HAZ, 2 WAZ, 4 WHZ, 8 BMIZ).
    const withZ =
      (Number.isNaN(m.zlen[i]) ? 0 : FLAG_LEN) |
      (Number.isNaN(m.zwei[i]) ? 0 : FLAG_WEI) |
      (Number.isNaN(m.zwfl[i]) ? 0 : FLAG_WFL) |
      (Number.isNaN(m.zbmi[i]) ? 0 : FLAG_BMI);
    tallyValues(
      leaf.tally,
      children.sex[c],
      m.ageDays[i],
      m.weight[i],
      m.lenhei[i],
      m.measure[i],
      true,
      children.hasNik[c] === 1,
      withZ,
      m.flags[i],
      birthMonth[c],
    );
    const g = children.dupGroup[c];
    if (g >= 0) {
      leaf.groups ??= new Set();
      leaf.groups.add(g);
      groupSize.set(g, children.dupSize[c]);
    }
  }
  // Every unit in one index space: villages, posyandu, kecamatan, then the district. Village and
  // posyandu months are summed from the leaves, kecamatan months from villages, the district's
  // from kecamatan, and every year from its months.
  const villages = input.villages.length;
  const posyandu = input.posyandu.length;
  const subdistricts: string[] = [];
  const subdistrictOf = new Int32Array(villages);
  const subdistrictIndex = new Map<string, number>();
  for (let v = 0; v < villages; v++) {
    const code = input.villages[v].slice(0, 8);
    let k = subdistrictIndex.get(code);
    if (k === undefined) {
      k = subdistricts.length;
      subdistricts.push(code);
      subdistrictIndex.set(code, k);
    }
    subdistrictOf[v] = k;
  }
  const district = villages + posyandu + subdistricts.length;
  const periods = cal.periods.length;
  const sums = new Map<number, QualitySum>();
  const addTo = (unit: number, period: number, from: QualitySum) => {
    const key = unit * periods + period;
    let into = sums.get(key);
    if (into === undefined) {
      into = { tally: new Int32Array(QUALITY_TALLY_LENGTH), groups: undefined };
      sums.set(key, into);
    }
    const t = into.tally;
    const f = from.tally;
    for (let i = 0; i < QUALITY_TALLY_LENGTH; i++) t[i] += f[i];
    if (from.groups !== undefined) {
      into.groups ??= new Set();
      for (const g of from.groups) into.groups.add(g);
    }
  };
  for (const [v, p, month, leaf] of leaves.entries()) {
    addTo(v, month, leaf);
    if (p >= 0) addTo(villages + p, month, leaf);
  }
  const unitOf = (key: number) => Math.floor(key / periods);
  for (const [key, r] of [...sums])
    if (unitOf(key) < villages) addTo(villages + posyandu + subdistrictOf[unitOf(key)], key % periods, r);
  for (const [key, r] of [...sums]) if (unitOf(key) >= villages + posyandu) addTo(district, key % periods, r);
  const yearOfPeriod = cal.yearOfPeriod();
  for (const [key, r] of [...sums]) addTo(unitOf(key), yearOfPeriod[key % periods], r);
  const out: QualityFigureRow[] = [];
  for (const [key, r] of sums) {
    const unit = Math.floor(key / periods);
    const [kind, code]: [FigureUnitKind, string] =
      unit < villages
        ? ["village", input.villages[unit]]
        : unit < villages + posyandu
          ? ["posyandu", input.posyandu[unit - villages]]
          : unit < district
            ? ["subdistrict", subdistricts[unit - villages - posyandu]]
            : ["district", input.district];
    let extra = 0;
    for (const g of r.groups ?? []) extra += (groupSize.get(g) ?? 1) - 1;
    out.push({
      kind,
      code,
      period: cal.periods[key % periods],
      tally: r.tally,
      dupGroups: r.groups?.size ?? 0,
      dupExtra: extra,
    });
  }
  return out;
}

/** The district's prevalence, SKDN and quality rows (see the module comment). */
export function districtFigures(input: FigureInput, kbm: KbmTable): DistrictFigures {
  return {
    prevalence: districtPrevalenceRows(input),
    skdn: districtSkdnRows(input, kbm),
    quality: districtQualityRows(input),
  };
}

/** The prevalence rows of the district's villages and posyandu (a part of districtFigures). */
export function districtPrevalenceRows(input: FigureInput): PrevalenceFigureRow[] {
  const { order, start } = byChild(input.measurements, input.children.count);
  return prevalenceRows(input, order, start, new Calendar(input.measurements.day));
}

/** The district's SKDN rows (a part of districtFigures). */
export function districtSkdnRows(input: FigureInput, kbm: KbmTable): SkdnFigureRow[] {
  const { order, start } = byChild(input.measurements, input.children.count);
  return skdnRows(input, order, start, new Calendar(input.measurements.day), kbm);
}

/**
 * The input with only the columns districtSkdnRows reads (the others empty), for handing SKDN to
 * another thread without copying the rest.
 */
export function skdnInput(input: FigureInput): FigureInput {
  const { children: c, measurements: m } = input;
  return {
    ...input,
    children: {
      ...c,
      hasNik: new Uint8Array(0),
      dupKey: [],
      dupGroup: new Int32Array(0),
      dupSize: new Int32Array(0),
    },
    measurements: {
      ...m,
      village: new Int32Array(0),
      posyandu: new Int32Array(0),
      ageDays: new Int32Array(0),
      lenhei: new Float64Array(0),
      measure: new Uint8Array(0),
      zlen: new Float64Array(0),
      zwfl: new Float64Array(0),
      zbmi: new Float64Array(0),
    },
  };
}

/** The district's data-quality rows (a part of districtFigures). */
export function districtQualityRows(input: FigureInput): QualityFigureRow[] {
  return qualityRows(input, new Calendar(input.measurements.day));
}

/** Likely-duplicate groups of children by key (name key, birth date and sex): ids from 0, -1 alone. */
export function duplicateGroups(keys: readonly string[]): { group: Int32Array; size: Int32Array } {
  const n = keys.length;
  const first = new Map<string, number>();
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const f = first.get(keys[i]);
    if (f === undefined) first.set(keys[i], i);
    count[f ?? i]++;
  }
  const group = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const f = first.get(keys[i]) as number;
    if (count[f] < 2) continue;
    let g = ids.get(f);
    if (g === undefined) {
      g = ids.size;
      ids.set(f, g);
    }
    group[i] = g;
    size[i] = count[f];
  }
  return { group, size };
}

/** A typed array twice as long holding the same values. */
function grown<T extends Int32Array | Int8Array | Uint8Array | Float64Array>(a: T): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(1024, a.length * 2));
  next.set(a);
  return next;
}

/** One measurement as FigureInputBuilder.addMeasurement takes it (NaN: not recorded). */
export interface FigureMeasurementValues {
  day: number;
  ageDays: number;
  weight: number;
  lenhei: number;
  /** 0 not recorded, 1 lying, 2 standing. */
  measure: number;
  oedema: boolean;
  /** 1, 0, -1 not recorded. */
  hasKms: number;
  zlen: number;
  zwei: number;
  zwfl: number;
  zbmi: number;
  /** FLAG_* bits. */
  flags: number;
}

/** Collects a district's children and measurements, row by row, into a FigureInput. */
export class FigureInputBuilder {
  private readonly villageIndex = new Map<string, number>();
  private readonly posyanduIndex = new Map<string, number>();
  private readonly villages: string[] = [];
  private readonly posyandu: string[] = [];
  private readonly ids: string[] = [];
  private readonly birthDates: string[] = [];
  private readonly dupKeys: string[] = [];
  private cSex = new Uint8Array(0);
  private cVillage = new Int32Array(0);
  private cPosyandu = new Int32Array(0);
  private cHasKms = new Int8Array(0);
  private cHasNik = new Uint8Array(0);
  private m: Omit<FigureMeasurements, "count"> = {
    child: new Int32Array(0),
    day: new Int32Array(0),
    village: new Int32Array(0),
    posyandu: new Int32Array(0),
    ageDays: new Int32Array(0),
    weight: new Float64Array(0),
    lenhei: new Float64Array(0),
    measure: new Uint8Array(0),
    oedema: new Uint8Array(0),
    hasKms: new Int8Array(0),
    zlen: new Float64Array(0),
    zwei: new Float64Array(0),
    zwfl: new Float64Array(0),
    zbmi: new Float64Array(0),
    flags: new Uint8Array(0),
  };
  childCount = 0;
  measurementCount = 0;

  constructor(readonly district: string) {}

  private unit(code: string, index: Map<string, number>, list: string[]): number {
    let i = index.get(code);
    if (i === undefined) {
      i = list.length;
      list.push(code);
      index.set(code, i);
    }
    return i;
  }

  private villageOf(code: string): number {
    return this.unit(code, this.villageIndex, this.villages);
  }

  private posyanduOf(id: string | null): number {
    return id === null ? -1 : this.unit(id, this.posyanduIndex, this.posyandu);
  }

  /** Adds a child (its registered village and posyandu); returns its index. */
  addChild(child: {
    id: string;
    sex: number;
    birthDate: string;
    village: string;
    posyandu: string | null;
    hasKms: boolean | null;
    hasNik: boolean;
    nameKey: string;
  }): number {
    return this.addChildAt(
      child.id,
      child.sex,
      child.birthDate,
      `${child.nameKey}|${child.birthDate}|${child.sex}`,
      this.villageOf(child.village),
      this.posyanduOf(child.posyandu),
      child.hasKms === null ? -1 : child.hasKms ? 1 : 0,
      child.hasNik ? 1 : 0,
    );
  }

  private addChildAt(
    id: string,
    sex: number,
    birthDate: string,
    dupKey: string,
    village: number,
    posyandu: number,
    hasKms: number,
    hasNik: number,
  ): number {
    const i = this.childCount++;
    if (i >= this.cSex.length) {
      this.cSex = grown(this.cSex);
      this.cVillage = grown(this.cVillage);
      this.cPosyandu = grown(this.cPosyandu);
      this.cHasKms = grown(this.cHasKms);
      this.cHasNik = grown(this.cHasNik);
    }
    this.ids[i] = id;
    this.birthDates[i] = birthDate;
    this.dupKeys[i] = dupKey;
    this.cSex[i] = sex;
    this.cVillage[i] = village;
    this.cPosyandu[i] = posyandu;
    this.cHasKms[i] = hasKms;
    this.cHasNik[i] = hasNik;
    return i;
  }

  private dropped: Uint8Array | undefined;

  /** Leaves out the children of these ids, and their measurements, from what `build` gives. */
  dropChildren(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    for (let i = 0; i < this.childCount; i++)
      if (ids.has(this.ids[i])) {
        this.dropped ??= new Uint8Array(this.cSex.length);
        this.dropped[i] = 1;
      }
  }

  /** Compacts away the dropped children and their measurements (see dropChildren). */
  private compact(): void {
    const dropped = this.dropped;
    if (!dropped) return;
    this.dropped = undefined;
    const childAt = new Int32Array(this.childCount);
    let n = 0;
    for (let i = 0; i < this.childCount; i++) {
      if (dropped[i]) {
        childAt[i] = -1;
        continue;
      }
      childAt[i] = n;
      this.ids[n] = this.ids[i];
      this.birthDates[n] = this.birthDates[i];
      this.dupKeys[n] = this.dupKeys[i];
      this.cSex[n] = this.cSex[i];
      this.cVillage[n] = this.cVillage[i];
      this.cPosyandu[n] = this.cPosyandu[i];
      this.cHasKms[n] = this.cHasKms[i];
      this.cHasNik[n] = this.cHasNik[i];
      n++;
    }
    this.childCount = n;
    this.ids.length = this.birthDates.length = this.dupKeys.length = n;
    const m = this.m;
    let k = 0;
    for (let i = 0; i < this.measurementCount; i++) {
      const c = childAt[m.child[i]];
      if (c < 0) continue;
      m.child[k] = c;
      m.day[k] = m.day[i];
      m.village[k] = m.village[i];
      m.posyandu[k] = m.posyandu[i];
      m.ageDays[k] = m.ageDays[i];
      m.weight[k] = m.weight[i];
      m.lenhei[k] = m.lenhei[i];
      m.measure[k] = m.measure[i];
      m.oedema[k] = m.oedema[i];
      m.hasKms[k] = m.hasKms[i];
      m.zlen[k] = m.zlen[i];
      m.zwei[k] = m.zwei[i];
      m.zwfl[k] = m.zwfl[i];
      m.zbmi[k] = m.zbmi[i];
      m.flags[k] = m.flags[i];
      k++;
    }
    this.measurementCount = k;
  }

  /** Records that the child at `index` has a NIK (given after it was added). */
  setHasNik(index: number): void {
    if (index < this.childCount) this.cHasNik[index] = 1;
  }

  /** Adds a measurement of the child at `child`, taken in the village and posyandu. */
  addMeasurement(child: number, village: string, posyandu: string | null, v: FigureMeasurementValues): void {
    this.add(child, this.villageOf(village), this.posyanduOf(posyandu), v);
  }

  /** Adds a measurement of the child at `child` taken in the village and posyandu it is registered in. */
  addMeasurementAtChild(child: number, v: FigureMeasurementValues): void {
    if (child >= this.childCount) throw new Error(`no child ${child} among the figure rows`);
    this.add(child, this.cVillage[child], this.cPosyandu[child], v);
  }

  private grow(): void {
    const m = this.m;
    this.m = {
      child: grown(m.child),
      day: grown(m.day),
      village: grown(m.village),
      posyandu: grown(m.posyandu),
      ageDays: grown(m.ageDays),
      weight: grown(m.weight),
      lenhei: grown(m.lenhei),
      measure: grown(m.measure),
      oedema: grown(m.oedema),
      hasKms: grown(m.hasKms),
      zlen: grown(m.zlen),
      zwei: grown(m.zwei),
      zwfl: grown(m.zwfl),
      zbmi: grown(m.zbmi),
      flags: grown(m.flags),
    };
  }

  private add(child: number, village: number, posyandu: number, v: FigureMeasurementValues): void {
    const i = this.measurementCount++;
    if (i >= this.m.child.length) this.grow();
    const m = this.m;
    m.child[i] = child;
    m.village[i] = village;
    m.posyandu[i] = posyandu;
    m.day[i] = v.day;
    m.ageDays[i] = v.ageDays;
    m.weight[i] = v.weight;
    m.lenhei[i] = v.lenhei;
    m.measure[i] = v.measure;
    m.oedema[i] = v.oedema ? 1 : 0;
    m.hasKms[i] = v.hasKms;
    m.zlen[i] = v.zlen;
    m.zwei[i] = v.zwei;
    m.zwfl[i] = v.zwfl;
    m.zbmi[i] = v.zbmi;
    m.flags[i] = v.flags;
  }

  /** Adds the children of another input (but those `skip` names) with their measurements. */
  addInput(from: FigureInput, skip: ReadonlySet<string> = new Set()): void {
    this.compact();
    const fc = from.children;
    const fm = from.measurements;
    const childAt = new Int32Array(fc.count).fill(-1);
    const villageAt = from.villages.map((v) => this.villageOf(v));
    const posyanduAt = from.posyandu.map((p) => this.posyanduOf(p));
    for (let c = 0; c < fc.count; c++) {
      if (skip.has(fc.id[c])) continue;
      childAt[c] = this.addChildAt(
        fc.id[c],
        fc.sex[c],
        fc.birthDate[c],
        fc.dupKey[c],
        villageAt[fc.village[c]],
        fc.posyandu[c] < 0 ? -1 : posyanduAt[fc.posyandu[c]],
        fc.hasKms[c],
        fc.hasNik[c],
      );
    }
    for (let i = 0; i < fm.count; i++) {
      const c = childAt[fm.child[i]];
      if (c < 0) continue;
      this.add(c, villageAt[fm.village[i]], fm.posyandu[i] < 0 ? -1 : posyanduAt[fm.posyandu[i]], {
        day: fm.day[i],
        ageDays: fm.ageDays[i],
        weight: fm.weight[i],
        lenhei: fm.lenhei[i],
        measure: fm.measure[i],
        oedema: fm.oedema[i] === 1,
        hasKms: fm.hasKms[i],
        zlen: fm.zlen[i],
        zwei: fm.zwei[i],
        zwfl: fm.zwfl[i],
        zbmi: fm.zbmi[i],
        flags: fm.flags[i],
      });
    }
  }

  build(): FigureInput {
    this.compact();
    const n = this.childCount;
    const k = this.measurementCount;
    const m = this.m;
    const dupKey = this.dupKeys.slice(0, n);
    const dup = duplicateGroups(dupKey);
    return {
      district: this.district,
      villages: [...this.villages],
      posyandu: [...this.posyandu],
      children: {
        count: n,
        id: this.ids.slice(0, n),
        sex: this.cSex.slice(0, n),
        birthDate: this.birthDates.slice(0, n),
        village: this.cVillage.slice(0, n),
        posyandu: this.cPosyandu.slice(0, n),
        hasKms: this.cHasKms.slice(0, n),
        hasNik: this.cHasNik.slice(0, n),
        dupKey,
        dupGroup: dup.group,
        dupSize: dup.size,
      },
      measurements: {
        count: k,
        child: m.child.subarray(0, k),
        day: m.day.subarray(0, k),
        village: m.village.subarray(0, k),
        posyandu: m.posyandu.subarray(0, k),
        ageDays: m.ageDays.subarray(0, k),
        weight: m.weight.subarray(0, k),
        lenhei: m.lenhei.subarray(0, k),
        measure: m.measure.subarray(0, k),
        oedema: m.oedema.subarray(0, k),
        hasKms: m.hasKms.subarray(0, k),
        zlen: m.zlen.subarray(0, k),
        zwei: m.zwei.subarray(0, k),
        zwfl: m.zwfl.subarray(0, k),
        zbmi: m.zbmi.subarray(0, k),
        flags: m.flags.subarray(0, k),
      },
    };
  }
}
