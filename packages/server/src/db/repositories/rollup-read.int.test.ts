import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../test-support.ts";
import { RollupReadRepository } from "./rollup-read.ts";

const TODAY = "2025-08-20";

/** Counts where every field is derived from `measured`, so each row is recognisable by it. */
function counts(measured: number, target: number | null = null) {
  return {
    measured,
    haz_valid: measured - 1,
    stunted: Math.floor(measured / 5),
    severely_stunted: Math.floor(measured / 20),
    whz_valid: measured - 2,
    wasted: Math.floor(measured / 10),
    severely_wasted: Math.floor(measured / 50),
    overweight: Math.floor(measured / 25),
    waz_valid: measured - 3,
    underweight: Math.floor(measured / 8),
    new_stunting: Math.floor(measured / 40),
    target,
  };
}

const districtRow = (
  district: string,
  unit_kind: "village" | "subdistrict" | "district" | "posyandu",
  unit_code: string,
  period: string,
  measured: number,
) => ({ district_code: district, unit_kind, unit_code, period, ...counts(measured) });

const measuredOf = (m: Map<string, { measured: number }>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.measured]));

describeEachEngine("dashboard rows in one round trip", (t) => {
  const mawar = randomUUID();
  const anggrek = randomUUID();
  const melati = randomUUID();

  // Roll-up rows of two districts, their provinces and the nation, and posyandu.
  beforeAll(async () => {
    const db = t.database.db;
    await db
      .insertInto("rollup_district")
      .values([
        // District 35.03 itself: June–August, a future September, an empty October, and the year.
        districtRow("35.03", "district", "35.03", "2025-06", 300),
        districtRow("35.03", "district", "35.03", "2025-07", 310),
        districtRow("35.03", "district", "35.03", "2025-08", 320),
        districtRow("35.03", "district", "35.03", "2025-09", 330),
        districtRow("35.03", "district", "35.03", "2025-10", 0),
        districtRow("35.03", "district", "35.03", "2025", 400),
        // Its subdistricts.
        districtRow("35.03", "subdistrict", "35.03.01", "2025-07", 110),
        districtRow("35.03", "subdistrict", "35.03.01", "2025-08", 120),
        districtRow("35.03", "subdistrict", "35.03.02", "2025-08", 200),
        districtRow("35.03", "subdistrict", "35.03.01", "2025", 150),
        // A subdistrict code that is not among the district's children.
        districtRow("35.03", "subdistrict", "35.03.99", "2025-08", 999),
        // A village and its posyandu.
        districtRow("35.03", "village", "35.03.01.2001", "2025-07", 11),
        districtRow("35.03", "village", "35.03.01.2001", "2025-08", 12),
        districtRow("35.03", "posyandu", mawar, "2025-08", 7),
        districtRow("35.03", "posyandu", mawar, "2025-07", 6),
        districtRow("35.03", "posyandu", melati, "2025-08", 5),
        // Another district of the province, with a subdistrict of the same suffix.
        districtRow("35.04", "district", "35.04", "2025-08", 500),
        districtRow("35.04", "subdistrict", "35.04.01", "2025-08", 510),
      ])
      .execute();
    await db
      .insertInto("rollup_upper")
      .values([
        { region_code: "ID", period: "2025-07", ...counts(5000, 6000) },
        { region_code: "ID", period: "2025-08", ...counts(5100, 6000) },
        { region_code: "35", period: "2025-08", ...counts(820) },
        { region_code: "33", period: "2025-08", ...counts(700) },
        { region_code: "33", period: "2025-07", ...counts(690) },
        // The district rows a refresh keeps beside the provinces' (as in rollup_district above).
        ...[
          ["2025-06", 300],
          ["2025-07", 310],
          ["2025-08", 320],
          ["2025-09", 330],
          ["2025-10", 0],
          ["2025", 400],
        ].map(([period, n]) => ({ region_code: "35.03", period: String(period), ...counts(Number(n)) })),
        { region_code: "35.04", period: "2025-08", ...counts(500) },
      ])
      .execute();
    const posyandu = (id: string, village: string, name: string) => ({
      district_code: "35.03",
      id,
      village_code: village,
      puskesmas_id: null,
      name,
      search_name: name.toLowerCase(),
    });
    await db
      .insertInto("posyandu")
      .values([
        posyandu(mawar, "35.03.01.2001", "Mawar"),
        posyandu(anggrek, "35.03.01.2001", "Anggrek"),
        posyandu(melati, "35.03.01.2002", "Melati"),
      ])
      .execute();
  });

  it("a district opens on its latest month with data that is not in the future", async () => {
    const r = await new RollupReadRepository(t.database.db).dashboard(
      "35.03",
      ["35.03.01", "35.03.02"],
      undefined,
      TODAY,
    );
    expect(r.period).toBe("2025-08");
    expect(r.own.map((o) => [o.period, o.measured]).sort()).toEqual([
      ["2025", 400],
      ["2025-06", 300],
      ["2025-07", 310],
      ["2025-08", 320],
      ["2025-09", 330],
      ["2025-10", 0],
    ]);
    expect(r.own.find((o) => o.period === "2025-08")).toMatchObject(counts(320));
    expect(r.own[0].refreshed_at).toBeTruthy();
    expect(measuredOf(r.children)).toEqual({ "35.03.01": 120, "35.03.02": 200 });
    expect(r.children.get("35.03.01")).toMatchObject(counts(120));
    expect(r.posyandu).toBeNull();
  });

  it("an asked period gives the children of that period, even a year or one without data", async () => {
    const db = t.database.db;
    const kids = ["35.03.01", "35.03.02"];
    const year = await new RollupReadRepository(db).dashboard("35.03", kids, "2025", TODAY);
    expect(year.period).toBe("2025");
    expect(measuredOf(year.children)).toEqual({ "35.03.01": 150 });
    const future = await new RollupReadRepository(db).dashboard("35.03", kids, "2025-09", TODAY);
    expect(future.period).toBe("2025-09");
    expect(measuredOf(future.children)).toEqual({});
    expect(future.own).toHaveLength(6);
  });

  it("the default month moves with today and skips months where nobody was measured", async () => {
    const db = t.database.db;
    expect((await new RollupReadRepository(db).dashboard("35.03", [], undefined, "2025-07-31")).period).toBe(
      "2025-07",
    );
    expect((await new RollupReadRepository(db).dashboard("35.03", [], undefined, "2025-12-01")).period).toBe(
      "2025-09",
    );
    expect(
      (await new RollupReadRepository(db).dashboard("35.03", [], undefined, "2025-05-01")).period,
    ).toBeNull();
  });

  it("a village lists all its posyandu by name, with rows for the period where they have them", async () => {
    const db = t.database.db;
    const r = await new RollupReadRepository(db).dashboard("35.03.01.2001", [], undefined, TODAY);
    expect(r.period).toBe("2025-08");
    expect(r.own.map((o) => o.measured).sort()).toEqual([11, 12]);
    expect(r.posyandu).toEqual([
      { id: anggrek, name: "Anggrek" },
      { id: mawar, name: "Mawar" },
    ]);
    expect(measuredOf(r.children)).toEqual({ [mawar]: 7 });
    const july = await new RollupReadRepository(db).dashboard("35.03.01.2001", [], "2025-07", TODAY);
    expect(measuredOf(july.children)).toEqual({ [mawar]: 6 });
  });

  it("a village without data still lists its posyandu, and a region without rows has no period", async () => {
    const db = t.database.db;
    const r = await new RollupReadRepository(db).dashboard("35.03.01.2002", [], undefined, TODAY);
    expect(r.period).toBeNull();
    expect(r.own).toEqual([]);
    expect(r.posyandu).toEqual([{ id: melati, name: "Melati" }]);
    expect(r.children.size).toBe(0);
    const empty = await new RollupReadRepository(db).dashboard("35.05", ["35.05.01"], undefined, TODAY);
    expect(empty).toEqual({ period: null, own: [], children: new Map(), posyandu: null });
  });

  it("the nation's children are provinces and a province's are its districts", async () => {
    const db = t.database.db;
    const nation = await new RollupReadRepository(db).dashboard("ID", ["33", "35"], undefined, TODAY);
    expect(nation.period).toBe("2025-08");
    expect(nation.own.map((o) => [o.period, o.measured, o.target]).sort()).toEqual([
      ["2025-07", 5000, 6000],
      ["2025-08", 5100, 6000],
    ]);
    expect(measuredOf(nation.children)).toEqual({ "33": 700, "35": 820 });
    const july = await new RollupReadRepository(db).dashboard("ID", ["33", "35"], "2025-07", TODAY);
    expect(measuredOf(july.children)).toEqual({ "33": 690 });

    const province = await new RollupReadRepository(db).dashboard("35", ["35.03", "35.04"], undefined, TODAY);
    expect(province.period).toBe("2025-08");
    expect(province.own.map((o) => o.measured)).toEqual([820]);
    expect(measuredOf(province.children)).toEqual({ "35.03": 320, "35.04": 500 });
  });

  it("a subdistrict's children are its villages", async () => {
    const r = await new RollupReadRepository(t.database.db).dashboard(
      "35.03.01",
      ["35.03.01.2001"],
      "2025-07",
      TODAY,
    );
    expect(r.own.map((o) => o.measured).sort()).toEqual([110, 120, 150]);
    expect(measuredOf(r.children)).toEqual({ "35.03.01.2001": 11 });
  });
});
