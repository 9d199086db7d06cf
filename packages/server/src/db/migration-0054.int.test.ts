import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { listMigrations } from "./migrate.ts";
import { describeEachEngine } from "./test-support.ts";

describeEachEngine("migration 0054 (no status for a flagged z-score)", (t) => {
  it("clears each status whose z-score is flagged, and nothing else", async () => {
    const db = t.database.db;
    const child = "0192f5a3-0000-7000-8000-000000000001";
    await sql`INSERT INTO children (district_code, id, village_code, name, name_key, sex, birth_date)
      VALUES ('35.03', ${child}, '35.03.01.2001', 'Budi', 'budi', 1, '2023-01-01')`.execute(db);
    // [day, flen, fwei, fwfl, fbmi, status_tbu, status_bbu, status_bbtb, status_imtu] as stored before.
    const rows: [string, boolean, boolean, boolean, boolean, string, string, string, string][] = [
      ["2025-01-10", true, false, false, false, "sangat_pendek", "normal", "gizi_baik", "gizi_baik"],
      ["2025-02-10", false, true, false, false, "normal", "sangat_kurang", "gizi_baik", "gizi_baik"],
      ["2025-03-10", false, false, true, true, "pendek", "normal", "obesitas", "obesitas"],
      ["2025-04-10", false, false, false, false, "pendek", "kurang", "gizi_kurang", "gizi_kurang"],
    ];
    for (const [day, flen, fwei, fwfl, fbmi, tbu, bbu, bbtb, imtu] of rows) {
      await sql`INSERT INTO measurements (district_code, id, child_id, village_code, measured_on, age_days,
          weight, lenhei, zlen, zwei, zwfl, zbmi, flen, fwei, fwfl, fbmi,
          status_tbu, status_bbu, status_bbtb, status_imtu, source)
        VALUES ('35.03', gen_random_uuid(), ${child}, '35.03.01.2001', ${day}, 700, 10, 80, -8.76, -1, 4, 4,
          ${flen}, ${fwei}, ${fwfl}, ${fbmi}, ${tbu}, ${bbu}, ${bbtb}, ${imtu}, 'eppgbm_import')`.execute(db);
    }
    const file = listMigrations().find((m) => m.version === "0054");
    if (!file) throw new Error("migration 0054 is missing");
    await sql.raw(readFileSync(file.path, "utf8")).execute(db);
    const after = await db
      .selectFrom("measurements")
      .select([
        "measured_on",
        "zlen",
        "flen",
        "status_tbu",
        "status_bbu",
        "status_bbtb",
        "status_imtu",
        "version",
      ])
      .orderBy("measured_on")
      .execute();
    expect(after).toEqual([
      {
        measured_on: "2025-01-10",
        zlen: -8.76, // the z-score and its flag stay
        flen: true,
        status_tbu: null,
        status_bbu: "normal",
        status_bbtb: "gizi_baik",
        status_imtu: "gizi_baik",
        version: 2,
      },
      {
        measured_on: "2025-02-10",
        zlen: -8.76,
        flen: false,
        status_tbu: "normal",
        status_bbu: null,
        status_bbtb: "gizi_baik",
        status_imtu: "gizi_baik",
        version: 2,
      },
      {
        measured_on: "2025-03-10",
        zlen: -8.76,
        flen: false,
        status_tbu: "pendek",
        status_bbu: "normal",
        status_bbtb: null,
        status_imtu: null,
        version: 2,
      },
      {
        measured_on: "2025-04-10",
        zlen: -8.76,
        flen: false,
        status_tbu: "pendek",
        status_bbu: "kurang",
        status_bbtb: "gizi_kurang",
        status_imtu: "gizi_kurang",
        version: 1, // nothing flagged: untouched
      },
    ]);
  });
});
