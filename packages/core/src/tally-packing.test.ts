import { describe, expect, it } from "vitest";
import { packTally, unpackTally } from "./tally-packing.ts";

describe("packed tally", () => {
  it.each([
    // counts, bytes worked by hand
    [
      [0, 0, 0],
      [0, 3],
    ],
    [[5], [5]],
    [
      [127, 128],
      [0x7f, 0x80, 0x01],
    ],
    [
      [300, 0, 1],
      [0xac, 0x02, 0, 1, 1],
    ], // 300 = 0b10_0101100: 0x2c | 0x80, then 2
    [
      [0, 7, 0, 0],
      [0, 1, 7, 0, 2],
    ],
    [[2 ** 31 - 1], [0xff, 0xff, 0xff, 0xff, 0x07]],
    [[], []],
  ])("%j ↔ %j", (counts, bytes) => {
    expect([...packTally(counts)]).toEqual(bytes);
    expect(unpackTally(Uint8Array.from(bytes), counts.length)).toEqual(counts);
  });

  it("round-trips a long sparse tally in far fewer bytes than 32-bit integers", () => {
    const counts = Array.from({ length: 433 }, (_, i) => (i % 9 === 0 ? i * 37 : 0));
    const packed = packTally(Int32Array.from(counts));
    expect(unpackTally(packed, 433)).toEqual(counts);
    expect(packed.length).toBeLessThan(433);
  });

  it("refuses negative or fractional counts, and bytes of another length", () => {
    expect(() => packTally([1, -1])).toThrow(/count 1 is -1/);
    expect(() => packTally([0.5])).toThrow(/count 0 is 0.5/);
    expect(() => unpackTally(Uint8Array.from([0, 3]), 2)).toThrow(/more than 2/);
    expect(() => unpackTally(Uint8Array.from([5]), 2)).toThrow(/1 counts, expected 2/);
    expect(() => unpackTally(Uint8Array.from([0x80]), 1)).toThrow(/runs past/);
  });
});
