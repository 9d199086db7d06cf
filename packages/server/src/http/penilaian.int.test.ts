import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, expect, it } from "vitest";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { UserService } from "../services/users.ts";
import type { App } from "./context.ts";
import { type Client, PASSWORD, seedFixtures, signIn, testApp } from "./test-app.ts";

describeEachEngine("penilaian routes: role × region", (ctx) => {
  let app: App;
  const c: Record<string, Client> = {};
  let id = "";

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database);
    for (const u of ["nasional", "jatim", "penilai", "jateng", "bappeda", "dinkes-lain", "kader"])
      c[u] = await signIn(app, u);
  });

  it("the province opens and panels, the panelist grades, nobody else", async () => {
    const body = { provinceCode: "35", year: 2025 };
    for (const who of ["penilai", "bappeda", "jateng", "kader"])
      expect((await c[who].send("POST", "/api/penilaian", body)).statusCode, who).toBe(403);
    const res = await c.jatim.send("POST", "/api/penilaian", body);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().instrument.version).toBe("template-2022");
    const me = (await c.penilai.get("/api/auth/me")).json().user.id;
    expect(
      (
        await c.penilai.send("PUT", `/api/penilaian/${id}/panel`, {
          members: [{ userId: me, role: "ketua" }],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await c.jatim.send("PUT", `/api/penilaian/${id}/panel`, { members: [{ userId: me, role: "ketua" }] }))
        .statusCode,
    ).toBe(200);
    const grade = { districtCode: "35.03", itemCode: "1.1", grade: "A", note: "Lokus tepat" };
    expect((await c.jatim.send("PUT", `/api/penilaian/${id}/grades`, grade)).statusCode).toBe(403);
    expect((await c.bappeda.send("PUT", `/api/penilaian/${id}/grades`, grade)).statusCode).toBe(404);
    expect((await c.penilai.send("PUT", `/api/penilaian/${id}/grades`, grade)).statusCode).toBe(204);
    expect(
      (await c.penilai.send("PUT", `/api/penilaian/${id}/grades`, { ...grade, grade: "Z" })).statusCode,
    ).toBe(400);
    expect((await c.penilai.get(`/api/penilaian/${id}/result`)).statusCode).toBe(200); // the chair
    expect((await c.jatim.get(`/api/penilaian/${id}/result`)).statusCode).toBe(200);
    for (const who of ["bappeda", "jateng", "dinkes-lain"])
      expect((await c[who].get(`/api/penilaian/${id}`)).statusCode, who).toBe(404);
  });

  it("publishes: before it nothing is visible, after it the public sees the ranking only", async () => {
    const q = "?province=35&year=2025";
    expect((await app.inject({ method: "GET", url: `/api/public/penilaian${q}` })).statusCode).toBe(404);
    expect((await c.bappeda.get(`/api/penilaian/published${q}`)).statusCode).toBe(404);
    expect(
      (await c.bappeda.send("POST", `/api/penilaian/${id}/publish`, { decreeNumber: "SK-1", version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await c.jatim.send("POST", `/api/penilaian/${id}/publish`, { decreeNumber: "SK-1", version: 1 }))
        .statusCode,
    ).toBe(204);
    const pub = await app.inject({ method: "GET", url: `/api/public/penilaian${q}` });
    expect(pub.statusCode).toBe(200);
    expect(Object.keys(pub.json()).sort()).toEqual(["decreeNumber", "provinceCode", "ranking", "year"]);
    const own = (await c.bappeda.get(`/api/penilaian/published${q}`)).json();
    expect(own.own.code).toBe("35.03");
    expect((await c["dinkes-lain"].get(`/api/penilaian/published${q}`)).json().own.code).toBe("35.04");
  });
});

describeEachEngine("penilaian routes: every new route in the role × region matrix", (ctx) => {
  let app: App;
  const c: Record<string, Client> = {};
  let id = "";
  let version = 0;
  const ids: Record<string, string> = {};
  const WHO = [
    "nasional",
    "jatim",
    "penilai",
    "penilai2",
    "penilai3",
    "jateng",
    "bappeda",
    "dinkes-lain",
    "kader",
  ] as const;

  /** Checks one route for every signed-in user and the anonymous visitor (`anon`, GET only). */
  async function matrix(
    method: "GET" | "PUT" | "POST",
    url: () => string,
    body: unknown,
    expected: Partial<Record<(typeof WHO)[number] | "anon", number>>,
  ) {
    const got: Record<string, number> = {};
    for (const who of Object.keys(expected)) {
      if (who === "anon") got[who] = (await app.inject({ method: "GET", url: url() })).statusCode;
      else
        got[who] = (
          method === "GET" ? await c[who].get(url()) : await c[who].send(method, url(), body)
        ).statusCode;
    }
    expect(got).toEqual(expected);
  }

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    const users = new UserService(new Repositories(ctx.database.db));
    for (const username of ["penilai2", "penilai3"])
      await users.createInitial({
        username,
        displayName: username,
        password: PASSWORD,
        role: "provincial_assessor",
        regionCode: "35",
      });
    app = await testApp(ctx.database);
    for (const u of WHO) {
      c[u] = await signIn(app, u);
      ids[u] = (await c[u].get("/api/auth/me")).json().user.id;
    }
    const open = await c.jatim.send("POST", "/api/penilaian", {
      provinceCode: "35",
      year: 2025,
      districts: ["35.03", "35.04"],
    });
    expect(open.statusCode).toBe(201);
    id = open.json().id;
    const panel = await c.jatim.send("PUT", `/api/penilaian/${id}/panel`, {
      members: [
        { userId: ids.penilai, role: "ketua" },
        { userId: ids.penilai2, role: "anggota" },
      ],
    });
    expect(panel.statusCode).toBe(200);
    version = panel.json().version;
  });

  it("opens over the chosen districts only, naming a wrong one", async () => {
    expect(
      (await c.jatim.get(`/api/penilaian/${id}`)).json().districts.map((d: { code: string }) => d.code),
    ).toEqual(["35.03", "35.04"]);
    const bad = await c.jatim.send("POST", "/api/penilaian", {
      provinceCode: "35",
      year: 2026,
      districts: ["33.01"],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("districts.0");
    expect(bad.json().error).toMatchObject({
      key: "region.outsideProvince",
      params: { code: "33.01", province: "35" },
    });
  });

  it("lists assessments to the province and to the panel's members", async () => {
    await matrix("GET", () => "/api/penilaian", undefined, {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      penilai2: 200,
      penilai3: 200,
      jateng: 200,
      bappeda: 403,
      "dinkes-lain": 403,
      kader: 403,
      anon: 401,
    });
    const seats = async (who: string) =>
      (await c[who].get("/api/penilaian")).json().assessments.map((a: { seat: string }) => a.seat);
    expect(await seats("jatim")).toEqual(["pengelola"]);
    expect(await seats("penilai")).toEqual(["ketua"]);
    expect(await seats("penilai2")).toEqual(["anggota"]);
    expect(await seats("penilai3")).toEqual([]);
    expect(await seats("jateng")).toEqual([]);
  });

  it("shows the assessment to the province and its panel, hides it from everyone else", async () => {
    const expected = {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      penilai2: 200,
      penilai3: 403,
      jateng: 404,
      bappeda: 404,
      "dinkes-lain": 404,
      kader: 404,
      anon: 401,
    };
    await matrix("GET", () => `/api/penilaian/${id}`, undefined, expected);
    await matrix("GET", () => `/api/penilaian/${id}/grades`, undefined, expected);
  });

  it("lets only the province edit the instrument, values and panel candidates", async () => {
    const view = (await c.jatim.get(`/api/penilaian/${id}`)).json();
    const only = {
      nasional: 200,
      jatim: 200,
      penilai: 403,
      penilai2: 403,
      jateng: 404,
      bappeda: 404,
      anon: 401,
    };
    await matrix("GET", () => `/api/penilaian/${id}/candidates`, undefined, only);
    expect(
      (await c.jatim.get(`/api/penilaian/${id}/candidates`))
        .json()
        .candidates.map((x: { username: string }) => x.username),
    ).toEqual(["penilai", "penilai2", "penilai3"]);
    const instrument = { ...view.instrument, scoreDecimals: 1 };
    for (const who of ["penilai", "penilai2", "bappeda", "jateng"] as const)
      expect(
        (await c[who].send("PUT", `/api/penilaian/${id}/instrument`, { instrument, version })).statusCode,
        who,
      ).toBe(who === "penilai" || who === "penilai2" ? 403 : 404);
    const bad = await c.jatim.send("PUT", `/api/penilaian/${id}/instrument`, {
      instrument: { ...instrument, gradeScale: [{ grade: "A", score: 100 }] },
      version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors[0]).toContain("gradeScale");
    // each problem also as a catalogue message naming its field, for the user's language
    const badError = bad.json().error;
    expect(badError).toMatchObject({
      key: "penilaian.instrumentInvalid",
      params: { count: badError.details.errors.length },
    });
    expect(badError.details.messages).toHaveLength(badError.details.errors.length);
    expect(JSON.stringify(badError.details.messages[0].params)).toContain("gradeScale");
    const wrongYear = await c.jatim.send("PUT", `/api/penilaian/${id}/instrument`, {
      instrument: { ...instrument, year: 2024 },
      version,
    });
    expect(wrongYear.statusCode).toBe(400);
    const ok = await c.jatim.send("PUT", `/api/penilaian/${id}/instrument`, { instrument, version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().instrument.scoreDecimals).toBe(1);
    const stale = await c.jatim.send("PUT", `/api/penilaian/${id}/instrument`, { instrument, version });
    expect(stale.statusCode).toBe(409);
    version = ok.json().version;

    const value = {
      districtCode: "35.03",
      itemCode: "pengisian.web",
      value: 80,
      source: "Pantau Aksi (uji)",
    };
    for (const who of ["penilai", "penilai2", "bappeda", "jateng"] as const)
      expect((await c[who].send("PUT", `/api/penilaian/${id}/values`, value)).statusCode, who).toBe(
        who === "bappeda" || who === "jateng" ? 404 : 403,
      );
    expect((await c.jatim.send("PUT", `/api/penilaian/${id}/values`, value)).statusCode).toBe(200);
    const notNumber = await c.jatim.send("PUT", `/api/penilaian/${id}/values`, { ...value, itemCode: "1.1" });
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json().error.message).toContain("itemCode");
    expect(notNumber.json().error).toMatchObject({ key: "penilaian.itemNotValue", params: { item: "1.1" } });
    const out = await c.jatim.send("PUT", `/api/penilaian/${id}/values`, { ...value, value: 101 });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.message).toContain("value");
  });

  it("lets panelists only grade; a member sees only their own grades, the chair all", async () => {
    const g = (districtCode: string, grade: string) => ({
      districtCode,
      itemCode: "1.1",
      grade,
      note: "uji",
    });
    await matrix("PUT", () => `/api/penilaian/${id}/grades`, g("35.03", "A"), {
      penilai: 204,
      penilai2: 204,
      penilai3: 403,
      nasional: 403,
      jatim: 403,
      jateng: 404,
      bappeda: 404,
      "dinkes-lain": 404,
      kader: 404,
    });
    await c.penilai2.send("PUT", `/api/penilaian/${id}/grades`, g("35.04", "B"));
    const who = async (u: string) =>
      (await c[u].get(`/api/penilaian/${id}/grades`))
        .json()
        .grades.map((x: { username: string; districtCode: string }) => `${x.districtCode}:${x.username}`);
    expect(await who("penilai2")).toEqual(["35.03:penilai2", "35.04:penilai2"]);
    expect(await who("penilai")).toEqual(["35.03:penilai", "35.03:penilai2", "35.04:penilai2"]);
    expect(await who("jatim")).toEqual(["35.03:penilai", "35.03:penilai2", "35.04:penilai2"]);
  });

  it("gives the draft result, XLSX and PDF to the province and the chair, not to members", async () => {
    const only = {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      penilai2: 403,
      penilai3: 403,
      jateng: 404,
      bappeda: 404,
      anon: 401,
    };
    await matrix("GET", () => `/api/penilaian/${id}/result`, undefined, only);
    await matrix("GET", () => `/api/penilaian/${id}/export.xlsx`, undefined, only);
    await matrix("GET", () => `/api/penilaian/${id}/print.pdf`, undefined, only);

    const xlsx = await c.jatim.get(`/api/penilaian/${id}/export.xlsx`);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Peringkat", "Nilai panelis"]);
    expect(wb.getWorksheet("Nilai panelis")?.rowCount).toBe(4); // header + three grades

    const pdf = await c.jatim.get(`/api/penilaian/${id}/print.pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    expect(text).toContain("Hasil Penilaian Kinerja");
    expect(text).toContain("JAWA TIMUR");
    expect(text).toContain("TRENGGALEK");
    expect(text).toContain("DRAF");
    const en = await c.jatim.get(`/api/penilaian/${id}/print.pdf?lang=en`);
    const enText = (
      await extractText(await getDocumentProxy(new Uint8Array(en.rawPayload)), { mergePages: true })
    ).text;
    expect(enText).toContain("Chair of the panel");
  });

  it("shows nothing unpublished to districts or the public; after publication the latest year", async () => {
    await matrix("GET", () => "/api/public/penilaian?province=35", undefined, { anon: 404 });
    await matrix("GET", () => "/api/penilaian/published?province=35", undefined, {
      bappeda: 404,
      "dinkes-lain": 404,
      kader: 404,
      anon: 401,
    });
    // the chair publishes; a member, an assessor off the panel and anyone outside may not
    const body = { decreeNumber: "SK-2", version };
    for (const [who, status] of [
      ["penilai2", 403],
      ["penilai3", 403],
      ["bappeda", 404],
      ["jateng", 404],
    ] as const)
      expect((await c[who].send("POST", `/api/penilaian/${id}/publish`, body)).statusCode, who).toBe(status);
    expect((await c.penilai.send("POST", `/api/penilaian/${id}/publish`, body)).statusCode).toBe(204);
    const pub = await app.inject({ method: "GET", url: "/api/public/penilaian?province=35" });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().year).toBe(2025);
    expect(JSON.stringify(pub.json())).not.toContain("uji"); // no notes, no grades
    const own = (await c.bappeda.get("/api/penilaian/published?province=35")).json();
    expect(own.own.code).toBe("35.03");
    expect(own.ranking.map((r: { code: string }) => r.code)).toEqual(
      ["35.03", "35.04"].filter(Boolean).sort(),
    );
    // a published assessment no longer takes grades, values or instrument edits
    expect(
      (
        await c.penilai.send("PUT", `/api/penilaian/${id}/grades`, {
          districtCode: "35.03",
          itemCode: "1.1",
          grade: "B",
          note: "",
        })
      ).statusCode,
    ).toBe(409);
  });
});
