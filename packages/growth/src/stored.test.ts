import { describe, expect, it } from "vitest";
import { anthroZScoresBatch, createAnthroBatchOutput } from "./batch.ts";
import {
  classifiableZ,
  emptyStoredMeasurement,
  type MeasurementInput,
  STORED_MEASUREMENT_FIELDS,
  storedFromZScores,
  storedMeasurement,
  storedMeasurementAt,
} from "./stored.ts";
import { measureCode } from "./zscores.ts";

describe("classifiableZ (a flagged or missing z-score has no category)", () => {
  it.each([
    [-2.5, false, -2.5],
    [-2.5, 0, -2.5],
    [-8.76, true, undefined],
    [-8.76, 1, undefined],
    [6.2, true, undefined],
    [undefined, false, undefined],
    [null, false, undefined],
    [Number.NaN, 0, undefined],
  ])("z %s, flag %s → %s", (z, flag, expected) => {
    expect(classifiableZ(z, flag)).toBe(expected);
  });
});

// Worked table of the rule on one indicator at a time: [z, flagged, expected category].
const tbu: [number | undefined, boolean, string | null][] = [
  [-8.76, true, null], // the implausible length: kept with its flag, not "sangat_pendek"
  [-5.99, false, "sangat_pendek"],
  [-3.01, false, "sangat_pendek"],
  [-3, false, "pendek"],
  [-2.01, false, "pendek"],
  [-2, false, "normal"],
  [3, false, "normal"],
  [3.01, false, "tinggi"],
  [6.5, true, null],
  [undefined, false, null],
];
const bbu: [number | undefined, boolean, string | null][] = [
  [-6.55, true, null],
  [-3.01, false, "sangat_kurang"],
  [-3, false, "kurang"],
  [-2, false, "normal"],
  [1, false, "normal"],
  [1.01, false, "risiko_lebih"],
  [5, false, "risiko_lebih"],
  [7.49, true, null],
  [undefined, false, null],
];
const gizi: [number | undefined, boolean, string | null][] = [
  [-9.21, true, null],
  [-3.01, false, "gizi_buruk"],
  [-3, false, "gizi_kurang"],
  [-2, false, "gizi_baik"],
  [1, false, "gizi_baik"],
  [1.01, false, "berisiko_gizi_lebih"],
  [2, false, "berisiko_gizi_lebih"],
  [2.01, false, "gizi_lebih"],
  [3, false, "gizi_lebih"],
  [3.01, false, "obesitas"],
  [4.99, false, "obesitas"],
  [10.91, true, null],
  [undefined, false, null],
];

describe("storedFromZScores", () => {
  it.each(tbu)("TB/U: zlen %s flagged %s → %s", (z, f, code) => {
    const s = storedFromZScores({ c9moFlag: false, zlen: z, flen: z === undefined ? undefined : f });
    expect([s.zlen, s.flen, s.status_tbu]).toEqual([z ?? null, f, code]);
  });
  it.each(bbu)("BB/U: zwei %s flagged %s → %s", (z, f, code) => {
    const s = storedFromZScores({ c9moFlag: false, zwei: z, fwei: z === undefined ? undefined : f });
    expect([s.zwei, s.fwei, s.status_bbu]).toEqual([z ?? null, f, code]);
  });
  it.each(gizi)("BB/TB and IMT/U: z %s flagged %s → %s", (z, f, code) => {
    const flag = z === undefined ? undefined : f;
    const s = storedFromZScores({ c9moFlag: false, zwfl: z, fwfl: flag, zbmi: z, fbmi: flag });
    expect([s.zwfl, s.fwfl, s.status_bbtb]).toEqual([z ?? null, f, code]);
    expect([s.zbmi, s.fbmi, s.status_imtu]).toEqual([z ?? null, f, code]);
  });
});

// Worked measurements (z-scores as the WHO anthro package gives them).
const measurements: [MeasurementInput, Partial<ReturnType<typeof storedMeasurement>>][] = [
  [
    { sex: 1, ageDays: 592, weight: 9.6, lenhei: 75.5, measure: "h" },
    {
      zlen: -2.69,
      flen: false,
      status_tbu: "pendek",
      zwei: -1.4,
      status_bbu: "normal",
      zwfl: -0.18,
      status_bbtb: "gizi_baik",
      zbmi: 0.4,
      status_imtu: "gizi_baik",
    },
  ],
  [
    // Length typed as 60 cm for a two-year-old: every length-based z-score flagged, no category for them.
    { sex: 1, ageDays: 730, weight: 11, lenhei: 60, measure: "h" },
    {
      zlen: -8.87,
      flen: true,
      status_tbu: null,
      zwei: -0.87,
      fwei: false,
      status_bbu: "normal",
      zwfl: 7.31,
      fwfl: true,
      status_bbtb: null,
      zbmi: 8.57,
      fbmi: true,
      status_imtu: null,
    },
  ],
  [
    // 852 cm (a missing decimal point).
    { sex: 2, ageDays: 226, weight: 7.2, lenhei: 852, measure: "l" },
    {
      zlen: 335.59,
      flen: true,
      status_tbu: null,
      zwei: -0.64,
      status_bbu: "normal",
      fbmi: true,
      status_imtu: null,
    },
  ],
  [
    // Weight only: no length-based z-score, flag false, category null.
    { sex: 2, ageDays: 400, weight: 9 },
    { zlen: null, flen: false, status_tbu: null, zwei: -0.18, status_bbu: "normal", zwfl: null, zbmi: null },
  ],
  [
    // Oedema: no weight-based z-score.
    { sex: 1, ageDays: 730, weight: 12, lenhei: 87, measure: "h", oedema: true },
    {
      zlen: -0.03,
      status_tbu: "normal",
      zwei: null,
      fwei: false,
      status_bbu: null,
      zwfl: null,
      status_bbtb: null,
    },
  ],
  [
    { sex: 1, ageDays: 1000, lenhei: 80, measure: "h" },
    { zlen: -3.93, status_tbu: "sangat_pendek" },
  ],
];

describe("storedMeasurement", () => {
  it.each(measurements)("%j", (input, expected) => {
    expect(storedMeasurement(input)).toMatchObject(expected);
  });

  it("names exactly the fields it stores", () => {
    expect(Object.keys(emptyStoredMeasurement()).sort()).toEqual([...STORED_MEASUREMENT_FIELDS].sort());
  });
});

describe("storedMeasurementAt", () => {
  it("gives each row of a scored batch what storedMeasurement gives the measurement", () => {
    const inputs: MeasurementInput[] = [...measurements.map(([m]) => m)];
    // A spread of plausible and implausible rows, every sex and measure.
    for (let k = 0; k < 200; k++) {
      inputs.push({
        sex: k % 2 === 0 ? 1 : 2,
        ageDays: (k * 37) % 1850,
        weight: k % 9 === 0 ? undefined : 2 + ((k * 7) % 230) / 10,
        lenhei: k % 7 === 0 ? undefined : 40 + ((k * 13) % 900) / 10,
        measure: k % 3 === 0 ? "l" : k % 3 === 1 ? "h" : undefined,
        oedema: k % 17 === 0,
        headc: k % 5 === 0 ? 30 + (k % 25) : undefined,
        armc: k % 4 === 0 ? 9 + (k % 10) : undefined,
      });
    }
    const n = inputs.length;
    const nan = (x: number | undefined) => x ?? Number.NaN;
    const out = anthroZScoresBatch(
      {
        sex: Uint8Array.from(inputs, (m) => m.sex),
        ageDays: Float64Array.from(inputs, (m) => nan(m.ageDays)),
        weight: Float64Array.from(inputs, (m) => nan(m.weight)),
        lenhei: Float64Array.from(inputs, (m) => nan(m.lenhei)),
        measure: Uint8Array.from(inputs, (m) => measureCode(m.measure)),
        oedema: Uint8Array.from(inputs, (m) => (m.oedema ? 1 : 0)),
        headc: Float64Array.from(inputs, (m) => nan(m.headc)),
        armc: Float64Array.from(inputs, (m) => nan(m.armc)),
      },
      { count: n, output: createAnthroBatchOutput(n), indicators: ["len", "wei", "wfl", "bmi", "hc", "ac"] },
    );
    const scratch = emptyStoredMeasurement();
    let flagged = 0;
    for (let i = 0; i < n; i++) {
      const one = storedMeasurement(inputs[i]);
      if (one.flen || one.fwei || one.fwfl || one.fbmi) flagged++;
      expect({ ...storedMeasurementAt(out, i, scratch) }).toEqual(one);
    }
    expect(flagged).toBeGreaterThan(10);
  });
});
