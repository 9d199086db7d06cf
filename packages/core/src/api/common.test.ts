import { describe, expect, it } from "vitest";
import { Period, parentRegionCode, RegionCode, regionLevelOf, regionWithin } from "./common.ts";

describe("region codes", () => {
  it.each([
    ["ID", "nation", null],
    ["35", "province", "ID"],
    ["35.03", "district", "35"],
    ["35.03.01", "subdistrict", "35.03"],
    ["35.03.01.2001", "village", "35.03.01"],
  ] as const)("%s is a %s with parent %s", (code, level, parent) => {
    expect(RegionCode.safeParse(code).success).toBe(true);
    expect(regionLevelOf(code)).toBe(level);
    expect(parentRegionCode(code)).toBe(parent);
  });

  it.each(["3503", "35.3", "35.03.01.201", "id", "35.", ""])("rejects malformed %j", (code) => {
    expect(RegionCode.safeParse(code).success).toBe(false);
  });

  it.each([
    ["35.03.01.2001", "35.03", true],
    ["35.03", "35.03", true],
    ["35.03", "35.03.01", false],
    ["35.030", "35.03", false],
    ["35.31.01", "35.03", false],
    ["11.01", "ID", true],
    ["ID", "35", false],
  ])("%s within %s: %s", (code, scope, within) => {
    expect(regionWithin(code, scope)).toBe(within);
  });
});

describe("periods", () => {
  it.each([
    ["2025-08", true],
    ["2025", true],
    ["2025-13", false],
    ["2025-8", false],
    ["25-08", false],
  ])("%s valid: %s", (p, ok) => {
    expect(Period.safeParse(p).success).toBe(ok);
  });
});
