import { expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import { childRegions, getRegion, loadRegions, regionPath, searchRegions } from "./regions.ts";

describeEachEngine("regions", (t) => {
  it("loads every region of the code set, idempotently", async () => {
    const first = await loadRegions(t.database);
    expect(first.counts).toEqual({ province: 38, district: 514, subdistrict: 7277, village: 83763 });
    expect(first.inserted).toBe(38 + 514 + 7277 + 83763);
    const again = await loadRegions(t.database);
    expect(again.inserted).toBe(0);
    expect(again.updated).toBe(0);
    const n = await t.database.db
      .selectFrom("regions")
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(first.total);
  });

  it("finds regions by code, parent and path", async () => {
    expect(await getRegion(t.database, "35.03")).toMatchObject({
      name: "KABUPATEN TRENGGALEK",
      kind: "kabupaten",
      level: "district",
      parentCode: "35",
    });
    expect(await getRegion(t.database, "99.99")).toBeUndefined();
    const kecamatan = await childRegions(t.database, "35.03");
    expect(kecamatan).toHaveLength(14); // Trenggalek has 14 kecamatan
    expect(kecamatan.every((k) => k.parentCode === "35.03" && k.kind === "kecamatan")).toBe(true);
    expect(await childRegions(t.database, "ID")).toHaveLength(38);
    const path = await regionPath(t.database, "35.03.11.1003");
    expect(path.map((r) => r.code)).toEqual(["35", "35.03", "35.03.11", "35.03.11.1003"]);
  });

  it("searches names ignoring case and accents", async () => {
    const hits = await searchRegions(t.database, "trenggalek");
    expect(hits.map((h) => h.code)).toEqual(expect.arrayContaining(["35.03", "35.03.11"]));
    const accented = await searchRegions(t.database, "TRÉNGGALEK", { level: "district" });
    expect(accented.map((h) => h.code)).toEqual(["35.03"]);
    const within = await searchRegions(t.database, "ngantru", { within: "35.03" });
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((h) => h.code.startsWith("35.03."))).toBe(true);
  });
});
