import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { Caller } from "./child-access.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const KEC = "35.03.01";
const V1 = "35.03.01.2001";
const V2 = "35.03.01.2002";
const camat: Caller = { id: randomUUID(), username: "camat", role: "kecamatan_tpps", regionCode: KEC };

describeEachEngine("mini lokakarya", (t) => {
  const target = (id: string, village: string) => ({
    district_code: "35.03",
    id,
    village_code: village,
    kind: "balita" as const,
    name: `Sasaran ${id.slice(-2)}`,
    source: "manual" as const,
    since: "2026-01-01",
  });
  const visit = (targetId: string, village: string, on: string) => ({
    district_code: "35.03",
    id: randomUUID(),
    target_id: targetId,
    village_code: village,
    visited_on: on,
    visit_type: "penyuluhan" as const,
  });

  beforeAll(async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const ids = ["01", "02", "03", "04", "05"].map((n) => `00000000-0000-4000-8000-0000000000${n}`);
    await t.database.db
      .insertInto("tpk_targets")
      .values([
        target(ids[0], V1),
        target(ids[1], V1),
        target(ids[2], V1),
        target(ids[3], V2),
        target(ids[4], V2),
      ])
      .execute();
    await t.database.db
      .insertInto("tpk_visits")
      .values([
        visit(ids[0], V1, "2026-03-01"), // in the period
        visit(ids[0], V1, "2026-04-01"), // the same target again: counts once
        visit(ids[1], V1, "2026-01-31"), // before the period (from 2026-02-01): not counted
        visit(ids[3], V2, "2026-04-30"), // the meeting's day: counted (the period ends the day after)
      ])
      .execute();
  });

  it("reviews coverage per village over the three months before the meeting, worked by hand", async () => {
    const s = testServices(t.database);
    const m = await s.minilok.create(camat, { subdistrictCode: KEC, heldOn: "2026-04-30", participants: [] });
    expect([m.reviewFrom, m.reviewTo, m.semester]).toEqual(["2026-02-01", "2026-05-01", "2026-S1"]);
    const rows = Object.fromEntries(
      m.villages.map((v) => [v.villageCode, [v.targets, v.assisted, v.coveragePct]]),
    );
    // V1: 1 of 3 assisted (33.3 %); V2: 1 of 2 (50 %); kecamatan: 2 of 5 (40 %)
    expect(rows[V1].slice(0, 2)).toEqual([3, 1]);
    expect(rows[V1][2]).toBeCloseTo(100 / 3, 10);
    expect(rows[V2]).toEqual([2, 1, 50]);
    expect([m.coverage.targets, m.coverage.assisted, m.coverage.coveragePct]).toEqual([5, 2, 40]);
    // a wider period given by hand counts the January visit too
    const wide = await s.minilok.create(camat, {
      subdistrictCode: KEC,
      heldOn: "2026-05-02",
      reviewFrom: "2026-01-01",
      reviewTo: "2026-05-01",
      participants: [],
    });
    expect(wide.coverage.assisted).toBe(3);
  });

  it("refuses a checklist with a repeated code, naming the item", async () => {
    const s = testServices(t.database);
    const [meeting] = await s.minilok.list(camat);
    const item = { code: "a", group: "lainnya" as const, label: "Butir", met: null };
    await expect(s.minilok.setChecklist(camat, meeting.id, [item, item])).rejects.toMatchObject({
      details: { field: "items[1].code" },
    });
  });
});
