import { describe, expect, it } from "vitest";
import { ByteWriter } from "./byte-writer.ts";

function fixed(v: number, decimals: number): string {
  const w = new ByteWriter(4);
  w.fixed(v, decimals);
  return w.take().toString("latin1");
}

describe("ByteWriter", () => {
  it.each([
    [0, 8, "0"],
    [75.5, 8, "75.5"],
    [74.80000000000001, 8, "74.8"], // 75.5 − 0.7 in binary floating point
    [10.837105019, 8, "10.83710502"],
    [-1.777777778, 8, "-1.77777778"],
    [-0.000000001, 8, "0"],
    [1826, 8, "1826"],
    [0.05, 2, "0.05"],
    [99.995, 2, "100"],
    [123456.5, 1, "123456.5"],
  ])("fixed(%d, %i) -> %s", (v, d, text) => {
    expect(fixed(v, d)).toBe(text);
  });

  it("matches the shortest decimal text of numbers that fit the places", () => {
    for (let k = -50_000; k <= 50_000; k += 7) {
      const v = k / 1000;
      expect(fixed(v, 8)).toBe(String(v));
    }
  });

  it("grows past its initial size and keeps UTF-8 text intact", () => {
    const w = new ByteWriter(2);
    w.text("Siti Aisyah, Désa ");
    w.bytes(Buffer.from("0123456789abcdefghij"));
    w.byte(10);
    expect(w.take().toString("utf8")).toBe("Siti Aisyah, Désa 0123456789abcdefghij\n");
    expect(w.length).toBe(0);
  });
});
