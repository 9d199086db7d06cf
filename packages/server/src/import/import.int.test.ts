import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anthroZScores, storedMeasurement } from "@tumbuh/growth";
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { decryptIdentifier, hashIdentifier, keysFromMaster, type PiiKeys } from "../db/pii.ts";
import { checkRollups } from "../db/repositories/rollup-check.ts";
import { pendingRollups } from "../db/repositories/rollup-pending.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "../services/regions.ts";
import { figuresOf } from "../services/test-support.ts";
import { loadSynthDistrict, synthesizeDistrictFile } from "../synth/district.ts";
import { importMeasurements, rejectionsCsv } from "./import.ts";

const keys = keysFromMaster(Buffer.alloc(32, 3));
const dir = mkdtempSync(join(tmpdir(), "tumbuh-import-"));
const today = "2025-12-31";

/** Distinct children and rows of a synthesized CSV, computed from the file itself. */
function fileFacts(path: string) {
  const lines = readFileSync(path, "utf8").trim().split("\n").slice(1);
  const children = new Set(
    lines.map((l) => {
      const c = l.split(",");
      return c[0] || `${c[1]}|${c[3]}|${c[2]}|${c[11]}`;
    }),
  );
  return { rows: lines.length, children: children.size };
}

async function tableCounts(db: import("../db/connection.ts").Database) {
  const n = async (
    t: "children" | "measurements" | "posyandu" | "puskesmas" | "imports" | "rollup_district",
  ) =>
    Number(
      (
        await db.db
          .selectFrom(t)
          .select((e) => e.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    children: await n("children"),
    measurements: await n("measurements"),
    posyandu: await n("posyandu"),
    puskesmas: await n("puskesmas"),
    imports: await n("imports"),
    rollups: await n("rollup_district"),
  };
}

describeEachEngine("import", (t) => {
  const clean = join(dir, `clean-${t.engine}.csv`);

  it("imports a synthesized e-PPGBM file: every row and child lands", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 150,
      seed: 7,
      out: clean,
      messyRate: 0,
    });
    const facts = fileFacts(clean);
    const r = await importMeasurements(t.database, clean, { district: "35.03", keys, today });
    expect(r.rowsRead).toBe(facts.rows);
    expect(r.rowsRejected).toBe(0);
    expect(r.childrenCreated).toBe(facts.children);
    expect(r.measurementsAdded).toBe(facts.rows);
    const c = await tableCounts(t.database);
    expect(c.children).toBe(facts.children);
    expect(c.measurements).toBe(facts.rows);
    expect(c.posyandu).toBe(r.posyanduCreated);
    expect(c.imports).toBe(1);
    // Roll-ups were refreshed for the district after the file landed and agree with the raw rows.
    expect(await pendingRollups(t.database)).toEqual([]);
    expect((await checkRollups(t.database)).ok).toBe(true);
    expect(r.landedMs).toBeLessThanOrEqual(r.durationMs);
    expect(Object.keys(r.phases)).toEqual(["readAndWrite", "merge", "rollups", "commit"]);
    const aug = await figuresOf(t.database, "35.03", "2025-08");
    expect(aug.measured).toBeGreaterThan(100);
    expect(aug.stuntingRate).toBeGreaterThan(8);
    expect(aug.stuntingRate).toBeLessThan(35);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await tableCounts(t.database);
    const r = await importMeasurements(t.database, clean, { district: "35.03", keys, today });
    expect(r).toMatchObject({
      childrenCreated: 0,
      childrenUpdated: 0,
      measurementsAdded: 0,
      measurementsUpdated: 0,
      puskesmasCreated: 0,
      posyanduCreated: 0,
    });
    expect(r.measurementsUnchanged).toBe(fileFacts(clean).rows);
    const after = await tableCounts(t.database);
    expect({ ...after, imports: 0 }).toEqual({ ...before, imports: 0 });
  });

  it("updates the changed rows of a corrected file", async () => {
    const lines = readFileSync(clean, "utf8").split("\n");
    const cells = lines[1].split(",");
    const weightCol = 21;
    const old = Number(cells[weightCol]);
    cells[weightCol] = (old + 0.5).toFixed(1);
    lines[1] = cells.join(",");
    const corrected = join(dir, `corrected-${t.engine}.csv`);
    writeFileSync(corrected, lines.join("\n"));
    const r = await importMeasurements(t.database, corrected, { district: "35.03", keys, today });
    expect(r.measurementsUpdated).toBe(1);
    expect(r.measurementsAdded).toBe(0);
    const nikHash = hashIdentifier(keys, cells[0]);
    const m = await t.database.db
      .selectFrom("measurements")
      .innerJoin("children", (j) =>
        j
          .onRef("children.id", "=", "measurements.child_id")
          .onRef("children.district_code", "=", "measurements.district_code"),
      )
      .select(["measurements.weight", "measurements.version", "measurements.zwei"])
      .where("children.nik_hash", "=", nikHash)
      .where("measurements.measured_on", "=", cells[17].split("/").reverse().join("-"))
      .executeTakeFirstOrThrow();
    expect(m.weight).toBeCloseTo(old + 0.5, 6);
    expect(m.version).toBe(2);
  });

  it("stores NIK only as keyed hash and ciphertext", async () => {
    const nik = readFileSync(clean, "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0])
      .find((x) => x);
    expect(nik).toMatch(/^\d{16}$/);
    const row = await t.database.db
      .selectFrom("children")
      .selectAll()
      .where("nik_hash", "=", hashIdentifier(keys, nik as string))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(nik);
    expect(decryptIdentifier(keys, row.nik_enc as string)).toBe(nik);
    // Every stored ciphertext belongs to its own hash (NIK, KK and the mother's NIK).
    const all = await t.database.db.selectFrom("children").selectAll().execute();
    let checked = 0;
    for (const c of all) {
      for (const [hash, enc] of [
        [c.nik_hash, c.nik_enc],
        [c.kk_hash, c.kk_enc],
        [c.mother_nik_hash, c.mother_nik_enc],
      ]) {
        expect(hash === null).toBe(enc === null);
        if (hash === null) continue;
        expect(hashIdentifier(keys, decryptIdentifier(keys, enc as string))).toBe(hash);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(all.length / 2);
  });

  it("stores each identifier's own ciphertext for children created through staging", async () => {
    const header =
      "NIK;No KK;NIK Ibu;Nama;JK;Tgl Lahir;Kec;Desa/Kel;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur";
    const rows = [
      "3503010707230001;3503010101200001;3503014101950001;Raka Staged;L;07/07/2023;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;10;80;h",
      "3503010707230002;3503010101200002;;Rara Staged;P;07/07/2023;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;9,5;79;h",
      ";3503010101200003;3503014101950003;Rudi Staged;L;08/07/2023;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;9,8;79,5;h",
    ];
    const file = join(dir, `staged-ids-${t.engine}.csv`);
    writeFileSync(file, `${header}\n${rows.join("\n")}\n`);
    const r = await importMeasurements(t.database, file, {
      district: "35.03",
      keys,
      today: "2025-10-01",
      stagedOnly: true,
    });
    expect([r.rowsRejected, r.childrenCreated, r.rowsStaged]).toEqual([0, 3, 3]);
    const created = await t.database.db
      .selectFrom("children")
      .select(["nik_hash", "nik_enc", "kk_hash", "kk_enc", "mother_nik_hash", "mother_nik_enc"])
      .where("name", "like", "% Staged")
      .execute();
    const pairs = created.flatMap((c) => [
      [c.nik_hash, c.nik_enc],
      [c.kk_hash, c.kk_enc],
      [c.mother_nik_hash, c.mother_nik_enc],
    ]);
    // 2 NIKs, 3 KKs and 2 mothers' NIKs, each decrypting to the digits its hash was made from.
    expect(pairs.filter(([hash]) => hash !== null)).toHaveLength(7);
    for (const [hash, enc] of pairs) {
      expect(hash === null).toBe(enc === null);
      if (hash !== null) expect(hashIdentifier(keys, decryptIdentifier(keys, enc as string))).toBe(hash);
    }
  });

  it("takes rows of one child with and without NIK as one child (the NIK of its last row with one)", async () => {
    const header = "NIK;Nama;JK;Tgl Lahir;Kec;Desa/Kel;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur";
    const rows = [
      ";Wulan Sari;P;03/03/2023;PANGGUL;Ngrambingan;Mawar 1;15/06/2025;10;80;h", // before any NIK
      "3503014303230001;Wulan Sari;P;03/03/2023;PANGGUL;Ngrambingan;Mawar 1;15/07/2025;10,2;80,5;h",
      ";WULAN  SARI;P;2023-03-03;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;10,4;81;h", // after, other spelling
      "3503014303230009;Wulan Sari;P;03/03/2023;PANGGUL;Ngrambingan;Mawar 1;15/09/2025;10,6;81,5;h", // last NIK
      ";Wulan Sari;P;03/03/2023;PANGGUL;Ngrambingan;Mawar 1;20/09/2025;10,6;81,5;h",
      ";Wulan Sari;P;04/03/2023;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;10;80;h", // another birth date: another child
    ];
    const file = join(dir, `nik-mix-${t.engine}.csv`);
    writeFileSync(file, `${header}\n${rows.join("\n")}\n`);
    const r = await importMeasurements(t.database, file, { district: "35.03", keys, today: "2025-10-01" });
    expect(r.rowsRejected).toBe(0);
    expect(r.childrenCreated).toBe(3); // NIK ...0001 (its own row), NIK ...0009 with the rows without NIK, the other birth date
    const withLast = await t.database.db
      .selectFrom("children")
      .innerJoin("measurements", (j) =>
        j
          .onRef("measurements.district_code", "=", "children.district_code")
          .onRef("measurements.child_id", "=", "children.id"),
      )
      .select(["measurements.measured_on"])
      .where("children.nik_hash", "=", hashIdentifier(keys, "3503014303230009"))
      .execute();
    // The rows without NIK (before and after) join the child of the last NIK, which keeps it.
    expect(withLast).toHaveLength(4);
  });

  it("rejects faulty rows with row number, field and reason; imports and flags implausible ones", async () => {
    const header =
      "NIK;Nama;JK;Tgl Lahir;Kec;Desa/Kel;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur;ZS TB/U";
    const rows = [
      "3503010101220001;Budi;L;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;11,5;85,2;berdiri;9.99", // ok (ZS column ignored)
      ";Sari;P;2022-03-05;PANGGUL;NGRAMBINGAN;Mawar 1;15-08-2025;10,1;;;", // ok: ISO birth, dd-mm-yyyy date, weight only
      ";Tono;L;01/01/2022;PANGGUL;Desa Tidak Ada;Mawar 1;15/08/2025;11,5;85;h;", // unknown village
      ";Ani;P;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;31/02/2025;11;85;h;", // impossible date
      ";Dedi;X;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;abc;85;h;", // bad sex and weight
      ";Eka;P;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;;;h;", // no weight nor height
      ";Fajar;L;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2026;11;85;h;", // future
      ";Gita;P;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;11;140;h;", // implausible height: flagged
      "1234;Hadi;L;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;11;85;h;", // NIK too short
      ";Indah;P;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;11;852;h;", // beyond the value limits
    ];
    const file = join(dir, `faulty-${t.engine}.csv`);
    writeFileSync(file, `${header}\n${rows.join("\n")}\n`);
    const r = await importMeasurements(t.database, file, { district: "35.03", keys, today });
    expect(r.rowsRead).toBe(10);
    expect(r.rowsRejected).toBe(7);
    expect(r.measurementsAdded).toBe(3);
    expect(r.measurementsFlagged).toBe(1);
    // Each rejection: the column, the value found, the catalogue code and the English text.
    const byRow = (n: number) =>
      r.rejections.filter((x) => x.rowNo === n).map((x) => [x.field, x.value, x.code, x.reason]);
    expect(byRow(4)).toEqual([
      [
        "Desa/Kel",
        "Desa Tidak Ada",
        "row.unknownVillageIn",
        'Desa/Kel: no village named "Desa Tidak Ada" in kecamatan PANGGUL.',
      ],
    ]);
    expect(byRow(5)).toEqual([
      [
        "Tanggal Pengukuran",
        "31/02/2025",
        "row.notCalendarDate",
        'Tanggal Pengukuran: the date "31/02/2025" does not exist in the calendar.',
      ],
    ]);
    expect(byRow(6).map((x) => x.slice(0, 3))).toEqual([
      ["JK", "X", "row.notSex"],
      ["Berat", "abc", "row.notNumber"],
    ]);
    expect(byRow(7)).toEqual([
      [
        "Berat",
        "",
        "row.nothingMeasured",
        "Neither weight nor length/height is given; expected at least one.",
      ],
    ]);
    expect(byRow(8)).toEqual([
      [
        "Tanggal Pengukuran",
        "2026-08-15",
        "row.dateInFuture",
        "Tanggal Pengukuran: 2026-08-15 is after today (2025-12-31).",
      ],
    ]);
    // A faulty NIK is shown masked: no identifier in a report.
    expect(byRow(10)).toEqual([
      ["NIK", "1234", "row.notIdentifier", 'NIK: "1234" has 4 digits; expected 16 digits.'],
    ]);
    expect(byRow(11)).toEqual([
      ["Tinggi", "852", "row.outOfRange", "Tinggi: 852 cm is outside the limits 25–150 cm."],
    ]);
    expect(rejectionsCsv(r).split("\r\n")[0]).toBe("\uFEFFBaris;Sheet;Kolom;Nilai;Alasan");
    expect(rejectionsCsv(r)).toContain("11;;Tinggi;852;Tinggi: 852 cm di luar batas 25–150 cm.");
    // The implausible height is listed: row, child, indicator, z-score and the value.
    const gitaZ = anthroZScores({ sex: 2, ageDays: 1322, weight: 11, lenhei: 140, measure: "h" });
    expect(gitaZ.flen).toBe(true);
    expect(r.flags.filter((f) => f.indicator === "len")).toEqual([
      {
        rowNo: 9,
        name: "Gita",
        indicator: "len",
        zscore: Math.round((gitaZ.zlen as number) * 100) / 100,
        weight: 11,
        lenhei: 140,
        ageDays: 1322,
      },
    ]);
    expect(r.flagsRaised).toBe(r.flags.length);
    // Z-scores are Tumbuh's own (the file's ZS TB/U of 9.99 is ignored).
    const budi = await t.database.db
      .selectFrom("measurements")
      .innerJoin("children", (j) =>
        j
          .onRef("children.district_code", "=", "measurements.district_code")
          .onRef("children.id", "=", "measurements.child_id"),
      )
      .select(["zlen", "zwei", "flen", "status_tbu", "age_days"])
      .where("children.name", "=", "Budi")
      .executeTakeFirstOrThrow();
    const expected = anthroZScores({
      sex: 1,
      ageDays: budi.age_days,
      weight: 11.5,
      lenhei: 85.2,
      measure: "h",
    });
    expect(budi.age_days).toBe(1322);
    expect(budi.zlen).toBe(expected.zlen);
    expect(budi.zwei).toBe(expected.zwei);
    const gita = await t.database.db
      .selectFrom("measurements")
      .innerJoin("children", (j) =>
        j
          .onRef("children.district_code", "=", "measurements.district_code")
          .onRef("children.id", "=", "measurements.child_id"),
      )
      .select(["flen", "lenhei", "status_tbu"])
      .where("children.name", "=", "Gita")
      .executeTakeFirstOrThrow();
    expect(gita).toEqual({ flen: true, lenhei: 140, status_tbu: null });
  });

  it("stores an implausible value's z-score and flag but no category, written directly or staged", async () => {
    const header = "NIK;Nama;JK;Tgl Lahir;Kec;Desa/Kel;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur";
    // 60 cm at two years: length-for-age z −8.9, flagged; weight-for-age plausible.
    const expected = storedMeasurement({ sex: 1, ageDays: 731, weight: 11, lenhei: 60, measure: "h" });
    expect(expected).toMatchObject({ flen: true, fwei: false, status_tbu: null, status_bbu: "normal" });
    for (const [name, stagedOnly] of [
      ["Joko Langsung", false],
      ["Joko Bertahap", true],
    ] as const) {
      const file = join(dir, `implausible-${stagedOnly}-${t.engine}.csv`);
      writeFileSync(
        file,
        `${header}\n;${name};L;15/08/2023;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;11;60;h\n`,
      );
      const r = await importMeasurements(t.database, file, { district: "35.03", keys, today, stagedOnly });
      expect(r).toMatchObject({ measurementsAdded: 1, measurementsFlagged: 1 });
      expect(stagedOnly ? r.rowsStaged : r.rowsWrittenDirectly).toBe(1);
      const m = await t.database.db
        .selectFrom("measurements")
        .innerJoin("children", (j) =>
          j
            .onRef("children.district_code", "=", "measurements.district_code")
            .onRef("children.id", "=", "measurements.child_id"),
        )
        .select([
          "age_days",
          "zlen",
          "zwei",
          "zwfl",
          "zbmi",
          "zhc",
          "zac",
          "flen",
          "fwei",
          "fwfl",
          "fbmi",
          "status_tbu",
          "status_bbu",
          "status_bbtb",
          "status_imtu",
        ])
        .where("children.name", "=", name)
        .executeTakeFirstOrThrow();
      expect(m).toEqual({ age_days: 731, ...expected });
      expect(m.zlen).toBeLessThan(-8);
    }
  });

  it("writes nothing on a dry run, with the same report", async () => {
    const file = join(dir, `dry-${t.engine}.csv`);
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 40,
      seed: 99,
      out: file,
      semicolon: true,
    });
    const before = await tableCounts(t.database);
    const dry = await importMeasurements(t.database, file, { district: "35.03", keys, today, dryRun: true });
    expect(await tableCounts(t.database)).toEqual(before);
    expect(dry.importId).toBeNull();
    expect(dry.childrenCreated).toBeGreaterThan(0);
    const real = await importMeasurements(t.database, file, { district: "35.03", keys, today });
    const pick = (x: typeof dry) => [
      x.rowsRead,
      x.rowsRejected,
      x.childrenCreated,
      x.measurementsAdded,
      x.posyanduCreated,
    ];
    expect(pick(real)).toEqual(pick(dry));
  });

  it("lands completely or not at all when it fails part-way", async () => {
    const file = join(dir, `fail-${t.engine}.csv`);
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 60,
      seed: 1234,
      out: file,
      messyRate: 0,
    });
    const before = await tableCounts(t.database);
    // Keys that break after some rows: several COPY batches are already staged by then.
    let uses = 0;
    const base = keysFromMaster(Buffer.alloc(32, 3));
    const failing: PiiKeys = {
      get hmacKey() {
        if (++uses > 30) throw new Error("key store unavailable");
        return base.hmacKey;
      },
      aesKey: base.aesKey,
    };
    await expect(
      importMeasurements(t.database, file, { district: "35.03", keys: failing, today, batchRows: 10 }),
    ).rejects.toThrow(/key store unavailable/);
    expect(await tableCounts(t.database)).toEqual(before);
    expect(await pendingRollups(t.database)).toEqual([]);
  });

  it("reads XLSX: the flat RECORDS sheet and the e-PPGBM child + monitoring sheets", async () => {
    const xlsx = join(dir, `flat-${t.engine}.xlsx`);
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 30,
      seed: 5,
      out: xlsx,
      messyRate: 0,
    });
    const dry = await importMeasurements(t.database, xlsx, { district: "35.03", keys, today, dryRun: true });
    expect(dry.sheets[0]).toMatchObject({ name: "RECORDS", kind: "flat" });
    expect(dry.rowsRejected).toBe(0);
    expect(dry.measurementsAdded).toBe(dry.rowsRead);

    const place = await loadSynthDistrict(t.database, "35.03");
    const village = place.subdistricts[0].villages[0];
    const wb = new ExcelJS.Workbook();
    const kids = wb.addWorksheet("Data Anak");
    kids.addRow([
      "No. KK",
      "NIK",
      "Nama Anak",
      "Tanggal Lahir",
      "Jenis Kelamin",
      "Berat Lahir",
      "Panjang Lahir",
      "Nama Ibu",
      "Posyandu",
      "Kecamatan",
      "Desa",
    ]);
    kids.addRow([
      "3503012345678901",
      "3503014101230002",
      "Putri Lestari",
      new Date(Date.UTC(2023, 0, 1)),
      "P",
      3.1,
      49,
      "Sri",
      "Anggrek 1",
      place.subdistricts[0].name,
      village.name,
    ]);
    kids.addRow([
      "3503012345678902",
      "",
      "Bima Saputra",
      "15/06/2024",
      "L",
      "2,9",
      "48",
      "Endang",
      "Anggrek 1",
      place.subdistricts[0].name,
      village.name,
    ]);
    const mon = wb.addWorksheet("Pemantauan");
    mon.addRow(["NIK", "Nama Anak", "Tgl Ukur", "BB", "TB", "Cara Ukur", "LILA"]);
    mon.addRow(["3503014101230002", "", 45_870, 11.2, 84.1, "berdiri", 14.5]); // 2025-08-01 as an Excel serial
    mon.addRow(["", "bima saputra", new Date(Date.UTC(2025, 7, 2)), "8,4", "70,5", "telentang", ""]);
    mon.addRow(["", "Tidak Ada", "02/08/2025", "8", "70", "telentang", ""]);
    const two = join(dir, `two-sheets-${t.engine}.xlsx`);
    await wb.xlsx.writeFile(two);
    const r = await importMeasurements(t.database, two, { district: "35.03", keys, today });
    expect(r.sheets.map((s) => s.kind)).toEqual(["children", "monitoring"]);
    expect(r).toMatchObject({ childrenCreated: 2, measurementsAdded: 2, rowsRejected: 1 });
    expect(r.rejections[0]).toMatchObject({ sheet: "Pemantauan", rowNo: 4, field: "Nama" });
    const putri = await t.database.db
      .selectFrom("measurements")
      .innerJoin("children", (j) =>
        j
          .onRef("children.district_code", "=", "measurements.district_code")
          .onRef("children.id", "=", "measurements.child_id"),
      )
      .select(["measured_on", "age_days", "armc", "children.birth_weight", "children.kk_hash"])
      .where("children.name", "=", "Putri Lestari")
      .executeTakeFirstOrThrow();
    expect(putri).toMatchObject({ measured_on: "2025-08-01", age_days: 943, armc: 14.5, birth_weight: 3.1 });
    expect(putri.kk_hash).toBe(hashIdentifier(keys, "3503012345678901"));
  });
});
