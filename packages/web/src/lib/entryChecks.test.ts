import { describe, expect, it } from "vitest";
import { defaultMeasure, parseDecimalInput } from "./entryChecks.ts";

describe("parseDecimalInput", () => {
  it.each([
    ["8,5", 8.5],
    ["8.5", 8.5],
    [" 12 ", 12],
    ["0", 0],
  ])("%j → %s", (s, v) => expect(parseDecimalInput(s)).toBe(v));
  it("gives undefined for an empty field and NaN for anything else", () => {
    expect(parseDecimalInput("")).toBeUndefined();
    expect(parseDecimalInput("  ")).toBeUndefined();
    for (const bad of ["8,5,1", "abc", "-3", "8.", "1e3", "8 5"]) expect(parseDecimalInput(bad)).toBeNaN();
  });
});

describe("defaultMeasure", () => {
  it("is lying before 731 days and standing from then on", () => {
    expect(defaultMeasure("2022-01-01", "2024-01-01")).toBe("l"); // 730 days
    expect(defaultMeasure("2022-01-01", "2024-01-02")).toBe("h"); // 731 days
  });
});
