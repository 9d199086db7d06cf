import { describe, expect, it } from "vitest";
import { anthroZScoresBatch, createAnthroBatchOutput } from "./batch.ts";
import {
  ageGroupIndex,
  anthroPrevalence,
  PREVALENCE_COLUMNS,
  PREVALENCE_GROUPS,
  PrevalenceAccumulator,
  type PrevalenceObservation,
  prevalenceFromObservations,
  prevalenceRowColumns,
} from "./prevalence.ts";
import { anthroInputFromRow, readValidationCsv } from "./testing/validation-data.ts";
import { measureCode } from "./zscores.ts";

const inputRows = readValidationCsv("prevalence_dev_input.csv");
const records = inputRows.map(anthroInputFromRow);
const weights = inputRows.map((row) => Number(row.sw));

/** Compares our table with anthro's: counts exactly, rates/means/SDs to 0.01. */
function compareWithAnthro(file: string, actualRows: ReturnType<typeof anthroPrevalence>): string[] {
  const expected = readValidationCsv(file);
  const diffs: string[] = [];
  expect(expected.map((r) => r.Group)).toEqual(actualRows.map((r) => r.group));
  expected.forEach((row, i) => {
    const actual = prevalenceRowColumns(actualRows[i]);
    for (const [column, text] of Object.entries(row)) {
      if (column === "Group") continue;
      expect(PREVALENCE_COLUMNS).toContain(column);
      const value = actual[column];
      const want = text === "" || text === "NA" ? undefined : Number(text);
      const ok =
        want === undefined
          ? value === undefined
          : typeof value === "number" &&
            (column.endsWith("_unwpop") ? value === want : Math.abs(value - want) <= 0.01);
      if (!ok) diffs.push(`${row.Group} ${column}: expected ${text}, got ${value}`);
    }
  });
  return diffs;
}

describe("anthroPrevalence against WHO anthro's anthro_prevalence()", () => {
  it("reproduces the unweighted table (counts exactly, rates, means and SDs to 0.01)", () => {
    expect(compareWithAnthro("anthro_dev_prevalence_unweighted.csv", anthroPrevalence(records))).toEqual([]);
  });

  it("reproduces the table with sampling weights", () => {
    expect(
      compareWithAnthro("anthro_dev_prevalence_weighted.csv", anthroPrevalence(records, { weights })),
    ).toEqual([]);
  });
});

/** A child measured at 400 days with given z-scores (no flags unless given). */
const child = (extra: Partial<PrevalenceObservation>): PrevalenceObservation => ({
  sex: 1,
  ageDays: 400,
  ...extra,
});
const all = (observations: PrevalenceObservation[], w?: number[]) =>
  prevalenceFromObservations(observations, { weights: w })[0];

describe("prevalence rules, worked cases", () => {
  it("counts z < cut-off strictly: −2 exactly is not stunted, −2.01 is", () => {
    const row = all([
      child({ zlen: -2 }),
      child({ zlen: -2.01 }),
      child({ zlen: -3.5 }),
      child({ zlen: 2.5 }),
    ]);
    expect(row.haz.unwpop).toBe(4);
    expect(row.haz.below2).toBe(50);
    expect(row.haz.below3).toBe(25);
    expect(row.haz.above2).toBe(25);
    expect(row.haz.above3).toBe(0);
    expect(row.haz.mean).toBeCloseTo((-2 - 2.01 - 3.5 + 2.5) / 4, 12);
  });

  it("leaves flagged z-scores out of counts, rates and mean", () => {
    const row = all([child({ zlen: -7, flen: true }), child({ zlen: -1 }), child({ zlen: 1 })]);
    expect(row.haz.unwpop).toBe(2);
    expect(row.haz.below3).toBe(0);
    expect(row.haz.mean).toBe(0);
    expect(row.haz.sd).toBeCloseTo(Math.SQRT2, 12); // sd of (−1, 1) with n − 1
  });

  it("counts oedema below −3 for weight-based rates but leaves it out of mean and SD", () => {
    // anthro: weight z-scores are missing with oedema; the rates use z = −3.1 instead.
    const row = all([
      child({ oedema: true }),
      child({ zwei: 0, zwfl: 0, zbmi: 0 }),
      child({ zwei: 1, zwfl: 1, zbmi: 1 }),
    ]);
    for (const p of [row.waz, row.whz, row.bmiz]) {
      expect(p.unwpop).toBe(3);
      expect(p.below3).toBeCloseTo(100 / 3, 12);
      expect(p.below2).toBeCloseTo(100 / 3, 12);
      expect(p.below1).toBeCloseTo(100 / 3, 12);
      expect(p.mean).toBe(0.5);
    }
    expect(row.haz.unwpop).toBe(0);
    expect(row.haz.below2).toBeUndefined();
  });

  it("combines stunting with wasting and with overweight only where both z are usable", () => {
    const row = all([
      child({ zlen: -2.5, zwfl: -2.5 }), // stunted and wasted
      child({ zlen: -2.5, zwfl: 2.5 }), // stunted and overweight
      child({ zlen: -2.5, oedema: true }), // oedema: wasted
      child({ zlen: -2.5 }), // no weight-for-length: not counted
      child({ zlen: 0, zwfl: 0 }),
    ]);
    expect(row.stuntedWasted.unwpop).toBe(4);
    expect(row.stuntedWasted.rate).toBe(50);
    expect(row.stuntedOverweight.rate).toBe(25);
  });

  it("weights rates and means by the sampling weights; missing weights count as 0", () => {
    const row = all([child({ zlen: -3 }), child({ zlen: 0 }), child({ zlen: 1 })], [3, 1, Number.NaN]);
    expect(row.haz.unwpop).toBe(3);
    expect(row.haz.pop).toBe(4);
    expect(row.haz.below2).toBe(75);
    expect(row.haz.mean).toBe(-2.25);
  });

  it("rejects a negative weight, naming the record", () => {
    expect(() => all([child({ zlen: 0 }), child({ zlen: 0 })], [1, -2])).toThrow(/record 2 is -2/);
    expect(() => all([child({ zlen: 0 })], [1, 2])).toThrow(/2 sampling weights for 1 records/);
  });

  it("places children in anthro's groups; no age counts in All and sex only; over 1826 days not at all", () => {
    const rows = prevalenceFromObservations([
      { sex: 2, ageDays: 100, zlen: 0 },
      { sex: 1, zlen: 0 },
      { sex: 1, ageDays: 1827, zlen: 0 },
    ]);
    const count = (group: string) => rows.find((r) => r.group === group)?.haz.unwpop;
    expect(rows.map((r) => r.group)).toEqual(PREVALENCE_GROUPS);
    expect(count("All")).toBe(2);
    expect(count("Sex: Female")).toBe(1);
    expect(count("Sex: Male")).toBe(1);
    expect(count("Age group: 00-05 mo")).toBe(1);
    expect(count("Age + sex: 00-05 mo.Female")).toBe(1);
    expect(count("Age + sex: 00-05 mo.Male")).toBe(0);
    expect(rows.find((r) => r.group === "Age group: 48-59 mo")?.haz.mean).toBeUndefined();
  });

  it.each([
    [0, 0],
    [182, 0], // 5.98 months
    [183, 1], // 6.01 months
    [365, 1],
    [366, 2], // 12.02 months
    [730, 2],
    [731, 3],
    [1826, 5],
    [1827, undefined],
  ])("age group of day %s is %s", (day, group) => {
    expect(ageGroupIndex(day)).toBe(group);
  });
});

describe("PrevalenceAccumulator", () => {
  it("gives the same rows from batch outputs, fed in chunks, as anthroPrevalence", () => {
    const columns = {
      sex: Uint8Array.from(records, (r) => r.sex),
      ageDays: Float64Array.from(records, (r) => r.ageDays ?? Number.NaN),
      weight: Float64Array.from(records, (r) => r.weight ?? Number.NaN),
      lenhei: Float64Array.from(records, (r) => r.lenhei ?? Number.NaN),
      measure: Uint8Array.from(records, (r) => measureCode(r.measure)),
      oedema: Uint8Array.from(records, (r) => (r.oedema ? 1 : 0)),
    };
    const accumulator = new PrevalenceAccumulator();
    const output = createAnthroBatchOutput(500);
    for (let start = 0; start < records.length; start += 500) {
      const end = Math.min(records.length, start + 500);
      const chunk = {
        sex: columns.sex.subarray(start, end),
        ageDays: columns.ageDays.subarray(start, end),
        weight: columns.weight.subarray(start, end),
        lenhei: columns.lenhei.subarray(start, end),
        measure: columns.measure.subarray(start, end),
        oedema: columns.oedema.subarray(start, end),
      };
      anthroZScoresBatch(chunk, { indicators: ["len", "wei", "wfl", "bmi"], output });
      accumulator.addBatch(chunk, output, end - start, weights.slice(start, end));
    }
    const expected = anthroPrevalence(records, { weights });
    const actual = accumulator.rows();
    actual.forEach((row, i) => {
      const a = prevalenceRowColumns(row);
      const e = prevalenceRowColumns(expected[i]);
      for (const column of PREVALENCE_COLUMNS) {
        if (typeof e[column] === "number")
          expect(a[column], `${row.group} ${column}`).toBeCloseTo(e[column], 9);
        else expect(a[column]).toEqual(e[column]);
      }
    });
  });

  it("rejects a batch record whose sex is not 1 or 2", () => {
    const output = anthroZScoresBatch({ sex: Uint8Array.of(1, 0) });
    expect(() => new PrevalenceAccumulator().addBatch({ sex: Uint8Array.of(1, 0) }, output, 2)).toThrow(
      /sex of batch record 2 is 0/,
    );
  });

  it("skips batch records whose keep entry is 0, as if they were never added", () => {
    // Two boys of 400 days, lying: 68.5 cm (z ≈ −3.53, stunted) and 77.0 cm (z ≈ −0.03); a refused row between.
    const input = {
      sex: Uint8Array.of(1, 0, 1),
      ageDays: Float64Array.of(400, 400, 400),
      lenhei: Float64Array.of(68.5, 70, 77),
      measure: Uint8Array.of(1, 1, 1),
    };
    const output = anthroZScoresBatch(input);
    const masked = new PrevalenceAccumulator();
    masked.addBatch(input, output, 3, undefined, Uint8Array.of(1, 0, 1));
    const [all] = masked.rows();
    expect(all.haz.unwpop).toBe(2);
    expect(all.haz.below2).toBe(50);
  });
});
