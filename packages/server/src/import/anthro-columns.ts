/**
 * A batch of measurements in the typed columns of @tumbuh/growth's batch API, filled row by row
 * and scored together (all six indicators). Shared by the staging and direct paths of an import.
 */
import { type AnthroBatchOutput, anthroZScoresBatch, createAnthroBatchOutput } from "@tumbuh/growth";
import type { FlaggedMeasurement } from "./report.ts";

const MEASURE_CODE = { l: 1, h: 2 } as const;
/** The text of a measure code (0 none, 1 lying, 2 standing). */
export const MEASURE_TEXT = [undefined, "l", "h"] as const;

/** Whether row `i` of a scored batch carries a WHO flag (imported, shown as implausible, left out of prevalence). */
export function flaggedAt(z: AnthroBatchOutput, i: number): boolean {
  return z.flen[i] === 1 || z.fwei[i] === 1 || z.fwfl[i] === 1 || z.fbmi[i] === 1 || z.c9moFlag[i] === 1;
}

const FLAGGED_INDICATORS = [
  ["len", "flen", "zlen"],
  ["wei", "fwei", "zwei"],
  ["wfl", "fwfl", "zwfl"],
  ["bmi", "fbmi", "zbmi"],
] as const;

const round2 = (v: number) => Math.round(v * 100) / 100;
const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/**
 * Adds the WHO flags of row `i` of a scored batch to `out`, one per flagged indicator (and one
 * for a standing measurement under 9 months): the file's row `rowNo`, the child's name, the
 * z-score and the values measured (`c`, the batch's input).
 */
export function collectFlags(
  z: AnthroBatchOutput,
  c: AnthroInputColumns,
  i: number,
  rowNo: number,
  name: string,
  out: FlaggedMeasurement[],
): void {
  const base = {
    rowNo,
    name,
    weight: orNull(c.weight[i]),
    lenhei: orNull(c.lenhei[i]),
    ageDays: orNull(c.ageDays[i]),
  };
  if (z.c9moFlag[i] === 1) out.push({ ...base, indicator: "pos", zscore: null });
  for (const [indicator, flag, score] of FLAGGED_INDICATORS)
    if (z[flag][i] === 1) out.push({ ...base, indicator, zscore: round2(z[score][i]) });
}

/** The input columns of anthroZScoresBatch that a batch of measurements fills. */
export interface AnthroInputColumns {
  sex: Uint8Array;
  ageDays: Float64Array;
  weight: Float64Array;
  lenhei: Float64Array;
  measure: Uint8Array;
  oedema: Uint8Array;
  headc: Float64Array;
  armc: Float64Array;
}

/** A measurement's anthropometry without the child's sex, as a checked row carries it (missing values undefined). */
export interface MeasurementValues {
  ageDays?: number;
  weight?: number;
  lenhei?: number;
  measure?: "l" | "h";
  oedema: boolean;
  headc?: number;
  armc?: number;
}

/**
 * Writes the child's sex and `m` into row `i` of the columns (missing values as NaN); with sex 0
 * the batch gives the row no z-scores (a row without a measurement).
 */
export function setAnthroRow(c: AnthroInputColumns, i: number, sex: number, m: MeasurementValues): void {
  c.sex[i] = sex;
  c.ageDays[i] = m.ageDays ?? Number.NaN;
  c.weight[i] = m.weight ?? Number.NaN;
  c.lenhei[i] = m.lenhei ?? Number.NaN;
  c.measure[i] = m.measure ? MEASURE_CODE[m.measure] : 0;
  c.oedema[i] = m.oedema ? 1 : 0;
  c.headc[i] = m.headc ?? Number.NaN;
  c.armc[i] = m.armc ?? Number.NaN;
}

export class AnthroColumns implements AnthroInputColumns {
  /** 0 for a row with nothing to score. */
  readonly sex: Uint8Array;
  readonly ageDays: Float64Array;
  readonly weight: Float64Array;
  readonly lenhei: Float64Array;
  readonly measure: Uint8Array;
  readonly oedema: Uint8Array;
  readonly headc: Float64Array;
  readonly armc: Float64Array;
  private readonly out: AnthroBatchOutput;

  constructor(readonly capacity: number) {
    this.sex = new Uint8Array(capacity);
    this.ageDays = new Float64Array(capacity);
    this.weight = new Float64Array(capacity);
    this.lenhei = new Float64Array(capacity);
    this.measure = new Uint8Array(capacity);
    this.oedema = new Uint8Array(capacity);
    this.headc = new Float64Array(capacity);
    this.armc = new Float64Array(capacity);
    this.out = createAnthroBatchOutput(capacity);
  }

  /** Z-scores and flags of the first `count` rows (the output is reused by the next call). */
  score(count: number): AnthroBatchOutput {
    return anthroZScoresBatch(
      {
        sex: this.sex,
        ageDays: this.ageDays,
        weight: this.weight,
        lenhei: this.lenhei,
        measure: this.measure,
        oedema: this.oedema,
        headc: this.headc,
        armc: this.armc,
      },
      { count, output: this.out, indicators: ["len", "wei", "wfl", "bmi", "hc", "ac"] },
    );
  }
}
