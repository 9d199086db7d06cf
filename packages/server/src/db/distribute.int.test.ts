import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.test-support.ts";
import type { Database } from "./connection.ts";
import { DISTRIBUTED_TABLES, distribute, NoCitusError, REFERENCE_TABLES, tableRole } from "./distribute.ts";
import { openTestDatabase, testEngines } from "./test-support.ts";

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["TUMBUH_DATA_DIR", "DATABASE_URL", "TUMBUH_KEY"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function triggers(database: Database): Promise<string[]> {
  const r = await sql<{ tgname: string }>`
    SELECT tgname FROM pg_trigger
    WHERE tgrelid IN (to_regclass('children'), to_regclass('measurements')) AND NOT tgisinternal
    ORDER BY tgname`.execute(database.db);
  return r.rows.map((x) => x.tgname);
}

describe("tumbuh db distribute", () => {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-distribute-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses the embedded database", async () => {
    delete process.env.DATABASE_URL;
    process.env.TUMBUH_DATA_DIR = join(dir, "data");
    const r = await runCli(["db", "distribute"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("embedded database is never distributed");
    expect(existsSync(join(dir, "data"))).toBe(false); // refused before opening (or creating) it
  });

  it("refuses a shard count that is not a whole number", async () => {
    const r = await runCli(["db", "distribute", "--shard-count", "4.5"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--shard-count must be a whole number");
  });
});

describe.runIf(testEngines().includes("postgres"))("distribution on PostgreSQL without Citus", () => {
  it("is refused with a message naming Citus, and the child checks stay", async () => {
    const opened = await openTestDatabase("postgres");
    try {
      await expect(distribute(opened.database.db)).rejects.toThrow(NoCitusError);
      await expect(distribute(opened.database.db)).rejects.toThrow(/no Citus extension/);
      expect(await triggers(opened.database)).toEqual([
        "children_delete_measurements",
        "children_key_fixed",
        "measurements_child_exists_insert",
        "measurements_child_exists_update",
      ]);
      for (const t of DISTRIBUTED_TABLES) expect(await tableRole(opened.database.db, t)).toBe("local");
    } finally {
      await opened.drop();
    }
  });

  it("the command refuses before writing anything", async () => {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    const r = await runCli(["db", "distribute"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no Citus extension.*Citus coordinator/);
  });
});

describe.runIf(testEngines().includes("citus"))("distribution on Citus", () => {
  it("distributes the district tables co-located, replicates the small ones, and is idempotent", async () => {
    // openTestDatabase distributes a Citus test database (4 shards) as `tumbuh db distribute` does.
    const opened = await openTestDatabase("citus");
    const db = opened.database.db;
    try {
      for (const t of DISTRIBUTED_TABLES) expect(await tableRole(db, t), t).toBe("distributed");
      for (const t of REFERENCE_TABLES) expect(await tableRole(db, t), t).toBe("reference");
      for (const t of ["users", "sessions", "audit_log", "imports", "rollup_pending"])
        expect(await tableRole(db, t), t).toBe("local");
      const groups = await sql<{ n: number }>`
        SELECT count(DISTINCT colocationid)::integer AS n FROM pg_dist_partition
        WHERE logicalrelid = ANY(${[...DISTRIBUTED_TABLES]}::text[]::regclass[])`.execute(db);
      expect(groups.rows[0].n).toBe(1);
      // The child checks gave way to the foreign key.
      expect(await triggers(opened.database)).toEqual([]);
      const fk = await sql<{ def: string }>`
        SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = to_regclass('measurements') AND contype = 'f'`.execute(db);
      expect(fk.rows.map((r) => r.def)).toEqual([
        "FOREIGN KEY (district_code, child_id) REFERENCES children(district_code, id) ON DELETE CASCADE",
      ]);
      const again = await distribute(db, { shardCount: 16 });
      expect(again.changed).toEqual([]);
      expect(again.foreignKeyAdded).toBe(false);
      expect(again.shardCount).toBe(4);
      expect(again.nodes).toBe(3);
    } finally {
      await opened.drop();
    }
  });
});
