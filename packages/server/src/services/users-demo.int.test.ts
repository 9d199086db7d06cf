import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { testApp } from "../http/test-app.ts";
import { loadRegions } from "./regions.ts";
import { appDb } from "./users-db.ts";
import { createDemo, DEMO_PASSWORD, isEmptyDatabase, readDemoInfo } from "./users-demo.ts";

describeEachEngine("demo district", (ctx) => {
  it("creates Trenggalek with boundaries, synthetic children, demo users and the demo flag", async () => {
    await loadRegions(ctx.database, { prefix: "35.03" });
    expect(await isEmptyDatabase(ctx.database.db)).toBe(true);
    expect((await readDemoInfo(ctx.database.db)).synthetic).toBe(false);
    const report = await createDemo(ctx.database, {
      keys: keysFromMaster(Buffer.alloc(32, 7)),
      workDir: mkdtempSync(join(tmpdir(), "tumbuh-demo-")),
      children: 60,
    });
    // 14 kecamatan + 157 desa/kelurahan shapes, all matching loaded regions.
    expect(report.boundaries).toBe(171);
    const shapes = await appDb(ctx.database.db)
      .selectFrom("region_boundaries")
      .innerJoin("regions", "regions.code", "region_boundaries.region_code")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(shapes.n)).toBe(171);
    expect(report.children).toBe(60);
    expect(report.measurements).toBeGreaterThan(60);
    expect(await isEmptyDatabase(ctx.database.db)).toBe(false);
    expect(await readDemoInfo(ctx.database.db)).toEqual({ synthetic: true, districtCode: "35.03" });

    const app = await testApp(ctx.database, { demo: await readDemoInfo(ctx.database.db) });
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
  });
});
