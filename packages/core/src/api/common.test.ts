import { describe, expect, it } from "vitest";
import { BigintId, BirthDate, IsoDate, isCalendarDate, Period, PlainText, RegionCode } from "./common.ts";

describe("region code schema", () => {
  it.each(["ID", "35", "35.03", "35.03.01", "35.03.01.2001"])("accepts %j", (code) => {
    expect(RegionCode.safeParse(code).success).toBe(true);
  });
  it.each(["3503", "35.3", "35.03.01.201", "id", "35.", ""])("rejects malformed %j", (code) => {
    expect(RegionCode.safeParse(code).success).toBe(false);
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

describe("dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-28", true],
    ["2025-12-31", true],
    ["2024-02-31", false],
    ["2023-02-29", false],
    ["2025-04-31", false],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-01-00", false],
    ["2025-1-01", false],
  ])("%s is a calendar date: %s", (d, ok) => {
    expect(isCalendarDate(d)).toBe(ok);
    expect(IsoDate.safeParse(d).success).toBe(ok);
  });

  it("takes birth dates from 1900 on", () => {
    expect(BirthDate.safeParse("1900-01-01").success).toBe(true);
    expect(BirthDate.safeParse("1899-12-31").success).toBe(false);
  });
});

describe("plain text and ids", () => {
  it("trims, limits the length and refuses control characters", () => {
    const Name = PlainText(5);
    expect(Name.parse("  Siti ")).toBe("Siti");
    expect(Name.safeParse("Siti Aminah").success).toBe(false);
    for (const bad of ["Si\u0000ti", "Si\nti", "Si\u001bti", "Si\u007fti"]) {
      expect(Name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("takes a bigint id cursor up to 2^63 - 1", () => {
    expect(BigintId.safeParse("9223372036854775807").success).toBe(true);
    expect(BigintId.safeParse("9223372036854775808").success).toBe(false);
    expect(BigintId.safeParse("9".repeat(30)).success).toBe(false);
    expect(BigintId.safeParse("-1").success).toBe(false);
  });
});
