/**
 * Analisis situasi, desa lokus and the plan through HTTP, for every role × region: the district
 * TPPS writes its own district, the province and the district's health office read, other
 * districts, kecamatan and villages see nothing. Figures are checked against hand-computed values.
 */
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { type Client, seedFixtures, signIn, testApp } from "./test-app.ts";

const USERS = [
  "nasional",
  "jatim",
  "penilai",
  "jateng",
  "bappeda",
  "dinkes",
  "dinkes-lain",
  "camat",
  "kader",
] as const;
type Who = (typeof USERS)[number];

const V1 = "35.03.01.2001";
const V2 = "35.03.01.2002";
const V3 = "35.03.01.2003";
const PDF = Buffer.from("%PDF-1.4\n% SK desa lokus (sintetis)\n%%EOF\n");

function multipart(fileName: string, content: Buffer, fields: Record<string, string>, type: string) {
  const boundary = "----tumbuhplan7d1e";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const ACTIVITY = {
  opd: "Dinas Kesehatan",
  programCode: "1.02.02",
  programName: "Program Pemenuhan Upaya Kesehatan",
  kegiatanCode: "1.02.02.2.02",
  kegiatanName: "Penyediaan Layanan Kesehatan",
  subKegiatanCode: "1.02.02.2.02.0034",
  subKegiatanName: "Pengelolaan Pelayanan Gizi",
  name: "PMT lokal balita gizi kurang",
  intervention: "spesifik",
  indicatorCode: "SPE8",
  pillar: 3,
  villages: [{ code: V1, pagu: 30_000_000 }, { code: V3 }],
  volume: 100,
  unit: "balita",
  pagu: { apbd: 50_000_000, dana_desa: 10_000_000 },
  realisasi: {},
  volumeDone: null,
  startMonth: 3,
  endMonth: 10,
};

const CSV_HEADER =
  "OPD;Kode Program;Program;Kode Kegiatan;Kegiatan;Kode Sub Kegiatan;Sub Kegiatan;Rincian Kegiatan;Intervensi;Kode Indikator;Pilar;Desa Sasaran;Volume;Satuan;Pagu APBD;Pagu DAK;Pagu Dana Desa;Pagu Lainnya;Bulan Mulai;Bulan Selesai";
const CSV_OK = `Dinas PUPR;1.03.03;Program Air Minum;1.03.03.2.01;Pengelolaan SPAM;1.03.03.2.01.0005;Pembangunan SPAM;Sambungan air minum;sensitif;SEN4;3;${V2};40;SR;25.000.000;0;0;0;4;9`;
const CSV_BAD = `Dinas Sosial;1.06.04;Program Perlindungan Sosial;1.06.04.2.01;Bantuan Sosial;1.06.04.2.01.0001;Bansos;Bantuan pangan;sosial;SEN10;9;${V2};10;KK;1.000.000;0;0;0;1;12`;

describeEachEngine("aksi plan routes: role × region", (ctx) => {
  let app: App;
  const c = {} as Record<Who, Client>;
  let cycleId = "";
  let activityId = "";

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database);
    for (const u of USERS) c[u] = await signIn(app, u);
    cycleId = (await c.bappeda.send("POST", "/api/aksi/cycles", { districtCode: "35.03", year: 2025 })).json()
      .cycle.id;
    // Roll-up rows of three villages for 2025 (measured, TB/U valid, stunted, severely stunted, sasaran)
    // and two SKDN months of the first (D 80 + 60 of S 100 + 100).
    const counts = {
      whz_valid: 0,
      wasted: 0,
      severely_wasted: 0,
      overweight: 0,
      waz_valid: 0,
      underweight: 0,
      new_stunting: 0,
    };
    await ctx.database.db
      .insertInto("rollup_district")
      .values([
        {
          district_code: "35.03",
          unit_kind: "village",
          unit_code: V1,
          period: "2025",
          measured: 100,
          haz_valid: 100,
          stunted: 30,
          severely_stunted: 8,
          target: 120,
          ...counts,
        },
        {
          district_code: "35.03",
          unit_kind: "village",
          unit_code: V2,
          period: "2025",
          measured: 80,
          haz_valid: 80,
          stunted: 8,
          severely_stunted: 1,
          target: 100,
          ...counts,
        },
        {
          district_code: "35.03",
          unit_kind: "village",
          unit_code: V3,
          period: "2025",
          measured: 50,
          haz_valid: 50,
          stunted: 20,
          severely_stunted: 5,
          target: 200,
          ...counts,
        },
      ])
      .execute();
    const skdn = { k: 0, k_unknown: 0, n: 0, o: 0, b: 0, two_t: 0, bgm: 0, kbm_table: "test" };
    await ctx.database.db
      .insertInto("rollup_skdn")
      .values([
        {
          district_code: "35.03",
          unit_kind: "village",
          unit_code: V1,
          period: "2025-01",
          s: 100,
          d: 80,
          t: 80,
          ...skdn,
        },
        {
          district_code: "35.03",
          unit_kind: "village",
          unit_code: V1,
          period: "2025-02",
          s: 100,
          d: 60,
          t: 60,
          ...skdn,
        },
      ])
      .execute();
  });

  const upload = (
    who: Who,
    url: string,
    name: string,
    content: Buffer,
    fields: Record<string, string>,
    type: string,
  ) => {
    const { payload, headers } = multipart(name, content, fields, type);
    return app.inject({
      method: "POST",
      url,
      payload,
      headers: { ...headers, cookie: c[who].cookie, "x-csrf-token": c[who].csrfToken },
    });
  };

  it("shows indicators with targets to the district and its province; only the district sets its own", async () => {
    const url = "/api/aksi/indicators?district=35.03&year=2025";
    const expected: Record<Who, number> = {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      bappeda: 200,
      dinkes: 200,
      jateng: 403,
      "dinkes-lain": 403,
      camat: 403,
      kader: 403,
    };
    for (const who of USERS) expect((await c[who].get(url)).statusCode, who).toBe(expected[who]);
    const stunting = (await c.jatim.get(url))
      .json()
      .indicators.find((i: { code: string }) => i.code === "STUNTING");
    expect(stunting.target).toMatchObject({ value: 18, origin: "national" });

    const body = { districtCode: "35.03", year: 2025, value: 85, source: "RPJMD Trenggalek 2025–2029" };
    for (const who of ["dinkes", "jatim", "penilai", "nasional"] as const)
      expect((await c[who].send("PUT", "/api/aksi/indicators/SPE7/target", body)).statusCode, who).toBe(403);
    expect(
      (await c.bappeda.send("PUT", "/api/aksi/indicators/SPE7/target", { ...body, value: 150 })).statusCode,
    ).toBe(400);
    expect((await c.bappeda.send("PUT", "/api/aksi/indicators/XYZ/target", body)).statusCode).toBe(400);
    const res = await c.bappeda.send("PUT", "/api/aksi/indicators/SPE7/target", body);
    expect(res.statusCode).toBe(200);
    expect(res.json().indicators.find((i: { code: string }) => i.code === "SPE7").target).toMatchObject({
      value: 85,
      origin: "own",
      source: "RPJMD Trenggalek 2025–2029",
    });
  });

  it("lets only the district enter indicator values of its own villages", async () => {
    const body = {
      districtCode: "35.03",
      year: 2025,
      values: [{ regionCode: V2, indicatorCode: "SPE7", value: 95, source: "Laporan Dinkes 2025" }],
    };
    for (const who of ["dinkes", "jatim", "dinkes-lain"] as const)
      expect((await c[who].send("POST", "/api/aksi/indicator-values", body)).statusCode, who).toBe(403);
    const outside = { ...body, values: [{ ...body.values[0], regionCode: "35.04.01.2001" }] };
    const bad = await c.bappeda.send("POST", "/api/aksi/indicator-values", outside);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe("values.0.regionCode");
    expect((await c.bappeda.send("POST", "/api/aksi/indicator-values", body)).json()).toEqual({ saved: 1 });
  });

  it("computes analisis situasi per village, visible to the district and province only", async () => {
    const url = `/api/aksi/cycles/${cycleId}/analisis`;
    const expected: Record<Who, number> = {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      bappeda: 200,
      dinkes: 200,
      jateng: 404,
      "dinkes-lain": 404,
      camat: 404,
      kader: 404,
    };
    for (const who of USERS) expect((await c[who].get(url)).statusCode, who).toBe(expected[who]);
    const a = (await c.bappeda.get(url)).json();
    expect(a.totals).toMatchObject({ measured: 230, stunted: 58, severelyStunted: 14 });
    expect(a.totals.stuntingRate).toBeCloseTo((58 / 230) * 100, 9);
    const row = (code: string) => a.villages.find((v: { code: string }) => v.code === code);
    const spe7 = (code: string) =>
      row(code).indicators.find((i: { indicatorCode: string }) => i.indicatorCode === "SPE7");
    expect(row(V1)).toMatchObject({ stuntingRate: 30, measurementCoverage: expect.closeTo(83.333, 3) });
    // V1: SKDN (80 + 60) ÷ (100 + 100) = 70 % computed; the district's target 85 → gap 15
    expect(spe7(V1)).toMatchObject({
      value: 70,
      entry: "computed",
      target: 85,
      targetOrigin: "ancestor",
      gap: 15,
    });
    // V2: the value entered by form, 95 % ≥ 85 %
    expect(spe7(V2)).toMatchObject({ value: 95, entry: "form", source: "Laporan Dinkes 2025", met: true });
    expect(row(V3)).toMatchObject({ stuntingRate: 40, measurementCoverage: 25, coverageGap: null });
  });

  it("ranks the villages with each criterion's points visible", async () => {
    const url = `/api/aksi/cycles/${cycleId}/lokus/ranking`;
    expect((await c.jateng.send("POST", url, { year: 2025 })).statusCode).toBe(404);
    const r = (await c.penilai.send("POST", url, { year: 2025 })).json();
    // by hand (min–max, missing rescaled): V3 42.86 + 23.38 + 14.29 = 80.52; V1 22.22 + 33.33 + 22.22 + 0 = 77.78
    expect(r.villages.slice(0, 3).map((v: { code: string }) => v.code)).toEqual([V3, V1, V2]);
    expect(r.villages[0].score).toBeCloseTo(30 / 0.7 + (30 * 12) / 22 / 0.7 + 10 / 0.7, 6);
    expect(r.villages[1].score).toBeCloseTo((30 * 2) / 3 / 0.9 + 30 / 0.9 + 20 / 0.9, 6);
    expect(r.villages[1].contributions.map((x: { points: number }) => x.points)).toEqual([
      expect.closeTo(22.222, 3),
      expect.closeTo(33.333, 3),
      expect.closeTo(22.222, 3),
      0,
      0,
    ]);
    const onlyCount = await c.bappeda.send("POST", url, {
      year: 2025,
      weights: { stuntingRate: 0, stuntedCount: 100, coverageGap: 0, atRiskFamilies: 0, dataCompleteness: 0 },
    });
    expect(
      onlyCount
        .json()
        .villages.slice(0, 3)
        .map((v: { code: string }) => v.code),
    ).toEqual([V1, V3, V2]);
    const zero = { stuntingRate: 0, stuntedCount: 0, coverageGap: 0, atRiskFamilies: 0, dataCompleteness: 0 };
    expect((await c.bappeda.send("POST", url, { year: 2025, weights: zero })).statusCode).toBe(400);
  });

  it("lets the district choose its desa lokus with a reason and the decision document", async () => {
    const up = await upload(
      "bappeda",
      `/api/aksi/cycles/${cycleId}/aksi/U1/evidence`,
      "SK desa lokus.pdf",
      PDF,
      { outputCode: "U1.rekomendasi-lokus" },
      "application/pdf",
    );
    expect(up.statusCode).toBe(201);
    const evidenceId = up.json().evidence.id;
    const url = `/api/aksi/cycles/${cycleId}/lokus`;
    const body = {
      year: 2025,
      villages: [V1, V2],
      reason: "Terbis dipilih karena akses air minum buruk menurut musrenbang kecamatan.",
      evidenceId,
      version: null,
    };
    for (const who of ["dinkes", "jatim", "penilai"] as const)
      expect((await c[who].send("PUT", url, body)).statusCode, who).toBe(403);
    expect((await c["dinkes-lain"].send("PUT", url, body)).statusCode).toBe(404);
    expect((await c.bappeda.send("PUT", url, { ...body, reason: "ok" })).statusCode).toBe(400);
    expect((await c.bappeda.send("PUT", url, { ...body, villages: ["35.04.01.2001"] })).statusCode).toBe(400);
    const res = await c.bappeda.send("PUT", url, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().decision).toMatchObject({
      villages: [
        { code: V1, name: "Besuki", position: 2 },
        { code: V2, name: "Terbis", position: 3 },
      ],
      outsideTop: [V2],
      evidence: { id: evidenceId, fileName: "SK desa lokus.pdf" },
      version: 1,
    });
    expect((await c.bappeda.send("PUT", url, body)).statusCode).toBe(409); // stale: version 1 is stored
    expect((await c.penilai.get(url)).json().decision.reason).toBe(body.reason);
    expect((await c.jateng.get(url)).statusCode).toBe(404);
    const a = (await c.dinkes.get(`/api/aksi/cycles/${cycleId}/analisis`)).json();
    expect(
      a.villages.filter((v: { lokus: boolean }) => v.lokus).map((v: { code: string }) => v.code),
    ).toEqual([V1, V2]);
  });

  it("lets the district plan activities with budget; everyone in scope sees the budget tagging", async () => {
    const url = `/api/aksi/cycles/${cycleId}/activities`;
    for (const who of ["dinkes", "jatim", "penilai"] as const)
      expect((await c[who].send("POST", url, ACTIVITY)).statusCode, who).toBe(403);
    expect((await c.kader.send("POST", url, ACTIVITY)).statusCode).toBe(404);
    const nested = await c.bappeda.send("POST", url, { ...ACTIVITY, kegiatanCode: "1.03.01.2.01" });
    expect(nested.statusCode).toBe(400);
    const foreign = await c.bappeda.send("POST", url, { ...ACTIVITY, villages: [{ code: "35.04.01.2001" }] });
    expect(foreign.statusCode).toBe(400);
    const added = await c.bappeda.send("POST", url, ACTIVITY);
    expect(added.statusCode).toBe(201);
    activityId = added.json().id;

    const update = { activity: { ...ACTIVITY, realisasi: { apbd: 20_000_000 }, volumeDone: 40 }, version: 1 };
    expect((await c.jatim.send("PUT", `/api/aksi/activities/${activityId}`, update)).statusCode).toBe(403);
    expect((await c.bappeda.send("PUT", `/api/aksi/activities/${activityId}`, update)).statusCode).toBe(204);
    expect((await c.bappeda.send("PUT", `/api/aksi/activities/${activityId}`, update)).statusCode).toBe(409);

    const p = (await c.jatim.get(url)).json();
    expect(p.desaLokus).toEqual([V1, V2]);
    expect(p.activities[0]).toMatchObject({
      paguTotal: 60_000_000,
      realisasiTotal: 20_000_000,
      lokusVillages: 1,
      version: 2,
    });
    // 60 M: 30 M given to V1 (lokus), the other 30 M to V3; realisasi 20 M split 10 M + 10 M
    expect(p.summary.total).toMatchObject({ pagu: 60_000_000, realisasi: 20_000_000 });
    expect(p.summary.lokusPagu).toMatchObject({ lokus: 30_000_000, nonLokus: 30_000_000, pctOfLocated: 50 });
    expect(
      p.summary.byVillage.map((v: { key: string; name: string; pagu: number }) => [v.key, v.name, v.pagu]),
    ).toEqual([
      [V1, "Besuki", 30_000_000],
      [V3, "Karangtengah", 30_000_000],
    ]);
    expect(p.summary.bySource.map((s: { key: string; pagu: number }) => [s.key, s.pagu])).toEqual([
      ["apbd", 50_000_000],
      ["dak", 0],
      ["dana_desa", 10_000_000],
      ["lainnya", 0],
    ]);
    for (const who of ["jateng", "dinkes-lain", "camat", "kader"] as const)
      expect((await c[who].get(url)).statusCode, who).toBe(404);
  });

  it("imports a plan file all-or-nothing after a dry run, and exports the plan as XLSX", async () => {
    const url = `/api/aksi/cycles/${cycleId}/activities/import`;
    const bad = Buffer.from(`${CSV_HEADER}\n${CSV_OK}\n${CSV_BAD}\n`);
    expect((await upload("jatim", url, "rencana.csv", bad, { dryRun: "true" }, "text/csv")).statusCode).toBe(
      403,
    );
    const dry = await upload("bappeda", url, "rencana.csv", bad, { dryRun: "true" }, "text/csv");
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rowsRead: 2, activities: 1, saved: 0 });
    expect(
      dry
        .json()
        .errors.map((e: { rowNo: number; field: string; userMessage: unknown }) => [
          e.rowNo,
          e.field,
          e.userMessage,
        ]),
    ).toEqual([
      [3, "Intervensi", { key: "aksi.planNotIntervention", params: { value: "sosial" } }],
      [3, "Pilar", { key: "aksi.planNotPillar", params: { value: "9" } }],
    ]);
    const refused = await upload("bappeda", url, "rencana.csv", bad, { dryRun: "false" }, "text/csv");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.errors).toHaveLength(2);
    expect((await c.bappeda.get(`/api/aksi/cycles/${cycleId}/activities`)).json().activities).toHaveLength(1);

    const good = Buffer.from(`${CSV_HEADER}\n${CSV_OK}\n`);
    const saved = await upload("bappeda", url, "rencana.csv", good, { dryRun: "false" }, "text/csv");
    expect(saved.json()).toMatchObject({ dryRun: false, saved: 1, errors: [] });
    const plan = (await c.bappeda.get(`/api/aksi/cycles/${cycleId}/activities`)).json();
    expect(plan.summary.total.pagu).toBe(85_000_000);

    const xlsx = await c.penilai.get(`/api/aksi/cycles/${cycleId}/activities.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await c.jateng.get(`/api/aksi/cycles/${cycleId}/activities.xlsx`)).statusCode).toBe(404);
    // the export imports back (dry run): the same two activities, no errors
    const again = await upload(
      "bappeda",
      url,
      "rencana.xlsx",
      xlsx.rawPayload,
      { dryRun: "true" },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(again.json()).toMatchObject({ activities: 2, errors: [] });
  });

  it("lets only the district take an activity off", async () => {
    const url = `/api/aksi/activities/${activityId}`;
    expect((await c.jatim.send("DELETE", url)).statusCode).toBe(403);
    expect((await c["dinkes-lain"].send("DELETE", url)).statusCode).toBe(404);
    expect((await c.bappeda.send("DELETE", url)).statusCode).toBe(204);
    expect((await c.bappeda.send("DELETE", url)).statusCode).toBe(404);
  });
});
