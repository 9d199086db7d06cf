/**
 * Prevalence as the WHO anthro package's `anthro_prevalence()` reports it (standard analysis,
 * no clusters or strata): per group, the share of children below −3/−2/−1 and above
 * +1/+2/+3 SD, the mean and SD of z, and the counts used — for length/height-for-age,
 * weight-for-age, weight-for-length/height and BMI-for-age.
 */
import type { AnthroBatchOutput } from "./batch.ts";
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

/**
 * Running sums for one indicator in one group. Mean and SD use West's weighted form of
 * Welford's one-pass update, so a stream of any length needs constant memory.
 */
class IndicatorAccumulator {
  unwpop = 0;
  pop = 0;
  readonly counts = [0, 0, 0, 0, 0, 0];
  summaryN = 0;
  summaryW = 0;
  summaryMean = 0;
  summaryM2 = 0;

  addRate(z: number, w: number): void {
    if (Number.isNaN(z)) return;
    this.unwpop++;
    this.pop += w;
    for (let k = 0; k < 3; k++) if (z < CUTOFFS[k]) this.counts[k] += w;
    for (let k = 3; k < 6; k++) if (z > CUTOFFS[k]) this.counts[k] += w;
  }

  addSummary(z: number, w: number): void {
    if (Number.isNaN(z)) return;
    this.summaryN++; // anthro's n counts every value, whatever its weight
    if (w === 0) return;
    this.summaryW += w;
    const delta = z - this.summaryMean;
    this.summaryMean += (w / this.summaryW) * delta;
    this.summaryM2 += w * delta * (z - this.summaryMean);
  }

  result(): IndicatorPrevalence {
    const rate = (k: number) => percent(this.counts[k], this.pop);
    const n = this.summaryN;
    const weighted = this.summaryW > 0;
    // SD as anthro: sqrt(Σ w(z − mean)² / Σ w · n / (n − 1)); the plain sample SD when unweighted.
    const sd = n > 1 && weighted ? Math.sqrt((this.summaryM2 / this.summaryW) * (n / (n - 1))) : undefined;
    return {
      unwpop: this.unwpop,
      pop: this.pop,
      below3: rate(0),
      below2: rate(1),
      below1: rate(2),
      above1: rate(3),
      above2: rate(4),
      above3: rate(5),
      mean: weighted ? this.summaryMean : undefined,
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

/** A sampling weight: missing counts as 0 (as anthro does); negative is an error naming the record. */
function checkedWeight(w: number | undefined, record: number): number {
  if (w === undefined || Number.isNaN(w)) return 0;
  if (w < 0)
    throw new Error(`prevalence: sampling weight of record ${record} is ${w}; expected a number ≥ 0`);
  return w;
}

/**
 * Streaming prevalence: add children one at a time (or a batch output at a time), then read
 * the rows. Memory stays constant whatever the number of children; same results as
 * `prevalenceFromObservations`.
 */
export class PrevalenceAccumulator {
  private readonly acc = PREVALENCE_GROUPS.map(() => [0, 1, 2, 3].map(() => new IndicatorAccumulator()));
  private readonly combined = PREVALENCE_GROUPS.map(() => ({ unwpop: 0, pop: 0, wasted: 0, overweight: 0 }));
  private added = 0;

  /**
   * Adds one child with its sampling weight (default 1; missing counts as 0). Children over
   * 1826 days are left out; without age they count in `All` and their sex group only.
   */
  add(observation: PrevalenceObservation, weight: number | undefined = 1): void {
    this.added++;
    const w = checkedWeight(weight, this.added);
    if (observation.ageDays !== undefined && observation.ageDays > LAST_PREVALENCE_DAY) return;
    const groups = groupsOf(observation.sex, ageGroupIndex(observation.ageDays));
    const values = indicatorValues(observation);
    const len = values[0].rateZ;
    const wfl = values[2].rateZ;
    const bothPresent = !Number.isNaN(len) && !Number.isNaN(wfl);
    for (const g of groups) {
      const indicators = this.acc[g];
      for (let k = 0; k < 4; k++) {
        indicators[k].addRate(values[k].rateZ, w);
        indicators[k].addSummary(values[k].summaryZ, w);
      }
      if (bothPresent) {
        const c = this.combined[g];
        c.unwpop++;
        c.pop += w;
        if (len < -2 && wfl < -2) c.wasted += w;
        if (len < -2 && wfl > 2) c.overweight += w;
      }
    }
  }

  /**
   * Adds the first `count` records of a batch result (`anthroZScoresBatch` output with the
   * same `sex` and `oedema` columns it was computed from), with optional sampling weights.
   * Records whose `keep` entry is 0 (rows refused before scoring) are skipped.
   */
  addBatch(
    input: { sex: Uint8Array; oedema?: Uint8Array },
    output: AnthroBatchOutput,
    count: number,
    weights?: ArrayLike<number | undefined>,
    keep?: ArrayLike<number>,
  ): void {
    const present = (z: number) => (Number.isNaN(z) ? undefined : z);
    for (let i = 0; i < count; i++) {
      if (keep !== undefined && keep[i] === 0) continue;
      const sex = input.sex[i];
      if (sex !== 1 && sex !== 2) {
        throw new Error(
          `prevalence: sex of batch record ${i + 1} is ${sex}; expected 1 (male) or 2 (female)`,
        );
      }
      this.add(
        {
          sex,
          ageDays: present(output.ageDays[i]),
          oedema: input.oedema !== undefined && input.oedema[i] === 1,
          zlen: present(output.zlen[i]),
          flen: output.flen[i] === 1,
          zwei: present(output.zwei[i]),
          fwei: output.fwei[i] === 1,
          zwfl: present(output.zwfl[i]),
          fwfl: output.fwfl[i] === 1,
          zbmi: present(output.zbmi[i]),
          fbmi: output.fbmi[i] === 1,
        },
        weights === undefined ? 1 : weights[i],
      );
    }
  }

  /** The 21 rows in anthro's order (groups with no child have counts 0 and no rates). */
  rows(): PrevalenceRow[] {
    return PREVALENCE_GROUPS.map((group, g) => {
      const [haz, waz, whz, bmiz] = this.acc[g].map((a) => a.result());
      const c = this.combined[g];
      return {
        group,
        haz,
        waz,
        whz,
        bmiz,
        stuntedWasted: { unwpop: c.unwpop, pop: c.pop, rate: percent(c.wasted, c.pop) },
        stuntedOverweight: { rate: percent(c.overweight, c.pop) },
      };
    });
  }
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
  const accumulator = new PrevalenceAccumulator();
  observations.forEach((observation, i) => {
    accumulator.add(observation, weights === undefined ? 1 : weights[i]);
  });
  return accumulator.rows();
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
