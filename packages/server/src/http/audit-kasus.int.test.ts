import { randomUUID } from "node:crypto";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, expect, it } from "vitest";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { UserService } from "../services/users.ts";
import type { App } from "./context.ts";
import { type Client, PASSWORD, seedFixtures, signIn, testApp } from "./test-app.ts";

const USERS = [
  "nasional",
  "jatim",
  "penilai",
  "jateng",
  "bappeda",
  "dinkes",
  "dinkes2",
  "dinkes-lain",
  "camat",
  "desa",
  "kader",
  "tpk",
] as const;
type Who = (typeof USERS)[number];

const V1 = "35.03.01.2001";
const CHILD = "00000000-0000-4000-8000-00000000a0c1";
const CHILD_NAME = "Anak Audit Sintetis";

/** The team (bappeda opens the cycle and sits on it as ketua; dinkes joins as tim teknis). */
const TEAM: readonly Who[] = ["bappeda", "dinkes"];
/** Accounts that see the district (so the cycle exists for them) but sit on no team. */
const OUTSIDE: readonly Who[] = ["nasional", "jatim", "penilai", "dinkes2", "camat", "desa", "kader", "tpk"];
/** Accounts of other regions: the cycle does not exist for them. */
const ELSEWHERE: readonly Who[] = ["jateng", "dinkes-lain"];

/** The field a refused request names (a service's field or the schema's first issue path). */
function fieldOf(res: {
  json: () => { error: { details?: { field?: string; issues?: { path: string }[] } } };
}) {
  const d = res.json().error.details;
  return [d?.field, ...(d?.issues ?? []).map((i) => i.path)].join(" ");
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

describeEachEngine("Audit Kasus Stunting routes: role × region", (ctx) => {
  let app: App;
  const c = {} as Record<Who, Client>;
  let cycleId = "";
  let caseId = "";
  let followupId = "";

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    await new UserService(new Repositories(ctx.database.db)).createInitial({
      username: "dinkes2",
      displayName: "dinkes2",
      password: PASSWORD,
      role: "district_health",
      regionCode: "35.03",
    });
    await ctx.database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id: CHILD,
        village_code: V1,
        name: CHILD_NAME,
        name_key: CHILD_NAME.toLowerCase(),
        sex: 2,
        birth_date: "2023-05-01",
      })
      .execute();
    const m = (date: string, tbu: string, weight: number) => ({
      district_code: "35.03",
      id: randomUUID(),
      child_id: CHILD,
      village_code: V1,
      measured_on: date,
      age_days: 1,
      weight,
      status_tbu: tbu,
      source: "posyandu" as const,
    });
    await ctx.database.db
      .insertInto("measurements")
      // normal until May 2025, pendek in June (a new case), gaining weight every month (not faltering)
      .values([
        m("2024-12-05", "normal", 9.1),
        m("2025-05-05", "normal", 10.0),
        m("2025-06-05", "pendek", 10.5),
        m("2025-08-05", "pendek", 11.0),
      ])
      .execute();
    app = await testApp(ctx.database);
    for (const u of USERS) c[u] = await signIn(app, u);
  });

  /** Asserts each account's status code for one request. */
  async function matrix(
    send: (who: Who) => Promise<{ statusCode: number }>,
    expected: Partial<Record<Who, number>>,
  ): Promise<void> {
    for (const who of USERS) {
      if (expected[who] === undefined) continue;
      expect((await send(who)).statusCode, who).toBe(expected[who]);
    }
  }
  const each = (group: readonly Who[], code: number) => Object.fromEntries(group.map((w) => [w, code]));

  it("only the district TPPS opens a cycle, naming a team of district accounts", async () => {
    const body = {
      districtCode: "35.03",
      semester: "2025-S1",
      team: [{ username: "dinkes", role: "tim_teknis" }],
      panel: [
        { name: "dr. Pakar Sintetis, Sp.A", role: "ketua tim pakar", expertise: "dokter spesialis anak" },
      ],
    };
    expect((await app.inject({ method: "POST", url: "/api/aks/cycles", payload: body })).statusCode).toBe(
      401,
    );
    await matrix((w) => c[w].send("POST", "/api/aks/cycles", body), {
      ...each(
        ["nasional", "jatim", "penilai", "jateng", "dinkes", "dinkes-lain", "camat", "desa", "kader", "tpk"],
        403,
      ),
    });
    const bad = await c.bappeda.send("POST", "/api/aks/cycles", { ...body, semester: "2025-S3" });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)).toContain("semester");
    const outsider = await c.bappeda.send("POST", "/api/aks/cycles", {
      ...body,
      team: [{ username: "dinkes-lain", role: "tim_teknis" }],
    });
    expect(outsider.statusCode).toBe(400);
    expect(fieldOf(outsider)).toContain("team[0].username");
    const res = await c.bappeda.send("POST", "/api/aks/cycles", body);
    expect(res.statusCode).toBe(201);
    cycleId = res.json().cycle.id;
    expect(res.json().cycle.member).toBe(true);
    expect((await c.bappeda.send("POST", "/api/aks/cycles", body)).statusCode).toBe(409);
  });

  it("lists the cycle (staff, no cases) to the district and above, each told whether they sit on the team", async () => {
    await matrix((w) => c[w].get("/api/aks/cycles?region=35.03"), {
      ...each(["nasional", "jatim", "penilai", "bappeda", "dinkes", "dinkes2"], 200),
      ...each(["jateng", "dinkes-lain", "camat", "desa", "kader", "tpk"], 403),
    });
    // a kecamatan or village account asks for its own region: its district's cycles
    for (const w of ["camat", "desa", "kader"] as const) {
      const res = await c[w].get("/api/aks/cycles");
      expect(res.statusCode, w).toBe(200);
      expect(res.json().cycles.map((x: { member: boolean }) => x.member)).toEqual([false]);
    }
    expect((await c.dinkes.get("/api/aks/cycles?region=35.03")).json().cycles[0].member).toBe(true);
    await matrix((w) => c[w].get(`/api/aks/cycles/${cycleId}`), {
      ...each([...TEAM, ...OUTSIDE], 200),
      ...each(ELSEWHERE, 404),
    });
    expect((await c.camat.get(`/api/aks/cycles/${cycleId}`)).json().cycle.member).toBe(false);
    expect((await c["dinkes-lain"].get("/api/aks/cycles?region=35.04")).json()).toEqual({ cycles: [] });
  });

  it("gives named case finding and selection to the team only", async () => {
    const url = `/api/aks/cycles/${cycleId}/candidates`;
    await matrix((w) => c[w].get(url), {
      ...each(TEAM, 200),
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    const found = (await c.dinkes.get(url)).json().candidates;
    expect(
      found.map((x: { name: string; reasons: { reason: string }[] }) => [
        x.name,
        x.reasons.map((r) => r.reason),
      ]),
    ).toEqual([[CHILD_NAME, ["kasus_baru", "stunting"]]]);
    const body = { kind: "anak", childId: CHILD, note: "kasus baru di desa lokus" };
    await matrix((w) => c[w].send("POST", `/api/aks/cycles/${cycleId}/cases`, body), {
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    const missingNote = await c.dinkes.send("POST", `/api/aks/cycles/${cycleId}/cases`, {
      ...body,
      note: "",
    });
    expect(missingNote.statusCode).toBe(400);
    expect(fieldOf(missingNote)).toContain("note");
    const res = await c.dinkes.send("POST", `/api/aks/cycles/${cycleId}/cases`, body);
    expect(res.statusCode).toBe(201);
    caseId = res.json().case.id;
    expect(res.json().case).toMatchObject({
      name: CHILD_NAME,
      selectionNote: "kasus baru di desa lokus",
      status: "terpilih",
    });
    await matrix((w) => c[w].get(`/api/aks/cycles/${cycleId}/cases`), {
      ...each(TEAM, 200),
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    await matrix((w) => c[w].get(`/api/aks/cases/${caseId}`), {
      ...each(TEAM, 200),
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    expect((await c.dinkes.get(`/api/aks/cases/${randomUUID()}`)).statusCode).toBe(404);
    expect((await c.dinkes.get("/api/aks/cases/bukan-uuid")).statusCode).toBe(404);
  });

  it("lets the team write the worksheet, the panel's seat write the review, and refuses everyone else", async () => {
    const ws = { version: 1, worksheet: { polaMakanAsuh: "MP-ASI kurang protein" } };
    await matrix((w) => c[w].send("PUT", `/api/aks/cases/${caseId}/worksheet`, ws), {
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    const saved = await c.dinkes.send("PUT", `/api/aks/cases/${caseId}/worksheet`, ws);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().case.status).toBe("dikaji");
    expect((await c.dinkes.send("PUT", `/api/aks/cases/${caseId}/worksheet`, ws)).statusCode).toBe(409);

    const review = {
      version: 2,
      reviewedOn: "2025-09-01",
      review: "asupan protein kurang",
      recommendations: "PMT pemulihan 90 hari",
    };
    await matrix((w) => c[w].send("PUT", `/api/aks/cases/${caseId}/review`, review), {
      dinkes: 403, // tim teknis: not the panel's seat
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    const future = await c.bappeda.send("PUT", `/api/aks/cases/${caseId}/review`, {
      ...review,
      reviewedOn: "2999-01-01",
    });
    expect(future.statusCode).toBe(400);
    expect(fieldOf(future)).toContain("reviewedOn");
    const reviewed = await c.bappeda.send("PUT", `/api/aks/cases/${caseId}/review`, review);
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().case.status).toBe("direkomendasikan");

    const status = { version: 3, status: "ditindaklanjuti" };
    await matrix((w) => c[w].send("PUT", `/api/aks/cases/${caseId}/status`, status), {
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    expect(
      (await c.dinkes.send("PUT", `/api/aks/cases/${caseId}/status`, { ...status, status: "hilang" }))
        .statusCode,
    ).toBe(400);
    expect((await c.dinkes.send("PUT", `/api/aks/cases/${caseId}/status`, status)).json().case.status).toBe(
      "ditindaklanjuti",
    );
  });

  it("keeps the follow-up plan and the dissemination meeting to the team", async () => {
    const body = { caseId, agency: "Dinas Kesehatan", action: "PMT pemulihan 90 hari", dueOn: "2025-12-31" };
    await matrix((w) => c[w].send("POST", `/api/aks/cycles/${cycleId}/followups`, body), {
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    const noAgency = await c.dinkes.send("POST", `/api/aks/cycles/${cycleId}/followups`, {
      ...body,
      agency: "",
    });
    expect(noAgency.statusCode).toBe(400);
    expect(fieldOf(noAgency)).toContain("agency");
    const res = await c.dinkes.send("POST", `/api/aks/cycles/${cycleId}/followups`, body);
    expect(res.statusCode).toBe(201);
    followupId = res.json().followup.id;
    const st = { version: 1, status: "berjalan" };
    await matrix((w) => c[w].send("PUT", `/api/aks/followups/${followupId}/status`, st), {
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    expect((await c.bappeda.send("PUT", `/api/aks/followups/${followupId}/status`, st)).statusCode).toBe(200);

    const dis = { version: 1, on: "2025-09-15", participants: "Bappeda, Dinkes, DP3AP2KB" };
    await matrix((w) => c[w].send("PUT", `/api/aks/cycles/${cycleId}/dissemination`, dis), {
      ...each(OUTSIDE, 403),
      ...each(ELSEWHERE, 404),
    });
    const ok = await c.bappeda.send("PUT", `/api/aks/cycles/${cycleId}/dissemination`, dis);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().cycle.disseminationOn).toBe("2025-09-15");
  });

  it("shows counts without names to the district, and evaluates the case at the next semester", async () => {
    await matrix((w) => c[w].get(`/api/aks/cycles/${cycleId}/summary`), {
      ...each(TEAM, 200),
      ...each(OUTSIDE, 200),
      ...each(ELSEWHERE, 404),
    });
    const summary = await c.camat.get(`/api/aks/cycles/${cycleId}/summary`);
    expect(summary.json()).toEqual({
      semester: "2025-S1",
      cases: 1,
      byReason: { kasus_baru: 1, stunting: 1 },
      byStatus: { ditindaklanjuti: 1 },
      followups: { berjalan: 1 },
    });
    expect(summary.body).not.toContain(CHILD_NAME);
    // 2025-S1: pendek (2025-06-05) → 2025-S2: pendek (2025-08-05): no change
    expect((await c.dinkes.get(`/api/aks/cases/${caseId}`)).json().case.evaluation).toEqual({
      next: "2025-S2",
      before: { date: "2025-06-05", tbu: "pendek" },
      after: { date: "2025-08-05", tbu: "pendek" },
      changed: false,
      outcome: "tetap",
    });
  });

  it("prints the summary: named for the team (audited), without names for everyone else", async () => {
    const url = `/api/aks/cycles/${cycleId}/report.pdf`;
    await matrix((w) => c[w].get(url), {
      ...each(TEAM, 200),
      ...each(OUTSIDE, 200),
      ...each(ELSEWHERE, 404),
    });
    const team = await c.dinkes.get(url);
    expect(team.headers["content-type"]).toBe("application/pdf");
    expect(team.headers["content-disposition"]).toBe(
      'inline; filename="audit-kasus-stunting-35-03-2025-s1.pdf"',
    );
    const text = await pdfText(team.rawPayload);
    for (const expected of [
      "Ringkasan Audit Kasus Stunting",
      "Semester I 2025",
      "dr. Pakar Sintetis, Sp.A",
      "Daftar kasus (rahasia: hanya untuk Tim Audit)",
      CHILD_NAME,
      "ditindaklanjuti",
      "PMT pemulihan 90 hari",
      "Dinas Kesehatan",
      "2025-09-15",
    ])
      expect(text).toContain(expected);
    const aggregate = await pdfText((await c.camat.get(url)).rawPayload);
    expect(aggregate).toContain("Salinan ini tanpa nama");
    expect(aggregate).toContain("Alasan: kasus baru");
    expect(aggregate).not.toContain(CHILD_NAME);
    expect(aggregate).not.toContain("PMT pemulihan");
    const english = await pdfText((await c.dinkes.get(`${url}?lang=en`)).rawPayload);
    expect(english).toContain("Stunting Case Audit summary");
    expect((await c.dinkes.get(`${url}?lang=fr`)).statusCode).toBe(400);

    const log = await ctx.database.db
      .selectFrom("audit_log")
      .select(["action", "username", "entity"])
      .where("entity", "in", ["aks_case", "aks_cycle"])
      .execute();
    expect(log).toEqual(
      expect.arrayContaining([{ action: "print", username: "dinkes", entity: "aks_case" }]),
    );
    expect(log).toEqual(
      expect.arrayContaining([{ action: "print_summary", username: "camat", entity: "aks_cycle" }]),
    );
  });
});
