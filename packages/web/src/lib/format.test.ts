import { describe, expect, it } from "vitest";
import {
  ageInMonths,
  formatCount,
  formatDate,
  formatDecimal,
  formatPercent,
  formatPeriod,
  maskIdentity,
} from "./format.ts";

describe("formatPercent", () => {
  it.each([
    [24.13, "id", "24,1%"],
    [24.13, "en", "24.1%"],
    [14, "id", "14,0%"],
    [0.05, "id", "0,1%"],
    [100, "en", "100.0%"],
  ])("%s in %s is %s", (v, lang, expected) => {
    expect(formatPercent(v, lang)).toBe(expected);
  });
  it("shows an en dash for missing values, never 0", () => {
    expect(formatPercent(null, "id")).toBe("–");
    expect(formatPercent(undefined, "en")).toBe("–");
    expect(formatPercent(Number.NaN, "en")).toBe("–");
  });
});

describe("formatCount and formatDecimal", () => {
  it("groups thousands by language", () => {
    expect(formatCount(12345, "id")).toBe("12.345");
    expect(formatCount(12345, "en")).toBe("12,345");
    expect(formatCount(null, "en")).toBe("–");
  });
  it("uses the decimal comma in Indonesian", () => {
    expect(formatDecimal(8.5, "id")).toBe("8,50");
    expect(formatDecimal(-2.345, "en", 2)).toBe("-2.35");
    expect(formatDecimal(1234.5, "en", 1)).toBe("1234.5");
  });
});

describe("formatPeriod", () => {
  it.each([
    ["2024-08", "id", "Agustus 2024"],
    ["2024-08", "en", "August 2024"],
    ["2025-02", "id", "Februari 2025"],
    ["2024", "id", "2024"],
    ["2024-13", "id", "2024-13"],
  ])("%s (%s) → %s", (p, lang, expected) => {
    expect(formatPeriod(p, lang)).toBe(expected);
  });
});

describe("dates", () => {
  it("writes ISO dates the Indonesian way", () => {
    expect(formatDate("2024-01-31")).toBe("31/01/2024");
    expect(formatDate(null)).toBe("–");
  });
  it("counts completed months", () => {
    expect(ageInMonths("2022-01-15", "2024-01-14")).toBe(23);
    expect(ageInMonths("2022-01-15", "2024-01-15")).toBe(24);
    expect(ageInMonths("2023-12-31", "2024-02-29")).toBe(1);
  });
  it("masks identity numbers to their last four digits", () => {
    expect(maskIdentity("3503010101010001")).toBe("************0001");
    expect(maskIdentity("123")).toBe("***");
    expect(maskIdentity(null)).toBe("–");
  });
});
