/**
 * `anthroZScoresBatch`: the same z-scores as `anthroZScores`, over columns of typed arrays,
 * for throughput (imports, roll-ups, the CLI). No allocation per record; output buffers can
 * be reused from call to call.
 */
import { zscoreAtAge, zscoreAtLenhei } from "./indicators.ts";
import {
  adjustLenhei,
  bodyMassIndex,
  chooseWeightForLenheiTable,
  DAYS_PER_MONTH,
  FIRST_DAY,
  FLAG_LIMITS,
  INDICATORS,
  type Indicator,
  isImplausible,
  isStandingUnderNineMonths,
  MEASURE_UNKNOWN,
  type MeasureCode,
  usesRestrictedZscore,
  wholeAgeDays,
} from "./rules.ts";
import { type LmsTable, lmsTable } from "./tables.ts";

/**
 * Input columns, one entry per record. Missing numbers are NaN; measurements ≤ 0 count as
 * missing. Columns that are left out are missing for every record.
 */
export interface AnthroBatchInput {
  /** 1 male, 2 female; any other value gives no z-scores. */
  sex: Uint8Array;
  /** Age in days, may be fractional. */
  ageDays?: Float64Array;
  /** Age in months as recorded; where not NaN it takes precedence over `ageDays` (as in `AnthroInput`). */
  ageMonths?: Float64Array;
  weight?: Float64Array;
  lenhei?: Float64Array;
  /** 0 unknown, 1 lying (l), 2 standing (h). */
  measure?: Uint8Array;
  /** 1 oedema, 0 none. */
  oedema?: Uint8Array;
  headc?: Float64Array;
  armc?: Float64Array;
  triskin?: Float64Array;
  subskin?: Float64Array;
}

/**
 * Output columns. z-scores are NaN when missing; flags are 1 when the (present) z-score is
 * implausible, else 0. `ageDays` is the whole day used (NaN when the age is unknown).
 */
export interface AnthroBatchOutput {
  capacity: number;
  ageDays: Float64Array;
  /** The whole day used for the age tables: as `ageDays` under 60 months, −1 from 60 months, NaN when unknown. */
  tableDay: Float64Array;
  clenhei: Float64Array;
  cbmi: Float64Array;
  c9moFlag: Uint8Array;
  zlen: Float64Array;
  flen: Uint8Array;
  zwei: Float64Array;
  fwei: Uint8Array;
  zwfl: Float64Array;
  fwfl: Uint8Array;
  zbmi: Float64Array;
  fbmi: Uint8Array;
  zhc: Float64Array;
  fhc: Uint8Array;
  zac: Float64Array;
  fac: Uint8Array;
  zts: Float64Array;
  fts: Uint8Array;
  zss: Float64Array;
  fss: Uint8Array;
}

/** Allocates one set of output buffers for up to `capacity` records, to reuse across calls. */
export function createAnthroBatchOutput(capacity: number): AnthroBatchOutput {
  const f = () => new Float64Array(capacity);
  const u = () => new Uint8Array(capacity);
  return {
    capacity,
    ageDays: f(),
    tableDay: f(),
    clenhei: f(),
    cbmi: f(),
    c9moFlag: u(),
    zlen: f(),
    flen: u(),
    zwei: f(),
    fwei: u(),
    zwfl: f(),
    fwfl: u(),
    zbmi: f(),
    fbmi: u(),
    zhc: f(),
    fhc: u(),
    zac: f(),
    fac: u(),
    zts: f(),
    fts: u(),
    zss: f(),
    fss: u(),
  };
}

export interface AnthroBatchOptions {
  /** Indicators to compute (default: all eight). The others are left NaN / 0. */
  indicators?: readonly Indicator[];
  /** Buffers to write into (capacity ≥ count); allocated when absent. */
  output?: AnthroBatchOutput;
  /** Number of records, when the input columns are longer (reused buffers); default `sex.length`. */
  count?: number;
}

const EMPTY_F64 = new Float64Array(0);
const EMPTY_U8 = new Uint8Array(0);

/** Marks, in `tableDay`, a known age of 60 months or more (no age-based z-scores). */
const OVER_60_MONTHS = -1;

/** Reads a column value, NaN when the column is absent or shorter. */
function valueAt(column: Float64Array, i: number): number {
  return i < column.length ? column[i] : Number.NaN;
}

/**
 * Computes z-scores and flags for `count` records from columns of typed arrays, with exactly
 * the results of `anthroZScores` record by record; writes into (and returns) `options.output`
 * when given, so one buffer set serves a whole stream.
 */
export function anthroZScoresBatch(
  input: AnthroBatchInput,
  options: AnthroBatchOptions = {},
): AnthroBatchOutput {
  const count = options.count ?? input.sex.length;
  if (count > input.sex.length) {
    throw new Error(
      `anthroZScoresBatch: count ${count} is larger than the sex column (${input.sex.length} values)`,
    );
  }
  const out = options.output ?? createAnthroBatchOutput(count);
  if (out.capacity < count) {
    throw new Error(`anthroZScoresBatch: output capacity ${out.capacity} is smaller than count ${count}`);
  }
  const wanted = new Set(options.indicators ?? INDICATORS);
  for (const indicator of INDICATORS) {
    if (!wanted.has(indicator)) {
      out[`z${indicator}`].fill(Number.NaN, 0, count);
      out[`f${indicator}`].fill(0, 0, count);
    }
  }
  const doLen = wanted.has("len");
  const doWei = wanted.has("wei");
  const doWfl = wanted.has("wfl");
  const doBmi = wanted.has("bmi");
  const doHc = wanted.has("hc");
  const doAc = wanted.has("ac");
  const doTs = wanted.has("ts");
  const doSs = wanted.has("ss");

  const sexes = input.sex;
  const ageDaysIn = input.ageDays ?? EMPTY_F64;
  const ageMonthsIn = input.ageMonths ?? EMPTY_F64;
  const weightIn = input.weight ?? EMPTY_F64;
  const lenheiIn = input.lenhei ?? EMPTY_F64;
  const measureIn = input.measure ?? EMPTY_U8;
  const oedemaIn = input.oedema ?? EMPTY_U8;
  const headcIn = input.headc ?? EMPTY_F64;
  const armcIn = input.armc ?? EMPTY_F64;
  const triskinIn = input.triskin ?? EMPTY_F64;
  const subskinIn = input.subskin ?? EMPTY_F64;

  const lenTable = lmsTable("len");
  const weiTable = lmsTable("wei");
  const bmiTable = lmsTable("bmi");
  const hcTable = lmsTable("hc");
  const acTable = lmsTable("ac");
  const tsTable = lmsTable("ts");
  const ssTable = lmsTable("ss");
  const wflTable = lmsTable("wfl");
  const wfhTable = lmsTable("wfh");

  const { ageDays, tableDay: ageDaysUnder60, clenhei: clenheiOut, cbmi: cbmiOut, c9moFlag } = out;
  const MISSING = Number.NaN;

  // Pass 1: the record-level rules (age, position, adjustment, BMI). Each indicator then runs
  // in its own tight loop over these columns, which keeps every loop small enough to optimise.
  for (let i = 0; i < count; i++) {
    const months = valueAt(ageMonthsIn, i);
    const hasMonths = !Number.isNaN(months);
    const rawDays = hasMonths ? months * DAYS_PER_MONTH : valueAt(ageDaysIn, i);
    const day = wholeAgeDays(rawDays);
    const ageKnown = !Number.isNaN(day);
    const ageMonths = hasMonths ? months : rawDays / DAYS_PER_MONTH;
    const code = i < measureIn.length ? measureIn[i] : MEASURE_UNKNOWN;
    let measure = (code === 1 || code === 2 ? code : MEASURE_UNKNOWN) as MeasureCode;
    const c9mo = ageKnown && isStandingUnderNineMonths(measure, ageMonths);
    if (c9mo) measure = MEASURE_UNKNOWN;
    const rawLenhei = valueAt(lenheiIn, i);
    const rawWeight = valueAt(weightIn, i);
    const clenhei = rawLenhei > 0 && rawLenhei !== Infinity ? adjustLenhei(rawLenhei, day, measure) : MISSING;
    const cbmi =
      rawWeight > 0 && rawWeight !== Infinity && !Number.isNaN(clenhei)
        ? bodyMassIndex(rawWeight, clenhei)
        : MISSING;
    ageDays[i] = day;
    // Age-based z-scores only under 60 months (unrounded months); NaN marks "no age".
    ageDaysUnder60[i] = ageKnown ? (ageMonths < 60 ? day : OVER_60_MONTHS) : MISSING;
    clenheiOut[i] = clenhei;
    cbmiOut[i] = cbmi;
    c9moFlag[i] = c9mo ? 1 : 0;
  }

  const { len: lenLimits, wei: weiLimits, bmi: bmiLimits, wfl: wflLimits } = FLAG_LIMITS;
  const hasOedema = (i: number) => i < oedemaIn.length && oedemaIn[i] === 1;
  if (doLen) {
    const { zlen, flen } = out;
    for (let i = 0; i < count; i++) {
      const z = zscoreAtAge(lenTable, false, sexes[i], ageDaysUnder60[i], clenheiOut[i]);
      zlen[i] = z;
      flen[i] = z < lenLimits[0] || z > lenLimits[1] ? 1 : 0;
    }
  }
  if (doWei) {
    const { zwei, fwei } = out;
    for (let i = 0; i < count; i++) {
      const z = hasOedema(i)
        ? MISSING
        : zscoreAtAge(weiTable, true, sexes[i], ageDaysUnder60[i], positive(valueAt(weightIn, i)));
      zwei[i] = z;
      fwei[i] = z < weiLimits[0] || z > weiLimits[1] ? 1 : 0;
    }
  }
  if (doBmi) {
    const { zbmi, fbmi } = out;
    for (let i = 0; i < count; i++) {
      const z = hasOedema(i) ? MISSING : zscoreAtAge(bmiTable, true, sexes[i], ageDaysUnder60[i], cbmiOut[i]);
      zbmi[i] = z;
      fbmi[i] = z < bmiLimits[0] || z > bmiLimits[1] ? 1 : 0;
    }
  }
  if (doWfl) {
    const { zwfl, fwfl } = out;
    for (let i = 0; i < count; i++) {
      let z = MISSING;
      const day = ageDaysUnder60[i];
      const clenhei = clenheiOut[i];
      if (!hasOedema(i) && day !== OVER_60_MONTHS && !Number.isNaN(clenhei)) {
        // With a known age the table follows the age; c9mo only happens with a known age, so the
        // recorded position is the cleaned one whenever it matters.
        const code = i < measureIn.length ? measureIn[i] : MEASURE_UNKNOWN;
        const which = chooseWeightForLenheiTable(
          day,
          (code === 1 || code === 2 ? code : 0) as MeasureCode,
          clenhei,
        );
        if (which !== undefined) {
          z = zscoreAtLenhei(
            which === "wfl" ? wflTable : wfhTable,
            which,
            sexes[i],
            clenhei,
            positive(valueAt(weightIn, i)),
          );
        }
      }
      zwfl[i] = z;
      fwfl[i] = z < wflLimits[0] || z > wflLimits[1] ? 1 : 0;
    }
  }
  const others: [boolean, Indicator, LmsTable, Float64Array][] = [
    [doHc, "hc", hcTable, headcIn],
    [doAc, "ac", acTable, armcIn],
    [doTs, "ts", tsTable, triskinIn],
    [doSs, "ss", ssTable, subskinIn],
  ];
  for (const [wanted, indicator, table, values] of others) {
    if (!wanted) continue;
    const zs = out[`z${indicator}`];
    const flags = out[`f${indicator}`];
    const restricted = usesRestrictedZscore(indicator);
    const firstDay = FIRST_DAY[indicator];
    for (let i = 0; i < count; i++) {
      const day = ageDaysUnder60[i];
      const z =
        day >= firstDay
          ? zscoreAtAge(table, restricted, sexes[i], day, positive(valueAt(values, i)))
          : MISSING;
      zs[i] = z;
      flags[i] = !Number.isNaN(z) && isImplausible(indicator, z) ? 1 : 0;
    }
  }
  return out;
}

/** A measurement above 0 and finite, else NaN (missing). */
function positive(x: number): number {
  return x > 0 && x !== Number.POSITIVE_INFINITY ? x : Number.NaN;
}
