import { describe, expect, it } from "vitest";
import { checkConfig } from "./config.ts";
import { INDICATORS } from "./indicator-catalogue.ts";
import {
  coverage,
  Indicator,
  IndicatorTarget,
  indicatorByCode,
  NATIONAL_TARGETS,
  targetFor,
  targetGap,
} from "./indicators.ts";

const own = (
  indicatorCode: string,
  regionCode: string,
  value: number,
  targetYear: number,
  fromYear: number,
): IndicatorTarget => ({
  indicatorCode,
  regionCode,
  value,
  targetYear,
  fromYear,
  source: "RPJMD (test)",
  confidence: "src",
});

describe("indicators catalogue", () => {
  it("has the 9 spesifik and 11 sensitif indicators of Perpres 72/2021 and the stunting prevalence", () => {
    expect(INDICATORS.filter((i) => i.intervention === "spesifik").map((i) => i.code)).toEqual([
      "SPE1",
      "SPE2",
      "SPE3",
      "SPE4",
      "SPE5",
      "SPE6",
      "SPE7",
      "SPE8",
      "SPE9",
    ]);
    expect(INDICATORS.filter((i) => i.intervention === "sensitif")).toHaveLength(11);
    expect(INDICATORS.filter((i) => i.intervention === "hasil").map((i) => i.code)).toEqual(["STUNTING"]);
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) expect(checkConfig(Indicator, i).ok).toBe(true);
    for (const t of NATIONAL_TARGETS) expect(checkConfig(IndicatorTarget, t).ok).toBe(true);
  });

  it("marks which indicators the Aksi 1 template lists (workflows.md §2.1, rows by hand)", () => {
    const rows = Object.fromEntries(
      INDICATORS.filter((i) => i.aksi1TemplateRow !== null).map((i) => [i.code, i.aksi1TemplateRow]),
    );
    expect(rows).toEqual({
      SPE3: 1, // remaja putri TTD
      SEN3: 4, // catin pemeriksaan kesehatan
      SEN8: 7, // bantuan tunai bersyarat
      SEN10: 8, // BPNT
      SEN6: 9, // PBI JKN
      SPE1: 10, // bumil KEK tambahan gizi
      SPE2: 11, // bumil TTD ≥ 90
      SEN2: 13, // kehamilan tidak diinginkan
      SPE4: 14, // ASI eksklusif
      SPE5: 15, // MP-ASI
      SPE6: 16, // gizi buruk tatalaksana
      SPE7: 17, // dipantau tumbuh kembang
      SPE8: 18, // gizi kurang tambahan gizi
      SPE9: 19, // imunisasi dasar lengkap
    });
  });

  it("flags the national targets the domain notes mark [mem] as unconfirmed", () => {
    const unconfirmed = NATIONAL_TARGETS.filter((t) => t.confidence === "mem").map((t) => t.indicatorCode);
    expect(unconfirmed).toEqual(["SEN4", "SEN5", "SEN6", "SEN7", "SEN8", "SEN9", "SEN10", "SEN11"]);
    expect(NATIONAL_TARGETS.find((t) => t.indicatorCode === "SPE7")).toMatchObject({
      value: 90,
      targetYear: 2024,
    });
    expect(NATIONAL_TARGETS.find((t) => t.indicatorCode === "SEN2")).toMatchObject({ value: 15.5 });
    expect(indicatorByCode("SEN2").direction).toBe("lower");
    expect(() => indicatorByCode("X1")).toThrow(/found 'X1', expected a code of the catalogue/);
  });

  const targets: IndicatorTarget[] = [
    ...NATIONAL_TARGETS,
    own("SPE7", "35.03", 95, 2024, 2024),
    own("SPE7", "35", 92, 2024, 2022),
    own("STUNTING", "35.03", 12, 2026, 2025),
  ];

  it.each([
    // indicator, region, year → value, target year, origin
    ["SPE7", "ID", 2023, 90, 2024, "national"],
    ["SPE7", "35.03", 2024, 95, 2024, "own"],
    ["SPE7", "35.03", 2023, 92, 2024, "ancestor"], // the district's own target is in force from 2024 only
    ["SPE7", "35.03.01.2001", 2024, 95, 2024, "ancestor"],
    ["SPE7", "35.04", 2024, 92, 2024, "ancestor"],
    ["SPE7", "36.01", 2021, 90, 2024, "national"],
    ["STUNTING", "ID", 2022, 18.4, 2022, "national"],
    ["STUNTING", "ID", 2024, 14, 2024, "national"],
    ["STUNTING", "36.01", 2025, 18, 2025, "national"],
    ["STUNTING", "36.01", 2027, 14.2, 2029, "national"],
    ["STUNTING", "35.03", 2025, 12, 2026, "own"],
    ["STUNTING", "35.03", 2027, 14.2, 2029, "national"],
    ["STUNTING", "ID", 2035, 5, 2045, "national"],
    ["SEN6", "ID", 2024, 112_900_000, 2024, "national"],
  ])("target of %s for %s in %i: %s by %i (%s)", (code, region, year, value, targetYear, origin) => {
    expect(targetFor(indicatorByCode(code), region, year, targets)).toMatchObject({
      value,
      targetYear,
      origin,
    });
  });

  it.each([
    ["SPE7", "35.03", 2025], // Perpres 72 targets end with 2024
    ["STUNTING", "ID", 2019],
    ["SEN6", "35.03", 2024], // a national count (people) does not apply to a district
  ])("no target for %s in %s, %i", (code, region, year) => {
    expect(targetFor(indicatorByCode(code), region, year, targets)).toBeNull();
  });

  it("lets a correction listed later replace a target of the same region and year", () => {
    const corrected = [...targets, own("SPE1", "ID", 95, 2024, 2021)];
    expect(targetFor(indicatorByCode("SPE1"), "35.03", 2024, corrected)?.value).toBe(95);
  });

  it.each([
    // value, target, direction → gap, met
    [85, 90, "higher", 5, false],
    [92, 90, "higher", 0, true],
    [90, 90, "higher", 0, true],
    [21.5, 14, "lower", 7.5, false],
    [12, 14, "lower", 0, true],
  ] as const)("value %s against target %s (%s is better): gap %s", (value, target, direction, gap, met) => {
    expect(targetGap(value, target, direction)).toEqual({ gap, met });
  });

  it.each([
    [null, 90],
    [80, null],
  ])("gap of %s to %s is unknown", (value, target) => {
    expect(targetGap(value, target, "higher")).toBeNull();
  });

  it.each([
    [45, 50, 90],
    [0, 50, 0],
    [3, 0, null],
    [null, 50, null],
    [12, null, null],
  ])("coverage %s ÷ %s = %s percent", (n, d, pct) => {
    expect(coverage(n, d)).toBe(pct);
  });
});
