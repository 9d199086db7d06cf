import { anthroZScores, storedFromZScores } from "@tumbuh/growth";
import { describe, expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import { STAGE_COLUMNS } from "../db/repositories/import-columns.ts";
import { checkRecord } from "./check.ts";
import type { RawRecord, Rejection } from "./checked-row.ts";
import { ImportMemo } from "./memo.ts";
import { IdentifierSealer } from "./sealing.ts";
import { StageBatch } from "./stage.ts";

const sealer = new IdentifierSealer(keysFromMaster(Buffer.alloc(32, 7)));
const memo = new ImportMemo();
const place = { districtCode: "35.03", villageCode: "35.03.01.2001" };
const col = (name: string) => STAGE_COLUMNS.findIndex((c) => c.name === name);

/** Checks a record and stages it; the rejections of a faulty one (nothing staged then). */
function stageRecord(
  rec: RawRecord,
  rowNo: number,
  sheet: string,
  requireMeasurement: boolean,
  batch: StageBatch,
): Rejection[] | undefined {
  const ctx = { sheet, requireMeasurement, today: "2025-08-20", sealer, memo };
  const checked = checkRecord(rec, rowNo, place, ctx);
  if (Array.isArray(checked)) return checked;
  batch.addRow(checked);
  return undefined;
}

describe("StageBatch", () => {
  it("scores a batch with exactly the per-record z-scores and writes every staging column", () => {
    const batch = new StageBatch(10, memo);
    const rows = [
      { sex: "L", birth: "01/01/2024", on: "15/08/2025", w: "9,6", h: "75,5", m: "h" },
      { sex: "P", birth: "2023-03-10", on: "2025-08-15", w: "11", h: "", m: "" },
      { sex: "P", birth: "2025-01-01", on: "2025-08-15", w: "7,2", h: "120", m: "l" }, // implausible height (within the limits)
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
        true,
        batch,
      );
      expect(rejected).toBeUndefined();
    });
    // A child-register row: no measurement, no z-scores.
    expect(
      stageRecord({ name: "Budi", sex: "L", birthDate: "01/02/2024" }, 9, "anak", false, batch),
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
      anthroZScores({ sex: 2, ageDays: 226, weight: 7.2, lenhei: 120, measure: "l" }),
    ];
    expected.forEach((z, i) => {
      const c = cells(lines[i]);
      expect(c).toHaveLength(STAGE_COLUMNS.length);
      const num = (v: string) => (v === "" ? undefined : Number(v));
      expect(num(c[col("zlen")])).toBe(z.zlen);
      expect(num(c[col("zwei")])).toBe(z.zwei);
      expect(num(c[col("zwfl")])).toBe(z.zwfl);
      expect(c[col("flen")]).toBe(z.flen ? "t" : "f");
      // The category as stored: none for a flagged z-score.
      expect(c[col("status_tbu")]).toBe(storedFromZScores(z).status_tbu ?? "");
    });
    // The implausible height: its z-score and flag staged, no category.
    const tall = cells(lines[2]);
    expect([Number(tall[col("zlen")]) > 6, tall[col("flen")], tall[col("status_tbu")]]).toEqual([
      true,
      "t",
      "",
    ]);
    // The row's own cells, each under its column.
    const first = cells(lines[0]);
    expect(
      Object.fromEntries(
        [
          "row_no",
          "district_code",
          "village_code",
          "sex",
          "birth_date",
          "measured_on",
          "age_days",
          "weight",
          "lenhei",
          "measure",
          "oedema",
        ].map((n) => [n, first[col(n)]]),
      ),
    ).toEqual({
      row_no: "2",
      district_code: "35.03",
      village_code: "35.03.01.2001",
      sex: "1",
      birth_date: "2024-01-01",
      measured_on: "2025-08-15",
      age_days: "592",
      weight: "9.6",
      lenhei: "75.5",
      measure: "h",
      oedema: "f",
    });
    expect(first[col("name_key")]).toBe("siti ani 0");
    expect(first[col("child_key")]).toBe("k:siti ani 0|2024-01-01|1|35.03.01.2001");
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
    const batch = new StageBatch(4, memo);
    const rejected = stageRecord(
      { name: "Budi", sex: "X", birthDate: "01/01/2024", measuredOn: "15/08/2025", weight: "abc" },
      5,
      "",
      true,
      batch,
    );
    expect(rejected?.map((r) => r.field)).toEqual(["JK", "Berat"]);
    expect(batch.size).toBe(0);
  });
});
