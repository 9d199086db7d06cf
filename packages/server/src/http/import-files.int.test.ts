/**
 * Files an attacker or a careless export sends to POST /api/imports: each is refused with a
 * 4xx naming what is wrong (never a 500), or read for what it is.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import { importMeasurements } from "../import/import.ts";
import { IMPORT_LIMITS } from "../import/limits.ts";
import { writeSharedStringsWorkbook } from "../import/zip.test-support.ts";
import { loadSynthDistrict, synthesizeDistrictFile } from "../synth/district.ts";
import { EPPGBM_FLAT_COLUMNS, generateEppgbmRows } from "../synth/eppgbm.ts";
import { writeCsv } from "../synth/write.ts";
import type { App } from "./context.ts";
import { type Client, seedFixtures, signIn, testApp, uploadFile } from "./test-app.ts";

describeEachEngine("imported files: encodings, disguises, limits", (ctx) => {
  let app: App;
  let dinkes: Client;
  let dir: string;
  let csv: Buffer;
  let rows: string[][];
  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database, { now: () => new Date("2025-09-01T00:00:00Z") });
    dinkes = await signIn(app, "dinkes");
    dir = mkdtempSync(join(tmpdir(), "tumbuh-import-files-"));
    const place = await loadSynthDistrict(ctx.database, "35.03");
    rows = [...generateEppgbmRows(place, { children: 8, seed: 5, months: 2, messyRate: 0 })];
    await writeCsv(join(dir, "f.csv"), EPPGBM_FLAT_COLUMNS, rows);
    csv = readFileSync(join(dir, "f.csv"));
  });

  it("reads a UTF-16 CSV (with its byte order mark) like the same file in UTF-8", async () => {
    const utf8 = (await uploadFile(app, dinkes, "a.csv", csv)).json().import.report;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.toString("utf8"), "utf16le")]);
    const res = await uploadFile(app, dinkes, "utf16.csv", le);
    expect(res.statusCode).toBe(201);
    expect(res.json().import.report).toMatchObject({
      rowsRead: utf8.rowsRead,
      childrenCreated: utf8.childrenCreated,
      measurementsAdded: utf8.measurementsAdded,
      rejectedCount: utf8.rejectedCount,
    });
  });

  it("refuses a Latin-1 CSV with 422 naming the line, rather than importing garbled names", async () => {
    const name = EPPGBM_FLAT_COLUMNS.indexOf("Nama");
    const latin = rows.map((r, i) => (i === 3 ? r.map((c, j) => (j === name ? "Sité Nurhayati" : c)) : r));
    await writeCsv(join(dir, "latin.csv"), EPPGBM_FLAT_COLUMNS, latin);
    const bytes = Buffer.from(readFileSync(join(dir, "latin.csv"), "utf8"), "latin1");
    const res = await uploadFile(app, dinkes, "latin.csv", bytes);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: "unprocessable",
      details: { field: "file", limit: "encoding" },
    });
    expect(res.json().error.message).toMatch(/^Berkas CSV tidak tersimpan sebagai UTF-8 \(baris 5\)/);
  });

  it("reads a CSV named .xlsx and a workbook named .csv for what they are", async () => {
    const asXlsx = await uploadFile(app, dinkes, "really-csv.xlsx", csv);
    expect(asXlsx.statusCode).toBe(201);
    expect(asXlsx.json().import.report.rowsRead).toBe(rows.length);
    const book = join(dir, "book.xlsx");
    await synthesizeDistrictFile(ctx.database, {
      district: "35.03",
      children: 5,
      seed: 2,
      months: 2,
      out: book,
    });
    const asCsv = await uploadFile(app, dinkes, "really-xlsx.csv", readFileSync(book));
    expect(asCsv.statusCode).toBe(201);
    expect(asCsv.json().import.report.rowsRead).toBeGreaterThan(5);
  });

  it("refuses a zip bomb (422), a name with a NUL byte (400) and a PDF (400), never 500", async () => {
    const bomb = join(dir, "bomb.xlsx");
    writeSharedStringsWorkbook(bomb, 2000, 5000);
    const b = await uploadFile(app, dinkes, "laporan.xlsx", readFileSync(bomb));
    expect(b.statusCode).toBe(422);
    expect(b.json().error.details).toMatchObject({ field: "file", limit: "xlsxRatio" });
    const nul = await uploadFile(app, dinkes, "data\u0000.csv", csv);
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.message).toMatch(/Nama berkas tidak sah/);
    const garbage = await uploadFile(
      app,
      dinkes,
      "x.csv",
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0, 0, 3]),
    );
    expect(garbage.statusCode).toBe(422);
  });

  it("refuses a weight of 3.5e15 kg by the value limits (the row is rejected, not flagged)", async () => {
    const weight = EPPGBM_FLAT_COLUMNS.indexOf("Berat");
    const wild = rows.map((r, i) => (i === 0 ? r.map((c, j) => (j === weight ? "3.5e15" : c)) : r));
    await writeCsv(join(dir, "wild.csv"), EPPGBM_FLAT_COLUMNS, wild);
    const res = await uploadFile(app, dinkes, "wild.csv", readFileSync(join(dir, "wild.csv")));
    expect(res.statusCode).toBe(201);
    const report = res.json().import.report;
    expect(report.rejected).toContainEqual(
      expect.objectContaining({
        row: 2,
        field: "Berat",
        value: "3500000000000000",
        code: "row.outOfRange",
        reason: "Berat: 3500000000000000 kg is outside the limits 0.5–60 kg.",
      }),
    );
  });

  it("refuses a file with more rows than the limit (413) and writes nothing", async () => {
    const big = join(dir, "big.csv");
    const n = await synthesizeDistrictFile(ctx.database, {
      district: "35.03",
      children: 80,
      seed: 4,
      months: 6,
      out: big,
    });
    expect(n).toBeGreaterThan(300);
    const err = await importMeasurements(ctx.database, big, {
      district: "35.03",
      today: "2025-09-01",
      limits: { ...IMPORT_LIMITS, rows: 200 },
    }).catch((e) => e);
    expect(err).toMatchObject({ status: 413, limit: "rows" });
    expect(err.message).toMatch(/^Berkas melebihi batas 200 baris data \(terbaca 256 baris\)/);
    const children = await ctx.database.db.selectFrom("children").select("id").execute();
    expect(children).toEqual([]);
  });

  it("a dry run holds no transaction or connection while the user reads its report", async () => {
    const up = await uploadFile(app, dinkes, "b.csv", csv);
    const answered = new Date().toISOString();
    expect(up.statusCode).toBe(201);
    if (ctx.engine === "postgres") {
      // Other test files share the server: only this test database's own sessions (its schema as
      // their application name) count. A transaction held for the report is one begun before the
      // upload answered and still open, untouched, two seconds later.
      const idle = async () =>
        (
          await sql<{ id: string }>`
            SELECT pid || '@' || xact_start AS id FROM pg_stat_activity
            WHERE datname = current_database() AND state LIKE 'idle in transaction%'
              AND application_name = current_setting('application_name')
              AND xact_start < ${answered}::timestamptz`.execute(ctx.database.db)
        ).rows.map((r) => r.id);
      const before = await idle();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const after = new Set(await idle());
      expect(before.filter((id) => after.has(id))).toEqual([]);
    }
    // A write of another user goes through at once (PGlite has one connection: it is free).
    const wrote = await Promise.race([
      ctx.database.db
        .insertInto("app_settings")
        .values({ key: "probe", value: JSON.stringify(1) })
        .execute(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("the database is held")), 5000)),
    ]);
    expect(wrote).toBeDefined();
  });
});
