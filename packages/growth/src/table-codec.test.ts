import { describe, expect, it } from "vitest";
import { decodeColumn, decodeLmsTable } from "./table-codec.ts";

const encode = (values: number[]) => values.map((v) => v.toString(36)).join(",");

describe("table codec", () => {
  it("decodes base-36 deltas of scaled integers to the exact decimal values", () => {
    // 49.8842, 50.0601, -0.3053 at 4 decimals: 498842, +1759, −503654
    expect(Array.from(decodeColumn({ decimals: 4, data: encode([498842, 1759, -503654]) }))).toEqual([
      49.8842, 50.0601, -0.3053,
    ]);
  });

  it("interleaves L, M, S and precomputes the restricted-z cut-offs per row", () => {
    const table = decodeLmsTable({
      first: 0,
      count: 1,
      keyScale: 1,
      l: { decimals: 0, data: encode([1, 0]) }, // L = 1 for both sexes
      m: { decimals: 0, data: encode([10, 10]) }, // M = 10, 20
      s: { decimals: 1, data: encode([1, 0]) }, // S = 0.1
    });
    expect(Array.from(table.lms)).toEqual([1, 10, 0.1, 1, 20, 0.1]);
    // L = 1: SD_k = M(1 + 0.1k): SD3 = 13, SD3 − SD2 = 1, SD−3 = 7, SD−2 − SD−3 = 1 (for M = 10)
    expect(Array.from(table.tails.slice(0, 4)).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([13, 1, 7, 1]);
    expect(table.last).toBe(0);
  });

  it("rejects columns of the wrong length", () => {
    expect(() =>
      decodeLmsTable({
        first: 0,
        count: 2,
        keyScale: 1,
        l: { decimals: 0, data: "1" },
        m: { decimals: 0, data: "1" },
        s: { decimals: 0, data: "1" },
      }),
    ).toThrow(/expected 4 rows/);
  });
});
