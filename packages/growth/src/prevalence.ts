/**
 * Prevalence as the WHO anthro package's `anthro_prevalence()` reports it (standard analysis,
 * no clusters or strata): per group, the share of children below −3/−2/−1 and above
 * +1/+2/+3 SD, the mean and SD of z, and the counts used — for length/height-for-age,
 * weight-for-age, weight-for-length/height and BMI-for-age.
 */
import { DAYS_PER_MONTH } from "./rules.ts";
import { type AnthroInput, type AnthroResult, anthroZScores, type Sex } from "./zscores.ts";

/** What prevalence needs of one child: sex, whole age in days, oedema and the four z-scores with flags. */
export type PrevalenceObservation = Pick<
  AnthroResult,
  "ageDays" | "zlen" | "flen" | "zwei" | "fwei" | "zwfl" | "fwfl" | "zbmi" | "fbmi"
> & { sex: Sex; oedema?: boolean };

/** One indicator in one group. Rates are percentages; undefined when no child counts. */
export interface IndicatorPrevalence {
  /** Children counted (unweighted): a z-score that is present and not flagged, or oedema (weight-based). */
  unwpop: number;
  /** Sum of the sampling weights of the children counted. */
  pop: number;
  below3?: number;
  below2?: number;
  below1?: number;
  above1?: number;
  above2?: number;
  above3?: number;
  /** Mean z (children with oedema have no z and are left out). */
  mean?: number;
  /** Standard deviation of z (undefined with fewer than 2 values). */
  sd?: number;
}

/** One row of the result: a group as anthro names it, and its estimates. */
export interface PrevalenceRow {
  /** `All`, `Age group: 00-05 mo` …, `Sex: Female`, `Sex: Male`, `Age + sex: 00-05 mo.Female` … */
  group: string;
  /** Length/height-for-age (anthro prefix HA). */
  haz: IndicatorPrevalence;
  /** Weight-for-age (WA). */
  waz: IndicatorPrevalence;
  /** Weight-for-length/height (WH). */
  whz: IndicatorPrevalence;
  /** BMI-for-age (BMI). */
  bmiz: IndicatorPrevalence;
  /** Stunted and wasted (HA_2_WH_2): both z present, zlen < −2 and zwfl < −2 (oedema counts as wasted). */
  stuntedWasted: { unwpop: number; pop: number; rate?: number };
  /** Stunted and overweight (HA_2_WH2): zlen < −2 and zwfl > +2. */
  stuntedOverweight: { rate?: number };
}

export interface PrevalenceOptions {
  /** Sampling weights, one per record; missing (NaN/undefined) counts as 0. Negative is an error. */
  weights?: ArrayLike<number | undefined>;
}

/** The WHO age groups in completed months: [from, to) and their labels. */
export const AGE_GROUPS: readonly { label: string; fromMonths: number; toMonths: number }[] = [
  { label: "00-05 mo", fromMonths: 0, toMonths: 6 },
  { label: "06-11 mo", fromMonths: 6, toMonths: 12 },
  { label: "12-23 mo", fromMonths: 12, toMonths: 24 },
  { label: "24-35 mo", fromMonths: 24, toMonths: 36 },
  { label: "36-47 mo", fromMonths: 36, toMonths: 48 },
  { label: "48-59 mo", fromMonths: 48, toMonths: 60 },
];

const SEX_LABELS = ["Female", "Male"] as const;

/** The 21 group names in anthro's order. */
export const PREVALENCE_GROUPS: readonly string[] = [
  "All",
  ...AGE_GROUPS.map((g) => `Age group: ${g.label}`),
  ...SEX_LABELS.map((s) => `Sex: ${s}`),
  ...SEX_LABELS.flatMap((s) => AGE_GROUPS.map((g) => `Age + sex: ${g.label}.${s}`)),
];

/** Last whole day of age counted (60 months); older children are left out, as anthro does. */
export const LAST_PREVALENCE_DAY = 1826;

/** z given to a child with oedema for the weight-based rates: below −3, so counted as severe. */
export const OEDEMA_PREVALENCE_Z = -3.1;

/** Age group index (0–5) from whole days: months = days / 30.4375, cut at 6, 12, 24, 36, 48, 60. */
export function ageGroupIndex(wholeDays: number | undefined): number | undefined {
  if (wholeDays === undefined || Number.isNaN(wholeDays)) return undefined;
  const months = wholeDays / DAYS_PER_MONTH;
  const index = AGE_GROUPS.findIndex((g) => months >= g.fromMonths && months < g.toMonths);
  return index < 0 ? undefined : index;
}

/** Group rows (indexes into PREVALENCE_GROUPS) a child counts in. */
function groupsOf(sex: Sex, ageGroup: number | undefined): number[] {
  const sexIndex = sex === 2 ? 0 : 1; // Female first, as anthro orders the levels
  const groups = [0, 1 + AGE_GROUPS.length + sexIndex];
  if (ageGroup !== undefined) {
    groups.push(1 + ageGroup, 1 + AGE_GROUPS.length + 2 + sexIndex * AGE_GROUPS.length + ageGroup);
  }
  return groups;
}

/** The z used for the rates (flag-cleaned; oedema → −3.1 for weight-based) and the z used for mean/SD. */
interface IndicatorValues {
  rateZ: number;
  summaryZ: number;
}

const CUTOFFS = [-3, -2, -1, 1, 2, 3] as const;

/** Running sums for one indicator in one group. */
class IndicatorAccumulator {
  unwpop = 0;
  pop = 0;
  readonly counts = [0, 0, 0, 0, 0, 0];
  summaryN = 0;
  summaryW = 0;
  summaryWZ = 0;
  summaryWDev2 = 0;

  addRate(z: number, w: number): void {
    if (Number.isNaN(z)) return;
    this.unwpop++;
    this.pop += w;
    for (let k = 0; k < 3; k++) if (z < CUTOFFS[k]) this.counts[k] += w;
    for (let k = 3; k < 6; k++) if (z > CUTOFFS[k]) this.counts[k] += w;
  }

  addSummary(z: number, w: number): void {
    if (Number.isNaN(z)) return;
    this.summaryN++;
    this.summaryW += w;
    this.summaryWZ += w * z;
  }

  mean(): number {
    return this.summaryWZ / this.summaryW;
  }

  addDeviation(z: number, w: number, mean: number): void {
    if (!Number.isNaN(z)) this.summaryWDev2 += w * (z - mean) * (z - mean);
  }

  result(): IndicatorPrevalence {
    const rate = (k: number) => percent(this.counts[k], this.pop);
    const n = this.summaryN;
    const mean = this.summaryW > 0 ? this.summaryWZ / this.summaryW : undefined;
    const sd =
      n > 1 && this.summaryW > 0 ? Math.sqrt((this.summaryWDev2 / this.summaryW) * (n / (n - 1))) : undefined;
    return {
      unwpop: this.unwpop,
      pop: this.pop,
      below3: rate(0),
      below2: rate(1),
      below1: rate(2),
      above1: rate(3),
      above2: rate(4),
      above3: rate(5),
      mean,
      sd,
    };
  }
}

function percent(part: number, whole: number): number | undefined {
  return whole > 0 ? (part / whole) * 100 : undefined;
}

/** Flagged z-scores do not count; a missing one is NaN. */
function usable(z: number | undefined, flagged: boolean | undefined): number {
  return z === undefined || flagged === true ? Number.NaN : z;
}

/** The four indicators' values for one child, following anthro's exclusion and oedema rules. */
function indicatorValues(obs: PrevalenceObservation): IndicatorValues[] {
  const oedema = obs.oedema === true;
  const len = usable(obs.zlen, obs.flen);
  const weightBased = (z: number | undefined, flagged: boolean | undefined): IndicatorValues => {
    const summaryZ = oedema ? Number.NaN : usable(z, flagged);
    return { rateZ: oedema ? OEDEMA_PREVALENCE_Z : summaryZ, summaryZ };
  };
  return [
    { rateZ: len, summaryZ: len },
    weightBased(obs.zwei, obs.fwei),
    weightBased(obs.zwfl, obs.fwfl),
    weightBased(obs.zbmi, obs.fbmi),
  ];
}

function weightAt(weights: ArrayLike<number | undefined> | undefined, i: number): number {
  if (weights === undefined) return 1;
  const w = weights[i];
  if (w === undefined || Number.isNaN(w)) return 0;
  if (w < 0) throw new Error(`prevalence: sampling weight of record ${i + 1} is ${w}; expected a number ≥ 0`);
  return w;
}

/**
 * Prevalence per group from children's z-scores (each observation carries its whole age in
 * days, sex and oedema). Children over 1826 days are left out; children with no age count in
 * `All` and their sex group only. Flagged z-scores are excluded; oedema counts below −3 in the
 * weight-based rates and is left out of their mean and SD, as anthro does.
 */
export function prevalenceFromObservations(
  observations: readonly PrevalenceObservation[],
  options: PrevalenceOptions = {},
): PrevalenceRow[] {
  const { weights } = options;
  if (weights !== undefined && weights.length !== observations.length) {
    throw new Error(
      `prevalence: ${weights.length} sampling weights for ${observations.length} records; expected one per record`,
    );
  }
  const groupCount = PREVALENCE_GROUPS.length;
  const acc = PREVALENCE_GROUPS.map(() => [0, 1, 2, 3].map(() => new IndicatorAccumulator()));
  const combined = PREVALENCE_GROUPS.map(() => ({ unwpop: 0, pop: 0, wasted: 0, overweight: 0 }));

  const included: { groups: number[]; values: IndicatorValues[]; w: number }[] = [];
  observations.forEach((obs, i) => {
    const w = weightAt(weights, i);
    if (obs.ageDays !== undefined && obs.ageDays > LAST_PREVALENCE_DAY) return;
    const groups = groupsOf(obs.sex, ageGroupIndex(obs.ageDays));
    const values = indicatorValues(obs);
    included.push({ groups, values, w });
    const [len, , wfl] = values;
    const bothPresent = !Number.isNaN(len.rateZ) && !Number.isNaN(wfl.rateZ);
    for (const g of groups) {
      for (let k = 0; k < 4; k++) {
        acc[g][k].addRate(values[k].rateZ, w);
        acc[g][k].addSummary(values[k].summaryZ, w);
      }
      if (bothPresent) {
        const c = combined[g];
        c.unwpop++;
        c.pop += w;
        if (len.rateZ < -2 && wfl.rateZ < -2) c.wasted += w;
        if (len.rateZ < -2 && wfl.rateZ > 2) c.overweight += w;
      }
    }
  });

  // Second pass: deviations from each group's mean, for the SD.
  const means = acc.map((indicators) => indicators.map((a) => a.mean()));
  for (const { groups, values, w } of included) {
    for (const g of groups)
      for (let k = 0; k < 4; k++) acc[g][k].addDeviation(values[k].summaryZ, w, means[g][k]);
  }

  const rows: PrevalenceRow[] = [];
  for (let g = 0; g < groupCount; g++) {
    const [haz, waz, whz, bmiz] = acc[g].map((a) => a.result());
    const c = combined[g];
    rows.push({
      group: PREVALENCE_GROUPS[g],
      haz,
      waz,
      whz,
      bmiz,
      stuntedWasted: { unwpop: c.unwpop, pop: c.pop, rate: percent(c.wasted, c.pop) },
      stuntedOverweight: { rate: percent(c.overweight, c.pop) },
    });
  }
  return rows;
}

/**
 * Prevalence per group from raw measurements, as `anthro_prevalence()` computes it: z-scores
 * by `anthroZScores`, then `prevalenceFromObservations`. Optional sampling weights, one per
 * record.
 */
export function anthroPrevalence(
  records: readonly AnthroInput[],
  options: PrevalenceOptions = {},
): PrevalenceRow[] {
  const observations = records.map(
    (record): PrevalenceObservation => ({ ...anthroZScores(record), sex: record.sex, oedema: record.oedema }),
  );
  return prevalenceFromObservations(observations, options);
}

/** anthro's column names for the prevalence table, in its order. */
export const PREVALENCE_COLUMNS: readonly string[] = [
  "Group",
  ...(
    [
      ["HAZ", "HA"],
      ["WAZ", "WA"],
      ["BMIZ", "BMI"],
      ["WHZ", "WH"],
    ] as const
  ).flatMap(([count, prefix]) => [
    `${count}_unwpop`,
    `${prefix}_3_r`,
    `${prefix}_2_r`,
    `${prefix}_1_r`,
    `${prefix}1_r`,
    `${prefix}2_r`,
    `${prefix}3_r`,
    `${prefix}_r`,
    `${prefix}_stdev`,
  ]),
  "HA_2_WH_2_unwpop",
  "HA_2_WH_2_r",
  "HA_2_WH2_r",
];

/** One prevalence row keyed by anthro's column names (see PREVALENCE_COLUMNS); missing values undefined. */
export function prevalenceRowColumns(row: PrevalenceRow): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = { Group: row.group };
  const indicators: [string, string, IndicatorPrevalence][] = [
    ["HAZ", "HA", row.haz],
    ["WAZ", "WA", row.waz],
    ["BMIZ", "BMI", row.bmiz],
    ["WHZ", "WH", row.whz],
  ];
  for (const [count, prefix, p] of indicators) {
    out[`${count}_unwpop`] = p.unwpop;
    out[`${prefix}_3_r`] = p.below3;
    out[`${prefix}_2_r`] = p.below2;
    out[`${prefix}_1_r`] = p.below1;
    out[`${prefix}1_r`] = p.above1;
    out[`${prefix}2_r`] = p.above2;
    out[`${prefix}3_r`] = p.above3;
    out[`${prefix}_r`] = p.mean;
    out[`${prefix}_stdev`] = p.sd;
  }
  out.HA_2_WH_2_unwpop = row.stuntedWasted.unwpop;
  out.HA_2_WH_2_r = row.stuntedWasted.rate;
  out.HA_2_WH2_r = row.stuntedOverweight.rate;
  return out;
}
