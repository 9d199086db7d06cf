import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { OPERATOR } from "../auth/access.ts";
import { regionReportText } from "../cli/region-table.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "./regions.ts";
import { importTargets } from "./targets.ts";
import { figuresOf, testServices } from "./test-support.ts";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-targets-"));

describeEachEngine("targets and coverage", (t) => {
  it("rejects a file with a wrong row and saves nothing", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const file = join(dir, `bad-${t.engine}.csv`);
    writeFileSync(
      file,
      "Kode Desa;Tahun;Sasaran\n35.03.01.2001;2025;40\n35.03.99.2001;2025;10\n35.03.01.2002;20x5;10\n35.03.01.2003;2025;-3\n",
    );
    const r = await importTargets(new Repositories(t.database.db), OPERATOR, file);
    expect(r.rejections.map((x) => [x.rowNo, x.field])).toEqual([
      [3, "Kode Desa"],
      [4, "Tahun"],
      [5, "Sasaran"],
    ]);
    expect(r.saved).toBe(0);
    expect((await t.database.db.selectFrom("targets").selectAll().execute()).length).toBe(0);
  });

  it("saves targets, replaces them on re-import and gives coverage", async () => {
    const child = randomUUID();
    await t.database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id: child,
        village_code: "35.03.01.2001",
        name: "a",
        name_key: "a",
        sex: 2,
        birth_date: "2023-01-01",
      })
      .execute();
    await t.database.db
      .insertInto("measurements")
      .values({
        district_code: "35.03",
        id: randomUUID(),
        child_id: child,
        village_code: "35.03.01.2001",
        measured_on: "2025-08-05",
        age_days: 947,
        zlen: -2.5,
        zwei: -1,
        zwfl: 0,
        source: "posyandu",
      })
      .execute();
    const file = join(dir, `ok-${t.engine}.csv`);
    writeFileSync(file, "Kode Desa,Tahun,Sasaran Balita\n35.03.01.2001,2025,40\n35.03.01.2002,2025,10\n");
    const r = await importTargets(new Repositories(t.database.db), OPERATOR, file);
    expect(r).toMatchObject({ saved: 2, districts: ["35.03"] });
    expect((await figuresOf(t.database, "35.03", "2025-08")).target).toBe(50);
    writeFileSync(file, "Kode Desa,Tahun,Sasaran Balita\n35.03.01.2001,2025,4\n");
    await importTargets(new Repositories(t.database.db), OPERATOR, file);
    const v = await figuresOf(t.database, "35.03.01.2001", "2025-08");
    expect(v).toMatchObject({ measured: 1, stunted: 1, target: 4 });
    expect(v.coverageRate).toBe(25);
    const report = await testServices(t.database).prevalence.report(OPERATOR, "35.03.01", "2025-08");
    const text = regionReportText(report, "e-PPGBM");
    expect(text).toContain("Panggul (35.03.01), 2025-08 (bulan timbang)");
    expect(text).toMatch(/35\.03\.01\.2001\s+\S.*\s1\s+1\s+1\s+100\.0%/);
  });
});
