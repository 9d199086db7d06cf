/**
 * The API over real data: dashboards, children, measurements, exports, boundaries and the
 * public API; and for every route, a user of another region or a lower role gets 403/404
 * and none of the data.
 */
import { randomUUID } from "node:crypto";
import { Dashboard } from "@tumbuh/core/api";
import { beforeAll, expect, it } from "vitest";
import { refreshRollups } from "../db/repositories/rollup-refresh.ts";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { type Client, seedFixtures, signIn, testApp } from "./test-app.ts";

const VILLAGE = "35.03.01.2001"; // Besuki, Kec. Panggul, Trenggalek
const VILLAGE2 = "35.03.01.2002"; // Terbis
const OTHER_VILLAGE = "35.04.01.1001"; // Kedungsoko, Tulungagung
const SITI_NIK = "3503014505230001";
const SITI_KK = "3503010101230002";

describeEachEngine("API over data, and access by role and region", (ctx) => {
  let app: App;
  let kader: Client;
  let posyanduId: string;
  let otherPosyanduId: string;
  let sitiId: string;
  let budiId: string;
  const ids: string[] = [];

  /** What the API answered when the fixtures were entered (201 Created each), for the first test. */
  const entered = new Map<string, unknown>();
  /** Sends a POST that must create something; fails the set-up with the answer when it does not. */
  async function create(client: Client, what: string, url: string, body: unknown) {
    const res = await client.send("POST", url, body);
    if (res.statusCode !== 201) throw new Error(`set-up: ${what}: ${res.statusCode} ${res.body}`);
    entered.set(what, res.json());
    return res.json();
  }

  // Regions, users, posyandu, children and measurements entered through the API.
  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database, { now: () => new Date("2025-08-20T03:00:00Z") });
    posyanduId = randomUUID();
    otherPosyanduId = randomUUID();
    await ctx.database.db
      .insertInto("posyandu")
      .values([
        {
          district_code: "35.03",
          id: posyanduId,
          village_code: VILLAGE,
          puskesmas_id: null,
          name: "Mawar",
          search_name: "mawar",
        },
        {
          district_code: "35.04",
          id: otherPosyanduId,
          village_code: OTHER_VILLAGE,
          puskesmas_id: null,
          name: "Melati",
          search_name: "melati",
        },
      ])
      .execute();
    kader = await signIn(app, "kader");
    const siti = await create(kader, "Siti", "/api/children", {
      name: "Siti Aminah",
      sex: 2,
      birthDate: "2023-05-10",
      villageCode: VILLAGE,
      posyanduId,
      nik: SITI_NIK,
      kk: SITI_KK,
      motherName: "Sri Wahyuni",
    });
    sitiId = siti.child.id;
    // July: normal height; August: stunted (a new stunting case).
    await create(kader, "Siti in July", `/api/children/${sitiId}/measurements`, {
      date: "2025-07-10",
      weight: 11,
      height: 88,
      measure: "h",
    });
    await create(kader, "Siti in August", `/api/children/${sitiId}/measurements`, {
      date: "2025-08-10",
      weight: 10.5,
      height: 80,
      measure: "h",
    });
    // Five more children in the village, one stunted; one child in the neighbouring village.
    const more = [
      ["Agus", 1, 85],
      ["Bayu", 1, 86],
      ["Citra", 2, 84],
      ["Dewi", 2, 85],
      ["Eko", 1, 76],
    ] as const;
    for (const [name, sex, height] of more) {
      const c = await create(kader, name, "/api/children", {
        name,
        sex,
        birthDate: "2023-06-01",
        villageCode: VILLAGE,
        posyanduId,
      });
      ids.push(c.child.id);
      await create(kader, `${name} in August`, `/api/children/${c.child.id}/measurements`, {
        date: "2025-08-11",
        weight: 11,
        height,
        measure: "h",
      });
    }
    const lain = await signIn(app, "kader-lain");
    const c2 = await create(lain, "Fajar", "/api/children", {
      name: "Fajar",
      sex: 1,
      birthDate: "2023-06-01",
      villageCode: VILLAGE2,
    });
    await create(lain, "Fajar in August", `/api/children/${c2.child.id}/measurements`, {
      date: "2025-08-12",
      weight: 11,
      height: 78,
      measure: "h",
    });
    const dinkesLain = await signIn(app, "dinkes-lain");
    const budi = await create(dinkesLain, "Budi", "/api/children", {
      name: "Budi Santoso",
      sex: 1,
      birthDate: "2022-01-15",
      villageCode: OTHER_VILLAGE,
      posyanduId: otherPosyanduId,
      nik: "3504011501220003",
    });
    budiId = budi.child.id;
    await create(dinkesLain, "Budi in August", `/api/children/${budiId}/measurements`, {
      date: "2025-08-05",
      weight: 12,
      height: 90,
      measure: "h",
    });
  });

  it("enters children and measurements through the API: NIK masked, height-for-age status computed", () => {
    expect(entered.get("Siti")).toMatchObject({ child: { id: sitiId, nikMasked: "••••••••••••0001" } });
    expect(entered.get("Siti in July")).toMatchObject({ measurement: { tbu: "normal" } });
    expect(entered.get("Siti in August")).toMatchObject({
      measurement: { tbu: expect.stringMatching(/pendek/) },
    });
  });

  it("dashboard: the district equals the sum of its subdistricts; stunting and new cases counted once per child", async () => {
    const dinkes = await signIn(app, "dinkes");
    const res = await dinkes.get("/api/dashboard?region=35.03&period=2025-08");
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.region).toMatchObject({ code: "35.03", level: "district" });
    expect(d.ancestors.map((a: { code: string }) => a.code)).toEqual(["ID", "35"]);
    // 7 children measured in August in Trenggalek: Siti (stunted, new), Eko (76 cm: stunted), Fajar (78 cm: stunted).
    expect(d.summary.measured).toBe(7);
    const sum = d.children.reduce((s: number, c: { measured: number }) => s + c.measured, 0);
    expect(sum).toBe(d.summary.measured);
    expect(d.children.find((c: { code: string }) => c.code === "35.03.01").measured).toBe(7);
    expect(d.summary.stunted).toBe(3);
    expect(d.summary.stuntingRate).toBe(Math.round((3 / d.summary.validHaz) * 1000) / 10);
    expect(d.summary.newStunting).toBeGreaterThanOrEqual(1);
    expect(d.trend.map((t: { period: string }) => t.period)).toEqual(["2025-07", "2025-08"]);
    expect(d.source.label).toMatch(/e-PPGBM/);
    // Below a village the table lists posyandu.
    const v = (await dinkes.get(`/api/dashboard?region=${VILLAGE}&period=2025-08`)).json();
    expect(v.children).toEqual([
      expect.objectContaining({ code: posyanduId, name: "Mawar", level: "posyandu", measured: 6 }),
    ]);
    // Default period: the latest month with data.
    expect((await dinkes.get("/api/dashboard?region=35.03")).json().period).toBe("2025-08");
    expect((await dinkes.get("/api/periods?region=35.03")).json().periods).toEqual([
      "2025-08",
      "2025-07",
      "2025",
    ]);
  });

  it("children: search by name and NIK within scope, NIK masked; identity only for allowed roles and logged", async () => {
    const byName = (await kader.get("/api/children?q=siti")).json();
    expect(byName.total).toBe(1);
    expect(byName.children[0]).toMatchObject({
      name: "Siti Aminah",
      nikMasked: "••••••••••••0001",
      posyanduName: "Mawar",
    });
    expect(JSON.stringify(byName)).not.toContain(SITI_NIK);
    const byNik = (await kader.send("POST", "/api/children/search", { nik: SITI_NIK })).json();
    expect(byNik.children.map((c: { id: string }) => c.id)).toEqual([sitiId]);
    const rec = (await kader.get(`/api/children/${sitiId}`)).json();
    expect(rec.measurements.map((m: { date: string }) => m.date)).toEqual(["2025-07-10", "2025-08-10"]);
    expect(rec.child.kkMasked).toBe("••••••••••••0002");
    const ident = await kader.get(`/api/children/${sitiId}/identity`);
    expect(ident.json()).toEqual({ nik: SITI_NIK, kk: SITI_KK, motherNik: null });
    const admin = await signIn(app, "jatim");
    const audit = (await admin.get(`/api/audit?entity=identity&entityId=${sitiId}`)).json().entries;
    expect(audit[0]).toMatchObject({ action: "view_identity", username: "kader" });
    for (const name of ["tpk", "camat", "bappeda", "jatim"]) {
      const c = await signIn(app, name);
      const r = await c.get(`/api/children/${sitiId}/identity`);
      expect(r.statusCode, name).toBe(403);
      expect(r.body).not.toContain(SITI_NIK);
    }
    const session = (await kader.get(`/api/posyandu/${posyanduId}/children?date=2025-08-10`)).json();
    expect(session.children.find((c: { id: string }) => c.id === sitiId).measuredOnDate).toBe(true);
  });

  it("measurements: duplicates on a date are refused, implausible values warned, validation names the field", async () => {
    const dup = await kader.send("POST", `/api/children/${sitiId}/measurements`, {
      date: "2025-08-10",
      weight: 10,
    });
    expect(dup.statusCode).toBe(409);
    const odd = await kader.send("POST", `/api/children/${sitiId}/measurements`, {
      date: "2025-08-15",
      weight: 35,
      height: 80,
      measure: "h",
    });
    expect(odd.statusCode).toBe(201);
    expect(odd.json().warnings.map((w: { code: string }) => w.code)).toContain("implausible_zwei");
    const bad = await kader.send("POST", `/api/children/${sitiId}/measurements`, {
      date: "15/08/2025",
      weight: "x",
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body/date", "body/weight"]));
    // today in Indonesia is 2025-08-20 (03:00 UTC): the next day and a far year are in the future
    for (const date of ["2025-08-21", "2031-01-01"]) {
      const future = await kader.send("POST", `/api/children/${sitiId}/measurements`, {
        date,
        weight: 10.5,
      });
      expect(future.statusCode, date).toBe(400);
      expect(future.json().error).toMatchObject({ code: "bad_request", details: { field: "date" } });
      expect(future.json().error.message).toContain("2025-08-20");
    }
    const beforeBirth = await kader.send("POST", `/api/children/${sitiId}/measurements`, {
      date: "2023-05-09",
      weight: 3,
    });
    expect(beforeBirth.statusCode).toBe(400);
    expect(beforeBirth.json().error).toMatchObject({ code: "bad_request", details: { field: "date" } });
    const stored = (await kader.get(`/api/children/${sitiId}`)).json().measurements;
    expect(stored.map((m: { date: string }) => m.date)).not.toContain("2031-01-01");
    // the preview of a future date still answers, with its warning
    const preview = await kader.send("POST", "/api/zscore/preview", {
      sex: 2,
      birthDate: "2023-05-10",
      date: "2031-01-01",
      weight: 10.5,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().warnings.map((w: { code: string }) => w.code)).toContain("future_date");
    const tpk = await signIn(app, "tpk");
    const byTpk = await tpk.send("POST", `/api/children/${sitiId}/measurements`, {
      date: "2025-08-18",
      weight: 10.6,
    });
    expect(byTpk.statusCode).toBe(201);
  });

  it("z-score preview and growth reference", async () => {
    const p = await kader.send("POST", "/api/zscore/preview", {
      sex: 1,
      birthDate: "2024-08-01",
      date: "2025-08-01",
      height: 69.8,
      measure: "l",
    });
    expect(p.json()).toMatchObject({ ageDays: 365, zlen: -2.5, status: { tbu: { code: "pendek" } } });
    const ref = await kader.get("/api/growth/reference?indicator=lhfa&sex=1");
    expect(ref.json().lines["-2"][0]).toEqual([0, 46.1]);
    expect((await kader.get("/api/growth/reference?indicator=bmi&sex=1")).statusCode).toBe(400);
  });

  it("exports the tables a user sees, as CSV and XLSX", async () => {
    const dinkes = await signIn(app, "dinkes");
    const csv = await dinkes.get("/api/export?table=dashboard&region=35.03&period=2025-08&format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toMatch(
      /attachment; filename="tumbuh-dashboard-35.03-2025-08.csv"/,
    );
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    // Excel with Indonesian settings by default: semicolons, decimal commas, Indonesian headers and labels
    expect(lines[0]).toMatch(/^Kode wilayah;Wilayah;Tingkat;Periode;Anak diukur;/);
    expect(lines[1]).toMatch(/^35\.03;KABUPATEN TRENGGALEK;Kabupaten\/kota;2025-08;7;/i);
    const rate = lines[1].split(";")[lines[0].split(";").indexOf("Prevalensi stunting (%)")];
    expect(rate).toMatch(/^\d+(,\d+)?$/);
    // the plain dialect on request: commas and decimal points
    const plain = await dinkes.get(
      "/api/export?table=dashboard&region=35.03&period=2025-08&format=csv&dialect=plain",
    );
    expect(plain.body.replace(/^\uFEFF/, "")).toMatch(/^Kode wilayah,Wilayah,Tingkat,Periode,Anak diukur,/);
    expect(plain.body).toContain(`,${rate.replace(",", ".")},`);
    const kids = await dinkes.get("/api/export?table=children&region=35.03&format=csv");
    expect(kids.body).toContain("Siti Aminah");
    expect(kids.body).not.toContain(SITI_NIK);
    expect(kids.body).not.toContain("Budi");
    // the children list exports what the screen shows: the search applied
    const listed = (await dinkes.get("/api/children?region=35.03&q=siti&limit=100")).json().children;
    const searched = (await dinkes.get("/api/export?table=children&region=35.03&q=siti")).body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(searched.slice(1).map((l: string) => l.split(";")[0])).toEqual(
      listed.map((c: { name: string }) => c.name),
    );
    const measurements = await dinkes.get("/api/export?table=measurements&region=35.03&period=2025-08");
    const header = measurements.body.replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(header).toMatch(
      /^Nama anak;JK;Tanggal lahir;Kode desa\/kelurahan;Desa\/kelurahan;Posyandu;Tanggal ukur;/,
    );
    expect(measurements.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no posyandu or child UUIDs
    const xlsx = await dinkes.get("/api/export?table=measurements&region=35.03&period=2025-08&format=xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const penilai = await signIn(app, "penilai");
    expect((await penilai.get("/api/export?table=children&region=35.03")).statusCode).toBe(403);
    expect((await penilai.get("/api/export?table=dashboard&region=35.03")).statusCode).toBe(200);
  });

  it("boundaries: upload reports matches, misses and regions still without a shape; GET returns the children's shapes", async () => {
    const bappeda = await signIn(app, "bappeda");
    const square = (x: number) => ({
      type: "Polygon",
      coordinates: [
        [
          [x, -8],
          [x + 0.1, -8],
          [x + 0.1, -8.1],
          [x, -8.1],
          [x, -8],
        ],
      ],
    });
    const res = await bappeda.send("POST", "/api/boundaries", {
      attribution: "Uji",
      geojson: {
        type: "FeatureCollection",
        features: [
          { type: "Feature", properties: { kode: "35.03.01" }, geometry: square(111) },
          { type: "Feature", properties: { kode: "35.03.02" }, geometry: square(111.2) },
          { type: "Feature", properties: { kode: "35.04.01" }, geometry: square(112) },
          { type: "Feature", properties: { kode: "99.99.99" }, geometry: square(113) },
          { type: "Feature", properties: { nama: "tanpa kode" }, geometry: square(114) },
        ],
      },
      codeProperty: "kode",
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.matched.map((m: { code: string }) => m.code)).toEqual(["35.03.01", "35.03.02"]);
    expect(r.unmatched.map((u: { index: number }) => u.index)).toEqual([2, 3, 4]);
    expect(r.unmatched[0].reason).toMatch(/outside your scope/);
    expect(r.unmatched[1].reason).toMatch(/no region has the code 99\.99\.99/);
    expect(r.unmatched.map((u: { userMessage: unknown }) => u.userMessage)).toEqual([
      { key: "boundary.outsideScope", params: { code: "35.04.01" } },
      { key: "boundary.unknownRegion", params: { code: "99.99.99" } },
      { key: "boundary.noCodeProperty", params: { property: "kode" } },
    ]);
    expect(r.missing.length).toBeGreaterThan(5); // Trenggalek has 14 kecamatan
    expect(r.missing.map((m: { code: string }) => m.code)).not.toContain("35.03.01");
    const geo = (await bappeda.get("/api/boundaries?parent=35.03")).json();
    expect(geo.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
      "35.03.01",
      "35.03.02",
    ]);
    expect(geo.attribution).toBe("Uji");
    const pub = await app.inject({ method: "GET", url: "/api/public/boundaries?parent=35.03" });
    expect(pub.json().features).toHaveLength(2);
    const kaderUp = await kader.send("POST", "/api/boundaries", {
      geojson: {
        type: "FeatureCollection",
        features: [{ type: "Feature", properties: { code: VILLAGE }, geometry: square(1) }],
      },
    });
    expect(kaderUp.statusCode).toBe(403);
    // a second upload replaces one shape and adds none: the audit log names the codes, not the shapes
    const again = await bappeda.send("POST", "/api/boundaries", {
      attribution: "Uji 2",
      geojson: {
        type: "FeatureCollection",
        features: [{ type: "Feature", properties: { kode: "35.03.02" }, geometry: square(111.3) }],
      },
      codeProperty: "kode",
    });
    expect(again.statusCode).toBe(200);
    const entries = (await bappeda.get("/api/audit?entity=boundary")).json();
    expect(entries.error?.code ?? "").toBe("forbidden"); // district TPPS may upload but not read the log
    const log = (await (await signIn(app, "jatim")).get("/api/audit?entity=boundary")).json().entries;
    expect(log.map((e: { action: string }) => e.action)).toEqual(["upload", "upload"]);
    expect(log[1]).toMatchObject({
      before: { withShape: [] },
      after: { withShape: ["35.03.01", "35.03.02"], replaced: [], added: ["35.03.01", "35.03.02"] },
    });
    expect(log[0]).toMatchObject({
      before: { withShape: ["35.03.02"] },
      after: { withShape: ["35.03.02"], replaced: ["35.03.02"], added: [], attribution: "Uji 2" },
    });
    expect(JSON.stringify(log)).not.toContain("coordinates");
  });

  it("boundaries of a village: its own shape (posyandu have none), so a cadre's map shows her village", async () => {
    const bappeda = await signIn(app, "bappeda");
    const square = {
      type: "Polygon",
      coordinates: [
        [
          [111.5, -8.2],
          [111.6, -8.2],
          [111.6, -8.3],
          [111.5, -8.2],
        ],
      ],
    };
    const up = await bappeda.send("POST", "/api/boundaries", {
      geojson: {
        type: "FeatureCollection",
        features: [{ type: "Feature", properties: { code: VILLAGE }, geometry: square }],
      },
    });
    expect(up.statusCode).toBe(200);
    const own = (await kader.get("/api/boundaries")).json();
    expect(own.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([VILLAGE]);
    expect(own.missing).toEqual([]);
    // a village without a shape is reported missing, not replaced by its posyandu
    const other = (await bappeda.get(`/api/boundaries?parent=${VILLAGE2}`)).json();
    expect(other.features).toEqual([]);
    expect(other.missing.map((m: { code: string }) => m.code)).toEqual([VILLAGE2]);
  });

  it("public API: prevalence by subdistrict and village without names, NIK, KK or birth dates; small counts suppressed at every level", async () => {
    const res = await app.inject({
      method: "GET",
      url: "/api/public/prevalence?district=35.03&period=2025-08",
    });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    for (const secret of [
      "Siti",
      "Aminah",
      "Agus",
      "Fajar",
      "Sri Wahyuni",
      SITI_NIK,
      SITI_KK,
      "3503",
      "2023-05-10",
      "2023-06-01",
      "birth",
    ]) {
      if (secret === "3503") {
        expect(body).not.toMatch(/\d{16}/);
        continue;
      }
      expect(body, secret).not.toContain(secret);
    }
    const p = res.json();
    expect(p.total.measured).toBe(7);
    const besuki = p.villages.find((v: { code: string }) => v.code === VILLAGE);
    expect(besuki).toMatchObject({ measured: 6, suppressed: true, stunted: null }); // 2 stunted: under 5
    const terbis = p.villages.find((v: { code: string }) => v.code === VILLAGE2);
    expect(terbis).toMatchObject({ measured: null, stunted: null, stuntingRate: null, suppressed: true });
    // subdistricts follow the same rule: Panggul's 3 stunted children are under 5
    const panggul = p.subdistricts.find((s: { code: string }) => s.code === "35.03.01");
    expect(panggul).toMatchObject({ measured: 7, stunted: null, stuntingRate: null, suppressed: true });
    // the district's 3 stunted children are under 5 as well: withheld with the rate, the rest shown
    expect(p.total).toMatchObject({ measured: 7, stunted: null, stuntingRate: null, suppressed: true });
    // and no subdistrict gives them back: every subdistrict but Panggul shows 0
    const shown = p.subdistricts.filter((s: { stunted: number | null }) => s.stunted !== null);
    expect(shown.every((s: { stunted: number }) => s.stunted === 0)).toBe(true);
    const districts = (await app.inject({ method: "GET", url: "/api/public/districts" })).json().districts;
    expect(districts.map((d: { code: string }) => d.code)).toEqual(["35.03", "35.04"]);
    const periods = (await app.inject({ method: "GET", url: "/api/public/periods?district=35.03" })).json();
    expect(periods.periods[0]).toBe("2025-08");
    const bad = await app.inject({ method: "GET", url: "/api/public/prevalence?district=35.03.01" });
    expect(bad.statusCode).toBe(400);
  });

  it("every route refuses users of another region or a lower role, with no data in the answer", async () => {
    // [who, method, url, body] — each must get 403 or 404 and no trace of Trenggalek's children.
    const cases: Array<[string, "GET" | "POST" | "PATCH", string, unknown?]> = [
      ["dinkes-lain", "GET", "/api/dashboard?region=35.03"],
      ["dinkes-lain", "GET", "/api/periods?region=35.03"],
      ["dinkes-lain", "GET", "/api/regions/35.03"],
      ["dinkes-lain", "GET", "/api/regions/35.03/children"],
      ["dinkes-lain", "GET", "/api/regions?q=besuki&within=35.03"],
      ["dinkes-lain", "GET", "/api/children?region=35.03"],
      ["dinkes-lain", "GET", `/api/children/${sitiId}`],
      ["dinkes-lain", "GET", `/api/children/${sitiId}/identity`],
      ["dinkes-lain", "POST", "/api/children/search", { nik: SITI_NIK, region: "35.03" }],
      ["bappeda", "POST", "/api/children/search", { nik: SITI_NIK }],
      ["dinkes-lain", "POST", `/api/children/${sitiId}/measurements`, { date: "2025-08-19", weight: 11 }],
      [
        "dinkes-lain",
        "POST",
        "/api/children",
        { name: "X", sex: 1, birthDate: "2024-01-01", villageCode: VILLAGE },
      ],
      ["dinkes-lain", "GET", "/api/posyandu?region=35.03"],
      ["dinkes-lain", "GET", `/api/posyandu/${posyanduId}/children`],
      ["dinkes-lain", "GET", "/api/boundaries?parent=35.03"],
      ["dinkes-lain", "GET", "/api/export?table=children&region=35.03"],
      ["dinkes-lain", "GET", "/api/export?table=dashboard&region=35.03"],
      ["dinkes-lain", "GET", "/api/export?table=measurements&region=35.03"],
      ["dinkes-lain", "GET", "/api/audit?region=35.03"],
      ["dinkes-lain", "GET", "/api/users?region=35.03"],
      ["kader-lain", "GET", `/api/dashboard?region=${VILLAGE}`],
      ["kader-lain", "GET", `/api/children?region=${VILLAGE}`],
      ["kader-lain", "GET", `/api/children/${sitiId}`],
      ["kader-lain", "POST", `/api/children/${sitiId}/measurements`, { date: "2025-08-19", weight: 11 }],
      ["kader-lain", "GET", `/api/posyandu/${posyanduId}/children`],
      ["kader", "GET", "/api/dashboard?region=35.03"],
      ["kader", "GET", "/api/children?region=35.03.01"],
      ["kader", "GET", "/api/users"],
      ["kader", "GET", "/api/audit"],
      [
        "kader",
        "POST",
        "/api/boundaries",
        {
          geojson: {
            type: "FeatureCollection",
            features: [{ type: "Feature", properties: {}, geometry: null }],
          },
        },
      ],
      ["penilai", "GET", "/api/children?region=35.03"],
      ["penilai", "GET", `/api/children/${sitiId}`],
      ["penilai", "GET", `/api/posyandu/${posyanduId}/children`],
      ["penilai", "GET", "/api/export?table=measurements&region=35.03"],
      ["camat", "POST", `/api/children/${sitiId}/measurements`, { date: "2025-08-19", weight: 11 }],
      [
        "camat",
        "POST",
        "/api/children",
        { name: "X", sex: 1, birthDate: "2024-01-01", villageCode: VILLAGE },
      ],
      ["camat", "GET", "/api/dashboard?region=35.03"],
      ["tpk", "POST", "/api/children", { name: "X", sex: 1, birthDate: "2024-01-01", villageCode: VILLAGE }],
      ["bappeda", "GET", `/api/children/${sitiId}/identity`],
      ["dinkes", "GET", "/api/users"],
      ["dinkes", "GET", "/api/dashboard?region=35.04"],
      ["dinkes", "GET", `/api/children/${budiId}`],
      ["jateng", "GET", "/api/dashboard?region=35"],
      ["jateng", "GET", `/api/children/${sitiId}`],
      ["jateng", "GET", "/api/audit?region=35"],
    ];
    const clients = new Map<string, Client>();
    for (const [who, method, url, body] of cases) {
      let c = clients.get(who);
      if (!c) {
        c = await signIn(app, who);
        clients.set(who, c);
      }
      const res = method === "GET" ? await c.get(url) : await c.send(method, url, body);
      expect([403, 404], `${who} ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(
        res.statusCode,
      );
      expect(res.json().error.code).toMatch(/forbidden|not_found/);
      for (const secret of ["Siti", "Agus", "Mawar", SITI_NIK, "Budi"])
        expect(res.body).not.toContain(secret);
    }
    // Without a session every non-public route answers 401.
    for (const url of [
      "/api/dashboard",
      "/api/children",
      `/api/children/${sitiId}`,
      "/api/users",
      "/api/audit",
      "/api/boundaries",
      "/api/export?table=dashboard",
      "/api/posyandu",
      "/api/regions/35",
    ]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(401);
    }
    // Nothing was written by the refused requests.
    const count = await ctx.database.db
      .selectFrom("children")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(8);
  });
  it("a measurement may name only a posyandu of the child's own village", async () => {
    const terbisPosyandu = randomUUID();
    await ctx.database.db
      .insertInto("posyandu")
      .values({
        district_code: "35.03",
        id: terbisPosyandu,
        village_code: VILLAGE2,
        puskesmas_id: null,
        name: "Kenanga",
        search_name: "kenanga",
      })
      .execute();
    const before = (await kader.get(`/api/children/${sitiId}`)).json().measurements.length;
    const outside = await kader.send("POST", `/api/children/${sitiId}/measurements`, {
      date: "2025-08-19",
      weight: 10.7,
      posyanduId: terbisPosyandu,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.field).toBe("posyanduId");
    expect(outside.body).not.toContain("10.7");
    // the district health office covers both villages, but a posyandu serves its own village
    const dinkes = await signIn(app, "dinkes");
    const inScope = await dinkes.send("POST", `/api/children/${sitiId}/measurements`, {
      date: "2025-08-19",
      weight: 10.7,
      posyanduId: terbisPosyandu,
    });
    expect(inScope.statusCode).toBe(400);
    expect(inScope.json().error.details.field).toBe("posyanduId");
    expect((await kader.get(`/api/children/${sitiId}`)).json().measurements.length).toBe(before);
    const own = await dinkes.send("POST", `/api/children/${sitiId}/measurements`, {
      date: "2025-08-19",
      weight: 10.7,
      posyanduId,
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().measurement.posyanduId).toBe(posyanduId);
  });

  it("dashboard answers at every level are exactly the documented shape, keys in schema order", async () => {
    const nasional = await signIn(app, "nasional");
    for (const region of ["ID", "35", "35.03", "35.03.01", VILLAGE, "35.04.01.1001"]) {
      for (const period of ["", "&period=2025-08", "&period=2025", "&period=2024-01"]) {
        const res = await nasional.get(`/api/dashboard?region=${region}${period}`);
        expect(res.statusCode).toBe(200);
        // The handler serializes its own object; it must equal what the schema's encoder makes.
        expect(res.body).toBe(JSON.stringify(Dashboard.encode(res.json())));
      }
    }
  });

  it("dashboards and the public page open on the latest month that is not in the future", async () => {
    // a measurement dated in 2031 that reached the database before dates were checked
    const [child] = ids;
    const row = await ctx.database.db
      .selectFrom("measurements")
      .selectAll()
      .where("child_id", "=", child)
      .executeTakeFirstOrThrow();
    await ctx.database.db
      .insertInto("measurements")
      .values({ ...row, id: randomUUID(), measured_on: "2031-01-01", age_days: row.age_days + 1950 })
      .execute();
    await refreshRollups({ db: ctx.database.db }, ["35.03"]);
    const later = await testApp(ctx.database, {
      now: () => new Date("2025-08-20T03:00:00Z"),
      responseCacheMs: 0,
    });
    const dinkes = await signIn(later, "dinkes");
    expect((await dinkes.get("/api/periods?region=35.03")).json().periods[0]).toBe("2031-01");
    expect((await dinkes.get("/api/dashboard?region=35.03")).json().period).toBe("2025-08");
    expect((await dinkes.get("/api/dashboard?region=35.03&period=2031-01")).json().period).toBe("2031-01");
    const pub = await later.inject({ method: "GET", url: "/api/public/prevalence?district=35.03" });
    expect(pub.json().period).toBe("2025-08");
    await later.close();
  });
});
