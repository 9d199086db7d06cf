import { describe, expect, it } from "vitest";
import { emptyReport, PhaseClock, rejectionsCsv, summaryText } from "./report.ts";

describe("import report", () => {
  it("summarises the counts, unused columns and likely duplicates", () => {
    const r = {
      ...emptyReport("posyandu-agustus.csv", true),
      districts: ["35.03"],
      sheets: [{ name: "", kind: "flat" as const, rows: 3, ignoredColumns: ["Catatan"] }],
      rowsRead: 3,
      rowsRejected: 1,
      childrenCreated: 2,
      measurementsAdded: 2,
      measurementsFlagged: 1,
      likelyDuplicates: [{ rowNo: 3, name: "Wulan", birthDate: "2023-03-03", reason: "same name" }],
      rejections: [{ sheet: "", rowNo: 4, field: "Berat", reason: 'found "abc"' }],
      durationMs: 1234,
    };
    const text = summaryText(r);
    expect(text).toContain("DRY RUN (nothing written): posyandu-agustus.csv");
    expect(text).toContain("rows read: 3, rejected: 1, repeated: 0");
    expect(text).toContain("flagged implausible: 1");
    expect(text).toContain("sheet (csv): columns not used: Catatan");
    expect(text).toContain("  row 3: Wulan (2023-03-03): same name");
    expect(text).toContain("time: 1.2 s");
    expect(rejectionsCsv(r).split("\r\n").slice(0, 2)).toEqual([
      "\uFEFFrow,sheet,field,reason",
      '4,,Berat,"found ""abc"""',
    ]);
  });

  it("times each phase from the end of the one before", () => {
    const r = emptyReport("f.csv", false);
    const clock = new PhaseClock(r);
    clock.phase("readAndWrite");
    clock.phase("merge");
    expect(Object.keys(r.phases)).toEqual(["readAndWrite", "merge"]);
    expect(clock.elapsed()).toBeGreaterThanOrEqual(r.phases.readAndWrite + r.phases.merge - 1);
  });
});
