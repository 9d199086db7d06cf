import { parseDecimal } from "@tumbuh/core";
import { anthroZScores, statusTbu } from "@tumbuh/growth";
import { describe, expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import {
  detach,
  parseIdentifier,
  plainDecimal,
  STAGE_COLUMNS,
  StageBatch,
  stageRecord,
  text,
} from "./rows.ts";
import { IdentifierSealer } from "./sealing.ts";

const sealer = new IdentifierSealer(keysFromMaster(Buffer.alloc(32, 7)));
const place = { districtCode: "35.03", villageCode: "35.03.01.2001" };
const col = (name: (typeof STAGE_COLUMNS)[number]) => STAGE_COLUMNS.indexOf(name);

describe("StageBatch", () => {
  it("scores a batch with exactly the per-record z-scores and writes every staging column", () => {
    const batch = new StageBatch(10);
    const rows = [
      { sex: "L", birth: "01/01/2024", on: "15/08/2025", w: "9,6", h: "75,5", m: "h" },
      { sex: "P", birth: "2023-03-10", on: "2025-08-15", w: "11", h: "", m: "" },
      { sex: "P", birth: "2025-01-01", on: "2025-08-15", w: "7,2", h: "852", m: "l" }, // implausible height
    ];
    rows.forEach((r, i) => {
      const rejected = stageRecord(
        {
          name: ` Siti  "Ani" ${i}`,
          sex: r.sex,
          birthDate: r.birth,
          measuredOn: r.on,
          weight: r.w,
          lenhei: r.h,
          measure: r.m,
        },
        i + 2,
        "",
        place,
        sealer,
        true,
        "2025-08-20",
        batch,
      );
      expect(rejected).toBeUndefined();
    });
    // A child-register row: no measurement, no z-scores.
    expect(
      stageRecord(
        { name: "Budi", sex: "L", birthDate: "01/02/2024" },
        9,
        "anak",
        place,
        sealer,
        false,
        "2025-08-20",
        batch,
      ),
    ).toBeUndefined();
    expect(batch.counts).toEqual({ measured: 3, withNik: 0, withoutNik: 4 });
    const { csv, flagged } = batch.take();
    expect(batch.size).toBe(0);
    expect(flagged).toBe(1);
    const lines = csv.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    const cells = (line: string) => line.replace(/"[^"]*(""[^"]*)*"/g, "Q").split(",");
    const expected = [
      anthroZScores({ sex: 1, ageDays: 592, weight: 9.6, lenhei: 75.5, measure: "h" }),
      anthroZScores({ sex: 2, ageDays: 889, weight: 11 }),
      anthroZScores({ sex: 2, ageDays: 226, weight: 7.2, lenhei: 852, measure: "l" }),
    ];
    expected.forEach((z, i) => {
      const c = cells(lines[i]);
      expect(c).toHaveLength(STAGE_COLUMNS.length);
      const num = (v: string) => (v === "" ? undefined : Number(v));
      expect(num(c[col("zlen")])).toBe(z.zlen);
      expect(num(c[col("zwei")])).toBe(z.zwei);
      expect(num(c[col("zwfl")])).toBe(z.zwfl);
      expect(c[col("flen")]).toBe(z.flen ? "t" : "f");
      expect(c[col("status_tbu")]).toBe(statusTbu(z.zlen)?.code ?? "");
    });
    expect(lines[0]).toContain('"Siti ""Ani"" 0"');
    const register = cells(lines[3]);
    expect(register).toHaveLength(STAGE_COLUMNS.length);
    expect(register.slice(col("measured_on"))).toEqual([
      "",
      "",
      "",
      "",
      "",
      "f",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "f",
      "f",
      "f",
      "f",
      "",
      "",
      "",
      "",
    ]);
  });

  it("rejects a faulty row naming each field and stages nothing for it", () => {
    const batch = new StageBatch(4);
    const rejected = stageRecord(
      { name: "Budi", sex: "X", birthDate: "01/01/2024", measuredOn: "15/08/2025", weight: "abc" },
      5,
      "",
      place,
      sealer,
      true,
      "2025-08-20",
      batch,
    );
    expect(rejected?.map((r) => r.field)).toEqual(["JK", "Berat"]);
    expect(batch.size).toBe(0);
  });
});

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
