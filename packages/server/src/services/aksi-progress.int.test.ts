/**
 * Pantau Aksi from what Tumbuh records: a 2022-guidance cycle (8 aksi) whose outputs become present
 * as the district records the lokus decision, a budgeted activity, a district rembuk, a Perbup, a
 * KPM, a scorecard quarter, the annual review and the published commentary — and records that do
 * not qualify (no budget, a village rembuk, a Perbup after the year, another year's quarter, an
 * unpublished commentary) leave it where it was. The public page sees only a published commentary.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/access.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const bappeda: Actor & { username: string } = {
  id: "00000000-0000-4000-8000-0000000000c1",
  username: "bappeda",
  role: "district_tpps",
  regionCode: "35.03",
};

describeEachEngine("aksi progress from records", (ctx) => {
  let village = "";
  beforeAll(async () => {
    await loadRegions(ctx.database, { prefix: "35.03" });
    await loadRegions(ctx.database, { prefix: "35.04" });
    const v = await ctx.database.db
      .selectFrom("regions")
      .select("code")
      .where("code", "like", "35.03.__.____")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    village = v.code;
  });

  it("counts each output when its record is held, and only then", async () => {
    const s = testServices(ctx.database);
    const db = ctx.database.db;
    const cycle = await s.aksi.open(bappeda, "35.03", 2024);
    expect(cycle.configVersion).toBe("juknis-2022");
    const pct = async () => (await s.aksi.detail(bappeda, cycle.id)).cycle.progressPct;
    const d = "35.03";
    // step, what is recorded, the cycle's progress worked by hand (80 × present/required per aksi, ÷ 8)
    expect(await pct()).toBe(0);

    await db
      .insertInto("aksi_lokus_decisions")
      .values({
        cycle_id: cycle.id,
        district_code: d,
        data_year: 2023,
        villages: JSON.stringify([village]),
        reason: "prevalensi tertinggi",
        rule: "{}",
        ranking: "[]",
      })
      .execute();
    expect(await pct()).toBeCloseTo(2.5, 3); // aksi 1: 80 × 1/4 = 20; 20 ÷ 8

    const activity = {
      cycle_id: cycle.id,
      district_code: d,
      opd: "Dinas Kesehatan",
      program_code: "1.02.02",
      kegiatan_code: "1.02.02.2.02",
      sub_kegiatan_code: "1.02.02.2.02.0010",
      program_name: "",
      kegiatan_name: "",
      sub_kegiatan_name: "",
      name: "PMT balita",
      indicator_code: null,
      villages: "[]",
      volume: null,
      unit: "",
      realisasi: "{}",
      volume_done: null,
      created_by: null,
      updated_by: null,
      intervention: "spesifik" as const,
      pillar: 3,
      start_month: 2,
      end_month: 6,
    };
    await db
      .insertInto("aksi_activities")
      .values({ ...activity, id: randomUUID(), pagu: "{}" })
      .execute();
    expect(await pct()).toBeCloseTo(2.5, 3); // an activity without budget is not yet a plan
    await db
      .insertInto("aksi_activities")
      .values({ ...activity, id: randomUUID(), pagu: JSON.stringify({ apbd: 5_000_000 }) })
      .execute();
    expect(await pct()).toBeCloseTo(7.5, 3); // aksi 2: 80 × 1/2 = 40; (20 + 40) ÷ 8

    const rembuk = { cycle_id: cycle.id, district_code: d, held_on: "2024-03-12", place: "Pendopo" };
    await db
      .insertInto("aksi_rembuk")
      .values({ ...rembuk, id: randomUUID(), level: "village", region_code: village })
      .execute();
    expect(await pct()).toBeCloseTo(7.5, 3); // a village's rembuk is not the district's
    await db
      .insertInto("aksi_rembuk")
      .values({ ...rembuk, id: randomUUID(), level: "district", region_code: d })
      .execute();
    expect(await pct()).toBeCloseTo(10.833, 3); // aksi 3: 80 × 1/3; 86.667 ÷ 8

    const perbup = { district_code: d, region_code: d, kind: "perbup" as const, title: "Peran desa" };
    await db
      .insertInto("aksi_regulations")
      .values({ ...perbup, id: randomUUID(), number: "9", issued_on: "2025-02-01" })
      .execute();
    expect(await pct()).toBeCloseTo(10.833, 3); // issued after the cycle's year
    await db
      .insertInto("aksi_regulations")
      .values({ ...perbup, id: randomUUID(), number: "4", issued_on: "2024-05-20" })
      .execute();
    expect(await pct()).toBeCloseTo(20.833, 3); // aksi 4: 80; 166.667 ÷ 8

    await db
      .insertInto("aksi_kpm")
      .values({ id: randomUUID(), district_code: d, village_code: village, name: "Siti" })
      .execute();
    expect(await pct()).toBeCloseTo(25.833, 3); // aksi 5: 80 × 1/2; 206.667 ÷ 8

    await db
      .insertInto("desa_scorecards")
      .values({ district_code: d, village_code: village, quarter: "2023-Q4" })
      .execute();
    expect(await pct()).toBeCloseTo(25.833, 3); // another year's quarter
    await db
      .insertInto("desa_scorecards")
      .values({ district_code: d, village_code: village, quarter: "2024-Q2" })
      .execute();
    expect(await pct()).toBeCloseTo(30.833, 3); // aksi 5: 80 × 2/2; 246.667 ÷ 8

    const saved = await s.aksiReview.save(bappeda, cycle.id, {
      lessons: "Verifikasi data lebih awal.",
      publicationComment: "Prevalensi turun di 12 desa lokus.",
      version: 0,
    });
    expect(await pct()).toBeCloseTo(35.833, 3); // aksi 8: 80 × 1/2; 286.667 ÷ 8 — commentary not published
    expect(await s.public.commentary(d, 2024)).toBeNull();

    const published = await s.aksiReview.save(bappeda, cycle.id, {
      publicationPublished: true,
      version: saved.version,
    });
    expect(published.publicationPublishedAt).not.toBeNull();
    expect(await pct()).toBeCloseTo(40.833, 3); // aksi 7: 80 × 1/2; 326.667 ÷ 8
    expect(await s.public.commentary(d, 2024)).toMatchObject({
      year: 2024,
      text: "Prevalensi turun di 12 desa lokus.",
    });
    expect(await s.public.commentary(d, 2023)).toBeNull();
    expect(await s.public.commentary("35.04", 2024)).toBeNull();

    // What fulfils each output is shown with the aksi; the province sees the same progress.
    const detail = await s.aksi.detail(bappeda, cycle.id);
    const by = Object.fromEntries(
      detail.entries.flatMap((e) =>
        e.outputs.filter((o) => o.fulfilledBy).map((o) => [o.code, o.fulfilledBy]),
      ),
    );
    expect(by).toEqual({
      "1.rekomendasi-lokus": "lokus",
      "2.rancangan-rencana": "rencana",
      "3.komitmen": "rembuk",
      "4.perbup": "regulasi",
      "5.kpm-terlatih": "kpm",
      "5.scorecard-desa": "scorecard",
      "7.publikasi": "publikasi",
      "8.laporan-reviu": "reviu",
    });
    const province = await s.aksi.provinceProgress(
      { ...bappeda, role: "provincial_assessor", regionCode: "35" },
      "35",
      2024,
    );
    expect(province.districts.find((x) => x.code === d)?.progressPct).toBeCloseTo(40.833, 3);

    // Withdrawn: off the public page, and no longer counted.
    await s.aksiReview.save(bappeda, cycle.id, { publicationPublished: false, version: published.version });
    expect(await s.public.commentary(d, 2024)).toBeNull();
    expect(await pct()).toBeCloseTo(35.833, 3);
  });

  it("never shows the public another district's or an unpublished commentary", async () => {
    const s = testServices(ctx.database);
    const repos = new Repositories(ctx.database.db);
    const other = { ...bappeda, id: "00000000-0000-4000-8000-0000000000c2", regionCode: "35.04" };
    const cycle = await s.aksi.open(other, "35.04", 2025);
    await s.aksiReview.save(other, cycle.id, { publicationComment: "Draf komentar.", version: 0 });
    expect(await s.public.commentary("35.04", 2025)).toBeNull();
    // An empty commentary published stays off the page.
    const row = (await repos.aksiDocs.review("35.04", cycle.id))!;
    await s.aksiReview.save(other, cycle.id, {
      publicationComment: "",
      publicationPublished: true,
      version: row.version,
    });
    expect(await s.public.commentary("35.04", 2025)).toBeNull();
    await expect(
      s.aksiReview.save(bappeda, cycle.id, { publicationPublished: true, version: row.version + 1 }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
