import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "../services/regions.ts";
import { synthesizeDistrictFile } from "../synth/district.ts";
import { importMeasurements } from "./import.ts";

const keys = keysFromMaster(Buffer.alloc(32, 5));
const dir = mkdtempSync(join(tmpdir(), "tumbuh-formats-"));
const today = "2025-12-31";

describeEachEngine("the same file as CSV and XLSX", (t) => {
  it("gives the same report", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const opts = { district: "35.03", children: 400, seed: 11, messyRate: 0.05 };
    const csv = join(dir, `f-${t.engine}.csv`);
    const xlsx = join(dir, `f-${t.engine}.xlsx`);
    await synthesizeDistrictFile(t.database, { ...opts, out: csv });
    await synthesizeDistrictFile(t.database, { ...opts, out: xlsx });
    const a = await importMeasurements(t.database, csv, { district: "35.03", keys, today, dryRun: true });
    const b = await importMeasurements(t.database, xlsx, { district: "35.03", keys, today, dryRun: true });
    console.log(
      a.rowsRead,
      a.rowsRejected,
      a.measurementsFlagged,
      a.likelyDuplicates,
      b.rowsRead,
      b.rowsRejected,
      b.measurementsFlagged,
      b.likelyDuplicates,
    );
    expect(b.rejections.map((r) => ({ ...r, sheet: "" }))).toEqual(a.rejections);
    expect(b.likelyDuplicates).toEqual(a.likelyDuplicates);
  });
});
