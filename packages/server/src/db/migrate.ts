/**
 * Plain SQL migrations: `migrations/NNNN_name.sql`, applied in number order, each once, each in
 * its own transaction, recorded in `schema_migrations`. One sequence: a new migration takes the
 * number after the highest one present (0001–0009 and 0050–0052 are history from two early
 * ranges; applied migrations are never renumbered).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export interface MigrationFile {
  version: string;
  name: string;
  path: string;
}

/** The migration files in the order they apply; a malformed or duplicate number is an error. */
export function listMigrations(dir = migrationsDir): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  const seen = new Set<string>();
  return files.map((f) => {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(f);
    if (!m) throw new Error(`migration file '${f}' is not named NNNN_name.sql`);
    if (seen.has(m[1])) throw new Error(`two migrations share number ${m[1]}`);
    seen.add(m[1]);
    return { version: m[1], name: m[2], path: join(dir, f) };
  });
}

/**
 * Applies every migration not yet recorded and returns the versions it applied (empty when the
 * database is up to date). Safe to call on every start.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before any table type exists
export async function migrate(db: Kysely<any>, dir = migrationsDir): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    const done = await db.transaction().execute(async (trx) => {
      // Serialise concurrent starts against one server.
      await sql`SELECT pg_advisory_xact_lock(7410001)`.execute(trx);
      const row = await sql<{
        version: string;
      }>`SELECT version FROM schema_migrations WHERE version = ${m.version}`.execute(trx);
      if (row.rows.length > 0) return false;
      await sql.raw(readFileSync(m.path, "utf8")).execute(trx);
      await sql`INSERT INTO schema_migrations (version, name) VALUES (${m.version}, ${m.name})`.execute(trx);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
