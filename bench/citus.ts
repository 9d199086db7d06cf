/**
 * The national layout on the local Citus cluster (../shared/citus/cluster.sh; CITUS_URL, default its
 * coordinator on port 9700), called by bench/run.ts (`npm run bench -- citus`): the import of a
 * large e-PPGBM file, whole command with its roll-ups, into a database distributed by
 * `tumbuh db distribute` (32 shards over the coordinator and two workers), beside the same import
 * on the single PostgreSQL server and a bare COPY of the file into a distributed table; and
 * imports of two districts held by different nodes, one after the other and both at once.
 */
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { type Database, openDatabase } from "../packages/server/src/db/connection.ts";
import { distribute } from "../packages/server/src/db/distribute.ts";
import { keysFromMaster } from "../packages/server/src/db/pii.ts";
import { importMeasurements } from "../packages/server/src/import/import.ts";
import { loadRegions } from "../packages/server/src/services/regions.ts";
import { synthesizeDistrictFile } from "../packages/server/src/synth/district.ts";
import { EPPGBM_FLAT_COLUMNS } from "../packages/server/src/synth/eppgbm.ts";
import { streamedCsvCopy } from "./copy.ts";

const CITUS_URL = process.env.CITUS_URL ?? "postgres://postgres@127.0.0.1:9700/postgres";
const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const DISTRICT = "32.01"; // Kabupaten Bogor
const keys = keysFromMaster(Buffer.alloc(32, 1));

/** A fresh schema on a server, distributed when `citus`; dropped by `drop()`. */
async function freshSchema(
  url: string,
  citus: boolean,
): Promise<{ database: Database; schema: string; drop(): Promise<void> }> {
  const schema = `bench_${Date.now().toString(36)}`;
  const database = await openDatabase({ databaseUrl: url, schema, poolSize: 4 });
  if (citus) await distribute(database.db, { shardCount: 32 });
  return {
    database,
    schema,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

async function districtFile(
  database: Database,
  district: string,
  rows: number,
  seed: number,
): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "tumbuh-bench-citus-")), `eppgbm-${district}-${rows}.csv`);
  await synthesizeDistrictFile(database, {
    district,
    children: Math.ceil(rows / 9.7),
    seed,
    out: path,
    messyRate: 0.002,
  });
  return path;
}

/** Seconds of the whole import command (rows committed, then roll-ups refreshed). */
async function timedImport(database: Database, path: string, district: string) {
  const t0 = performance.now();
  const r = await importMeasurements(database, path, { district, keys });
  return {
    seconds: (performance.now() - t0) / 1000,
    landed: r.landedMs / 1000,
    rows: r.rowsRead,
    phases: r.phases,
  };
}

/**
 * Bare COPY of the file (all columns as text) into a table distributed by a district column, the
 * file streamed to it (bench/copy.ts).
 */
async function bareCopyDistributed(database: Database, schema: string, path: string): Promise<number> {
  const cols = EPPGBM_FLAT_COLUMNS.map((_, i) => `c${i} text`).join(", ");
  await sql
    .raw(`CREATE TABLE bench_copy (district_code text NOT NULL DEFAULT '${DISTRICT}', ${cols})`)
    .execute(database.db);
  await sql
    .raw("SELECT create_distributed_table('bench_copy', 'district_code', colocate_with => 'children')")
    .execute(database.db);
  const target = `bench_copy (${EPPGBM_FLAT_COLUMNS.map((_, i) => `c${i}`).join(", ")})`;
  const secs = await streamedCsvCopy(CITUS_URL, schema, target, path);
  await sql.raw("DROP TABLE bench_copy").execute(database.db);
  return secs;
}

/** The node (port) holding a district's shard of children. */
async function nodeOf(database: Database, district: string): Promise<number> {
  const r = await sql<{ port: number }>`
    SELECT n.nodeport AS port FROM pg_dist_placement p JOIN pg_dist_node n ON n.groupid = p.groupid
    WHERE p.shardid = get_shard_id_for_distribution_column('children', ${district}::text)`.execute(
    database.db,
  );
  return Number(r.rows[0].port);
}

/** Runs the benchmarks, printing each line through `log` as soon as it is measured. */
export async function benchCitus(rows: number, log: (line: string) => void): Promise<void> {
  const lines = { push: log };
  const fmt = (n: number) => n.toLocaleString("en-US");
  // The same file for every run, written from the regions of a scratch database.
  const scratch = await freshSchema(SERVER_URL, false);
  let file: string;
  try {
    await loadRegions(scratch.database, { prefix: DISTRICT });
    file = await districtFile(scratch.database, DISTRICT, rows, 2025);
  } finally {
    await scratch.drop();
  }
  const mb = (statSync(file).size / 1e6).toFixed(1);

  const single = await freshSchema(SERVER_URL, false);
  try {
    await loadRegions(single.database, { prefix: DISTRICT });
    const r = await timedImport(single.database, file, DISTRICT);
    lines.push(
      `import ${fmt(r.rows)} rows (${mb} MB), single PostgreSQL: ${r.seconds.toFixed(1)} s whole command (rows committed after ${r.landed.toFixed(1)} s)`,
    );
  } finally {
    await single.drop();
  }

  const cluster = await freshSchema(CITUS_URL, true);
  try {
    await loadRegions(cluster.database, { prefix: DISTRICT });
    const r = await timedImport(cluster.database, file, DISTRICT);
    const phases = Object.entries(r.phases)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(", ");
    lines.push(
      `import ${fmt(r.rows)} rows (${mb} MB), Citus (32 shards, 3 nodes): ${r.seconds.toFixed(1)} s whole command (rows committed after ${r.landed.toFixed(1)} s); phases: ${phases}`,
    );
    const copy = await bareCopyDistributed(cluster.database, cluster.schema, file);
    lines.push(`bare COPY of the same file into a distributed table on Citus: ${copy.toFixed(1)} s`);
  } finally {
    await cluster.drop();
  }

  // Two districts on different nodes: one after the other, then both at once (each half the rows).
  const half = Math.round(rows / 2);
  const pair = await freshSchema(CITUS_URL, true);
  try {
    const db = pair.database;
    const home = await nodeOf(db, DISTRICT);
    await loadRegions(db, { prefix: "32" });
    const candidates = await sql<{ code: string }>`
      SELECT code FROM regions WHERE level = 'district' AND code LIKE '32.%' AND code <> ${DISTRICT} ORDER BY code`.execute(
      db.db,
    );
    let other: string | undefined;
    for (const c of candidates.rows) if ((await nodeOf(db, c.code)) !== home) other = other ?? c.code;
    if (!other) throw new Error("no district of province 32 on another node");
    const a = await districtFile(db, DISTRICT, half, 11);
    const b = await districtFile(db, other, half, 12);
    const a1 = await timedImport(db, a, DISTRICT);
    const b1 = await timedImport(db, b, other);
    // The same files again into a fresh pair of districts' data: truncate, then both at once.
    await sql`TRUNCATE measurements, children, posyandu, puskesmas, rollup_district, rollup_pending`.execute(
      db.db,
    );
    const t0 = performance.now();
    const [a2, b2] = await Promise.all([timedImport(db, a, DISTRICT), timedImport(db, b, other)]);
    const both = (performance.now() - t0) / 1000;
    lines.push(
      `two districts, ${fmt(a1.rows)} + ${fmt(b1.rows)} rows, ${DISTRICT} on node :${home} and ${other} on node :${await nodeOf(db, other)}: one after the other ${a1.seconds.toFixed(1)} + ${b1.seconds.toFixed(1)} = ${(a1.seconds + b1.seconds).toFixed(1)} s; both at once ${both.toFixed(1)} s (each ${a2.seconds.toFixed(1)} s and ${b2.seconds.toFixed(1)} s)`,
    );
  } finally {
    await pair.drop();
  }
}
