import { describe, expect, it } from "vitest";
import { displayCount, displayRate } from "./suppression.ts";

const fmt = (n: number) => `${n}`;

describe("suppressed counts", () => {
  it("shows x for a withheld count, never the number, zero or a bound", () => {
    expect(displayCount({ value: null, suppressed: true }, fmt)).toBe("x");
    expect(displayCount({ value: 3, suppressed: true }, fmt)).toBe("x");
  });
  it("shows published counts, including a real zero", () => {
    expect(displayCount({ value: 12 }, fmt)).toBe("12");
    expect(displayCount({ value: 0, suppressed: false }, fmt)).toBe("0");
  });
  it("shows an en dash when there are no data", () => {
    expect(displayCount({ value: null }, fmt)).toBe("–");
  });
  it("hides a rate whose counts were suppressed", () => {
    expect(displayRate(20, true, fmt)).toBe("*");
    expect(displayRate(20, false, fmt)).toBe("20");
    expect(displayRate(null, false, fmt)).toBe("–");
  });
});
