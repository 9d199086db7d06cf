import { describe, expect, it } from "vitest";
import { nikDigits } from "./nik.ts";

describe("nikDigits", () => {
  it.each([
    ["3503014505230001", "3503014505230001"],
    ["3503 0145 0523 0001", "3503014505230001"],
    ["3503.0145.0523.0001", "3503014505230001"],
    ["35030145052300011", "35030145052300011"],
    ["Siti", null],
    ["350301450523", null],
  ])("%j → %j", (text, digits) => {
    expect(nikDigits(text)).toBe(digits);
  });
});
