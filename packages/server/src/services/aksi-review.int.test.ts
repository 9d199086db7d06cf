import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/access.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const bappeda: Actor & { username: string } = {
  id: "00000000-0000-4000-8000-0000000000b1",
  username: "bappeda",
  role: "district_tpps",
  regionCode: "35.03",
};
const tulungagung = { ...bappeda, id: "00000000-0000-4000-8000-0000000000b2", regionCode: "35.04" };

/** A roll-up row of the district with `haz_valid` children measured and `stunted` of them stunted. */
const row = (district: string, period: string, hazValid: number, stunted: number) => ({
  district_code: district,
  unit_kind: "district" as const,
  unit_code: district,
  period,
  measured: hazValid + 3,
  haz_valid: hazValid,
  stunted,
  severely_stunted: 0,
  whz_valid: 0,
  wasted: 0,
  severely_wasted: 0,
  overweight: 0,
  waz_valid: 0,
  underweight: 0,
  new_stunting: 0,
  target: null,
});

describeEachEngine("aksi review service", (ctx) => {
  beforeAll(async () => {
    await loadRegions(ctx.database, { prefix: "35.03" });
    await loadRegions(ctx.database, { prefix: "35.04" });
    await ctx.database.db
      .insertInto("rollup_district")
      .values([
        row("35.03", "2020", 900, 300), // more than five years before the cycle: left out
        row("35.03", "2023", 1000, 230),
        row("35.03", "2024", 1200, 252),
        row("35.03", "2025", 1250, 225),
        row("35.03", "2025-08", 800, 150), // a month: not a year of the trend
        row("35.03", "2026", 10, 1), // after the cycle's year: left out
      ])
      .execute();
  });

  it("draws the stunting trend from the yearly roll-ups and names the year's target", async () => {
    const s = testServices(ctx.database);
    const cycle = await s.aksi.open(bappeda, "35.03", 2025);
    const r = await s.aksiReview.get(bappeda, cycle.id);
    expect(r.stuntingTrend).toEqual([
      { year: 2023, measured: 1000, stunted: 230, prevalencePct: 23 },
      { year: 2024, measured: 1200, stunted: 252, prevalencePct: 21 },
      { year: 2025, measured: 1250, stunted: 225, prevalencePct: 18 },
    ]);
    // 2025: the interim 18 % (target year 2025) is nearer than RPJMN's 14.2 % for 2029.
    expect(r.stuntingTarget?.value).toBe(18);
    expect(r).toMatchObject({
      version: 0,
      lessons: "",
      indicators: [],
      scorecards: [],
      rembuk: 0,
      activities: null,
    });
    expect(r.kpm).toEqual({ villages: 157, villagesWithKpm: 0, kpm: 0, trained: 0 });
  });

  it("has an empty trend where nothing was measured, and another district never sees the cycle", async () => {
    const s = testServices(ctx.database);
    const cycle = await s.aksi.open(tulungagung, "35.04", 2024);
    const r = await s.aksiReview.get(tulungagung, cycle.id);
    expect(r.stuntingTrend).toEqual([]);
    expect(r.stuntingTarget?.value).toBe(14); // Perpres 72/2021 for 2024
    await expect(s.aksiReview.get(bappeda, cycle.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("will not copy lessons over a reviewed analisis situasi", async () => {
    const s = testServices(ctx.database);
    const repos = new Repositories(ctx.database.db);
    const cycle = (await repos.aksi.cycleOf("35.03", 2025))!;
    await s.aksiReview.save(bappeda, cycle.id, { lessons: "Perkuat verifikasi data.", version: 0 });
    const next = await s.aksi.open(bappeda, "35.03", 2026);
    const first = (await s.aksi.detail(bappeda, next.id)).entries[0];
    await repos.aksi.updateEntry(next.id, first.aksiCode, first.version, { status: "direviu" }, bappeda.id);
    await expect(s.aksiReview.prefillNext(bappeda, cycle.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await s.aksi.detail(bappeda, next.id)).entries[0].notes).toBe("");
  });
});
