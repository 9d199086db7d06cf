/**
 * The direct path (new children written straight into their tables) against the staging path
 * (every row staged and merged): the same file must give the same children, measurements,
 * report figures and roll-ups either way, including the situations the direct path hands over
 * to staging (details changed on a later row, a repeated date, a NIK given late, children
 * already stored).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { Database } from "../db/connection.ts";
import { importedContent as content } from "../db/import-content.test-support.ts";
import { hashIdentifier, keysFromMaster } from "../db/pii.ts";
import { checkRollups } from "../db/repositories/rollup-check.ts";
import { describeEachEngine, openTestDatabase } from "../db/test-support.ts";
import { loadRegions } from "../services/regions.ts";
import { synthesizeDistrictFile } from "../synth/district.ts";
import { type ImportReport, importMeasurements } from "./import.ts";

const keys = keysFromMaster(Buffer.alloc(32, 5));
const dir = mkdtempSync(join(tmpdir(), "tumbuh-direct-"));
const today = "2025-12-31";
const HEADER = "NIK;Nama;JK;Tgl Lahir;Kec;Desa/Kel;Posyandu;Alamat;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur";

/** The report's figures (what a user reads), without ids, times and the path taken. */
function figures(r: ImportReport) {
  return {
    rowsRead: r.rowsRead,
    rowsRejected: r.rowsRejected,
    rowsRepeated: r.rowsRepeated,
    childrenCreated: r.childrenCreated,
    childrenUpdated: r.childrenUpdated,
    childrenUnchanged: r.childrenUnchanged,
    measurementsAdded: r.measurementsAdded,
    measurementsUpdated: r.measurementsUpdated,
    measurementsUnchanged: r.measurementsUnchanged,
    measurementsFlagged: r.measurementsFlagged,
    puskesmasCreated: r.puskesmasCreated,
    posyanduCreated: r.posyanduCreated,
    rejections: r.rejections.length,
    likelyDuplicates: r.likelyDuplicates.length,
  };
}

function csvFile(name: string, rows: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${HEADER}\n${rows.join("\n")}\n`);
  return file;
}

describeEachEngine("import: direct path", (t) => {
  /** A second database of the same engine, for the staging path. */
  let staged: { database: Database; drop(): Promise<void> };

  /** Imports `files` in order into both databases, one through each path; returns both reports of the last. */
  async function both(files: string[], directChildren?: number) {
    let direct: ImportReport | undefined;
    let viaStage: ImportReport | undefined;
    for (const f of files) {
      direct = await importMeasurements(t.database, f, { district: "35.03", keys, today, directChildren });
      viaStage = await importMeasurements(staged.database, f, {
        district: "35.03",
        keys,
        today,
        stagedOnly: true,
      });
      expect(figures(direct)).toEqual(figures(viaStage));
    }
    expect(await content(t.database)).toEqual(await content(staged.database));
    return { direct: direct as ImportReport, viaStage: viaStage as ImportReport };
  }

  it("gives the same tables, figures and roll-ups as staging for a messy synthesized file", async () => {
    staged = await openTestDatabase(t.engine);
    await loadRegions(t.database, { prefix: "35.03" });
    await loadRegions(staged.database, { prefix: "35.03" });
    const file = join(dir, `messy-${t.engine}.csv`);
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 300,
      seed: 11,
      out: file,
      messyRate: 0.05,
    });
    const { direct } = await both([file]);
    expect(direct.rowsWrittenDirectly).toBeGreaterThan(direct.rowsRead * 0.8);
    expect(direct.rowsStaged).toBeGreaterThanOrEqual(0);
    expect(direct.childrenCreated).toBeGreaterThan(250);
    expect((await checkRollups(t.database)).ok).toBe(true);
  });

  it("gives the same tables written in many small batches as in one", async () => {
    const a = await openTestDatabase(t.engine);
    const b = await openTestDatabase(t.engine);
    try {
      await loadRegions(a.database, { prefix: "35.03" });
      await loadRegions(b.database, { prefix: "35.03" });
      const file = join(dir, `batches-${t.engine}.csv`);
      await synthesizeDistrictFile(a.database, {
        district: "35.03",
        children: 120,
        seed: 17,
        out: file,
        messyRate: 0.05,
      });
      const small = await importMeasurements(a.database, file, {
        district: "35.03",
        keys,
        today,
        batchRows: 37,
      });
      const one = await importMeasurements(b.database, file, { district: "35.03", keys, today });
      // Dozens of batches, most of their rows written directly.
      expect(small.rowsWrittenDirectly / 37).toBeGreaterThan(10);
      expect(figures(small)).toEqual(figures(one));
      expect(await content(a.database)).toEqual(await content(b.database));
    } finally {
      await a.drop();
      await b.drop();
    }
  });

  it("checks a row repeating the child columns of the row before as a row on its own (same result when children are interleaved)", async () => {
    const grouped = join(dir, `grouped-${t.engine}.csv`);
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 80,
      seed: 13,
      out: grouped,
      messyRate: 0.1,
    });
    // The same rows with the children interleaved (each child's rows keep their order): no row follows one of its child.
    const [header, ...lines] = readFileSync(grouped, "utf8").trim().split("\n");
    const seen = new Map<string, number>();
    const keyed = lines.map((l, i) => {
      const c = l.split(",");
      const child = c[0] || `${c[1]}|${c[3]}|${c[2]}|${c[11]}`;
      const nth = seen.get(child) ?? 0;
      seen.set(child, nth + 1);
      return { l, nth, i };
    });
    keyed.sort((a, b) => a.nth - b.nth || a.i - b.i);
    const interleaved = join(dir, `interleaved-${t.engine}.csv`);
    writeFileSync(interleaved, `${header}\n${keyed.map((k) => k.l).join("\n")}\n`);
    const a = await openTestDatabase(t.engine);
    const b = await openTestDatabase(t.engine);
    try {
      await loadRegions(a.database, { prefix: "35.03" });
      await loadRegions(b.database, { prefix: "35.03" });
      const ra = await importMeasurements(a.database, grouped, { district: "35.03", keys, today });
      const rb = await importMeasurements(b.database, interleaved, { district: "35.03", keys, today });
      expect(ra.rowsRejected).toBeGreaterThan(0);
      expect(figures(ra)).toEqual(figures(rb));
      expect(ra.rejections.map((r) => `${r.field}: ${r.reason}`).sort()).toEqual(
        rb.rejections.map((r) => `${r.field}: ${r.reason}`).sort(),
      );
      expect(await content(a.database)).toEqual(await content(b.database));
    } finally {
      await a.drop();
      await b.drop();
    }
  });

  it("hands later rows that change a new child's details, or repeat its date, to staging: the last row counts", async () => {
    const file = csvFile(`changes-${t.engine}.csv`, [
      "3503010101230001;Ayu Lestari;P;01/01/2023;PANGGUL;Ngrambingan;Mawar 1;Jl. Lama 1;15/06/2025;9;75;l",
      "3503010101230001;Ayu Lestari;P;01/01/2023;PANGGUL;Ngrambingan;Mawar 1;Jl. Baru 2;15/07/2025;9,2;76;l", // moved house
      "3503010101230001;Ayu Lestari;P;01/01/2023;PANGGUL;Ngrambingan;Mawar 1;Jl. Baru 2;15/08/2025;9,4;77;l",
      ";Bima Putra;L;02/02/2023;PANGGUL;Ngrambingan;Melati;;15/08/2025;10;80;l",
      ";Bima Putra;L;02/02/2023;PANGGUL;Ngrambingan;Melati;;15/08/2025;10,5;80;l", // same date again: this one counts
    ]);
    const { direct } = await both([file]);
    expect(direct).toMatchObject({
      childrenCreated: 2,
      measurementsAdded: 4,
      rowsRepeated: 1,
      childrenUpdated: 0,
    });
    const ayu = await t.database.db
      .selectFrom("children")
      .select(["address"])
      .where("nik_hash", "=", hashIdentifier(keys, "3503010101230001"))
      .executeTakeFirstOrThrow();
    expect(ayu.address).toBe("Jl. Baru 2");
    const bima = await t.database.db
      .selectFrom("measurements")
      .innerJoin("children", (j) =>
        j
          .onRef("children.district_code", "=", "measurements.district_code")
          .onRef("children.id", "=", "measurements.child_id"),
      )
      .select(["measurements.weight"])
      .where("children.name", "=", "Bima Putra")
      .execute();
    expect(bima).toEqual([{ weight: 10.5 }]);
  });

  it("takes a NIK given on a later row as the NIK of the child first written without one", async () => {
    const file = csvFile(`late-nik-${t.engine}.csv`, [
      ";Citra Dewi;P;03/03/2023;PANGGUL;Ngrambingan;Mawar 1;;15/06/2025;8,5;72;l",
      "3503014303230002;Citra Dewi;P;03/03/2023;PANGGUL;Ngrambingan;Mawar 1;;15/07/2025;8,7;73;l",
      ";Citra Dewi;P;03/03/2023;PANGGUL;Ngrambingan;Mawar 1;;15/08/2025;8,9;74;l",
    ]);
    const { direct } = await both([file]);
    expect(direct).toMatchObject({ childrenCreated: 1, measurementsAdded: 3 });
    const rows = await t.database.db
      .selectFrom("children")
      .innerJoin("measurements", (j) =>
        j
          .onRef("measurements.district_code", "=", "children.district_code")
          .onRef("measurements.child_id", "=", "children.id"),
      )
      .select(["children.nik_hash"])
      .where("children.name", "=", "Citra Dewi")
      .execute();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.nik_hash))).toEqual(new Set([hashIdentifier(keys, "3503014303230002")]));
  });

  it("stages rows of children already stored, and reports a new namesake as a likely duplicate", async () => {
    const file = csvFile(`stored-${t.engine}.csv`, [
      "3503010101230001;Ayu Lestari;P;01/01/2023;PANGGUL;Ngrambingan;Mawar 1;Jl. Baru 2;15/09/2025;9,6;78;l", // stored child
      ";Bima Putra;L;02/02/2023;PANGGUL;Ngrambingan;Melati;;15/09/2025;10,7;81;l", // stored child without NIK
      ";Bima Putra;L;02/02/2023;PANGGUL;Banjar;Melati;;15/09/2025;11;82;l", // namesake in another village
      ";Dani Saputra;L;04/04/2023;PANGGUL;Ngrambingan;Melati;;15/09/2025;10;79;l", // new
    ]);
    const { direct } = await both([file]);
    expect(direct).toMatchObject({ childrenCreated: 2, measurementsAdded: 4, childrenUpdated: 0 });
    expect(direct.rowsStaged).toBe(3);
    // The namesake (row 4) is like a stored child, and the stored child's row 3 like the namesake.
    expect(direct.likelyDuplicates.map((d) => d.rowNo)).toEqual([3, 4]);
  });

  it("stages the children past its limit, with the same result", async () => {
    const file = join(dir, `limit-${t.engine}.csv`);
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 120,
      seed: 12,
      out: file,
      messyRate: 0.05,
    });
    const { direct } = await both([file], 40);
    expect(direct.rowsStaged).toBeGreaterThan(direct.rowsWrittenDirectly);
    expect(direct.rowsWrittenDirectly).toBeGreaterThan(100);
  });

  it("falls back to staging for a file only the whole file settles, with the same result", async () => {
    // Rows without NIK between two NIKs of the same name, birth date and village belong to the last NIK.
    const file = csvFile(`two-niks-${t.engine}.csv`, [
      ";Eka Wati;P;05/05/2023;PANGGUL;Ngrambingan;Mawar 1;;15/06/2025;8;70;l",
      "3503014505230001;Eka Wati;P;05/05/2023;PANGGUL;Ngrambingan;Mawar 1;;15/07/2025;8,2;71;l",
      "3503014505230009;Eka Wati;P;05/05/2023;PANGGUL;Ngrambingan;Mawar 1;;15/08/2025;8,4;72;l",
    ]);
    const { direct } = await both([file]);
    expect(direct.rowsWrittenDirectly).toBe(0);
    expect(direct.childrenCreated).toBe(2);
    await staged.drop();
  });
});
