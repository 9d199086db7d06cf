/**
 * Roll-ups refreshed after the transaction that changed a district's rows (see migration 0008):
 * the transaction marks the district pending, the refresh that follows clears the mark. A
 * refresh runs in one transaction of its own and holds a lock per district (and one for the
 * province and nation rows), so concurrent refreshes of the same rows wait for each other.
 */
import { sql } from "kysely";
import type { HasDb } from "../schema.ts";
import { lockRollups, refreshLockedRollups } from "./rollup-refresh.ts";

function checked(districts: readonly string[]): string[] {
  for (const d of districts) if (!/^\d{2}\.\d{2}$/.test(d)) throw new Error(`invalid district code '${d}'`);
  return [...new Set(districts)].sort();
}

/** Marks the districts' roll-ups as waiting for a refresh (call it inside the writing transaction). */
export async function markRollupsPending(h: HasDb, districts: readonly string[]): Promise<void> {
  const ds = checked(districts);
  if (ds.length === 0) return;
  await sql`
    INSERT INTO rollup_pending (district_code) SELECT unnest(${ds}::text[])
    ON CONFLICT (district_code) DO UPDATE SET version = rollup_pending.version + 1`.execute(h.db);
}

/** Districts whose roll-ups wait for a refresh, oldest first. */
export async function pendingRollups(h: HasDb): Promise<Array<{ district: string; since: Date }>> {
  const r = await sql<{ district_code: string; since: Date }>`
    SELECT district_code, since FROM rollup_pending ORDER BY since, district_code`.execute(h.db);
  return r.rows.map((x) => ({ district: x.district_code, since: new Date(x.since) }));
}

/**
 * Refreshes the districts' roll-ups (then their provinces and the nation) in one transaction and
 * clears the marks it saw for them. `h` must not be inside a transaction already.
 */
export async function refreshRollupsAndClear(h: HasDb, districts: readonly string[]): Promise<void> {
  const ds = checked(districts);
  if (ds.length === 0) return;
  await h.db.transaction().execute(async (trx) => {
    // The marks are read once the districts are locked and before their rows are read: a mark
    // made by a transaction that commits later stays for its own refresh.
    await lockRollups({ db: trx }, ds);
    const seen = await sql<{ district_code: string; version: number }>`
      SELECT district_code, version FROM rollup_pending WHERE district_code = ANY(${ds}::text[])`.execute(
      trx,
    );
    await refreshLockedRollups({ db: trx }, ds);
    for (const m of seen.rows)
      await sql`DELETE FROM rollup_pending WHERE district_code = ${m.district_code} AND version = ${m.version}`.execute(
        trx,
      );
  });
}

/** Refreshes every district marked pending and returns their codes. */
export async function refreshPendingRollups(h: HasDb): Promise<string[]> {
  const ds = (await pendingRollups(h)).map((p) => p.district).sort();
  await refreshRollupsAndClear(h, ds);
  return ds;
}

/**
 * Refreshes every district that has measurements, targets or roll-ups, in one transaction, and
 * clears their pending marks (used by `tumbuh check --refresh`). `h` must not be in a transaction.
 */
export async function refreshAllRollups(h: HasDb): Promise<string[]> {
  const rows = await sql<{ d: string }>`
    SELECT DISTINCT district_code AS d FROM measurements
    UNION SELECT DISTINCT district_code FROM targets
    UNION SELECT DISTINCT district_code FROM rollup_district
    UNION SELECT district_code FROM rollup_pending`.execute(h.db);
  const districts = rows.rows.map((r) => r.d).sort();
  await refreshRollupsAndClear(h, districts);
  return districts;
}
