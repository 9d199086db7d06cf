import { describe, expect, it } from "vitest";
import { Period, RegionCode } from "./common.ts";

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
