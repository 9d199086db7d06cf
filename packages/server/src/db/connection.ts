/**
 * Opening the database: embedded PGlite in a data folder by default, a PostgreSQL server when
 * DATABASE_URL is set. Both are reached through one `pg.Pool`-shaped connection so Kysely and
 * the SQL above it never know which engine runs.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { type DataFolderLock, lockDataFolder, restrictFolderModes } from "./data-folder.ts";
import { migrate } from "./migrate.ts";
import { PgliteThread } from "./pglite-thread.ts";
import { prepareMarkedQueries } from "./prepared.ts";
import type { DB } from "./schema.ts";

// `date` columns are calendar days, not instants: keep them as 'YYYY-MM-DD' text. Counts
// (bigint) fit in a JS number for any realistic table.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

type Engine = "pglite" | "postgres";

/** One pinned connection: a Kysely bound to it and a bulk loader that runs on the same session. */
export interface Session {
  db: Kysely<DB>;
  /**
   * Bulk-loads CSV text with `COPY <target> FROM ... WITH (FORMAT csv)` on this session, so it
   * joins any transaction the session has open. `target` is `table (col, ...)`.
   */
  copyCsv(target: string, csv: string): Promise<void>;
  /** Bulk-loads PostgreSQL binary COPY data (see pg-binary.ts) into `target` on this session. */
  copyBinary(target: string, data: Uint8Array): Promise<void>;
  /** Runs `COPY (<query>) TO ... WITH (FORMAT csv)` and returns the CSV text. */
  copyOutCsv(query: string): Promise<string>;
}

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Where the embedded database keeps its files (and the key file); undefined on a server. */
  dataDir?: string;
  /** Runs `fn` on one pinned connection (temp tables, COPY and transactions share it). */
  withSession<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` if the database stops under the process (the embedded database's thread
   * crashed): every query fails from then on. Never called after `close()`, nor on a server.
   */
  onLost(listener: (err: Error) => void): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL server URL; when absent, DATABASE_URL, else embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder (`memory://` for an in-memory database); default TUMBUH_DATA_DIR or ./data. */
  dataDir?: string;
  /** PostgreSQL schema to use on a server (created if missing); tests use a fresh one each. */
  schema?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Pool size on a server (default 10). */
  poolSize?: number;
  /** PGlite data folder contents to start from (a `dumpDataDir` tarball). */
  loadDataDir?: Blob;
  /**
   * Runs the embedded database on a worker thread of its own, so a long statement (an import)
   * does not stop the process's event loop; default false (in this thread). `serve` sets it.
   */
  thread?: boolean;
  /** Settings of every server connection (`-c name=value`), e.g. Citus's in the routing test. */
  settings?: Record<string, string>;
}

/**
 * Opens the configured database and, unless told not to, applies pending migrations. The
 * embedded database's folder is created on first use, made private to this account (0700, its
 * files 0600) and locked for this process until `close()`: a second opener gets a
 * DataFolderLockedError naming the holder.
 */
export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const url = opts.databaseUrl ?? (opts.dataDir ? undefined : process.env.DATABASE_URL);
  const database = url ? await openServer(url, opts) : await openEmbedded(opts);
  if (opts.migrate !== false) {
    try {
      await migrate(database.db);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

async function openEmbedded(opts: OpenOptions): Promise<Database> {
  const dir = opts.dataDir ?? process.env.TUMBUH_DATA_DIR ?? "./data";
  const inMemory = dir.startsWith("memory://");
  const dataDir = inMemory ? undefined : resolve(dir);
  let pgDir = dir;
  let lock: DataFolderLock | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    lock = lockDataFolder(dataDir);
    pgDir = resolve(dataDir, "pgdata");
  }
  let engine: EmbeddedEngine;
  try {
    engine = opts.thread ? await threadEngine(pgDir, opts) : await inProcessEngine(pgDir, opts);
    if (dataDir) restrictFolderModes(dataDir);
  } catch (err) {
    lock?.release();
    throw err;
  }
  const { pool, copy } = engine;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "pglite",
    dataDir: dataDir ?? undefined,
    async withSession(fn) {
      // PGlite is one backend: every query already runs on the same session.
      const client = await pool.connect();
      try {
        const sdb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
        return await fn({ db: sdb, ...copy });
      } finally {
        client.release();
      }
    },
    onLost(listener) {
      engine.onLost(listener);
    },
    async close() {
      try {
        await db.destroy();
        await engine.close();
        if (dataDir) restrictFolderModes(dataDir);
      } finally {
        lock?.release();
      }
    },
  };
}

/** PGlite, where it runs: its pool, its COPY, its end. */
interface EmbeddedEngine {
  pool: pg.Pool;
  copy: Omit<Session, "db">;
  onLost(listener: (err: Error) => void): void;
  close(): Promise<void>;
}

/** PGlite on this thread, through its own node-postgres adapter. */
async function inProcessEngine(pgDir: string, opts: OpenOptions): Promise<EmbeddedEngine> {
  const pglite = new PGlite(pgDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  await pglite.waitReady;
  // Imports stage whole files in temporary tables: give them room in memory (set before any
  // temporary table is touched in the session).
  await pglite.exec("SET temp_buffers = '512MB'");
  return {
    pool: new pg.Pool(createPgConfig(pglite)),
    copy: {
      async copyCsv(target, csv) {
        await pglite.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
          blob: new Blob([csv]),
        });
      },
      async copyBinary(target, data) {
        await pglite.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT binary)`, [], {
          blob: new Blob([data as Uint8Array<ArrayBuffer>]), // a Buffer is never backed by shared memory here
        });
      },
      async copyOutCsv(query) {
        const res = await pglite.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT csv)`);
        return res.blob ? await res.blob.text() : "";
      },
    },
    // In this thread PGlite cannot stop without the process.
    onLost() {},
    close: () => pglite.close(),
  };
}

/** PGlite on a worker thread of its own (pglite-thread.ts): the event loop stays free meanwhile. */
async function threadEngine(pgDir: string, opts: OpenOptions): Promise<EmbeddedEngine> {
  const thread = await PgliteThread.open({
    pgDir,
    loadDataDir: opts.loadDataDir ? new Uint8Array(await opts.loadDataDir.arrayBuffer()) : undefined,
  });
  return {
    pool: new pg.Pool(thread.pgConfig()),
    copy: {
      copyCsv: (target, csv) =>
        thread.copyIn(
          `COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`,
          new TextEncoder().encode(csv),
          true,
        ),
      copyBinary: (target, data) =>
        thread.copyIn(`COPY ${target} FROM '/dev/blob' WITH (FORMAT binary)`, data),
      async copyOutCsv(query) {
        const bytes = await thread.copyOut(`COPY (${query}) TO '/dev/blob' WITH (FORMAT csv)`);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
      },
    },
    onLost: (listener) => thread.onLost(listener),
    close: () => thread.close(),
  };
}

async function openServer(url: string, opts: OpenOptions): Promise<Database> {
  const schema = opts.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name '${schema}'`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    options: [
      "-c temp_buffers=256MB",
      ...(schema ? [`-c search_path=${schema}`] : []),
      ...Object.entries(opts.settings ?? {}).map(([k, v]) => `-c ${k}=${v}`),
    ].join(" "),
  });
  pool.on("connect", prepareMarkedQueries);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "postgres",
    async withSession(fn) {
      const client = await pool.connect();
      try {
        const sdb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
        return await fn({
          db: sdb,
          async copyCsv(target, csv) {
            const stream = client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`));
            await new Promise<void>((res, rej) => {
              stream.on("finish", () => res());
              stream.on("error", rej);
              stream.end(csv);
            });
          },
          async copyBinary(target, data) {
            const stream = client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT binary)`));
            await new Promise<void>((res, rej) => {
              stream.on("finish", () => res());
              stream.on("error", rej);
              stream.end(data);
            });
          },
          async copyOutCsv(query) {
            const stream = client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`));
            const chunks: Buffer[] = [];
            for await (const chunk of stream) chunks.push(chunk as Buffer);
            return Buffer.concat(chunks).toString("utf8");
          },
        });
      } finally {
        client.release();
      }
    },
    // The pool reconnects: a server that went away fails the queries meanwhile, not the process.
    onLost() {},
    async close() {
      await db.destroy();
    },
  };
}

/** A pool that always hands out the same already-connected client and never releases it. */
function singleClientPool(client: pg.PoolClient) {
  const pinned = {
    query: (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args),
    release: () => {},
  };
  return { connect: async () => pinned as unknown as pg.PoolClient, end: async () => {} };
}
