import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { OPERATOR } from "../auth/access.ts";
import { refreshRollups } from "../db/repositories/rollup-refresh.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

// Villages A and B of kecamatan 35.03.01 (Trenggalek); posyandu P in A. Every count below was
// worked out by hand from the SKDN rules (core skdn.ts, KBM variant A) and faltering.ts.
const A = "35.03.01.2001";
const B = "35.03.01.2002";

describeEachEngine("SKDN roll-ups and reports", (t) => {
  const P = randomUUID();
  const services = () => testServices(t.database);

  async function child(
    village: string,
    sex: 1 | 2,
    birth: string,
    weighings: Array<[string, number]>,
    posyandu?: string,
  ) {
    const id = randomUUID();
    await t.database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id,
        village_code: village,
        posyandu_id: posyandu ?? null,
        name: "x",
        name_key: "x",
        sex,
        birth_date: birth,
      })
      .execute();
    for (const [on, weight] of weighings) {
      await t.database.db
        .insertInto("measurements")
        .values({
          district_code: "35.03",
          id: randomUUID(),
          child_id: id,
          village_code: village,
          posyandu_id: posyandu ?? null,
          measured_on: on,
          age_days: 1,
          weight,
          source: "posyandu",
        })
        .execute();
    }
  }

  it("counts S, D, N, T, O, B, 2T and BGM per posyandu, village, kecamatan, district and nation", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await t.database.db
      .insertInto("posyandu")
      .values({ district_code: "35.03", id: P, village_code: A, name: "Mawar", search_name: "mawar" })
      .execute();
    // p: B in January; +100 g < 300 g at 8 months: T; +100 g < 300 g at 9 months: T again, 2T
    await child(
      A,
      1,
      "2024-06-15",
      [
        ["2025-01-15", 8.0],
        ["2025-02-15", 8.1],
        ["2025-03-15", 8.2],
      ],
      P,
    );
    // q (no posyandu): B in January, absent in February, O in March
    await child(A, 2, "2023-01-10", [
      ["2025-01-20", 10],
      ["2025-03-20", 10.5],
    ]);
    // r: absent in January; 13 months, 6.5 kg: B and below the red line; +300 g ≥ 200 g: N, still BGM
    await child(
      A,
      1,
      "2024-01-01",
      [
        ["2025-02-01", 6.5],
        ["2025-03-01", 6.8],
      ],
      P,
    );
    // s, village B: B in March only; in S from January
    await child(B, 1, "2024-03-10", [["2025-03-10", 9.0]]);
    // born on 25 March, weighed in April: in S from March (born during it), B in April; aged 60 months in 2024: never in S
    await child(B, 2, "2025-03-25", [["2025-04-02", 3.6]]);
    await child(B, 2, "2019-06-01", []);
    await refreshRollups(t.database, ["35.03"]);

    const s = services();
    const of = async (q: { region?: string; posyandu?: string }, period: string) =>
      (await s.skdn.report(OPERATOR, { ...q, period }, "2025-05-01")).summary;

    expect(await of({ posyandu: P }, "2025-01")).toMatchObject({ s: 2, d: 1, b: 1, n: 0, t: 0, o: 0 });
    expect(await of({ posyandu: P }, "2025-02")).toMatchObject({ s: 2, d: 2, t: 1, b: 1, bgm: 1, twoT: 0 });
    expect(await of({ posyandu: P }, "2025-03")).toMatchObject({ s: 2, d: 2, n: 1, t: 1, twoT: 1, bgm: 1 });
    expect(await of({ region: A }, "2025-03")).toMatchObject({
      s: 3,
      d: 3,
      n: 1,
      t: 1,
      o: 1,
      b: 0,
      twoT: 1,
      bgm: 1,
    });
    expect(await of({ region: B }, "2025-03")).toMatchObject({ s: 2, d: 1, b: 1 });
    const kec = await of({ region: "35.03.01" }, "2025-03");
    expect(kec).toMatchObject({ s: 5, k: null, kUnknown: 5, d: 4, n: 1, t: 1, o: 1, b: 1, twoT: 1, bgm: 1 });
    expect([kec.ds, kec.nd, kec.ks, kec.twoTd, kec.consistent]).toEqual([0.8, 0.25, null, 0.25, true]);
    for (const code of ["35.03", "35", "ID"]) expect(await of({ region: code }, "2025-03")).toEqual(kec);
    // January: the kecamatan's S is p, q, r and s (the baby of 25 March is not born yet); D p and q
    expect(await of({ region: "35.03.01" }, "2025-01")).toMatchObject({ s: 4, d: 2, b: 2, ds: 0.5 });
    expect(await of({ region: "35.03.01" }, "2025-04")).toMatchObject({ s: 5, d: 1, b: 1 });
  });

  it("lists the units below with the same numbers, and the trend", async () => {
    const r = await services().skdn.report(OPERATOR, { region: A, period: "2025-03" }, "2025-05-01");
    expect(r.children.map((c) => [c.name, c.s, c.d, c.n, c.t])).toEqual([["Mawar", 2, 2, 1, 1]]);
    expect(r.trend.map((x) => [x.period, x.d, x.s])).toEqual([
      ["2025-01", 2, 3],
      ["2025-02", 2, 3],
      ["2025-03", 3, 3],
    ]);
    expect(r.kbm?.isDefault).toBe(true);
    const kec = await services().skdn.report(
      OPERATOR,
      { region: "35.03.01", period: "2025-03" },
      "2025-05-01",
    );
    const byCode = new Map(kec.children.map((c) => [c.code, c]));
    expect([byCode.get(A)?.d, byCode.get(B)?.d]).toEqual([3, 1]);
  });

  it("opens on the latest complete month, not on a month with one early entry", async () => {
    // April has one weighing (the newborn) by 3 April: 1 of a usual 2-4 children, too few
    const r = await services().skdn.report(OPERATOR, { region: "35.03" }, "2025-04-03");
    expect(r.period).toBe("2025-03");
    expect(r.periods).toEqual(["2025-04", "2025-03", "2025-02", "2025-01"]);
  });

  it("hides a posyandu outside the user's scope and refuses a region outside it", async () => {
    const cadre = { id: "u", role: "posyandu_cadre" as const, regionCode: B };
    await expect(services().skdn.report(cadre, { posyandu: P }, "2025-05-01")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(services().skdn.report(cadre, { region: A }, "2025-05-01")).rejects.toThrow(/outside/);
  });
});
