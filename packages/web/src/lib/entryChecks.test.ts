import { describe, expect, it } from "vitest";
import { defaultMeasure, entryWarnings, parseDecimalInput } from "./entryChecks.ts";

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

describe("entryWarnings", () => {
  const codes = (w: string, h: string, prev?: Parameters<typeof entryWarnings>[1]) =>
    entryWarnings({ weight: w, height: h }, prev).map((x) => x.code);
  it("accepts ordinary values and empty fields", () => {
    expect(codes("9,2", "75,5")).toEqual([]);
    expect(codes("", "")).toEqual([]);
  });
  it("flags values a child under five cannot have (a typo such as 92 for 9.2)", () => {
    expect(codes("92", "75")).toEqual(["weight_range"]);
    expect(codes("0,8", "75")).toEqual(["weight_range"]);
    expect(codes("9", "755")).toEqual(["height_range"]);
    expect(codes("9", "37,9")).toEqual(["height_range"]);
    expect(codes("1", "38")).toEqual([]);
    expect(codes("40", "130")).toEqual([]);
  });
  it("flags text that is not a number", () => {
    expect(codes("9kg", "")).toEqual(["not_a_number"]);
  });
  it("compares with the previous visit", () => {
    const prev = { date: "2024-07-01", weight: 9, height: 76 };
    // 74.4 is 1.6 cm shorter than before: flagged; 74.5 (1.5 cm) is within measuring error
    expect(entryWarnings({ weight: "9,1", height: "74,4" }, prev)).toEqual([
      { field: "height", code: "height_decrease", values: { previous: 76, diff: 1.6 } },
    ]);
    expect(codes("9,1", "74,5", prev)).toEqual([]);
    // a third of 9 kg is 3 kg: 12.1 is flagged, 12 is not
    expect(codes("12,1", "77", prev)).toEqual(["weight_change"]);
    expect(codes("12", "77", prev)).toEqual([]);
    expect(codes("5,9", "77", prev)).toEqual(["weight_change"]);
  });
});

describe("defaultMeasure", () => {
  it("is lying before 731 days and standing from then on", () => {
    expect(defaultMeasure("2022-01-01", "2024-01-01")).toBe("l"); // 730 days
    expect(defaultMeasure("2022-01-01", "2024-01-02")).toBe("h"); // 731 days
  });
});
