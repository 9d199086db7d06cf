import { describe, expect, it } from "vitest";
import {
  daysBetween,
  excelSerialToIsoDate,
  normalizeHeader,
  parseDate,
  parseDecimal,
  parseMeasure,
  parseOedema,
  parseSex,
} from "./parse.ts";

describe("parseDecimal", () => {
  it.each([
    ["85,5", 85.5],
    ["85.5", 85.5],
    [" 12 ", 12],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["-0,7", -0.7],
    [".5", 0.5],
    ["3.", 3],
    ["1e2", 100],
    [7.25, 7.25],
  ])("%j -> %d", (cell, expected) => {
    expect(parseDecimal(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(["", "  ", "-", "NA", null, undefined])("%j is an empty cell", (cell) => {
    expect(parseDecimal(cell)).toEqual({ ok: true, value: undefined });
  });

  it.each(["abc", "12kg", "1,2,3x", "--1", "1 2"])("%j is refused with what was expected", (cell) => {
    const r = parseDecimal(cell);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(`found "${cell.trim()}", expected a number such as 85.5 or 85,5`);
  });
});

describe("parseDate", () => {
  it.each([
    ["31/01/2024", "2024-01-31"],
    ["1/2/2024", "2024-02-01"],
    ["31-01-2024", "2024-01-31"],
    ["31.01.2024", "2024-01-31"],
    ["2024-01-31", "2024-01-31"],
    ["2024-01-31T00:00:00Z", "2024-01-31"],
    ["29/02/2024", "2024-02-29"],
    // Excel serials: 45322 is 2024-01-31 (Excel shows that date for that serial).
    [45322, "2024-01-31"],
    ["45322", "2024-01-31"],
    [45322.75, "2024-01-31"],
    [new Date(Date.UTC(2023, 7, 15)), "2023-08-15"],
  ])("%j -> %s", (cell, expected) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(["31/02/2024", "29/02/2023", "2024-13-01", "00/01/2024", "tomorrow", "12/2024"])(
    "%j is refused",
    (cell) => {
      const r = parseDate(cell);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain("expected a date as dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd");
    },
  );

  it("knows Excel's first serials and refuses out-of-range ones", () => {
    expect(excelSerialToIsoDate(1)).toBe("1899-12-31");
    expect(excelSerialToIsoDate(61)).toBe("1900-03-01");
    expect(excelSerialToIsoDate(0)).toBeUndefined();
    expect(excelSerialToIsoDate(1e7)).toBeUndefined();
  });
});

describe("daysBetween", () => {
  it.each([
    ["2024-01-01", "2024-01-01", 0],
    ["2024-01-01", "2024-03-01", 60], // 31 + 29 (leap year)
    ["2023-01-01", "2023-03-01", 59],
    ["2020-02-29", "2025-02-28", 1826], // 365 × 4 + 366 (2024-02-29),
    ["2024-03-01", "2024-01-01", -60],
  ])("%s -> %s = %d", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe("parseSex", () => {
  it.each([
    ["1", 1],
    ["2", 2],
    ["m", 1],
    ["F", 2],
    ["L", 1],
    ["P", 2],
    ["Laki-laki", 1],
    ["PEREMPUAN", 2],
    [1, 1],
  ])("%j -> %d", (cell, sex) => {
    expect(parseSex(cell)).toEqual({ ok: true, value: sex });
  });

  it("refuses an unknown code, naming the accepted ones", () => {
    expect(parseSex("x")).toEqual({
      ok: false,
      error: 'found "x", expected 1/2, m/f or L/P (laki-laki/perempuan)',
      code: "row.notSex",
      found: "x",
    });
    expect(parseSex("3").ok).toBe(false);
  });
});

describe("parseMeasure and parseOedema", () => {
  it.each([
    ["l", "l"],
    ["H", "h"],
    ["Telentang", "l"],
    ["terlentang", "l"],
    ["BERDIRI", "h"],
    [" Berdiri ", "h"],
    ["tElEnTaNg", "l"],
  ])("measure %j -> %s", (cell, m) => {
    expect(parseMeasure(cell)).toEqual({ ok: true, value: m });
  });
  it("measure: empty is unknown, other words are refused", () => {
    expect(parseMeasure("")).toEqual({ ok: true, value: undefined });
    expect(parseMeasure("duduk").ok).toBe(false);
    // Words of JavaScript's object prototype are not measuring positions.
    expect(parseMeasure("constructor").ok).toBe(false);
    expect(parseMeasure("toString").ok).toBe(false);
    expect(parseSex("constructor").ok).toBe(false);
    expect(parseOedema("valueOf").ok).toBe(false);
  });
  it.each([
    ["y", true],
    ["Ya", true],
    ["n", false],
    ["tidak", false],
  ])("oedema %j -> %s", (cell, v) => {
    expect(parseOedema(cell)).toEqual({ ok: true, value: v });
  });
  it("oedema: other words are refused", () => {
    expect(parseOedema("maybe").ok).toBe(false);
  });
});

describe("normalizeHeader", () => {
  it.each([
    ["Tgl. Lahir", "tgllahir"],
    ["tgl_lahir", "tgllahir"],
    ["  JENIS KELAMIN ", "jeniskelamin"],
    ["Kab/Kota", "kabkota"],
    ["ZS BB/U", "zsbbu"],
    ["Désa", "desa"],
  ])("%j -> %s", (h, n) => {
    expect(normalizeHeader(h)).toBe(n);
  });
});
