import { describe, expect, it } from "vitest";
import { holdsDemoData } from "./context.ts";

describe("holdsDemoData", () => {
  const demo = { synthetic: true, districtCode: "35.03" };
  it.each([
    ["35.03", true],
    ["35.03.01.2001", true],
    ["35", true], // the province's figures include the demo district
    ["ID", true],
    ["35.04", false], // another district: data users imported themselves
    ["32.01.05", false],
  ])("%s → %s", (region, expected) => {
    expect(holdsDemoData(demo, region)).toBe(expected);
  });
  it("is never true outside a demo installation", () => {
    expect(holdsDemoData({ synthetic: false, districtCode: null }, "35.03")).toBe(false);
  });
});
