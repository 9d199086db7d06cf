import { expect, it } from "vitest";
import { OPERATOR } from "../auth/access.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions, RegionService } from "./regions.ts";

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
    const repos = new Repositories(t.database.db);
    expect(await repos.regions.get("35.03")).toMatchObject({
      name: "KABUPATEN TRENGGALEK",
      kind: "kabupaten",
      level: "district",
      parentCode: "35",
    });
    expect(await repos.regions.get("99.99")).toBeUndefined();
    const kecamatan = await repos.regions.children("35.03");
    expect(kecamatan).toHaveLength(14); // Trenggalek has 14 kecamatan
    expect(kecamatan.every((k) => k.parentCode === "35.03" && k.kind === "kecamatan")).toBe(true);
    expect(await repos.regions.children("ID")).toHaveLength(38);
    const path = await repos.regions.path("35.03.11.1003");
    expect(path.map((r) => r.code)).toEqual(["35", "35.03", "35.03.11", "35.03.11.1003"]);
  });

  it("searches names ignoring case and accents", async () => {
    const regions = new RegionService(new Repositories(t.database.db));
    const search = (q: string, opts: { within?: string; level?: "district" } = {}) =>
      regions.search(OPERATOR, q, { within: opts.within ?? "ID", level: opts.level, limit: 20 });
    const hits = await search("trenggalek");
    expect(hits.map((h) => h.code)).toEqual(expect.arrayContaining(["35.03", "35.03.11"]));
    const accented = await search("TRÉNGGALEK", { level: "district" });
    expect(accented.map((h) => h.code)).toEqual(["35.03"]);
    const within = await search("ngantru", { within: "35.03" });
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((h) => h.code.startsWith("35.03."))).toBe(true);
  });
});
