import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { loadRegions } from "../../services/regions.ts";
import { describeEachEngine } from "../test-support.ts";
import { checkRollups } from "./rollup-check.ts";
import {
  markRollupsPending,
  pendingRollups,
  refreshAllRollups,
  refreshPendingRollups,
  refreshRollupsAndClear,
} from "./rollup-pending.ts";

const V = "35.03.01.2001";

describeEachEngine("pending roll-ups", (t) => {
  /** A child measured once, stunted (written without any refresh, as a stopped import leaves it). */
  async function stuntedChild(on: string): Promise<void> {
    const id = randomUUID();
    await t.database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id,
        village_code: V,
        name: "x",
        name_key: "x",
        sex: 1,
        birth_date: "2023-01-01",
      })
      .execute();
    await t.database.db
      .insertInto("measurements")
      .values({
        district_code: "35.03",
        id: randomUUID(),
        child_id: id,
        village_code: V,
        measured_on: on,
        age_days: 600,
        lenhei: 70,
        zlen: -2.5,
        source: "posyandu",
      })
      .execute();
  }
  const stunted = async (region: string, period: string) =>
    (
      await sql<{
        n: number | null;
      }>`SELECT max(stunted) AS n FROM rollup_district WHERE unit_code = ${region} AND period = ${period}
        UNION ALL SELECT max(stunted) FROM rollup_upper WHERE region_code = ${region} AND period = ${period}`.execute(
        t.database.db,
      )
    ).rows.find((r) => r.n !== null)?.n ?? 0;

  it("a mark made in a transaction that rolls back is not kept", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await t.database.db
      .transaction()
      .execute(async (trx) => {
        await markRollupsPending({ db: trx }, ["35.03"]);
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await pendingRollups(t.database)).toEqual([]);
  });

  it("a district left marked is found by the check and refreshed with its province and the nation", async () => {
    await stuntedChild("2025-08-10");
    await markRollupsPending(t.database, ["35.03"]);
    await markRollupsPending(t.database, ["35.03"]); // a second mark of the same district: one entry
    const pending = await pendingRollups(t.database);
    expect(pending.map((p) => p.district)).toEqual(["35.03"]);
    expect((await checkRollups(t.database)).ok).toBe(false); // the raw rows are not in the roll-ups yet
    expect(await stunted("35.03", "2025-08")).toBe(0);

    expect(await refreshPendingRollups(t.database)).toEqual(["35.03"]);
    expect(await pendingRollups(t.database)).toEqual([]);
    expect(await stunted(V, "2025-08")).toBe(1);
    expect(await stunted("35.03", "2025-08")).toBe(1);
    expect(await stunted("35", "2025-08")).toBe(1);
    expect(await stunted("ID", "2025")).toBe(1);
    expect((await checkRollups(t.database)).ok).toBe(true);
    expect(await refreshPendingRollups(t.database)).toEqual([]); // nothing left to do
  });

  it("refreshRollupsAndClear clears only the districts it refreshed", async () => {
    await stuntedChild("2025-09-10");
    await markRollupsPending(t.database, ["35.03", "35.04"]);
    await refreshRollupsAndClear(t.database, ["35.03"]);
    expect((await pendingRollups(t.database)).map((p) => p.district)).toEqual(["35.04"]);
    expect(await stunted("35.03", "2025-09")).toBe(1);
    await refreshAllRollups(t.database);
    expect(await pendingRollups(t.database)).toEqual([]);
  });

  it("refuses a district code that is not one", async () => {
    await expect(markRollupsPending(t.database, ["35.03'; DROP TABLE x; --"])).rejects.toThrow(
      /district code/,
    );
    await expect(refreshRollupsAndClear(t.database, ["3503"])).rejects.toThrow(/district code/);
  });
});
