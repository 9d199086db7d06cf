/**
 * The distributed layout of a national deployment on Citus (docs/scaling.md): the large tables
 * distributed by `district_code` and co-located, so that every statement about one district runs
 * on the one node holding it; the regions and the province and nation roll-ups as reference
 * tables on every node; everything else (users, sessions, audit log, import log, settings)
 * local on the coordinator. Turning a migrated database into it is `tumbuh db distribute`.
 *
 * Citus refuses triggers on distributed tables, so the statement-level child checks of migrations
 * 0007/0009 give way to the foreign key they replace on a single server: co-located tables that
 * share the distribution column support it, ON DELETE CASCADE included, and Citus forbids
 * changing a row's distribution column anyway.
 */
import { type Kysely, sql } from "kysely";

/** Distributed by district_code, all in one co-location group (children's). */
export const DISTRIBUTED_TABLES = [
  "children",
  "measurements",
  "posyandu",
  "puskesmas",
  "targets",
  "rollup_district",
  "rollup_skdn",
  "rollup_quality",
] as const;

/** Replicated to every node: small, read beside the district tables. */
export const REFERENCE_TABLES = ["regions", "region_code_sets", "rollup_upper"] as const;

/** The statement-level checks of migrations 0007/0009 (a single server's form of the child reference). */
const CHILD_CHECK_TRIGGERS = [
  ["measurements_child_exists_insert", "measurements"],
  ["measurements_child_exists_update", "measurements"],
  ["children_delete_measurements", "children"],
  ["children_key_fixed", "children"],
] as const;

const CHILD_FOREIGN_KEY = "measurements_child_fkey";

/** Shards of the district tables unless told otherwise (a national cluster of 8–16 workers). */
const DEFAULT_SHARD_COUNT = 32;

export class NoCitusError extends Error {
  constructor() {
    super(
      "this database server has no Citus extension: `tumbuh db distribute` runs on a Citus coordinator " +
        "(CREATE EXTENSION citus there first); a single PostgreSQL server or the embedded database needs no distribution " +
        "/ server ini tidak memiliki ekstensi Citus: jalankan pada koordinator Citus",
    );
  }
}

export type TableRole = "distributed" | "reference" | "local";

export interface DistributeReport {
  citusVersion: string;
  /** Tables this run distributed or made reference tables (empty when the layout was already in place). */
  changed: string[];
  /** Whether this run replaced the child-check triggers by the foreign key. */
  foreignKeyAdded: boolean;
  /** Shards of the district tables. */
  shardCount: number;
  /** Worker nodes (the coordinator counted when it holds shards) the shards are placed on. */
  nodes: number;
}

// biome-ignore lint/suspicious/noExplicitAny: runs on any Tumbuh database, before or after migrations
type AnyDb = Kysely<any>;

/** The installed Citus version, or undefined on a server without Citus (or the embedded database). */
export async function citusVersion(db: AnyDb): Promise<string | undefined> {
  const r = await sql<{
    v: string;
  }>`SELECT extversion AS v FROM pg_extension WHERE extname = 'citus'`.execute(db);
  return r.rows[0]?.v;
}

/** How Citus holds a table of the current schema (local when Citus does not know it). */
export async function tableRole(db: AnyDb, table: string): Promise<TableRole> {
  if (!(await citusVersion(db))) return "local";
  const r = await sql<{ partmethod: string; repmodel: string }>`
    SELECT partmethod::text, repmodel::text FROM pg_dist_partition WHERE logicalrelid = to_regclass(${table})`.execute(
    db,
  );
  const row = r.rows[0];
  if (!row) return "local";
  if (row.partmethod === "h") return "distributed";
  return row.repmodel === "t" ? "reference" : "local";
}

/** The shard count of the district tables' co-location group, or undefined before distribution. */
async function shardCountOf(db: AnyDb, table: string): Promise<number | undefined> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::integer AS n FROM pg_dist_shard WHERE logicalrelid = to_regclass(${table})`.execute(db);
  return r.rows[0]?.n || undefined;
}

/**
 * Distributes a migrated database on a Citus coordinator (see the module comment); idempotent:
 * tables already in place are left as they are. Throws NoCitusError on a server without Citus.
 */
export async function distribute(db: AnyDb, opts: { shardCount?: number } = {}): Promise<DistributeReport> {
  const version = await citusVersion(db);
  if (!version) throw new NoCitusError();
  const missing = await sql<{ t: string }>`
    SELECT t FROM unnest(${[...DISTRIBUTED_TABLES, ...REFERENCE_TABLES]}::text[]) t WHERE to_regclass(t) IS NULL`.execute(
    db,
  );
  if (missing.rows.length > 0) {
    throw new Error(
      `the database is not migrated (no table ${missing.rows.map((r) => r.t).join(", ")}): run \`tumbuh db migrate\` first`,
    );
  }
  const shardCount = opts.shardCount ?? DEFAULT_SHARD_COUNT;
  if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 1024)
    throw new Error(`shard count must be a whole number from 1 to 1024 (got ${shardCount})`);
  const changed: string[] = [];
  // Citus refuses to distribute a table with triggers: the foreign key takes the checks' place below.
  // (Looked up first: Citus refuses even DROP TRIGGER IF EXISTS on a table already distributed.)
  for (const [trigger, table] of CHILD_CHECK_TRIGGERS) {
    const found = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM pg_trigger WHERE tgrelid = to_regclass(${table}) AND tgname = ${trigger}`.execute(
      db,
    );
    if (Number(found.rows[0]?.n ?? 0) > 0) await sql.raw(`DROP TRIGGER ${trigger} ON ${table}`).execute(db);
  }
  for (const table of REFERENCE_TABLES) {
    if ((await tableRole(db, table)) === "reference") continue;
    await sql`SELECT create_reference_table(${table})`.execute(db);
    changed.push(table);
  }
  for (const table of DISTRIBUTED_TABLES) {
    if ((await tableRole(db, table)) === "distributed") continue;
    if (table === "children") {
      await sql`SELECT create_distributed_table('children', 'district_code', shard_count => ${shardCount})`.execute(
        db,
      );
    } else {
      await sql`SELECT create_distributed_table(${table}, 'district_code', colocate_with => 'children')`.execute(
        db,
      );
    }
    changed.push(table);
  }
  // Rows made by the database (an import's new children and measurements) take their ids from it.
  await sql`SELECT create_distributed_function('tumbuh_uuid7()')`.execute(db);
  const fk = await sql<{ n: number }>`
    SELECT count(*)::integer AS n FROM pg_constraint
    WHERE conrelid = to_regclass('measurements') AND conname = ${CHILD_FOREIGN_KEY}`.execute(db);
  const foreignKeyAdded = Number(fk.rows[0]?.n ?? 0) === 0;
  if (foreignKeyAdded) {
    await sql
      .raw(
        `ALTER TABLE measurements ADD CONSTRAINT ${CHILD_FOREIGN_KEY} FOREIGN KEY (district_code, child_id)
        REFERENCES children (district_code, id) ON DELETE CASCADE`,
      )
      .execute(db);
  }
  const nodes = await sql<{ n: number }>`
    SELECT count(DISTINCT nodeid)::integer AS n FROM pg_dist_placement p
    JOIN pg_dist_shard s USING (shardid) JOIN pg_dist_node n ON n.groupid = p.groupid
    WHERE s.logicalrelid = to_regclass('children')`.execute(db);
  return {
    citusVersion: version,
    changed,
    foreignKeyAdded,
    shardCount: (await shardCountOf(db, "children")) ?? shardCount,
    nodes: Number(nodes.rows[0]?.n ?? 0),
  };
}
