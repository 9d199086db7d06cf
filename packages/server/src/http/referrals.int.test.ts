import { randomUUID } from "node:crypto";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, expect, it } from "vitest";
import { refreshRollups } from "../db/repositories/rollup-refresh.ts";
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
  "desa",
  "kader",
  "kader-lain",
  "tpk",
] as const;
type Who = (typeof USERS)[number];

const VILLAGE = "35.03.01.2001";
const NOW = new Date("2025-04-10T03:00:00Z");

/** Status codes per user, in the order of USERS. */
function expectCodes(got: Record<Who, number>, want: Record<Who, number>) {
  expect(got).toEqual(want);
}

describeEachEngine("referrals, KBM choice and F II Gizi routes: role × region", (ctx) => {
  let app: App;
  const c = {} as Record<Who, Client>;
  const P = randomUUID();
  const PK = randomUUID();
  const ANI = randomUUID();
  const BUDI = randomUUID();
  let referralId = "";

  async function child(
    id: string,
    name: string,
    birth: string,
    rows: Array<[string, number, boolean | null]>,
  ) {
    await ctx.database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id,
        village_code: VILLAGE,
        posyandu_id: P,
        name,
        name_key: name.toLowerCase(),
        sex: 2,
        birth_date: birth,
      })
      .execute();
    for (const [on, weight, hasKms] of rows) {
      await ctx.database.db
        .insertInto("measurements")
        .values({
          district_code: "35.03",
          id: randomUUID(),
          child_id: id,
          village_code: VILLAGE,
          posyandu_id: P,
          measured_on: on,
          age_days: 1,
          weight,
          has_kms: hasKms,
          source: "posyandu",
        })
        .execute();
    }
  }

  /** Sends the same request as every user and collects the status codes. */
  async function each(send: (who: Who) => Promise<{ statusCode: number }>): Promise<Record<Who, number>> {
    const out = {} as Record<Who, number>;
    for (const who of USERS) out[who] = (await send(who)).statusCode;
    return out;
  }

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    const db = ctx.database.db;
    await db
      .insertInto("puskesmas")
      .values({
        district_code: "35.03",
        id: PK,
        subdistrict_code: "35.03.01",
        village_code: null,
        code: null,
        name: "Panggul",
        search_name: "panggul",
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await db
      .insertInto("posyandu")
      .values({
        district_code: "35.03",
        id: P,
        village_code: VILLAGE,
        puskesmas_id: PK,
        name: "Melati",
        search_name: "melati",
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    // Ani, 8–9 months: +100 g twice against a KBM of 300 g → T in March, 2T in April; KMS seen in March
    await child(ANI, "Ani Rujuk", "2024-07-20", [
      ["2025-02-21", 8.0, null],
      ["2025-03-21", 8.1, true],
      ["2025-04-05", 8.2, null],
    ]);
    // Budi, 26 months: +300 g (KBM 200 g) → N, no alert
    await child(BUDI, "Budi Naik", "2023-01-10", [
      ["2025-03-11", 11.0, false],
      ["2025-04-04", 11.3, null],
    ]);
    await refreshRollups(ctx.database, ["35.03"]);
    app = await testApp(ctx.database, { now: () => NOW });
    for (const u of USERS) c[u] = await signIn(app, u);
  });

  it("lists a village's referrals only for the roles that need names, within their scope", async () => {
    const url = `/api/referrals?region=${VILLAGE}`;
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    expectCodes(await each((who) => c[who].get(url)), {
      nasional: 403,
      jatim: 403,
      penilai: 403,
      jateng: 403,
      bappeda: 403,
      dinkes: 200,
      "dinkes-lain": 403,
      camat: 403,
      desa: 200,
      kader: 200,
      "kader-lain": 403,
      tpk: 403,
    });
    // a posyandu outside the scope does not exist
    const byPosyandu = await each((who) => c[who].get(`/api/referrals?posyandu=${P}`));
    expect([
      byPosyandu.kader,
      byPosyandu["kader-lain"],
      byPosyandu["dinkes-lain"],
      byPosyandu.bappeda,
    ]).toEqual([200, 404, 404, 403]);
  });

  it("shows the posyandu's 2T child as to be referred, not the child who gained", async () => {
    const res = await c.kader.get(`/api/referrals?posyandu=${P}`);
    expect(
      res
        .json()
        .candidates.map((x: { childName: string; alerts: Array<{ rule: string }> }) => [
          x.childName,
          x.alerts.map((a) => a.rule),
        ]),
    ).toEqual([["Ani Rujuk", ["T", "2T"]]]);
    expect(res.json()).toMatchObject({
      mayCreate: true,
      mayUpdate: false,
      puskesmas: [{ id: PK, name: "Panggul" }],
    });
    const audit = await ctx.database.db
      .selectFrom("audit_log")
      .select(["action", "username"])
      .where("entity", "=", "referrals")
      .execute();
    expect(audit).toContainEqual({ action: "view", username: "kader" });
  });

  it("lets field roles refer (once), with the alerts as reasons; others are refused", async () => {
    const body = { childId: ANI, note: "BB tidak naik dua bulan" };
    const refused = await each((who) =>
      ["dinkes", "desa", "kader"].includes(who)
        ? Promise.resolve({ statusCode: 0 })
        : c[who].send("POST", "/api/referrals", body),
    );
    expectCodes(refused, {
      nasional: 403,
      jatim: 403,
      penilai: 403,
      jateng: 404,
      bappeda: 403,
      dinkes: 0,
      "dinkes-lain": 404,
      camat: 403,
      desa: 0,
      kader: 0,
      "kader-lain": 404,
      tpk: 403,
    });
    const res = await c.kader.send("POST", "/api/referrals", body);
    expect(res.statusCode).toBe(201);
    const r = res.json().referral;
    referralId = r.id;
    expect(r).toMatchObject({
      childName: "Ani Rujuk",
      reasons: ["2T", "T"],
      alertMonth: "2025-04",
      status: "referred",
      posyanduName: "Melati",
      puskesmasName: "Panggul",
      statusBy: "kader",
      version: 1,
    });
    expect(r.events).toHaveLength(1);
    // one open referral per child
    const again = await c.desa.send("POST", "/api/referrals", body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.field).toBe("childId");
    // a child with no alert needs a note
    const noNote = await c.kader.send("POST", "/api/referrals", { childId: BUDI });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details.field).toBe("note");
  });

  it("lets only the district health office (the puskesmas) move the status, forward only, with history", async () => {
    const url = `/api/referrals/${referralId}`;
    const body = { status: "attended", note: "Datang ke puskesmas, konseling gizi", version: 1 };
    const refused = await each((who) =>
      who === "dinkes" ? Promise.resolve({ statusCode: 0 }) : c[who].send("PATCH", url, body),
    );
    expectCodes(refused, {
      nasional: 403,
      jatim: 403,
      penilai: 403,
      jateng: 404,
      bappeda: 403,
      dinkes: 0,
      "dinkes-lain": 404,
      camat: 403,
      desa: 403,
      kader: 403,
      "kader-lain": 404,
      tpk: 403,
    });
    const res = await c.dinkes.send("PATCH", url, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().referral).toMatchObject({ status: "attended", statusBy: "dinkes", version: 2 });
    // stale version: 409 with the current referral
    const stale = await c.dinkes.send("PATCH", url, { status: "resolved", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.status).toBe("attended");
    // backwards: 400 naming the status
    const back = await c.dinkes.send("PATCH", url, { status: "referred", version: 2 });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details.field).toBe("status");
    const done = await c.dinkes.send("PATCH", url, { status: "resolved", note: "BB naik", version: 2 });
    expect(
      done
        .json()
        .referral.events.map((e: { status: string; by: string; note: string }) => [e.status, e.by, e.note]),
    ).toEqual([
      ["referred", "kader", "BB tidak naik dua bulan"],
      ["attended", "dinkes", "Datang ke puskesmas, konseling gizi"],
      ["resolved", "dinkes", "BB naik"],
    ]);
    // the cadre sees it; the child record's list too
    expect((await c.kader.get(url)).statusCode).toBe(200);
    expect((await c["kader-lain"].get(url)).statusCode).toBe(404);
    const ofChild = await c.kader.get(`/api/referrals?child=${ANI}`);
    expect(ofChild.json().referrals.map((x: { status: string }) => x.status)).toEqual(["resolved"]);
    const audit = await ctx.database.db
      .selectFrom("audit_log")
      .select(["action", "username"])
      .where("entity", "=", "referral")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "create", username: "kader" },
      { action: "update", username: "dinkes" },
      { action: "update", username: "dinkes" },
    ]);
  });

  it("lets a national admin choose the default and the district health office its own, and recomputes SKDN", async () => {
    expectCodes(await each((who) => c[who].get("/api/kbm?region=35.03")), {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      jateng: 403,
      bappeda: 200,
      dinkes: 200,
      "dinkes-lain": 403,
      camat: 403,
      desa: 403,
      kader: 403,
      "kader-lain": 403,
      tpk: 403,
    });
    const national = { region: "ID", kbmTable: "kbm-b-posyandu-spreadsheet" };
    expectCodes(
      await each((who) =>
        who === "nasional" ? Promise.resolve({ statusCode: 0 }) : c[who].send("PUT", "/api/kbm", national),
      ),
      {
        nasional: 0,
        jatim: 403,
        penilai: 403,
        jateng: 403,
        bappeda: 403,
        dinkes: 403,
        "dinkes-lain": 403,
        camat: 403,
        desa: 403,
        kader: 403,
        "kader-lain": 403,
        tpk: 403,
      },
    );
    expect((await c.nasional.send("PUT", "/api/kbm", national)).json().national.kbmTable).toBe(
      "kbm-b-posyandu-spreadsheet",
    );
    const district = { region: "35.03", kbmTable: "kbm-c-aus-cdep", note: "Sesuai juknis dinkes" };
    expect((await c["dinkes-lain"].send("PUT", "/api/kbm", district)).statusCode).toBe(403);
    expect((await c.bappeda.send("PUT", "/api/kbm", district)).statusCode).toBe(403);
    const set = await c.dinkes.send("PUT", "/api/kbm", district);
    expect(set.statusCode).toBe(200);
    expect(set.json().inUse).toMatchObject({ id: "kbm-c-aus-cdep", chosenBy: "district" });
    expect(set.json().mayChooseDistrict).toBe("35.03");
    const bad = await c.dinkes.send("PUT", "/api/kbm", { region: "35.03", kbmTable: "kbm-x" });
    expect([bad.statusCode, bad.json().error.details.field]).toEqual([400, "kbmTable"]);
    const village = await c.nasional.send("PUT", "/api/kbm", { region: VILLAGE, kbmTable: "kbm-c-aus-cdep" });
    expect([village.statusCode, village.json().error.details.field]).toEqual([400, "region"]);
    // SKDN and the posyandu page show the variant in use; the roll-ups were recomputed with it
    const skdn = (await c.dinkes.get(`/api/skdn?posyandu=${P}&period=2025-04`)).json();
    expect(skdn.kbm.id).toBe("kbm-c-aus-cdep");
    expect(skdn.kbmInUse).toMatchObject({ id: "kbm-c-aus-cdep", chosenBy: "district" });
    // K: Ani's KMS seen in March holds in April, Budi's "no" of March too → K 1 of S 2
    expect(skdn.summary).toMatchObject({ s: 2, k: 1, kUnknown: 0, d: 2, n: 1, t: 1, twoT: 1 });
    const page = (await c.kader.get(`/api/posyandu/${P}/page`)).json();
    expect(page.kbm).toMatchObject({ id: "kbm-c-aus-cdep", chosenBy: "district" });
    expect(page.children.find((x: { name: string }) => x.name === "Ani Rujuk").referral.status).toBe(
      "resolved",
    );
    // removing the district's choice: the national default holds again
    const cleared = await c.dinkes.send("PUT", "/api/kbm", { region: "35.03", kbmTable: null });
    expect(cleared.json().inUse).toMatchObject({ id: "kbm-b-posyandu-spreadsheet", chosenBy: "national" });
  });

  it("records K at a weighing through the measurement API", async () => {
    const res = await c.kader.send("POST", `/api/children/${BUDI}/measurements`, {
      date: "2025-04-09",
      weight: 11.4,
      hasKms: true,
      posyanduId: P,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().measurement.hasKms).toBe(true);
    const bad = await c.kader.send("POST", `/api/children/${BUDI}/measurements`, {
      date: "2025-04-08",
      weight: 11.4,
      hasKms: "ya",
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("hasKms");
    const skdn = (await c.dinkes.get(`/api/skdn?posyandu=${P}&period=2025-04`)).json();
    expect(skdn.summary).toMatchObject({ s: 2, k: 2, kUnknown: 0 });
  });

  it("gives the F II Gizi report to every reader of the district, as JSON, CSV, XLSX and PDF", async () => {
    const url = "/api/f2gizi?region=35.03&period=2025-04";
    expectCodes(await each((who) => c[who].get(url)), {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      jateng: 403,
      bappeda: 200,
      dinkes: 200,
      "dinkes-lain": 403,
      camat: 403,
      desa: 403,
      kader: 403,
      "kader-lain": 403,
      tpk: 403,
    });
    expect((await c.camat.get("/api/f2gizi?region=35.03.01&period=2025-04")).statusCode).toBe(200);
    expect((await c.kader.get(`/api/f2gizi?region=${VILLAGE}&period=2025-04`)).statusCode).toBe(200);
    const wide = await c.nasional.get("/api/f2gizi?region=35&period=2025-04");
    expect([wide.statusCode, wide.json().error.details.field]).toEqual([400, "region"]);
    const r = (await c.dinkes.get(url)).json();
    expect(r.rowKinds).toEqual(["posyandu", "subtotal", "total"]);
    // Panggul / Melati: S 2, K 2 (Budi's KMS seen on 9 April), D 2, N 1, T 1, O 0, B 0, 2T 1, BGM 0
    expect(r.rows[0].slice(0, 12)).toEqual([
      "Panggul",
      expect.any(String),
      "Melati",
      2,
      2,
      2,
      1,
      1,
      0,
      0,
      1,
      0,
    ]);
    const csv = await c.dinkes.get(`${url}&format=csv`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Jumlah seluruhnya");
    const xlsx = await c.dinkes.get(`${url}&format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    const pdf = await c.dinkes.get(`${url}&format=pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    expect(text).toContain("Laporan Bulanan Gizi Posyandu (F II Gizi)");
    expect(text).toContain("April 2025");
    expect(text).toContain("Melati");
    expect(text).toContain("Jumlah Panggul");
  });
});
