import { describe, expect, it } from "vitest";
import { zscoreAtAge, zscoreAtLenhei } from "./indicators.ts";
import { lmsRow, lmsTable } from "./tables.ts";

describe("z-score kernels", () => {
  const wei = lmsTable("wei");
  const wfl = lmsTable("wfl");

  it("looks up the row of a sex and whole day (boy and girl medians give 0)", () => {
    expect(zscoreAtAge(wei, true, 1, 0, 3.3464)).toBe(0);
    expect(zscoreAtAge(wei, true, 2, 1826, lmsRow("wei", 2, 1826)!.m)).toBe(0);
  });

  it.each([
    ["sex not 1 or 2", 3, 100, 9],
    ["day before the table", 1, -1, 9],
    ["day after the table", 1, 1827, 9],
    ["day missing", 1, Number.NaN, 9],
    ["measurement 0", 1, 100, 0],
    ["measurement missing", 1, 100, Number.NaN],
  ])("is NaN when the %s", (_case, sex, day, y) => {
    expect(zscoreAtAge(wei, true, sex, day, y)).toBeNaN();
  });

  it("weight-for-length: the row median gives 0 at both ends of the range", () => {
    expect(zscoreAtLenhei(wfl, "wfl", 1, 45, lmsRow("wfl", 1, 450)!.m)).toBe(0);
    expect(zscoreAtLenhei(wfl, "wfl", 2, 110, lmsRow("wfl", 2, 1100)!.m)).toBe(0);
    expect(zscoreAtLenhei(wfl, "wfl", 2, 110.05, 20)).toBeNaN();
    expect(zscoreAtLenhei(wfl, "wfl", 0, 80, 10)).toBeNaN();
    expect(zscoreAtLenhei(wfl, "wfl", 1, 80, 0)).toBeNaN();
  });
});
