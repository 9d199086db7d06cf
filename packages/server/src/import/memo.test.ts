import { parseDate, personKey, placeKey } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { ImportMemo } from "./memo.ts";

describe("ImportMemo", () => {
  it("gives what the core functions give, with a date's day number", () => {
    const memo = new ImportMemo();
    for (const name of ["By. Ny. Sumiati", "WULAN  SARI", "Siti"]) {
      expect(memo.personKey(name)).toBe(personKey(name));
      expect(memo.personKey(name)).toBe(personKey(name)); // remembered
    }
    expect(memo.placeKey("Posyandu Mawar 1")).toBe(placeKey("Posyandu Mawar 1"));
    expect(memo.date("15/08/2025")).toEqual({ ...parseDate("15/08/2025"), days: 20_315 });
    expect(memo.date("15/08/2025")).toEqual({ ...parseDate("15/08/2025"), days: 20_315 });
    expect(memo.date(45_870)).toMatchObject({ ok: true, value: "2025-08-01" }); // an Excel serial
    expect(memo.date("31/02/2025")).toMatchObject({ ok: false });
    expect(memo.date(null)).toEqual(parseDate(null));
  });

  it("belongs to one import: two memos share nothing", () => {
    const a = new ImportMemo();
    const b = new ImportMemo();
    const first = a.date("01/01/2024");
    expect(a.date("01/01/2024")).toBe(first);
    expect(b.date("01/01/2024")).not.toBe(first);
    expect(b.date("01/01/2024")).toEqual(first);
  });
});
