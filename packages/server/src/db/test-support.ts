/**
 * Test support for database-backed tests (`*.int.test.ts`): each test file gets a fresh
 * in-memory PGlite database and, when TEST_DATABASE_URL is set, a fresh schema on that
 * PostgreSQL server too; the same tests run on both.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { type Database, type Engine, openDatabase } from "./connection.ts";

export interface EngineContext {
  engine: Engine;
  /** The database of this engine (available inside tests and hooks). */
  readonly database: Database;
}

/** The engines tests run on here: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** Opens a fresh, migrated database of the engine; `drop()` removes it afterwards. */
export async function openTestDatabase(
  engine: Engine,
): Promise<{ database: Database; drop(): Promise<void> }> {
  if (engine === "pglite") {
    const database = await openDatabase({ dataDir: "memory://" });
    return { database, drop: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const database = await openDatabase({ databaseUrl: url, schema, poolSize: 4 });
  return {
    database,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Declares `fn`'s tests once per engine, each engine with its own fresh database for the whole
 * describe block (tests inside share it, in order). Read `ctx.database` inside tests; do not
 * destructure it at declaration time.
 */
export function describeEachEngine(title: string, fn: (ctx: EngineContext) => void): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      let opened: { database: Database; drop(): Promise<void> } | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase(engine);
      });
      afterAll(async () => {
        await opened?.drop();
      });
      fn({
        engine,
        get database() {
          if (!opened) throw new Error("database not open yet (use it inside tests or hooks)");
          return opened.database;
        },
      });
    });
  }
}
