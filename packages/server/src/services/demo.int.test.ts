import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { signIn, testApp } from "../http/test-app.ts";
import { createDemo, DEMO_PASSWORD, isEmptyDatabase, readDemoInfo } from "./demo.ts";
import { loadRegions } from "./regions.ts";

describeEachEngine("demo district", (ctx) => {
  it("creates Trenggalek with boundaries, synthetic children, demo users and the demo flag", async () => {
    const repos = new Repositories(ctx.database.db);
    await loadRegions(ctx.database, { prefix: "35.03" });
    expect(await isEmptyDatabase(repos)).toBe(true);
    expect((await readDemoInfo(repos)).synthetic).toBe(false);
    const report = await createDemo(ctx.database, repos, {
      keys: keysFromMaster(Buffer.alloc(32, 7)),
      workDir: mkdtempSync(join(tmpdir(), "tumbuh-demo-")),
      children: 60,
      evidenceDir: mkdtempSync(join(tmpdir(), "tumbuh-demo-evidence-")),
    });
    // 14 kecamatan + 157 desa/kelurahan shapes, all matching loaded regions.
    expect(report.boundaries).toBe(171);
    const shapes = await ctx.database.db
      .selectFrom("region_boundaries")
      .innerJoin("regions", "regions.code", "region_boundaries.region_code")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(shapes.n)).toBe(171);
    expect(report.children).toBe(60);
    expect(report.measurements).toBeGreaterThan(60);
    expect(await isEmptyDatabase(repos)).toBe(false);
    expect(await readDemoInfo(repos)).toEqual({ synthetic: true, districtCode: "35.03" });

    const app = await testApp(ctx.database, { demo: await readDemoInfo(repos) });
    expect((await app.inject({ method: "GET", url: "/api/meta" })).json().demo).toEqual({
      synthetic: true,
      districtCode: "35.03",
    });
    for (const u of report.users) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: u.username, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, u.username).toBe(200);
    }
    // The cadre's village has children, so the demo sign-in shows data at once.
    const kader = report.users.find((u) => u.role === "posyandu_cadre")!;
    const inVillage = await ctx.database.db
      .selectFrom("children")
      .select("id")
      .where("village_code", "=", kader.regionCode)
      .execute();
    expect(inVillage.length).toBeGreaterThan(0);

    // families, TPK targets and visits, TPPS teams and a mini lokakarya in the TPK member's kecamatan
    const count = async (
      table: "families" | "tpk_targets" | "tpk_visits" | "tpps_teams" | "minilok_meetings",
    ) =>
      Number(
        (
          await ctx.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("families")).toBeGreaterThan(0);
    // targets with visits: the coverage pages have something to count
    expect(await count("tpk_visits")).toBeGreaterThan(0);
    expect(await count("tpk_targets")).toBeGreaterThanOrEqual(await count("tpk_visits"));
    const kinds = await ctx.database.db.selectFrom("tpk_targets").select("kind").distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      expect.arrayContaining(["catin", "ibu_hamil", expect.stringMatching(/^(baduta|balita)$/)]),
    );
    expect(await count("tpps_teams")).toBe(2);
    expect(await count("minilok_meetings")).toBe(1);
    // The 2025 aksi cycle: own targets, desa lokus chosen with a reason and its SK, a plan with budget.
    const bappeda = await signIn(app, "bappeda", DEMO_PASSWORD);
    const cycle = (await bappeda.get("/api/aksi/cycles?year=2025")).json().cycles[0];
    expect(cycle).toMatchObject({ districtCode: "35.03", year: 2025 });
    const lokus = (await bappeda.get(`/api/aksi/cycles/${cycle.id}/lokus`)).json().decision;
    expect(lokus.villages.length).toBeGreaterThan(0);
    expect(lokus.reason).toContain("sintetis");
    expect(lokus.evidence.fileName).toContain("sintetis");
    const plan = (await bappeda.get(`/api/aksi/cycles/${cycle.id}/activities`)).json();
    expect(plan.activities).toHaveLength(6);
    expect(plan.summary.total.pagu).toBe(3_526_000_000);
    expect(plan.summary.lokusPagu.lokus).toBeGreaterThan(0);
    expect(plan.summary.issues).toEqual([]);
    const ansit = (await bappeda.get(`/api/aksi/cycles/${cycle.id}/analisis`)).json();
    const spe9 = ansit.indicators.find((i: { code: string }) => i.code === "SPE9");
    expect(spe9.target).toMatchObject({ value: 95, origin: "own" });
    // The demo audit: Semester I 2025 with its team, cases at several steps, named for the team only.
    const cycles = (await bappeda.get("/api/aks/cycles?region=35.03")).json().cycles;
    expect(cycles.map((c: { semester: string; member: boolean }) => [c.semester, c.member])).toEqual([
      ["2025-S1", true],
    ]);
    expect(cycles[0].team.map((m: { username: string; role: string }) => `${m.username}:${m.role}`)).toEqual([
      "bappeda:ketua",
      "dinkes:tim_teknis",
    ]);
    expect(cycles[0].disseminationOn).toBe("2025-07-20");
    expect(report.auditCases).toBeGreaterThan(0);
    const cases = (await bappeda.get(`/api/aks/cycles/${cycles[0].id}/cases`)).json();
    expect(cases.cases).toHaveLength(report.auditCases);
    expect(cases.cases[0].name).not.toBe("");
    // among them the bride-to-be found at risk at a TPK screening (anaemic, LiLA under 23.5 cm)
    expect(
      cases.cases
        .filter((c: { kind: string }) => c.kind === "catin")
        .map((c: { reasons: { detail: string }[] }) => c.reasons[0].detail),
    ).toEqual(["Elsimil berisiko, LiLA 22.6 cm, Hb 11.2 g/dL"]);
    const camat = await signIn(app, "camat", DEMO_PASSWORD);
    expect((await camat.get(`/api/aks/cycles/${cycles[0].id}/cases`)).statusCode).toBe(403);
    expect((await camat.get(`/api/aks/cycles/${cycles[0].id}/summary`)).json().cases).toBe(report.auditCases);
  });
});
