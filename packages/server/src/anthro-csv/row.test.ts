import { describe, expect, it } from "vitest";
import { plainNumber } from "./row.ts";

describe("plainNumber", () => {
  it.each([
    ["85.5", 85.5],
    ["85,5", 85.5],
    ["0.1", 0.1],
    ["-0.7", -0.7],
    ["1826", 1826],
    ["12.345678", 12.345678],
  ])("%s -> %d", (cell, v) => {
    expect(plainNumber(cell)).toBe(v);
  });

  it("gives exactly Number()'s value for every 0.001 step up to 200 and for long decimals", () => {
    for (let k = 0; k <= 200_000; k++) {
      const text = (k / 1000).toFixed(3);
      expect(plainNumber(text)).toBe(Number(text));
    }
    for (const text of ["17.16269841", "0.000000001", "123456789.012345"]) {
      expect(plainNumber(text)).toBe(Number(text));
    }
  });

  it.each(["", "-", "1.", ".5", "1.2.3", "1,234.5", "12kg", " 1", "1e3", "1234567890123456"])(
    "%j is left to the full parser",
    (cell) => {
      expect(plainNumber(cell)).toBeNaN();
    },
  );
});
