/**
 * Benchmark of the growth engine: the columnar batch API on 1,000,000 generated records
 * (length/height-for-age, weight-for-age, weight-for-length/height, BMI-for-age) beside the
 * one-record API as a baseline, in the same run. Prints nothing; bench/run.ts prints.
 */
import {
  type AnthroBatchInput,
  type AnthroInput,
  anthroZScores,
  anthroZScoresBatch,
  createAnthroBatchOutput,
  type Indicator,
  lmsRow,
} from "@tumbuh/growth";

const RECORDS = 1_000_000;
const FOUR: readonly Indicator[] = ["len", "wei", "wfl", "bmi"];

/** Small seeded PRNG (mulberry32), so every run times the same records. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The measurement at z for an LMS row: M · (1 + L·S·z)^(1/L). */
function atZ(row: { l: number; m: number; s: number }, z: number): number {
  return row.m * (1 + row.l * row.s * z) ** (1 / row.l);
}

/**
 * Generates plausible records: for a random sex and age, a length/height from a z-score
 * distribution like Indonesian survey data (height-for-age mean −1.2, SD 1.2) and a weight
 * that follows it (weight-for-length/height mean −0.3, SD 1.1), rounded to 0.1 cm and 0.01 kg,
 * with the usual position by age (5% the other way), 2% unknown age, 1% missing weight and
 * 0.5% oedema.
 */
function generateRecords(count: number, seed = 20_240_131): AnthroBatchInput {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const sex = new Uint8Array(count);
  const ageDays = new Float64Array(count);
  const weight = new Float64Array(count);
  const lenhei = new Float64Array(count);
  const measure = new Uint8Array(count);
  const oedema = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const s = random() < 0.5 ? 1 : 2;
    const day = Math.floor(random() * 1827);
    const standing = day >= 731;
    sex[i] = s;
    ageDays[i] = random() < 0.02 ? Number.NaN : day;
    const length = Math.round(atZ(lmsRow("len", s, day)!, -1.2 + 1.2 * normal()) * 10) / 10;
    lenhei[i] = length;
    // Weight from the weight-for-length/height table at the nearest row inside its range.
    const table = standing ? "wfh" : "wfl";
    const key = Math.min(Math.max(Math.round(length * 10), standing ? 650 : 450), standing ? 1200 : 1100);
    const w = Math.round(atZ(lmsRow(table, s, key)!, -0.3 + 1.1 * normal()) * 100) / 100;
    weight[i] = random() < 0.01 ? Number.NaN : w;
    measure[i] = random() < 0.05 ? (standing ? 1 : 2) : standing ? 2 : 1;
    oedema[i] = random() < 0.005 ? 1 : 0;
  }
  return { sex, ageDays, weight, lenhei, measure, oedema };
}

function toRecords(columns: AnthroBatchInput, count: number): AnthroInput[] {
  const records: AnthroInput[] = [];
  for (let i = 0; i < count; i++) {
    const record: AnthroInput = { sex: columns.sex[i] as 1 | 2 };
    const age = columns.ageDays![i];
    if (!Number.isNaN(age)) record.ageDays = age;
    const weight = columns.weight![i];
    if (!Number.isNaN(weight)) record.weight = weight;
    record.lenhei = columns.lenhei![i];
    record.measure = columns.measure![i] === 1 ? "l" : "h";
    if (columns.oedema![i] === 1) record.oedema = true;
    records.push(record);
  }
  return records;
}

function seconds(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Times the batch API (best of 5 runs after a warm-up) and the one-record API on the same records. */
export async function benchGrowth(): Promise<{ name: string; recordsPerSecond: number }[]> {
  const columns = generateRecords(RECORDS);
  const output = createAnthroBatchOutput(RECORDS);
  anthroZScoresBatch(columns, { indicators: FOUR, output, count: 100_000 }); // warm-up
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    best = Math.min(
      best,
      seconds(() => anthroZScoresBatch(columns, { indicators: FOUR, output })),
    );
  }

  const records = toRecords(columns, RECORDS);
  let sink = 0;
  for (let i = 0; i < 100_000; i++) sink += anthroZScores(records[i]).zlen ?? 0; // warm-up
  const single = seconds(() => {
    for (const record of records) sink += anthroZScores(record).zlen ?? 0;
  });
  if (Number.isNaN(sink)) throw new Error("benchmark produced NaN");

  return [
    { name: "growth: anthroZScoresBatch, 4 indicators, 1,000,000 records", recordsPerSecond: RECORDS / best },
    { name: "growth: anthroZScores (one record at a time), baseline", recordsPerSecond: RECORDS / single },
  ];
}
