import { describe, expect, it } from "vitest";
import { type AnthroBatchInput, anthroZScoresBatch, createAnthroBatchOutput } from "./batch.ts";
import { INDICATORS } from "./rules.ts";
import { anthroInputFromRow, readValidationCsv } from "./testing/validation-data.ts";
import { type AnthroInput, type AnthroResult, anthroZScores, measureCode } from "./zscores.ts";

function toColumns(inputs: AnthroInput[]): AnthroBatchInput {
  const column = (pick: (x: AnthroInput) => number | undefined) =>
    Float64Array.from(inputs, (x) => pick(x) ?? Number.NaN);
  return {
    sex: Uint8Array.from(inputs, (x) => x.sex),
    ageDays: column((x) => x.ageDays),
    ageMonths: column((x) => x.ageMonths),
    weight: column((x) => x.weight),
    lenhei: column((x) => x.lenhei),
    measure: Uint8Array.from(inputs, (x) => measureCode(x.measure)),
    oedema: Uint8Array.from(inputs, (x) => (x.oedema ? 1 : 0)),
    headc: column((x) => x.headc),
    armc: column((x) => x.armc),
    triskin: column((x) => x.triskin),
    subskin: column((x) => x.subskin),
  };
}

/** The record result rebuilt from row i of the batch output, in the record API's shape. */
function recordFromBatch(out: ReturnType<typeof createAnthroBatchOutput>, i: number): AnthroResult {
  const result: AnthroResult = { c9moFlag: out.c9moFlag[i] === 1 };
  if (!Number.isNaN(out.ageDays[i])) result.ageDays = out.ageDays[i];
  if (!Number.isNaN(out.clenhei[i])) result.clenhei = out.clenhei[i];
  if (!Number.isNaN(out.cbmi[i])) result.cbmi = out.cbmi[i];
  for (const indicator of INDICATORS) {
    const z = out[`z${indicator}`][i];
    if (!Number.isNaN(z)) {
      result[`z${indicator}`] = z;
      result[`f${indicator}`] = out[`f${indicator}`][i] === 1;
    }
  }
  return result;
}

const inputs = readValidationCsv("anthro_dev_expected.csv").map(anthroInputFromRow);

describe("anthroZScoresBatch", () => {
  it("gives exactly the record API's results on the whole validation set", () => {
    const out = anthroZScoresBatch(toColumns(inputs));
    inputs.forEach((input, i) => {
      expect(recordFromBatch(out, i), `row ${i + 2}`).toEqual(anthroZScores(input));
    });
  });

  it("reuses one output buffer set across calls, writing only `count` records", () => {
    const out = createAnthroBatchOutput(1000);
    const first = inputs.slice(0, 700);
    const second = inputs.slice(700, 1200);
    anthroZScoresBatch(toColumns(first), { output: out });
    const returned = anthroZScoresBatch(toColumns(second), { output: out, count: 500 });
    expect(returned).toBe(out);
    second.forEach((input, i) => {
      expect(recordFromBatch(out, i)).toEqual(anthroZScores(input));
    });
  });

  it("computes only the requested indicators", () => {
    const out = anthroZScoresBatch(toColumns(inputs), { indicators: ["len", "wei", "wfl", "bmi"] });
    expect(Array.from(out.zhc).every(Number.isNaN)).toBe(true);
    expect(Array.from(out.zac).every(Number.isNaN)).toBe(true);
    expect(Array.from(out.fss).every((f) => f === 0)).toBe(true);
    const full = anthroZScoresBatch(toColumns(inputs));
    expect(out.zlen).toEqual(full.zlen);
    expect(out.zwfl).toEqual(full.zwfl);
    expect(out.zbmi).toEqual(full.zbmi);
  });

  it("treats absent columns as missing for every record", () => {
    const out = anthroZScoresBatch({
      sex: Uint8Array.of(1, 2),
      ageDays: Float64Array.of(400, Number.NaN),
      lenhei: Float64Array.of(75, 80),
    });
    expect(out.zlen[0]).toBe(anthroZScores({ sex: 1, ageDays: 400, lenhei: 75 }).zlen);
    expect(out.zlen[1]).toBeNaN();
    expect(out.zwei[0]).toBeNaN();
    expect(out.zwfl[1]).toBeNaN();
  });

  it("rejects an output buffer that is too small, naming both sizes", () => {
    expect(() =>
      anthroZScoresBatch({ sex: new Uint8Array(10) }, { output: createAnthroBatchOutput(5) }),
    ).toThrow(/capacity 5 is smaller than count 10/);
    expect(() => anthroZScoresBatch({ sex: new Uint8Array(3) }, { count: 4 })).toThrow(/count 4/);
  });
});
