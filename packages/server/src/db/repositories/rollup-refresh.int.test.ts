import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { OPERATOR } from "../../auth/access.ts";
import { PrevalenceService } from "../../services/prevalence.ts";
import { loadRegions, RegionService } from "../../services/regions.ts";
import { ResponseCache } from "../../services/response-cache.ts";
import { describeEachEngine } from "../test-support.ts";
import { Repositories } from "./index.ts";
import { checkRollups } from "./rollup-check.ts";
import { refreshRollups } from "./rollup-refresh.ts";

// Hand-made data. Villages: A, B in kecamatan 35.03.01 and C in 35.03.02 (Trenggalek);
// D in 36.01 (Banten), another province.
const A = "35.03.01.2001";
const B = "35.03.01.2002";
const C = "35.03.02.2001";
const D = "36.01.01.2001";

interface M {
  on: string;
  village: string;
  haz?: number;
  whz?: number;
  waz?: number;
  flen?: boolean;
  posyandu?: string;
}

describeEachEngine("roll-ups", (t) => {
  const posyandu = randomUUID();
  // The figures as every view reads them: through the one read model.
  const readModel = () => {
    const repos = new Repositories(t.database.db);
    const demo = { synthetic: false, districtCode: null };
    return new PrevalenceService(repos, new RegionService(repos), demo, new ResponseCache(0));
  };
  const getPrevalence = async (code: string, period: string) =>
    (await readModel().report(OPERATOR, code, period)).summary;
  const childPrevalence = async (code: string, period: string) =>
    (await readModel().report(OPERATOR, code, period)).children;

  async function child(district: string, village: string, history: M[]): Promise<void> {
    const id = randomUUID();
    await t.database.db
      .insertInto("children")
      .values({
        district_code: district,
        id,
        village_code: village,
        name: "x",
        name_key: "x",
        sex: 1,
        birth_date: "2022-01-01",
      })
      .execute();
    for (const m of history) {
      await t.database.db
        .insertInto("measurements")
        .values({
          district_code: district,
          id: randomUUID(),
          child_id: id,
          village_code: m.village,
          posyandu_id: m.posyandu ?? null,
          measured_on: m.on,
          age_days: 900,
          weight: 10,
          lenhei: 85,
          zlen: m.haz ?? null,
          zwfl: m.whz ?? null,
          zwei: m.waz ?? null,
          flen: m.flen ?? false,
          source: "posyandu",
        })
        .execute();
    }
  }

  it("counts each child once per period at its latest valid measurement", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await loadRegions(t.database, { prefix: "36.01" });
    await t.database.db
      .insertInto("posyandu")
      .values({
        district_code: "35.03",
        id: posyandu,
        village_code: A,
        name: "Melati 1",
        search_name: "melati 1",
      })
      .execute();
    // 1: stunted in July, not stunted earlier in June -> new case in July; in August still stunted.
    await child("35.03", A, [
      { on: "2025-06-10", village: A, haz: -1.5, whz: 0, waz: -1, posyandu },
      { on: "2025-07-10", village: A, haz: -2.4, whz: -2.5, waz: -2.2, posyandu },
      { on: "2025-08-10", village: A, haz: -2.6, whz: -1, waz: -2.1, posyandu },
    ]);
    // 2: severely stunted, severely wasted in August; first measurement ever -> not a new case.
    await child("35.03", A, [{ on: "2025-08-03", village: A, haz: -3.5, whz: -3.2, waz: -3.4 }]);
    // 3: two measurements in August: the later one (flagged HAZ) is left out for HAZ, so the
    // earlier valid HAZ counts; WHZ from the later one (overweight).
    await child("35.03", B, [
      { on: "2025-08-01", village: B, haz: -2.1, whz: 0.5, waz: 0 },
      { on: "2025-08-20", village: B, haz: -7, flen: true, whz: 2.5, waz: 1.5 },
    ]);
    // 4: moved from B to C in August: counted in C (latest measurement), normal; no HAZ at all in July.
    await child("35.03", B, [
      { on: "2025-07-05", village: B, whz: 0.1, waz: 0.2 },
      { on: "2025-08-05", village: C, haz: -0.5, whz: 0.1, waz: 0.2 },
    ]);
    // 5: another province, stunted in August after a normal July -> new case.
    await child("36.01", D, [
      { on: "2025-07-07", village: D, haz: -1.9, whz: 0, waz: 0 },
      { on: "2025-08-07", village: D, haz: -2.2, whz: 0, waz: 0 },
    ]);
    await t.database.db
      .insertInto("targets")
      .values([
        { district_code: "35.03", village_code: A, year: 2025, children_0_59: 4 },
        { district_code: "35.03", village_code: "35.03.02.2002", year: 2025, children_0_59: 10 },
      ])
      .execute();
    await refreshRollups(t.database, ["35.03", "36.01"]);

    const a = await getPrevalence(A, "2025-08");
    expect(a).toMatchObject({
      measured: 2,
      validHaz: 2,
      stunted: 2,
      severelyStunted: 1,
      wasted: 1,
      wastingRate: 50, // 1 of 2 children with a valid WHZ
      severelyWasted: 1,
      underweight: 2,
      newStunting: 0,
      target: 4,
    });
    expect(a.stuntingRate).toBe(100);
    expect(a.coverageRate).toBe(50);
    expect(await getPrevalence(B, "2025-08")).toMatchObject({
      measured: 1,
      validHaz: 1,
      stunted: 1,
      overweight: 1,
      overweightRate: 100, // 1 of 1 child with a valid WHZ
    });
    expect(await getPrevalence(C, "2025-08")).toMatchObject({
      measured: 1,
      validHaz: 1,
      stunted: 0,
    });
    // A village with a target and nobody measured: zero counts, target kept.
    expect(await getPrevalence("35.03.02.2002", "2025-08")).toMatchObject({
      measured: 0,
      target: 10,
    });
    const kec = await getPrevalence("35.03.01", "2025-08");
    expect(kec).toMatchObject({ measured: 3, validHaz: 3, stunted: 3, target: 4 });
    const district = await getPrevalence("35.03", "2025-08");
    expect(district).toMatchObject({
      measured: 4,
      validHaz: 4,
      stunted: 3,
      severelyStunted: 1,
      wasted: 1,
      overweight: 1,
      target: 14,
    });
    expect(district.stuntingRate).toBe(75);
    expect((await getPrevalence("36", "2025-08")).stunted).toBe(1);
    const nation = await getPrevalence("ID", "2025-08");
    expect(nation).toMatchObject({ measured: 5, validHaz: 5, stunted: 4, newStunting: 1 });

    // July: child 1 new case (A), child 4 measured without HAZ (B), child 5 normal (D).
    expect(await getPrevalence("35.03", "2025-07")).toMatchObject({
      measured: 2,
      validHaz: 1,
      stunted: 1,
      newStunting: 1,
      wasted: 1,
    });
    // The year counts each child once, by its latest valid values, and every new case in it.
    expect(await getPrevalence("ID", "2025")).toMatchObject({
      measured: 5,
      stunted: 4,
      newStunting: 2,
    });
  });

  it("lists child regions, posyandu and a trend", async () => {
    const kecamatan = await childPrevalence("35.03", "2025-08");
    expect(kecamatan.find((k) => k.code === "35.03.01")).toMatchObject({ measured: 3, stunted: 3 });
    expect(kecamatan.find((k) => k.code === "35.03.02")).toMatchObject({ measured: 1, stunted: 0 });
    expect(kecamatan.reduce((s, k) => s + k.measured, 0)).toBe(4);
    const provinces = await childPrevalence("ID", "2025-08");
    expect(provinces.map((p) => p.code)).toEqual(["35", "36"]); // only these provinces are loaded here
    expect(provinces.find((p) => p.code === "35")?.measured).toBe(4);
    const pos = await childPrevalence(A, "2025-08");
    expect(pos).toEqual([
      expect.objectContaining({ code: posyandu, name: "Melati 1", measured: 1, stunted: 1 }),
    ]);
    const trend = (await readModel().dashboard(OPERATOR, "35.03", "2025-09", "2025-09-30")).trend;
    expect(trend.map((r) => [r.period, r.measured])).toEqual([
      ["2025-06", 1],
      ["2025-07", 2],
      ["2025-08", 4],
    ]);
    await expect(getPrevalence("35.3", "2025-08")).rejects.toThrow(/expected ID \(nation\) or a code/);
    await expect(getPrevalence("35.03", "2025-13")).rejects.toThrow(/expected YYYY-MM/);
  });

  it("passes the consistency check, and catches a tampered roll-up", async () => {
    const ok = await checkRollups(t.database);
    expect(ok.problems).toEqual([]);
    expect(ok.ok).toBe(true);
    await t.database.db
      .updateTable("rollup_district")
      .set({ stunted: 9 })
      .where("unit_kind", "=", "village")
      .where("unit_code", "=", C)
      .where("period", "=", "2025-08")
      .execute();
    const bad = await checkRollups(t.database);
    expect(bad.ok).toBe(false);
    expect(bad.problems.join("\n")).toMatch(/villages do not sum to kecamatan: 35\.03 35\.03\.02 2025-08/);
    expect(bad.problems.join("\n")).toMatch(/roll-up differs from raw rows: 35\.03\.02\.2001 2025-08/);
    await refreshRollups(t.database, ["35.03"]);
    expect((await checkRollups(t.database)).ok).toBe(true);
  });
});
