import { describe, expect, it } from "vitest";
import {
  ancestorCodes,
  childLevelOf,
  districtKind,
  districtOfCode,
  isRegionCode,
  levelOfCode,
  parentRegionCode,
  provinceOfCode,
  regionLevelOf,
  regionWithin,
  villageKind,
} from "./regions.ts";

describe("region codes", () => {
  it.each([
    ["ID", "nation", null, "province", undefined, undefined],
    ["35", "province", "ID", "district", undefined, "35"],
    ["35.03", "district", "35", "subdistrict", "35.03", "35"],
    ["35.03.01", "subdistrict", "35.03", "village", "35.03", "35"],
    ["35.03.01.2001", "village", "35.03.01", "posyandu", "35.03", "35"],
  ] as const)("%s is a %s with parent %s and %s below", (code, level, parent, below, district, province) => {
    expect(levelOfCode(code)).toBe(level);
    expect(regionLevelOf(code)).toBe(level);
    expect(isRegionCode(code)).toBe(true);
    expect(parentRegionCode(code)).toBe(parent);
    expect(childLevelOf(level)).toBe(below);
    if (district) expect(districtOfCode(code)).toBe(district);
    else expect(() => districtOfCode(code)).toThrow(/expected a district code/);
    expect(provinceOfCode(code)).toBe(province);
  });

  it.each(["3503", "35.3", "35.03.01.201", "id", "35.", "", "35.03.01.2001.1", " 35.03"])(
    "rejects malformed %j",
    (code) => {
      expect(levelOfCode(code)).toBeUndefined();
      expect(isRegionCode(code)).toBe(false);
      expect(() => districtOfCode(code)).toThrow(/expected a district code/);
      expect(() => regionLevelOf(code)).toThrow(/expected ID \(nation\) or a code such as 35/);
    },
  );

  it("lists ancestors from the nation down", () => {
    expect(ancestorCodes("35.03.01.2001")).toEqual(["ID", "35", "35.03", "35.03.01", "35.03.01.2001"]);
    expect(ancestorCodes("35")).toEqual(["ID", "35"]);
    expect(ancestorCodes("ID")).toEqual(["ID"]);
  });

  it.each([
    ["35.03.01.2001", "35.03", true],
    ["35.03", "35.03", true],
    ["35.03", "35.03.01", false],
    ["35.030", "35.03", false],
    ["35.031", "35.03", false],
    ["35.31.01", "35.03", false],
    ["11.01", "ID", true],
    ["ID", "35", false],
    ["ID", "ID", true],
  ])("%s within %s: %s", (code, scope, within) => {
    expect(regionWithin(code, scope)).toBe(within);
  });

  it.each([
    ["35.03", "KABUPATEN TRENGGALEK", "kabupaten"],
    ["35.71", "KOTA KEDIRI", "kota"],
    ["35.79", "Batu", "kota"],
    ["35.03", "Trenggalek", "kabupaten"],
    ["35.72", "KAB. BLITAR", "kabupaten"],
  ] as const)("district %s named %j is a %s", (code, name, kind) => {
    expect(districtKind(code, name)).toBe(kind);
  });

  it.each([
    ["35.03.11.1003", "kelurahan"],
    ["35.03.11.2001", "desa"],
    ["51.01.01.3001", "desa_adat"],
  ] as const)("village %s is a %s", (code, kind) => {
    expect(villageKind(code)).toBe(kind);
  });
});
