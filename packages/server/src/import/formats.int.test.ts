import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "../services/regions.ts";
import { loadSynthDistrict } from "../synth/district.ts";
import { EPPGBM_FLAT_COLUMNS, generateEppgbmRows } from "../synth/eppgbm.ts";
import { writeCsv, writeXlsx } from "../synth/write.ts";
import { importMeasurements } from "./import.ts";
import type { ImportReport } from "./report.ts";

const keys = keysFromMaster(Buffer.alloc(32, 5));
const dir = mkdtempSync(join(tmpdir(), "tumbuh-formats-"));
const today = "2025-12-31";

const NUMBER_COLUMNS = new Set(["NIK", "BB Lahir", "TB Lahir", "Berat", "Tinggi", "LiLA"]);
const DATE_COLUMNS = new Set(["Tgl Lahir", "Tanggal Pengukuran"]);

/**
 * A row's cells as a spreadsheet holds them when typed in Excel: numbers as numbers, dd/mm/yyyy
 * dates as date cells; anything else (a messy cell) stays text.
 */
function nativeCells(row: string[]): (string | number | Date)[] {
  return row.map((cell, i) => {
    const column = EPPGBM_FLAT_COLUMNS[i];
    if (NUMBER_COLUMNS.has(column) && /^\d+(\.\d+)?$/.test(cell)) return Number(cell);
    const dmy = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(cell);
    if (DATE_COLUMNS.has(column) && dmy) return new Date(Date.UTC(+dmy[3], +dmy[2] - 1, +dmy[1]));
    return cell;
  });
}

/** What a user reads in a report: counts, rejections (the sheet name aside), flags and likely duplicates. */
function readable(r: ImportReport) {
  return {
    rowsRead: r.rowsRead,
    rowsRejected: r.rowsRejected,
    rowsRepeated: r.rowsRepeated,
    childrenCreated: r.childrenCreated,
    measurementsAdded: r.measurementsAdded,
    measurementsFlagged: r.measurementsFlagged,
    rejections: r.rejections.map(({ sheet: _, ...rest }) => rest),
    flags: r.flags,
    likelyDuplicates: r.likelyDuplicates,
  };
}

describeEachEngine("the same file as CSV and as XLSX", (t) => {
  it("gives the same report: rejections, flags and likely duplicates", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const place = await loadSynthDistrict(t.database, "35.03");
    // Messy rows (rejected, flagged, odd spellings) and children sharing a name and birth date.
    const rows = [...generateEppgbmRows(place, { children: 400, seed: 3, messyRate: 0.03 })];
    // Two children who may be one: the name, birth date, sex and village of another row's child,
    // under another NIK (and without one).
    const nik = EPPGBM_FLAT_COLUMNS.indexOf("NIK");
    const withNik = rows.filter((r) => r[nik] !== "");
    rows.push(withNik[0].map((c, i) => (i === nik ? `${c.slice(0, 12)}9999` : c)));
    rows.push(withNik[40].map((c, i) => (i === nik ? "" : c)));
    const csv = join(dir, `posyandu-${t.engine}.csv`);
    const semicolon = join(dir, `posyandu-${t.engine}-titik-koma.csv`);
    const xlsx = join(dir, `posyandu-${t.engine}.xlsx`);
    const xlsxText = join(dir, `posyandu-${t.engine}-teks.xlsx`);
    await writeCsv(csv, EPPGBM_FLAT_COLUMNS, rows);
    await writeCsv(
      semicolon,
      EPPGBM_FLAT_COLUMNS,
      rows.map((r) => r.map((c) => (/^\d+\.\d+$/.test(c) ? c.replace(".", ",") : c))),
      ";",
    );
    await writeXlsx(xlsx, "RECORDS", EPPGBM_FLAT_COLUMNS, rows.map(nativeCells));
    await writeXlsx(xlsxText, "RECORDS", EPPGBM_FLAT_COLUMNS, rows);
    const dryRun = (path: string) =>
      importMeasurements(t.database, path, { district: "35.03", keys, today, dryRun: true });

    const fromCsv = await dryRun(csv);
    // The file exercises every list of the report.
    expect(fromCsv.rowsRead).toBe(rows.length);
    expect(fromCsv.rejections.length).toBeGreaterThan(10);
    expect(fromCsv.flags.length).toBeGreaterThan(10);
    expect(fromCsv.likelyDuplicates.length).toBeGreaterThan(0);
    expect(fromCsv.rejections.every((r) => r.value !== "" || r.code === "row.empty")).toBe(true);
    for (const other of [semicolon, xlsx, xlsxText]) {
      expect(readable(await dryRun(other)), other).toEqual(readable(fromCsv));
    }
  });
});
