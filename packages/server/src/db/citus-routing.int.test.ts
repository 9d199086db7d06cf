/**
 * On Citus, the hot work on one district stays on the one shard that holds it (docs/scaling.md):
 * an import (direct and staged), the roll-up refresh of the district, the dashboards of the
 * district, a kecamatan and a village, and a child's record. The work runs over connections where
 * Citus raises an error for every statement that plans more than one task
 * (`citus.multi_task_query_log_level = error`), so a statement fanning out to all shards fails
 * the test; the plans of the dashboard and child queries are checked with EXPLAIN as well.
 * Runs when CITUS_TEST_URL is set.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importMeasurements } from "../import/import.ts";
import { loadRegions } from "../services/regions.ts";
import { synthesizeDistrictFile } from "../synth/district.ts";
import { type Database, openDatabase } from "./connection.ts";
import { keysFromMaster } from "./pii.ts";
import { ChildrenRepository } from "./repositories/children.ts";
import { refreshRollupsAndClear } from "./repositories/rollup-pending.ts";
import { RollupReadRepository } from "./repositories/rollup-read.ts";
import { openTestDatabase, testEngines, testServerUrl } from "./test-support.ts";

const D = "35.03";
const keys = keysFromMaster(Buffer.alloc(32, 5));
const today = "2025-12-31";

/** The number of tasks (shards) in a Citus plan, summed over its distributed parts. */
async function taskCounts(db: Database, query: string, params: unknown[] = []): Promise<number[]> {
  const compiled = { sql: `EXPLAIN (FORMAT JSON) ${query}`, parameters: params, query: { kind: "RawNode" } };
  // biome-ignore lint/suspicious/noExplicitAny: EXPLAIN's JSON, walked below
  const r = await db.db.executeQuery<any>(compiled as never);
  const counts: number[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "Task Count") counts.push(Number(v));
        else walk(v);
      }
    }
  };
  walk(r.rows[0]["QUERY PLAN"]);
  return counts;
}

describe.runIf(testEngines().includes("citus"))(
  "on Citus, one district's hot queries stay on one shard",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-routing-"));
    let opened: { database: Database; drop(): Promise<void> };
    /** The same database over connections that refuse any statement planned over several shards. */
    let strict: Database;

    beforeAll(async () => {
      opened = await openTestDatabase("citus");
      await loadRegions(opened.database, { prefix: D });
      await loadRegions(opened.database, { prefix: "35.04" });
      const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(opened.database.db))
        .rows[0].s;
      strict = await openDatabase({
        databaseUrl: testServerUrl("citus"),
        schema,
        migrate: false,
        settings: { "citus.multi_task_query_log_level": "error" },
      });
    }, 120_000);
    afterAll(async () => {
      await strict?.close();
      await opened?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it("the guard works: a statement over every district fails", async () => {
      await expect(sql`SELECT count(*) FROM measurements`.execute(strict.db)).rejects.toThrow(
        /multi-task|task/i,
      );
    });

    it("imports a district, directly and then staged, and refreshes its roll-ups on one shard", async () => {
      const file = join(dir, "district.csv");
      await synthesizeDistrictFile(opened.database, {
        district: D,
        children: 60,
        seed: 3,
        out: file,
        messyRate: 0,
      });
      const first = await importMeasurements(strict, file, { district: D, keys, today });
      expect(first.rowsRejected).toBe(0);
      expect(first.rowsWrittenDirectly).toBeGreaterThan(0);
      // The same file again: every child is stored, so every row goes through the staged merge.
      const again = await importMeasurements(strict, file, { district: D, keys, today });
      expect(again.rowsStaged).toBe(again.rowsRead);
      expect(again.measurementsAdded).toBe(0);
      await refreshRollupsAndClear(strict, [D]);
    });

    it("reads the dashboards of the district, a kecamatan and a village, and a child's record, on one shard", async () => {
      const reads = new RollupReadRepository(strict.db);
      const village = (
        await sql<{ v: string }>`SELECT unit_code AS v FROM rollup_district
        WHERE district_code = ${D} AND unit_kind = 'village' ORDER BY measured DESC LIMIT 1`.execute(
          strict.db,
        )
      ).rows[0].v;
      const kecamatan = village.slice(0, 8);
      for (const [code, children] of [
        [D, [kecamatan]],
        [kecamatan, [village]],
        [village, []],
      ] as const) {
        const r = await reads.dashboard(code, children, undefined, today);
        expect(r.own.length, code).toBeGreaterThan(0);
      }
      const children = new ChildrenRepository(strict.db);
      const someone = (
        await sql<{ id: string }>`SELECT id FROM children WHERE district_code = ${D} LIMIT 1`.execute(
          strict.db,
        )
      ).rows[0].id;
      expect((await children.find(someone, D))?.id).toBe(someone);
      expect((await children.find(someone, village))?.id).toBe(someone);
      expect((await children.measurements(D, someone)).length).toBeGreaterThan(0);
    });

    it("plans the dashboard and child reads as one task each (EXPLAIN)", async () => {
      const db = opened.database;
      expect(
        await taskCounts(
          db,
          "SELECT * FROM rollup_district WHERE district_code = $1 AND unit_kind = 'subdistrict' AND period = $2",
          [D, "2025"],
        ),
      ).toEqual([1]);
      expect(
        await taskCounts(
          db,
          "SELECT c.*, m.* FROM children c JOIN measurements m ON m.district_code = c.district_code AND m.child_id = c.id WHERE c.district_code = $1 AND c.id = $2",
          [D, "00000000-0000-7000-8000-000000000000"],
        ),
      ).toEqual([1]);
      // Without the district, the same look-up fans out to every shard.
      const everywhere = await taskCounts(db, "SELECT * FROM children WHERE id = $1", [
        "00000000-0000-7000-8000-000000000000",
      ]);
      expect(everywhere[0]).toBeGreaterThan(1);
    });
  },
);
