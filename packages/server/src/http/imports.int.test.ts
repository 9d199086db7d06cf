import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anthroZScores } from "@tumbuh/growth";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import { synthesizeDistrictFile } from "../synth/district.ts";
import type { App } from "./context.ts";
import { multipart, seedFixtures, signIn, testApp, uploadFile as upload } from "./test-app.ts";

describeEachEngine("import upload: dry run, confirm, scope", (ctx) => {
  let app: App;
  let file: Buffer;
  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database, { now: () => new Date("2025-09-01T00:00:00Z") });
    const out = join(mkdtempSync(join(tmpdir(), "tumbuh-import-")), "trenggalek.csv");
    await synthesizeDistrictFile(ctx.database, { district: "35.03", children: 30, seed: 7, months: 2, out });
    file = readFileSync(out);
  });

  it("a dry run reports and writes nothing; confirming imports and the dashboard shows it", async () => {
    const dinkes = await signIn(app, "dinkes");
    const res = await upload(app, dinkes, "trenggalek.csv", file);
    expect(res.statusCode).toBe(201);
    const up = res.json().import;
    expect(up).toMatchObject({ status: "dry_run", district: "35.03", fileName: "trenggalek.csv" });
    expect(up.report.rowsRead).toBeGreaterThan(30);
    expect(up.report.childrenCreated).toBeGreaterThan(0);
    const none = await ctx.database.db.selectFrom("children").select("id").execute();
    expect(none).toHaveLength(0);
    const before = (await dinkes.get("/api/dashboard?region=35.03")).json();
    expect(before.summary.measured).toBe(0);

    const confirmed = await dinkes.send("POST", `/api/imports/${up.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().import.status).toBe("imported");
    expect(confirmed.json().import.report.measurementsAdded).toBe(up.report.measurementsAdded);
    const kids = await ctx.database.db.selectFrom("children").select("id").execute();
    expect(kids.length).toBe(up.report.childrenCreated);
    const after = (await dinkes.get("/api/dashboard?region=35.03")).json();
    expect(after.summary.measured).toBeGreaterThan(0);
    const again = await dinkes.send("POST", `/api/imports/${up.id}/confirm`);
    expect(again.statusCode).toBe(409);
    const audit = (
      await (await signIn(app, "jatim")).get(`/api/audit?entity=import&entityId=${up.id}`)
    ).json();
    const sha256 = createHash("sha256").update(file).digest("hex");
    const r = confirmed.json().import.report;
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(["import", "dry_run"]);
    expect(audit.entries[0]).toMatchObject({
      action: "import",
      username: "dinkes",
      after: {
        fileName: "trenggalek.csv",
        fileSha256: sha256,
        dryRun: false,
        childrenCreated: kids.length,
        childrenUpdated: r.childrenUpdated,
        measurementsAdded: r.measurementsAdded,
        measurementsUpdated: r.measurementsUpdated,
      },
    });
    expect(audit.entries[0].after.measurementsAdded).toBeGreaterThan(30);
    expect(audit.entries[1]).toMatchObject({
      action: "dry_run",
      after: { fileName: "trenggalek.csv", fileSha256: sha256, dryRun: true, importId: null },
    });
  });

  it("lists each rejected row with its value and code, and each flagged value with its z-score", async () => {
    const dinkes = await signIn(app, "dinkes");
    const csv = [
      "Nama;JK;Tgl Lahir;Kec;Desa/Kel;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur",
      "Gita;P;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;11;140;berdiri",
      "Sari;P;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;1x;85;berdiri",
    ].join("\n");
    const res = await upload(app, dinkes, "cek.csv", Buffer.from(csv));
    expect(res.statusCode).toBe(201);
    const { id, report } = res.json().import;
    expect(report.rejected).toEqual([
      {
        sheet: "",
        row: 3,
        field: "Berat",
        value: "1x",
        code: "row.notNumber",
        params: { field: "Berat", value: "1x" },
        reason: 'Berat: "1x" is not a number; expected a number such as 85.5 or 85,5.',
      },
    ]);
    const z = anthroZScores({ sex: 2, ageDays: 1322, weight: 11, lenhei: 140, measure: "h" });
    const zlen = Math.round((z.zlen as number) * 100) / 100;
    expect(report.flaggedCount).toBe(report.flagged.length);
    expect(report.flagged).toContainEqual({
      row: 2,
      name: "Gita",
      indicator: "len",
      indicatorLabel: "TB/U",
      zscore: zlen,
      weight: 11,
      lenhei: 140,
      ageDays: 1322,
      code: "row.implausible",
      params: { indicator: "TB/U", zscore: zlen, min: -6, max: 6 },
    });
    // The stored report (read back later) lists them the same.
    const again = (await dinkes.get(`/api/imports/${id}`)).json().import.report;
    expect(again.flagged).toEqual(report.flagged);
    expect(again.rejected).toEqual(report.rejected);
    await dinkes.send("DELETE", `/api/imports/${id}`);
  });

  it("refuses other districts, roles without import and files that are not CSV/XLSX", async () => {
    const dinkes = await signIn(app, "dinkes");
    const outside = await upload(app, dinkes, "x.csv", file, { district: "35.04" });
    expect(outside.statusCode).toBe(403);
    const up = (await upload(app, dinkes, "x.csv", file)).json().import;
    const other = await signIn(app, "dinkes-lain");
    expect((await other.get(`/api/imports/${up.id}`)).statusCode).toBe(404);
    expect((await other.send("POST", `/api/imports/${up.id}/confirm`)).statusCode).toBe(404);
    const kader = await signIn(app, "kader");
    expect((await upload(app, kader, "x.csv", file, { district: "35.03" })).statusCode).toBe(403);
    const pdf = await upload(app, dinkes, "laporan.pdf", Buffer.from("%PDF-1.4"));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.details.field).toBe("file");
    const noCsrf = multipart("x.csv", file);
    const refused = await app.inject({
      method: "POST",
      url: "/api/imports",
      payload: noCsrf.payload,
      headers: { ...noCsrf.headers, cookie: dinkes.cookie },
    });
    expect(refused.statusCode).toBe(403);
  });
});
