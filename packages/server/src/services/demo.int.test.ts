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

    // The demo audit: Semester I 2025 with its team, cases at several steps, named for the team only.
    const bappeda = await signIn(app, "bappeda", DEMO_PASSWORD);
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
    const camat = await signIn(app, "camat", DEMO_PASSWORD);
    expect((await camat.get(`/api/aks/cycles/${cycles[0].id}/cases`)).statusCode).toBe(403);
    expect((await camat.get(`/api/aks/cycles/${cycles[0].id}/summary`)).json().cases).toBe(report.auditCases);
  });
});
