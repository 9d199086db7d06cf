import { describe, expect, it } from "vitest";
import { type AnsitVillageInput, analisisSituasi, pickIndicatorValue } from "./ansit.ts";
import { INDICATORS } from "./indicator-catalogue.ts";
import { type IndicatorTarget, indicatorByCode, NATIONAL_TARGETS } from "./indicators.ts";

const SPE7 = indicatorByCode("SPE7");
const SPE9 = indicatorByCode("SPE9");
const SEN2 = indicatorByCode("SEN2");
const STUNTING = indicatorByCode("STUNTING");
const OWN: IndicatorTarget = {
  indicatorCode: "SPE9",
  regionCode: "35.03",
  value: 95,
  targetYear: 2024,
  fromYear: 2024,
  source: "RPJMD Trenggalek",
  confidence: "src",
};

const village = (code: string, over: Partial<AnsitVillageInput>): AnsitVillageInput => ({
  code,
  name: `Desa ${code.slice(-4)}`,
  measured: null,
  hazValid: null,
  stunted: null,
  severelyStunted: null,
  sasaran: null,
  families: null,
  atRiskFamilies: null,
  values: [],
  ...over,
});

describe("pickIndicatorValue", () => {
  it("prefers an entered value to a computed one, and the latest entered", () => {
    const computed = { indicatorCode: "SPE7", value: 70, source: "SKDN", entry: "computed" as const };
    const form = {
      indicatorCode: "SPE7",
      value: 80,
      source: "Laporan Dinkes",
      entry: "form" as const,
      updatedAt: "2025-02-01T00:00:00Z",
    };
    const imported = { ...form, value: 85, entry: "import" as const, updatedAt: "2025-03-01T00:00:00Z" };
    expect(pickIndicatorValue([computed])).toBe(computed);
    expect(pickIndicatorValue([computed, form])).toBe(form);
    expect(pickIndicatorValue([form, imported, computed])).toBe(imported);
    expect(pickIndicatorValue([])).toBeNull();
  });
});

describe("analisis situasi per village", () => {
  // 2024: SPE7 national 90 %, SPE9 the district's own 95 %, SEN2 (lower is better) 15.5 %, stunting 14 %.
  const rows = analisisSituasi(
    [
      village("35.03.01.2001", {
        measured: 200,
        hazValid: 190,
        stunted: 38,
        severelyStunted: 9,
        sasaran: 250,
        families: 400,
        atRiskFamilies: 120,
        values: [
          { indicatorCode: "SPE7", value: 72, source: "SKDN Tumbuh", entry: "computed" },
          { indicatorCode: "SPE9", value: 97, source: "Laporan imunisasi", entry: "import" },
          { indicatorCode: "SEN2", value: 20, source: "Survei BKKBN", entry: "form" },
        ],
      }),
      village("35.03.01.2002", {
        measured: 120,
        hazValid: 120,
        stunted: 12,
        severelyStunted: 2,
        sasaran: 100,
      }),
      village("35.03.01.2003", {}),
    ],
    [SPE7, SPE9, SEN2, STUNTING],
    [...NATIONAL_TARGETS, OWN],
    2024,
  );

  it("counts the burden and the coverage of measurement", () => {
    // 38 ÷ 190 = 20 %; 200 ÷ 250 = 80 %; village 2: 12 ÷ 120 = 10 %, 120 ÷ 100 = 120 % (completeness 100)
    expect(rows.map((r) => [r.stuntingRate, r.measurementCoverage, r.lokus.dataCompleteness])).toEqual([
      [20, 80, 80],
      [10, 120, 100],
      [null, null, null],
    ]);
    expect(rows[0]).toMatchObject({ families: 400, atRiskFamilies: 120, severelyStunted: 9 });
  });

  it("gives each indicator its value, source, target and gap", () => {
    expect(rows[0].indicators).toEqual([
      {
        indicatorCode: "SPE7",
        value: 72,
        source: "SKDN Tumbuh",
        entry: "computed",
        target: 90,
        targetOrigin: "national",
        gap: 18,
        met: false,
      },
      {
        indicatorCode: "SPE9",
        value: 97,
        source: "Laporan imunisasi",
        entry: "import",
        target: 95,
        targetOrigin: "ancestor",
        gap: 0,
        met: true,
      },
      {
        indicatorCode: "SEN2",
        value: 20,
        source: "Survei BKKBN",
        entry: "form",
        target: 15.5,
        targetOrigin: "national",
        gap: expect.closeTo(4.5, 9),
        met: false,
      },
      {
        indicatorCode: "STUNTING",
        value: null,
        source: null,
        entry: null,
        target: 14,
        targetOrigin: "national",
        gap: null,
        met: null,
      },
    ]);
  });

  it("feeds the lokus ranking: mean gap of the intervention indicators, stunting left out", () => {
    // (18 + 0 + 4.5) ÷ 3 = 7.5; village 2 has no indicator values → null
    expect(rows[0].coverageGap).toBeCloseTo(7.5, 9);
    expect(rows[0].lokus).toEqual({
      code: "35.03.01.2001",
      name: "Desa 2001",
      stuntingRate: 20,
      stuntedCount: 38,
      coverageGap: expect.closeTo(7.5, 9),
      atRiskFamilies: 120,
      dataCompleteness: 80,
    });
    expect(rows[1].coverageGap).toBeNull();
  });

  it("has no target after 2024 for a Perpres indicator unless the district sets one", () => {
    const [r] = analisisSituasi(
      [
        village("35.03.01.2001", {
          values: [{ indicatorCode: "SPE7", value: 80, source: "x", entry: "form" }],
        }),
      ],
      INDICATORS.filter((i) => i.code === "SPE7" || i.code === "STUNTING"),
      NATIONAL_TARGETS,
      2025,
    );
    expect(r.indicators.map((c) => [c.indicatorCode, c.target, c.gap])).toEqual([
      ["SPE7", null, null],
      ["STUNTING", 18, null],
    ]);
  });
});
