import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { importMeasurements } from "../import/import.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const VILLAGE = "35.03.01.2001";
const dir = mkdtempSync(join(tmpdir(), "tumbuh-stored-"));

/** The same measurements, entered at a session and imported: normal, implausibly short, implausibly heavy. */
const VISITS = [
  { date: "2025-06-15", weight: 30, height: 96, measure: "l" as const, armc: 15, headc: 48 },
  { date: "2025-07-15", weight: 14, height: 95, measure: "h" as const, armc: 15.5, headc: 48.5 },
  { date: "2025-08-15", weight: 11, height: 60, measure: "h" as const, armc: 14, headc: 47 },
];

describeEachEngine("one stored-measurement rule for entry and import", (t) => {
  it("stores the same age, z-scores, flags and categories through posyandu entry and through an import", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const services = testServices(t.database);
    const cadre = {
      id: randomUUID(),
      username: "kader",
      role: "posyandu_cadre" as const,
      regionCode: VILLAGE,
    };
    const child = await services.children.create(
      cadre,
      {
        name: "Entri Sesi",
        sex: 2,
        birthDate: "2022-01-01",
        villageCode: VILLAGE,
      },
      "2025-12-31",
    );
    for (const v of VISITS) {
      await services.measurements.create(
        cadre,
        child.id,
        {
          date: v.date,
          weight: v.weight,
          height: v.height,
          measure: v.measure,
          armc: v.armc,
          headc: v.headc,
        },
        "2025-12-31",
      );
    }
    const file = join(dir, `file-${t.engine}.csv`);
    const lines = VISITS.map(
      (v) =>
        `Berkas Impor;P;01/01/2022;${VILLAGE};${v.date};${v.weight};${v.height};${v.measure};${v.armc};${v.headc}`,
    );
    writeFileSync(
      file,
      `Nama;JK;Tgl Lahir;Kode Desa;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur;LiLA;Lingkar Kepala\n${lines.join("\n")}\n`,
    );
    const report = await importMeasurements(t.database, file, {
      district: "35.03",
      keys: keysFromMaster(Buffer.alloc(32, 7)),
      today: "2025-12-31",
    });
    expect(report.rejections).toEqual([]);
    expect(report.measurementsAdded).toBe(3);

    const stored = (name: string) =>
      t.database.db
        .selectFrom("measurements as m")
        .innerJoin("children as c", (j) =>
          j.onRef("c.district_code", "=", "m.district_code").onRef("c.id", "=", "m.child_id"),
        )
        .select([
          "m.measured_on",
          "m.age_days",
          "m.weight",
          "m.lenhei",
          "m.measure",
          "m.oedema",
          "m.headc",
          "m.armc",
          "m.zlen",
          "m.zwei",
          "m.zwfl",
          "m.zbmi",
          "m.zhc",
          "m.zac",
          "m.flen",
          "m.fwei",
          "m.fwfl",
          "m.fbmi",
          "m.status_tbu",
          "m.status_bbu",
          "m.status_bbtb",
          "m.status_imtu",
        ])
        .where("c.name", "=", name)
        .orderBy("m.measured_on")
        .execute();
    const entered = await stored("Entri Sesi");
    const imported = await stored("Berkas Impor");
    expect(entered).toHaveLength(3);
    expect(imported).toEqual(entered);
    // The rule itself: a flagged z-score is stored, but without a category.
    const short = entered[2];
    expect(short.flen).toBe(true);
    expect(short.zlen).toBeLessThan(-6);
    expect(short.status_tbu).toBeNull();
    const heavy = entered[0];
    expect(heavy.fwei).toBe(true);
    expect(heavy.status_bbu).toBeNull();
    expect(entered[1]).toMatchObject({ flen: false, fwei: false, status_tbu: expect.any(String) });
  });
});
