/**
 * Test support for database-backed tests (`*.int.test.ts`): each test file gets a fresh
 * in-memory PGlite database and, when TEST_DATABASE_URL is set, a fresh schema on that
 * PostgreSQL server too, and when CITUS_TEST_URL is set (a Citus coordinator), a fresh schema
 * there distributed as a national deployment is (db/distribute.ts, 4 shards); the same tests run
 * on each.
 *
 * A fresh PGlite spends seconds in initdb. So every test database of a run starts from one migrated
 * data folder (a `dumpDataDir` tarball) made once and kept in node_modules/.cache/tumbuh-tests/, named by
 * a hash of the migrations, migrate.ts and the PGlite version; pending migrations still apply on open.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { type Database, openDatabase } from "./connection.ts";
import { distribute } from "./distribute.ts";
import { listMigrations, migrate } from "./migrate.ts";

const here = dirname(fileURLToPath(import.meta.url));
const TEMPLATE_DIR = join(here, "../../node_modules/.cache/tumbuh-tests");

/** The installed PGlite's version (its package.json, found above its entry point). */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
}

/** Names the migrated data folder after everything that shapes it. */
function templateKey(): string {
  const hash = createHash("sha256");
  hash.update(`pglite ${pgliteVersion()}\n`);
  hash.update(readFileSync(join(here, "migrate.ts")));
  for (const m of listMigrations()) hash.update(`${m.version} ${m.name}\n`).update(readFileSync(m.path));
  return hash.digest("hex").slice(0, 16);
}

/** Migrates a new in-memory PGlite and returns its data folder as a tarball. */
async function migratedDataDir(): Promise<Blob> {
  const pglite = new PGlite("memory://");
  await pglite.waitReady;
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
  });
  try {
    await migrate(db);
    return await pglite.dumpDataDir("none");
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

let template: Promise<Blob> | undefined;

/**
 * The migrated PGlite data folder every test database starts from: read from the cache, else made
 * and written there (atomically: parallel test files may race to make it; older ones are removed).
 */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = join(TEMPLATE_DIR, `pglite-${templateKey()}.tar`);
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      // not made yet for these migrations
    }
    const blob = await migratedDataDir();
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, new Uint8Array(await blob.arrayBuffer()));
    renameSync(partial, file);
    for (const old of readdirSync(TEMPLATE_DIR)) {
      if (old.startsWith("pglite-") && old.endsWith(".tar") && join(TEMPLATE_DIR, old) !== file) {
        rmSync(join(TEMPLATE_DIR, old), { force: true });
      }
    }
    return blob;
  })();
  return template;
}

/**
 * Whether test databases run PGlite on a thread of its own as `serve` does (TUMBUH_TEST_PGLITE_THREAD=1)
 * or in the test's thread (the default: faster to start; pglite-thread.int.test.ts covers the thread).
 */
function pgliteThreadInTests(): boolean {
  return process.env.TUMBUH_TEST_PGLITE_THREAD === "1";
}

/**
 * Opens a new embedded database in the empty folder `dataDir`, migrated and without data as after a
 * first `tumbuh` command there: for tests of commands that open the configured database, and for the
 * browser tests' server.
 */
export async function openTestDataDir(dataDir: string): Promise<Database> {
  return openDatabase({ dataDir, loadDataDir: await pgliteTemplate(), thread: pgliteThreadInTests() });
}

/** Where a test database lives: embedded, one PostgreSQL server, or a Citus cluster's coordinator. */
export type TestEngine = "pglite" | "postgres" | "citus";

/** Shards of the district tables in a Citus test database: few (each is a table on a node), yet more than the nodes. */
const CITUS_TEST_SHARDS = 4;

export interface EngineContext {
  engine: TestEngine;
  /** The database of this engine (available inside tests and hooks). */
  readonly database: Database;
}

/**
 * The engines tests run on here: PGlite always, PostgreSQL when TEST_DATABASE_URL is set, Citus
 * when CITUS_TEST_URL is set.
 */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = ["pglite"];
  if (process.env.TEST_DATABASE_URL) engines.push("postgres");
  if (process.env.CITUS_TEST_URL) engines.push("citus");
  return engines;
}

/** The server URL of a server engine's test databases. */
export function testServerUrl(engine: Exclude<TestEngine, "pglite">): string {
  const name = engine === "citus" ? "CITUS_TEST_URL" : "TEST_DATABASE_URL";
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set`);
  return url;
}

/** Opens a fresh, migrated database of the engine; `drop()` removes it afterwards. */
export async function openTestDatabase(
  engine: TestEngine,
): Promise<{ database: Database; drop(): Promise<void> }> {
  if (engine === "pglite") {
    const database = await openDatabase({
      dataDir: "memory://",
      loadDataDir: await pgliteTemplate(),
      thread: pgliteThreadInTests(),
    });
    return { database, drop: () => database.close() };
  }
  const url = testServerUrl(engine);
  const schema = `test_${randomBytes(6).toString("hex")}`;
  // Each test database's connections carry its schema as their application name, so that a test can
  // tell its own sessions from those of the other test files sharing the server.
  const database = await openDatabase({
    databaseUrl: url,
    schema,
    poolSize: 4,
    settings: { application_name: schema },
  });
  if (engine === "citus") {
    try {
      await distribute(database.db, { shardCount: CITUS_TEST_SHARDS });
    } catch (err) {
      await database.close();
      throw err;
    }
  }
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
