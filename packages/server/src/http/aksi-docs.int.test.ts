/**
 * The aksi document routes in the role × region matrix: rembuk stunting and its berita acara,
 * regulations and their documents, KPM (contacts scoped and logged), the desa scorecard (form,
 * import with row errors, export read back, PDF) and the review (PDF, prefill of next year). Also:
 * the upload sweep at a server's start leaves stored documents alone.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, expect, it } from "vitest";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { UserService } from "../services/users.ts";
import type { App } from "./context.ts";
import { type Client, multipart, PASSWORD, seedFixtures, signIn, testApp } from "./test-app.ts";

const USERS = [
  "nasional",
  "jatim",
  "penilai",
  "jateng",
  "bappeda",
  "dinkes",
  "dinkes-lain",
  "camat",
  "desa",
  "desa-lain",
  "kader",
] as const;
type Who = (typeof USERS)[number];
const VILLAGE = "35.03.01.2001";

async function pdfText(bytes: Buffer): Promise<string> {
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(proxy, { mergePages: true })).text.replace(/\s+/g, " ");
}

const REMBUK = {
  level: "district",
  regionCode: "35.03",
  heldOn: "2025-03-12",
  place: "Pendopo Kabupaten (sintetis)",
  agenda: ["Hasil analisis situasi", "Kesepakatan kegiatan desa lokus"],
  commitment: "Para pihak berkomitmen menurunkan prevalensi stunting menjadi 14,2 persen.",
  participants: [
    { name: "Bupati Sintetis", agency: "Pemerintah Kabupaten", role: "Bupati", signatory: true },
    { name: "Ketua DPRD Sintetis", agency: "DPRD", role: "Ketua", signatory: true },
    { name: "Kepala Desa Contoh", agency: "Desa Contoh", role: "Kepala desa", signatory: false },
  ],
  activities: [{ text: "PMT lokal di 10 desa lokus", activityId: null }],
  followUps: [
    { action: "Susun Perbup peran desa", owner: "Dinas PMD", dueDate: "2025-05-31", status: "proses" },
  ],
};

function expectMatrix(got: Record<Who, number>, expected: Record<Who, number>) {
  expect(got).toEqual(expected);
}

describeEachEngine("aksi document routes: role × region", (ctx) => {
  let app: App;
  let uploadDir: string;
  const c = {} as Record<Who, Client>;
  let cycleId = "";
  let rembukId = "";
  let perbupId = "";
  let perdesId = "";
  let kpmId = "";

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    await new UserService(new Repositories(ctx.database.db)).createInitial({
      username: "desa-lain",
      displayName: "desa-lain",
      password: PASSWORD,
      role: "village_tpps",
      regionCode: "35.03.01.2002",
    });
    uploadDir = mkdtempSync(join(tmpdir(), "tumbuh-aksi-docs-"));
    app = await testApp(ctx.database, { uploadDir });
    for (const u of USERS) c[u] = await signIn(app, u);
    const res = await c.bappeda.send("POST", "/api/aksi/cycles", { districtCode: "35.03", year: 2025 });
    cycleId = res.json().cycle.id;
  });

  const each = async (fn: (who: Who) => Promise<{ statusCode: number }>) => {
    const out = {} as Record<Who, number>;
    for (const who of USERS) out[who] = (await fn(who)).statusCode;
    return out;
  };
  const upload = (who: Who, url: string, name: string, content: Buffer) => {
    const { payload, headers } = multipart(name, content);
    return app.inject({
      method: "POST",
      url,
      payload,
      headers: { ...headers, cookie: c[who].cookie, "x-csrf-token": c[who].csrfToken },
    });
  };

  it("rembuk: the district records, its district and province read, the berita acara prints", async () => {
    const create = await each((who) =>
      who === "bappeda"
        ? Promise.resolve({ statusCode: 201 })
        : c[who].send("POST", `/api/aksi/cycles/${cycleId}/rembuk`, REMBUK),
    );
    expectMatrix(create, {
      nasional: 403,
      jatim: 403,
      penilai: 403,
      jateng: 404,
      bappeda: 201,
      dinkes: 403,
      "dinkes-lain": 404,
      camat: 404,
      desa: 404,
      "desa-lain": 404,
      kader: 404,
    });
    const res = await c.bappeda.send("POST", `/api/aksi/cycles/${cycleId}/rembuk`, REMBUK);
    expect(res.statusCode).toBe(201);
    rembukId = res.json().rembuk.id;
    expect(res.json().rembuk).toMatchObject({ regionName: "KABUPATEN TRENGGALEK", version: 1 });

    const readers = {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      jateng: 404,
      bappeda: 200,
      dinkes: 200,
      "dinkes-lain": 404,
      camat: 404,
      desa: 404,
      "desa-lain": 404,
      kader: 404,
    };
    expectMatrix(await each((who) => c[who].get(`/api/aksi/cycles/${cycleId}/rembuk`)), readers);
    expectMatrix(await each((who) => c[who].get(`/api/aksi/rembuk/${rembukId}/berita-acara.pdf`)), readers);

    // Wrong input names the field.
    const bad = await c.bappeda.send("POST", `/api/aksi/cycles/${cycleId}/rembuk`, {
      ...REMBUK,
      level: "village",
      regionCode: "35.04.01.2001",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe("regionCode");
    const badDate = await c.bappeda.send("POST", `/api/aksi/cycles/${cycleId}/rembuk`, {
      ...REMBUK,
      heldOn: "2025-02-30",
    });
    expect(badDate.statusCode).toBe(400);

    // A kecamatan rembuk, and an update with a stale version.
    const kec = await c.bappeda.send("POST", `/api/aksi/cycles/${cycleId}/rembuk`, {
      ...REMBUK,
      level: "subdistrict",
      regionCode: "35.03.01",
    });
    expect(kec.statusCode).toBe(201);
    const upd = { ...REMBUK, followUps: [{ ...REMBUK.followUps[0], status: "selesai" }], version: 1 };
    expect((await c.jatim.send("PUT", `/api/aksi/rembuk/${rembukId}`, upd)).statusCode).toBe(403);
    expect(
      (await c.bappeda.send("PUT", `/api/aksi/rembuk/${rembukId}`, upd)).json().followUps[0].status,
    ).toBe("selesai");
    expect((await c.bappeda.send("PUT", `/api/aksi/rembuk/${rembukId}`, upd)).statusCode).toBe(409);

    const pdf = await c.jatim.get(`/api/aksi/rembuk/${rembukId}/berita-acara.pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain("berita-acara-rembuk-stunting");
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      "Berita Acara Rembuk Stunting",
      "Kabupaten/Kota KABUPATEN TRENGGALEK — Tahun 2025",
      "12 Maret 2025",
      "Pendopo Kabupaten (sintetis)",
      "Hasil analisis situasi",
      "Ketua DPRD Sintetis",
      "menurunkan prevalensi stunting menjadi 14,2 persen",
      "PMT lokal di 10 desa lokus",
      "Susun Perbup peran desa",
      "Dinas PMD",
      "31 Mei 2025",
      "Selesai",
      "Bupati, Pemerintah Kabupaten",
    ])
      expect(text, s).toContain(s);
  });

  it("regulations: Perbup by the district, Perdes by the district or its village; documents access-checked", async () => {
    const perbup = {
      kind: "perbup",
      regionCode: "35.03",
      number: "12 Tahun 2025",
      issuedOn: "2025-04-02",
      title: "Peran Desa dalam Percepatan Penurunan Stunting",
    };
    const made = await each((who) => c[who].send("POST", "/api/aksi/regulations", perbup));
    expectMatrix(made, {
      nasional: 403,
      jatim: 403,
      penilai: 403,
      jateng: 403,
      bappeda: 201,
      dinkes: 403,
      "dinkes-lain": 403,
      camat: 403,
      desa: 403,
      "desa-lain": 403,
      kader: 403,
    });
    perbupId = (await c.bappeda.get("/api/aksi/regulations?region=35.03")).json().regulations[0].id;
    const perdes = {
      kind: "perdes",
      regionCode: VILLAGE,
      number: "3 Tahun 2025",
      issuedOn: "2025-06-10",
      title: "Kewenangan Desa",
    };
    const village = await each((who) => c[who].send("POST", "/api/aksi/regulations", perdes));
    expect(village).toMatchObject({
      bappeda: 201,
      desa: 201,
      "desa-lain": 403,
      kader: 403,
      dinkes: 403,
      jatim: 403,
    });
    expect(
      (await c.bappeda.send("POST", "/api/aksi/regulations", { ...perdes, regionCode: "35.03" })).json().error
        .details.field,
    ).toBe("regionCode");
    perdesId = (await c.desa.get(`/api/aksi/regulations?region=${VILLAGE}`)).json().regulations[0].id;

    expectMatrix(await each((who) => c[who].get("/api/aksi/regulations?region=35.03")), {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      jateng: 403,
      bappeda: 200,
      dinkes: 200,
      "dinkes-lain": 403,
      camat: 403,
      desa: 403,
      "desa-lain": 403,
      kader: 403,
    });
    expect((await c.jatim.get("/api/aksi/regulations?region=35")).statusCode).toBe(400);

    const PDF = Buffer.from("%PDF-1.4\n% Perbup 12/2025 (sintetis)\n%%EOF\n");
    expect(
      (await upload("desa", `/api/aksi/regulations/${perbupId}/document`, "perbup.pdf", PDF)).statusCode,
    ).toBe(404);
    expect(
      (await upload("jatim", `/api/aksi/regulations/${perbupId}/document`, "perbup.pdf", PDF)).statusCode,
    ).toBe(403);
    expect(
      (
        await upload(
          "bappeda",
          `/api/aksi/regulations/${perbupId}/document`,
          "perbup.exe",
          Buffer.from("MZ\x90\x00"),
        )
      ).statusCode,
    ).toBe(400);
    const up = await upload(
      "bappeda",
      `/api/aksi/regulations/${perbupId}/document`,
      "Perbup 12 2025.pdf",
      PDF,
    );
    expect(up.statusCode).toBe(200);
    expect(up.json().document).toMatchObject({
      fileName: "Perbup 12 2025.pdf",
      mediaType: "application/pdf",
    });
    expect(
      (await upload("desa", `/api/aksi/regulations/${perdesId}/document`, "perdes.pdf", PDF)).statusCode,
    ).toBe(200);
    expect(
      (await upload("desa-lain", `/api/aksi/regulations/${perdesId}/document`, "perdes.pdf", PDF)).statusCode,
    ).toBe(404);

    const dl = await each((who) => c[who].get(`/api/aksi/regulations/${perbupId}/document`));
    expect(dl).toMatchObject({
      bappeda: 200,
      jatim: 200,
      jateng: 404,
      "dinkes-lain": 404,
      desa: 404,
      kader: 404,
    });
    expect((await c.jatim.get(`/api/aksi/regulations/${perbupId}/document`)).rawPayload.equals(PDF)).toBe(
      true,
    );
  });

  it("the upload sweep at a new server's start keeps the stored documents", async () => {
    const again = await testApp(ctx.database, { uploadDir });
    try {
      const bappeda = await signIn(again, "bappeda");
      const res = await bappeda.get(`/api/aksi/regulations/${perbupId}/document`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.toString()).toContain("Perbup 12/2025");
    } finally {
      await again.close();
    }
  });

  it("KPM: written by the district and its village; contacts only for them, and each view logged", async () => {
    const body = {
      villageCode: VILLAGE,
      name: "Sri Wahyuni (sintetis)",
      appointedOn: "2025-01-15",
      trainedOn: "2025-02-20",
      training: "Bimtek KPM kabupaten",
      contact: "0812-0000-0001",
    };
    expect(await each((who) => c[who].send("POST", "/api/aksi/kpm", body))).toMatchObject({
      bappeda: 201,
      desa: 201,
      "desa-lain": 403,
      kader: 403,
      jatim: 403,
      dinkes: 403,
      camat: 403,
    });
    expect(
      (await c.bappeda.send("POST", "/api/aksi/kpm", { ...body, trainedOn: "2024-12-01" })).json().error
        .details.field,
    ).toBe("trainedOn");
    const list = async (who: Who) => c[who].get(`/api/aksi/kpm?region=${VILLAGE}`);
    expect(await each(list)).toEqual({
      nasional: 200,
      jatim: 200,
      penilai: 200,
      jateng: 403,
      bappeda: 200,
      dinkes: 200,
      "dinkes-lain": 403,
      camat: 403,
      desa: 200,
      "desa-lain": 403,
      kader: 403,
    });
    expect((await list("bappeda")).json().kpm[0].contact).toBe("0812-0000-0001");
    expect((await list("desa")).json().kpm[0].contact).toBe("0812-0000-0001");
    expect((await list("jatim")).json().kpm[0].contact).toBeNull();
    expect((await list("dinkes")).json().kpm[0].contact).toBeNull();
    expect((await list("jatim")).body).not.toContain("0812");
    const views = await new Repositories(ctx.database.db).audit.list({
      region: VILLAGE,
      entity: "kpm",
      limit: 50,
    });
    const contactViews = views.filter((v) => v.action === "view_contact");
    // bappeda ×2 and desa ×2 saw the contact (jatim and dinkes did not: no entry for them)
    expect(contactViews.map((v) => v.username).sort()).toEqual(["bappeda", "bappeda", "desa", "desa"]);
    kpmId = (await list("desa")).json().kpm[0].id;
    const upd = { ...body, villageCode: undefined, trainedOn: null, version: 1 };
    expect((await c["desa-lain"].send("PUT", `/api/aksi/kpm/${kpmId}`, upd)).statusCode).toBe(404);
    expect((await c.desa.send("PUT", `/api/aksi/kpm/${kpmId}`, upd)).json()).toMatchObject({
      trainedOn: null,
      version: 2,
    });
    expect((await c.desa.send("PUT", `/api/aksi/kpm/${kpmId}`, upd)).statusCode).toBe(409);
  });

  it("scorecard: a village's quarter by form, checked counts, PDF; the matrix", async () => {
    const url = `/api/aksi/scorecards/${VILLAGE}/2025-Q3`;
    const counts = {
      IH1: { y: 4, ts: 0 },
      IH2: { y: 3, ts: 0 },
      IH3: { y: 1, ts: 2 },
      IH4: { y: 2, ts: 0 },
      IH5: { y: 0, ts: 3 },
      IH6: { y: 4, ts: 0 },
      IH7: { y: 2, ts: 0 },
      IH8: { y: 3, ts: 0 },
      A1: { y: 3, ts: 2 },
      A2: { y: 5, ts: 0 },
      A3: { y: 4, ts: 0 },
      A4: { y: 2, ts: 2 },
      A5: { y: 1, ts: 4 },
      A6: { y: 5, ts: 0 },
      A7: { y: 3, ts: 0 },
      A8: { y: 5, ts: 0 },
      A9: { y: 4, ts: 0 },
      A10: { y: 1, ts: 2 },
    };
    const body = { targets: { ibu_hamil: 4, anak_0_23: 5 }, counts, version: 0 };
    expect(
      await each((who) =>
        who === "desa"
          ? Promise.resolve({ statusCode: 200 })
          : c[who].send("PUT", url, { ...body, version: 99 }),
      ),
    ).toMatchObject({
      jatim: 403,
      penilai: 403,
      dinkes: 403,
      "desa-lain": 403,
      kader: 403,
      camat: 403,
      jateng: 403,
      bappeda: 409, // allowed, but no row has version 99
    });
    const bad = await c.desa.send("PUT", url, { ...body, counts: { ...counts, IH1: { y: 5, ts: 0 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe("counts.IH1");
    const saved = await c.desa.send("PUT", url, body);
    expect(saved.statusCode).toBe(200);
    // ΣY 52 ÷ (8 × 4 + 10 × 5 − 15) = 77.6 % (worked in core/programme/scorecard-counts.test.ts)
    expect(saved.json().level).toMatchObject({ y: 52, ts: 15, cells: 82, denominator: 67 });
    expect(saved.json().version).toBe(1);
    expect(await each((who) => c[who].get(url))).toEqual({
      nasional: 200,
      jatim: 200,
      penilai: 200,
      jateng: 403,
      bappeda: 200,
      dinkes: 200,
      "dinkes-lain": 403,
      camat: 403,
      desa: 200,
      "desa-lain": 403,
      kader: 403,
    });
    expect((await c.bappeda.get(url)).json().canEdit).toBe(true);
    expect((await c.jatim.get(url)).json().canEdit).toBe(false);
    expect((await c.bappeda.get(`/api/aksi/scorecards/${VILLAGE}/2025-Q5`)).statusCode).toBe(400);

    const pdf = await c.jatim.get(`${url}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      "Scorecard Konvergensi Desa",
      "2025-Q3",
      "Periksa kehamilan paling sedikit 4 kali",
      "77,6%",
      "70,4%",
      "82,5%",
    ])
      expect(text, s).toContain(s);
    expect((await c["desa-lain"].get(`${url}/pdf`)).statusCode).toBe(403);
  });

  it("scorecard: XLSX/CSV import names each wrong row and saves nothing; the export reads back", async () => {
    const csv = [
      "Kode Desa;Triwulan;Kode Indikator;Sasaran (N);Y;TS",
      "35.03.01.2002;2025-Q3;IH1;3;2;0",
      "35.03.01.2002;2025-Q3;IH2;3;4;0",
      "35.03.01.2003;2025-Q9;A1;2;1;0",
    ].join("\n");
    const imp = (who: Who, name: string, content: Buffer) =>
      upload(who, "/api/aksi/scorecards/import", name, content);
    const res = await imp("bappeda", "sc.csv", Buffer.from(csv));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      rowsRead: 3,
      saved: 0,
      errors: [
        {
          rowNo: 3,
          field: "Y",
          reason: "Y 4 + TS 0 is more than N 3",
          userMessage: { key: "aksi.scorecardRowOverN", params: { y: 4, ts: 0, n: 3 } },
        },
        {
          rowNo: 4,
          field: "Triwulan",
          reason: 'found "2025-Q9", expected a quarter such as 2025-Q3',
          userMessage: { key: "aksi.scorecardRowQuarter", params: { value: "2025-Q9" } },
        },
      ],
    });
    // The village imports only its own rows.
    const other = await imp(
      "desa",
      "sc.csv",
      Buffer.from("Kode Desa;Triwulan;Kode Indikator;Sasaran (N);Y;TS\n35.03.01.2002;2025-Q3;IH1;3;2;0\n"),
    );
    expect(other.json().errors[0]).toMatchObject({
      rowNo: 2,
      field: "Kode Desa",
      userMessage: { key: "aksi.scorecardRowVillageOutside", params: { village: "35.03.01.2002" } },
    });
    expect((await imp("kader", "sc.csv", Buffer.from(csv))).json().errors[0]?.field ?? "none").toBe("Y");
    expect(
      (await imp("bappeda", "sc.csv", Buffer.from("Desa;Nilai\n1;2\n"))).json().error.details.field,
    ).toBe("file");

    const xlsx = await c.jatim.get("/api/aksi/scorecards/export.xlsx?region=35.03&period=2025");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await c.jateng.get("/api/aksi/scorecards/export.xlsx?region=35.03&period=2025")).statusCode).toBe(
      403,
    );
    // Read back as the district: the same quarter, saved again (version 2), same level.
    const back = await imp("bappeda", "scorecard.xlsx", xlsx.rawPayload);
    expect(back.json()).toEqual({ rowsRead: 18, saved: 1, errors: [] });
    const again = (await c.bappeda.get(`/api/aksi/scorecards/${VILLAGE}/2025-Q3`)).json();
    expect(again).toMatchObject({ version: 2, level: { y: 52, denominator: 67 } });
    const list = await c.jatim.get("/api/aksi/scorecards?region=35.03&period=2025");
    expect(list.json().scorecards).toHaveLength(1);
    expect(list.json().scorecards[0].levelPct).toBeCloseTo(77.612, 2);
  });

  it("review: the district writes commentary and lessons, prints it, and prefills next year's analisis situasi", async () => {
    const url = `/api/aksi/cycles/${cycleId}/review`;
    expect(await each((who) => c[who].get(url))).toEqual({
      nasional: 200,
      jatim: 200,
      penilai: 200,
      jateng: 404,
      bappeda: 200,
      dinkes: 200,
      "dinkes-lain": 404,
      camat: 404,
      desa: 404,
      "desa-lain": 404,
      kader: 404,
    });
    const body = {
      publicationComment: "Prevalensi turun di 8 dari 10 desa lokus (data sintetis).",
      lessons: "Pengukuran serentak perlu alat antropometri terstandar di semua posyandu.",
      indicators: [
        { name: "Balita dipantau tumbuh kembang", unit: "%", target: 90, achieved: 84.5, source: "e-PPGBM" },
      ],
      version: 0,
    };
    for (const who of ["jatim", "penilai", "dinkes"] as const)
      expect((await c[who].send("PUT", url, body)).statusCode, who).toBe(403);
    expect((await c.bappeda.send("POST", `${url}/prefill-next`)).json().error.details.field).toBe("lessons");
    const saved = await c.bappeda.send("PUT", url, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      rembuk: 2,
      regulations: 3,
      kpm: { villagesWithKpm: 1, kpm: 2, trained: 1 },
      scorecards: [{ quarter: "2025-Q3", villages: 1 }],
      links: {
        dataQuality: "#/quality?region=35.03&period=2025",
        publicPage: "#/publik?district=35.03&period=2025",
      },
      activities: null,
    });
    expect((await c.bappeda.send("PUT", url, body)).statusCode).toBe(409);

    const pdf = await c.jatim.get(`${url}.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      "Reviu Kinerja Tahunan Aksi Konvergensi",
      "KABUPATEN TRENGGALEK — Tahun 2025",
      "Balita dipantau tumbuh kembang",
      "84,5%",
      "Pengukuran serentak perlu alat",
      "Prevalensi turun di 8",
      "18%",
    ])
      expect(text, s).toContain(s);
    expect((await c.jateng.get(`${url}.pdf`)).statusCode).toBe(404);

    expect((await c.jatim.send("POST", `${url}/prefill-next`)).statusCode).toBe(403);
    const pre = await c.bappeda.send("POST", `${url}/prefill-next`);
    expect(pre.statusCode).toBe(200);
    const next = (await c.bappeda.get(`/api/aksi/cycles/${pre.json().cycleId}`)).json();
    expect(next.cycle.year).toBe(2026);
    const ansit = next.entries.find((e: { aksiCode: string }) => e.aksiCode === pre.json().aksiCode);
    expect(ansit.notes).toBe(
      "Pelajaran dari reviu kinerja tahun 2025:\nPengukuran serentak perlu alat antropometri terstandar di semua posyandu.",
    );
    // Twice does not repeat them.
    await c.bappeda.send("POST", `${url}/prefill-next`);
    const twice = (await c.bappeda.get(`/api/aksi/cycles/${pre.json().cycleId}`)).json();
    expect(twice.entries.find((e: { aksiCode: string }) => e.aksiCode === pre.json().aksiCode).notes).toBe(
      ansit.notes,
    );
    expect((await c.bappeda.get(url)).json().prefilledCycleId).toBe(pre.json().cycleId);
  });

  it("deletes: only writers, and a deleted record is gone", async () => {
    expect((await c.jatim.send("DELETE", `/api/aksi/rembuk/${rembukId}`)).statusCode).toBe(403);
    expect((await c.bappeda.send("DELETE", `/api/aksi/rembuk/${rembukId}`)).statusCode).toBe(204);
    expect((await c.bappeda.get(`/api/aksi/rembuk/${rembukId}`)).statusCode).toBe(404);
    expect((await c.desa.send("DELETE", `/api/aksi/regulations/${perbupId}`)).statusCode).toBe(404);
    expect((await c.desa.send("DELETE", `/api/aksi/regulations/${perdesId}`)).statusCode).toBe(204);
    expect((await c["desa-lain"].send("DELETE", `/api/aksi/kpm/${kpmId}`)).statusCode).toBe(404);
    expect((await c.desa.send("DELETE", `/api/aksi/kpm/${kpmId}`)).statusCode).toBe(204);
  });
});
