/**
 * NIK and the audit trail of personal data: masks show only the last four digits; a NIK is searched
 * only by roles that may see it, in a POST body, at most 10 times a minute per user, and each search
 * is audited without the NIK; record views, exports, NIK reveals and failed sign-ins are audited; no
 * URL or log line carries a NIK.
 */
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { type Client, PASSWORD, seedFixtures, signIn, testApp } from "./test-app.ts";

const VILLAGE = "35.03.01.2001";
const SITI_NIK = "3503014505230001";
const SITI_KK = "3503010101230002";
/** What a mask may show of Siti's NIK and KK. */
const SITI_NIK_MASKED = "••••••••••••0001";
const SITI_KK_MASKED = "••••••••••••0002";

describeEachEngine("NIK privacy and the audit trail of personal data", (ctx) => {
  let app: App;
  let kader: Client;
  let nasional: Client;
  let sitiId: string;
  let clock = Date.parse("2025-08-20T03:00:00Z");
  const log: string[] = [];

  /** Audit rows as stored (every column), newest first. */
  const auditRows = (action: string) =>
    ctx.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", action)
      .orderBy("id", "desc")
      .execute();

  it("sets up a child with NIK and KK, and an app logging every request at info level", async () => {
    await seedFixtures(ctx.database);
    const stream = new Writable({
      write(chunk, _enc, done) {
        log.push(String(chunk));
        done();
      },
    });
    app = await testApp(ctx.database, {
      now: () => new Date(clock),
      logger: { level: "info", stream },
    });
    const posyanduId = randomUUID();
    await ctx.database.db
      .insertInto("posyandu")
      .values({
        district_code: "35.03",
        id: posyanduId,
        village_code: VILLAGE,
        puskesmas_id: null,
        name: "Mawar",
        search_name: "mawar",
      })
      .execute();
    kader = await signIn(app, "kader");
    nasional = await signIn(app, "nasional");
    const res = await kader.send("POST", "/api/children", {
      name: "Siti Aminah",
      sex: 2,
      birthDate: "2023-05-10",
      villageCode: VILLAGE,
      posyanduId,
      nik: SITI_NIK,
      kk: SITI_KK,
    });
    expect(res.statusCode).toBe(201);
    sitiId = res.json().child.id;
  });

  it("masks NIK and KK to the last four digits in lists, records, exports and the audit log", async () => {
    const list = (await kader.get("/api/children?q=siti")).json();
    expect(list.children[0].nikMasked).toBe(SITI_NIK_MASKED);
    const rec = (await kader.get(`/api/children/${sitiId}`)).json();
    expect(rec.child).toMatchObject({ nikMasked: SITI_NIK_MASKED, kkMasked: SITI_KK_MASKED });
    const csv = (await kader.get(`/api/export?table=children&region=${VILLAGE}`)).body;
    expect(csv).toContain(SITI_NIK_MASKED);
    const created = (await nasional.get(`/api/audit?entity=child&entityId=${sitiId}`)).json().entries;
    const after = created.find((e: { action: string }) => e.action === "create").after;
    expect(after).toMatchObject({ nik: SITI_NIK_MASKED, kk: SITI_KK_MASKED });
    // the kecamatan code and birth date (digits 5 to 12) appear nowhere
    for (const text of [JSON.stringify(list), JSON.stringify(rec), csv, JSON.stringify(created)]) {
      expect(text).not.toContain(SITI_NIK.slice(0, 12));
      expect(text).not.toContain(SITI_NIK.slice(4, 12));
      expect(text).not.toContain(SITI_KK.slice(4, 12));
    }
  });

  it("refuses a NIK in the URL of GET /api/children, pointing to the POST", async () => {
    for (const q of [SITI_NIK, "3503 0145 0523 0001", "3503.0145.0523.0001"]) {
      const res = await kader.get(`/api/children?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.message).toContain("POST /api/children/search");
      expect(res.body).not.toContain("Siti");
    }
  });

  it("searches a NIK in a POST body, only for roles that may see NIK, and audits that it ran without the NIK", async () => {
    const found = await kader.send("POST", "/api/children/search", { nik: SITI_NIK });
    expect(found.statusCode).toBe(200);
    expect(found.json().children.map((c: { id: string }) => c.id)).toEqual([sitiId]);
    const none = await kader.send("POST", "/api/children/search", { nik: "3503010000000000" });
    expect(none.json()).toEqual({ children: [], total: 0 });
    for (const who of ["tpk", "camat", "bappeda", "jatim"]) {
      const c = await signIn(app, who);
      const res = await c.send("POST", "/api/children/search", { nik: SITI_NIK });
      expect(res.statusCode, who).toBe(403);
      expect(res.body).not.toContain("Siti");
    }
    const rows = await auditRows("search_nik");
    expect(rows.slice(0, 2).map((r) => [r.username, r.entity, r.region_code, r.after])).toEqual([
      ["kader", "identity", VILLAGE, { matched: 0 }],
      ["kader", "identity", VILLAGE, { matched: 1 }],
    ]);
    expect(JSON.stringify(rows)).not.toContain(SITI_NIK);
    const listed = (await nasional.get("/api/audit?entity=identity")).json().entries;
    expect(listed[0]).toMatchObject({ action: "search_nik", username: "kader", after: { matched: 0 } });
  });

  it("lets a user search at most 10 NIK a minute: then 429 with Retry-After, other users unaffected", async () => {
    const desa = await signIn(app, "desa");
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (await desa.send("POST", "/api/children/search", { nik: `35030100000000${10 + i}` })).statusCode,
      );
    }
    expect(codes).toEqual([...Array(10).fill(200), 429, 429]);
    const held = await desa.send("POST", "/api/children/search", { nik: SITI_NIK });
    expect(held.json().error.code).toBe("rate_limited");
    expect(Number(held.headers["retry-after"])).toBeGreaterThan(0);
    expect((await kader.send("POST", "/api/children/search", { nik: SITI_NIK })).statusCode).toBe(200);
    clock += 60_001;
    expect((await desa.send("POST", "/api/children/search", { nik: SITI_NIK })).statusCode).toBe(200);
  });

  it("audits record views, NIK reveals and exports (region, table, rows)", async () => {
    await kader.get(`/api/children/${sitiId}`);
    const [view] = await auditRows("view");
    expect(view).toMatchObject({
      username: "kader",
      entity: "child",
      entity_id: sitiId,
      region_code: VILLAGE,
    });
    await kader.get(`/api/children/${sitiId}/identity`);
    const [reveal] = await auditRows("view_identity");
    expect(reveal).toMatchObject({ username: "kader", entity: "identity", entity_id: sitiId });
    const dinkes = await signIn(app, "dinkes");
    expect((await dinkes.get("/api/export?table=children&region=35.03&format=xlsx")).statusCode).toBe(200);
    const [exported] = await auditRows("export");
    expect(exported).toMatchObject({ username: "dinkes", entity: "export", region_code: "35.03" });
    expect(exported.after).toEqual({ table: "children", format: "xlsx", period: null, rows: 1 });
    expect((await nasional.get("/api/audit?entity=export")).json().entries[0].action).toBe("export");
  });

  it("audits failed sign-ins with the username tried and the address, never the password", async () => {
    for (const username of ["kader", "tidak-ada"]) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: "192.0.2.80",
        payload: { username, password: "salah-sandi-rahasia" },
      });
      expect(res.statusCode).toBe(401);
    }
    const rows = await auditRows("login_failed");
    expect(rows.slice(0, 2).map((r) => [r.entity, r.after, r.ip, r.region_code])).toEqual([
      ["session", { username: "tidak-ada" }, "192.0.2.80", null],
      ["session", { username: "kader" }, "192.0.2.80", VILLAGE],
    ]);
    expect(JSON.stringify(rows)).not.toContain("salah-sandi-rahasia");
    // the village's own administrators see failures of their users; unknown names only the nation
    const entries = (await nasional.get("/api/audit?entity=session")).json().entries;
    expect(entries.filter((e: { action: string }) => e.action === "login_failed")).toHaveLength(2);
    expect(PASSWORD).not.toBe("salah-sandi-rahasia");
  });

  it("writes no NIK into the log, whatever the URL carries", async () => {
    await kader.get(`/api/children?q=${SITI_NIK}`);
    await kader.get(`/api/children/${SITI_NIK}`);
    await kader.get(`/api/posyandu?region=${SITI_NIK}`);
    await app.inject({ method: "GET", url: `/api/nothing/${SITI_NIK}?nik=${SITI_NIK}` });
    const text = log.join("");
    expect(text).toContain("incoming request");
    expect(text).toContain("/api/children");
    for (const secret of [SITI_NIK, SITI_KK, SITI_NIK.slice(0, 12), "3503%200145"]) {
      expect(text).not.toContain(secret);
    }
  });
});
