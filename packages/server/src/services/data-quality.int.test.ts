import { randomUUID } from "node:crypto";
import { type DqMeasurement, periodDates, populationQualityReport } from "@tumbuh/core";
import { expect, it } from "vitest";
import { OPERATOR } from "../auth/access.ts";
import { Repositories } from "../db/repositories/index.ts";
import { refreshRollupsAndClear } from "../db/repositories/rollup-pending.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { seedQualityData } from "./data-quality.test-support.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

// The data and the figures worked by hand: data-quality.test-support.ts.
describeEachEngine("data-quality report", (t) => {
  it("computes the figures of the district and of each kecamatan (worked by hand)", async () => {
    await seedQualityData(t.database);
    const r = await testServices(t.database).dataQuality.report(
      OPERATOR,
      { region: "35.03", period: "2025-03" },
      "2025-05-01",
    );
    expect(r.summary).toMatchObject({
      measurements: 5,
      children: 3,
      haz_n: 3,
      haz_sd: 2,
      whz_n: 2,
      haz_flagged_pct: 20,
      missing_nik_pct: 40,
    });
    expect(r.summary.whz_sd).toBeCloseTo(Math.SQRT2, 12);
    expect(r.likelyDuplicates).toEqual({ groups: 1, extraChildren: 1 });
    const kec = new Map(r.units.map((u) => [u.code, u]));
    expect(kec.get("35.03.01")).toMatchObject({ measurements: 4, haz_n: 2, haz_flagged_pct: 25 });
    expect(kec.get("35.03.01")?.haz_sd).toBeCloseTo(Math.SQRT2, 12);
    expect(kec.get("35.03.02")).toMatchObject({
      measurements: 1,
      haz_n: 1,
      haz_sd: null,
      haz_flagged_pct: 0,
    });
  });

  it("a kecamatan's own report equals its row in the district's table", async () => {
    const s = testServices(t.database);
    const own = await s.dataQuality.report(OPERATOR, { region: "35.03.01", period: "2025-03" }, "2025-05-01");
    const district = await s.dataQuality.report(
      OPERATOR,
      { region: "35.03", period: "2025-03" },
      "2025-05-01",
    );
    const { code: _c, name: _n, level: _l, ...row } = district.units.find((u) => u.code === "35.03.01")!;
    expect(own.summary).toEqual(row);
  });
});

/** A measurement row of the live query as core's input. */
function toDq(m: Awaited<ReturnType<Repositories["dataQuality"]["measurements"]>>[number]): DqMeasurement {
  return {
    childId: m.child_id,
    sex: m.sex,
    birthDate: m.birth_date,
    date: m.measured_on,
    ageDays: m.age_days,
    weight: m.weight,
    lenhei: m.lenhei,
    measure: m.measure,
    oedema: m.oedema,
    hasNik: m.has_nik,
    zlen: m.zlen,
    flen: m.flen,
    zwei: m.zwei,
    fwei: m.fwei,
    zwfl: m.zwfl,
    fwfl: m.fwfl,
    zbmi: m.zbmi,
    fbmi: m.fbmi,
  };
}

// The stored figures (roll-ups) against the report computed live from the period's measurements:
// measurement checks over the measurements taken in the unit, z-score distributions and sex ratio
// over the children whose latest measurement of the period was taken there (as the prevalence
// counts them), likely duplicates among the children measured there.
describeEachEngine("stored data-quality figures equal the live computation", (t) => {
  it("at every level, for a month and a year, with children who moved, flags, gaps and duplicates", async () => {
    const db = t.database.db;
    await loadRegions(t.database, { prefix: "35.03" });
    const villages = (
      await db.selectFrom("regions").select("code").where("level", "=", "village").orderBy("code").execute()
    )
      .map((r) => r.code)
      .filter((c) => c.startsWith("35.03.01.") || c.startsWith("35.03.02."))
      .filter((_, i) => i % 5 === 0)
      .slice(0, 6);
    expect(new Set(villages.map((v) => v.slice(0, 8))).size).toBe(2);
    const posyandu = villages.flatMap((v, i) =>
      [1, 2].map((k) => ({
        district_code: "35.03",
        id: randomUUID(),
        village_code: v,
        name: `P${i}-${k}`,
        search_name: `p${i}-${k}`,
      })),
    );
    await db.insertInto("posyandu").values(posyandu).execute();
    let s = 11;
    const rand = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const children = [];
    const measurements = [];
    for (let i = 0; i < 80; i++) {
      const home = pick(posyandu);
      const id = randomUUID();
      const birth = `202${1 + Math.floor(rand() * 4)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-15`;
      const name = i % 9 === 0 ? "kembar" : `anak ${i}`;
      children.push({
        district_code: "35.03",
        id,
        village_code: home.village_code,
        posyandu_id: home.id,
        name,
        name_key: name,
        sex: (i % 9 === 0 ? 1 : 1 + (i % 2)) as 1 | 2,
        birth_date: i % 9 === 0 ? "2023-05-15" : birth,
        nik_hash: rand() < 0.7 ? randomUUID() : null,
      });
      for (const day of ["2025-02-10", "2025-03-03", "2025-03-21", "2025-04-08"]) {
        if (rand() < 0.25) continue;
        // One child in four is measured elsewhere at times (moved or visiting).
        const at = i % 4 === 0 && rand() < 0.5 ? pick(posyandu) : home;
        const ageDays = Math.round(
          (Date.parse(day) - Date.parse(i % 9 === 0 ? "2023-05-15" : birth)) / 86_400_000,
        );
        if (ageDays < 0) continue;
        const z = (lo: number, hi: number) => (rand() < 0.15 ? null : lo + rand() * (hi - lo));
        measurements.push({
          district_code: "35.03",
          id: randomUUID(),
          child_id: id,
          village_code: at.village_code,
          posyandu_id: rand() < 0.1 ? null : at.id,
          measured_on: day,
          age_days: ageDays,
          weight: rand() < 0.1 ? null : Math.round(30 + rand() * 150) / 10,
          lenhei: rand() < 0.1 ? null : Math.round(450 + rand() * 700) / 10,
          measure: pick(["l", "h", null] as const),
          oedema: rand() < 0.05,
          zlen: z(-6.5, 3),
          flen: rand() < 0.1,
          zwei: z(-4, 3),
          fwei: rand() < 0.05,
          zwfl: z(-4, 4),
          fwfl: rand() < 0.05,
          zbmi: z(-3, 3),
          source: "posyandu" as const,
        });
      }
    }
    await db.insertInto("children").values(children).execute();
    await db.insertInto("measurements").values(measurements).execute();
    await refreshRollupsAndClear(t.database, ["35.03"]);

    const s2 = testServices(t.database);
    const repos = new Repositories(db);
    const units: Array<{
      region?: string;
      posyandu?: string;
      inUnit: (v: string, p: string | null) => boolean;
    }> = [
      { region: "ID", inUnit: () => true },
      { region: "35", inUnit: (v) => v.startsWith("35.") },
      { region: "35.03", inUnit: (v) => v.startsWith("35.03.") },
      ...["35.03.01", "35.03.02", ...villages].map((c) => ({
        region: c,
        inUnit: (v: string) => v.startsWith(c),
      })),
      ...posyandu.map((p) => ({ posyandu: p.id, inUnit: (_v: string, id: string | null) => id === p.id })),
    ];
    let compared = 0;
    for (const period of ["2025-03", "2025"]) {
      const rows = await repos.dataQuality.measurements({ region: "35.03" }, periodDates(period));
      const latest = new Map<string, (typeof rows)[number]>();
      for (const r of rows) {
        const seen = latest.get(r.child_id);
        if (!seen || r.measured_on > seen.measured_on) latest.set(r.child_id, r);
      }
      for (const u of units) {
        const { inUnit, ...query } = u;
        const got = await s2.dataQuality.report(OPERATOR, { ...query, period }, "2025-12-31");
        const byMeasurement = rows.filter((r) => inUnit(r.village_code, r.posyandu_id));
        const byChild = rows.filter((r) => {
          const l = latest.get(r.child_id)!;
          return inUnit(l.village_code, l.posyandu_id);
        });
        const m = populationQualityReport(byMeasurement.map(toDq));
        const c = populationQualityReport(byChild.map(toDq));
        const expected = { ...m, children: c.children, distributions: c.distributions, sexRatio: c.sexRatio };
        const report = got.report as unknown as typeof expected;
        const { distributions: gd, smartWhzSd: _g, ...gotRest } = report;
        const { distributions: ed, smartWhzSd: _e, ...expectedRest } = expected;
        const where = `${query.region ?? query.posyandu} ${period}`;
        expect(gotRest, where).toEqual(expectedRest);
        ed.forEach((d, i) => {
          expect(gd[i].n, `${where} ${d.index} n`).toBe(d.n);
          for (const k of ["mean", "sd", "skewness", "kurtosis"] as const) {
            if (d[k] === null) expect(gd[i][k], `${where} ${d.index} ${k}`).toBeNull();
            // Moments from power sums lose digits when a few values lie close together
            // (kurtosis of two near-equal values: 1 ± 2e-7); to 6 digits they agree.
            else
              expect(
                Math.abs((gd[i][k] as number) - (d[k] as number)),
                `${where} ${d.index} ${k}`,
              ).toBeLessThan(1e-6 * Math.max(1, Math.abs(d[k] as number)));
          }
        });
        expect(got.likelyDuplicates, where).toEqual(
          await repos.dataQuality.likelyDuplicates([...new Set(byMeasurement.map((r) => r.child_id))]),
        );
        if (byMeasurement.length > 0) compared++;
      }
    }
    // Every unit has measurements in both periods but for a posyandu or two.
    expect(compared).toBeGreaterThan(30);
  });
});
