import { parseDecimal } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { detach, parseIdentifier, plainDecimal, text } from "./cells.ts";

describe("cells", () => {
  it("tidies text and reads 16-digit identifiers, all zeros as none", () => {
    expect(text("  Siti\t Aminah ")).toBe("Siti Aminah");
    expect(text("Siti Aminah")).toBe("Siti Aminah");
    expect(text("-")).toBeUndefined();
    expect(text(" ")).toBeUndefined();
    expect(parseIdentifier("3503012345678901")).toEqual({ ok: true, value: "3503012345678901" });
    expect(parseIdentifier("'3503 0123 4567 8901")).toEqual({ ok: true, value: "3503012345678901" });
    expect(parseIdentifier("0000000000000000")).toEqual({ ok: true });
    expect(parseIdentifier("350301234567890")).toMatchObject({ ok: false });
  });
});

describe("detach", () => {
  it("gives the same text, short or long, cut from a larger one or not", () => {
    const chunk = `3503014303230001,WULAN SARI,P,${"x".repeat(1000)}`;
    for (const s of ["", "L", "3503", chunk.slice(0, 16), chunk.slice(17, 27), chunk])
      expect(detach(s)).toBe(s);
    expect(text(chunk.slice(0, 16))).toBe("3503014303230001");
  });
});

describe("plainDecimal", () => {
  it.each([
    ["9.6", 9.6],
    ["75,5", 75.5],
    ["12", 12],
    ["0", 0],
    ["0,05", 0.05],
    ["100.25", 100.25],
  ])("reads %j as parseDecimal does (%d)", (cell, value) => {
    expect(plainDecimal(cell)).toBe(value);
    expect(parseDecimal(cell)).toEqual({ ok: true, value });
  });

  it.each([
    "",
    " 9.6",
    "9.6 ",
    "1.234,5",
    "1,2,3",
    ".5",
    "5.",
    "-3",
    "+3",
    "1e3",
    "9,6kg",
    "abc",
    "1234567890123456",
  ])("leaves %j to parseDecimal", (cell) => {
    expect(plainDecimal(cell)).toBeUndefined();
  });

  it("agrees with parseDecimal on plain cells of every shape a measurement takes", () => {
    for (const whole of ["0", "1", "9", "10", "45", "99", "120", "199"])
      for (let f = 0; f < 1000; f += 3) {
        const frac = String(f);
        for (const cell of [whole, `${whole}.${frac}`, `${whole},${frac}`, `${whole}.0${frac}`]) {
          const p = parseDecimal(cell);
          expect(p.ok && plainDecimal(cell)).toBe(p.ok && p.value);
        }
      }
  });

  it("gives the double nearest the decimal (as Number does) up to 15 digits", () => {
    let x = 12345;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const digits = String(x).padStart(10, "0") + String(x % 100000).padStart(5, "0");
      const whole = 1 + (x % 8); // 1–8 digits before the separator, 0–7 after
      const frac = (x >>> 3) % 8;
      const cell = frac
        ? `${digits.slice(0, whole)}.${digits.slice(whole, whole + frac)}`
        : digits.slice(0, whole);
      expect(plainDecimal(cell)).toBe(Number(cell));
      expect(plainDecimal(cell.replace(".", ","))).toBe(Number(cell));
    }
  });
});
