/**
 * The embedded database on a thread of its own (as `serve` runs it), for real: queries, types,
 * transactions, COPY both ways, SQLSTATE codes, the data-folder lock, close and reopen, the main
 * thread's event loop staying free during a long statement, and a thread that dies (issue 12, item 2).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./connection.ts";
import { DataFolderLockedError } from "./data-folder.ts";
import { listMigrations } from "./migrate.ts";
import { isoDays, PgBinaryRows } from "./pg-binary.ts";
import { DatabaseThreadLostError, PgliteThread } from "./pglite-thread.ts";

const root = mkdtempSync(join(tmpdir(), "tumbuh-pglite-thread-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Counts how often a 10-ms timer of this (main) thread fires while `fn` runs. */
async function ticksDuring(fn: () => Promise<unknown>): Promise<{ ticks: number; ms: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return { ticks, ms: performance.now() - t0 };
}

describe("PGlite on a worker thread", () => {
  const dir = join(root, "data");
  let database: Database;

  it("opens a data folder on the thread, migrated, and holds the folder's lock", async () => {
    database = await openDatabase({ dataDir: dir, thread: true });
    expect(database.engine).toBe("pglite");
    const m = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(database.db);
    expect(m.rows[0].n).toBe(listMigrations().length);
    // A second opener, on a thread or not, is refused while this one holds the folder.
    await expect(openDatabase({ dataDir: dir, thread: true })).rejects.toBeInstanceOf(DataFolderLockedError);
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataFolderLockedError);
  }, 120_000);

  it("answers queries with the types the server code expects (dates as text, bigint as number, timestamps as Date)", async () => {
    const r = await sql<{ i: number; d: string; b: number; t: Date; s: string; n: null }>`
      SELECT ${41}::int + 1 AS i, '2024-02-29'::date AS d, 9007199254740::bigint AS b,
             '2026-01-02T03:04:05Z'::timestamptz AS t, ${"Désa — ñ"}::text AS s, NULL AS n`.execute(
      database.db,
    );
    expect(r.rows).toEqual([
      {
        i: 42,
        d: "2024-02-29",
        b: 9_007_199_254_740,
        t: new Date("2026-01-02T03:04:05Z"),
        s: "Désa — ñ",
        n: null,
      },
    ]);
  });

  it("keeps a transaction's writes on commit and drops them on rollback", async () => {
    await sql`CREATE TABLE thread_t (id int PRIMARY KEY, name text NOT NULL)`.execute(database.db);
    await database.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO thread_t VALUES (1, 'satu')`.execute(trx);
    });
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO thread_t VALUES (2, 'dua')`.execute(trx);
        const inside = await sql<{ n: number }>`SELECT count(*)::int AS n FROM thread_t`.execute(trx);
        expect(inside.rows[0].n).toBe(2);
        throw new Error("stop here");
      }),
    ).rejects.toThrow("stop here");
    const after = await sql<{ id: number }>`SELECT id FROM thread_t ORDER BY id`.execute(database.db);
    expect(after.rows).toEqual([{ id: 1 }]);
  });

  it("gives a failed statement's SQLSTATE as node-postgres does, and the connection goes on", async () => {
    const dup = await sql`INSERT INTO thread_t VALUES (1, 'lagi')`
      .execute(database.db)
      .catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(Error);
    expect(dup).toMatchObject({ code: "23505", constraint: "thread_t_pkey", table: "thread_t" });
    const zero = await sql`SELECT 1 / ${0}::int`.execute(database.db).catch((e: unknown) => e);
    expect(zero).toMatchObject({ code: "22012", message: "division by zero" });
    const syntax = await sql`SELEC 1`.execute(database.db).catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: "42601" });
    // A failure inside a transaction aborts it; the rollback leaves the table as it was.
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO thread_t VALUES (3, 'tiga')`.execute(trx);
        await sql`INSERT INTO thread_t VALUES (3, 'tiga lagi')`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM thread_t`.execute(database.db);
    expect(n.rows[0].n).toBe(1);
  });

  it("loads CSV and binary COPY inside the session's transaction, copies out as CSV, and rolls COPY back", async () => {
    const w = new PgBinaryRows(32);
    w.row(3).int4(20).text("Posyandu Mawar 1 — Désa").date(isoDays("2025-08-15"));
    w.row(3).int4(21).null().date(undefined);
    const binary = w.take() as Buffer;
    await database.withSession(async (s) => {
      await sql`CREATE TEMP TABLE thread_copy (id int, name text, day date)`.execute(s.db);
      await s.db.transaction().execute(async (trx) => {
        await s.copyCsv("thread_copy (id, name, day)", '10,"Ani, ""kecil""",2024-01-31\n11,,\n');
        await s.copyBinary("thread_copy (id, name, day)", binary);
        const inside = await sql<{ n: number }>`SELECT count(*)::int AS n FROM thread_copy`.execute(trx);
        expect(inside.rows[0].n).toBe(4);
      });
      expect(await s.copyOutCsv("SELECT id, name, day FROM thread_copy ORDER BY id")).toBe(
        '10,"Ani, ""kecil""",2024-01-31\n11,,\n20,Posyandu Mawar 1 — Désa,2025-08-15\n21,,\n',
      );
      await expect(
        s.db.transaction().execute(async () => {
          await s.copyCsv("thread_copy (id, name, day)", "30,x,2024-01-01\n");
          throw new Error("cancel");
        }),
      ).rejects.toThrow("cancel");
      // A row that does not fit: the COPY's SQLSTATE, nothing written.
      await expect(s.copyCsv("thread_copy (id, name, day)", "40,x,2024-02-31\n")).rejects.toMatchObject({
        code: "22008",
      });
      await expect(s.copyBinary("thread_copy (id)", Buffer.from("not binary"))).rejects.toMatchObject({
        code: "22P04",
      });
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM thread_copy`.execute(s.db);
      expect(n.rows[0].n).toBe(4);
    });
  });

  it("leaves the main thread's event loop free while a long statement runs", async () => {
    const { ticks, ms } = await ticksDuring(() =>
      sql`SELECT count(*) FROM generate_series(1, 3000000) g, LATERAL (SELECT md5(g::text)) m`.execute(
        database.db,
      ),
    );
    // The statement takes seconds; a 10-ms timer fires throughout (half its beats, on a busy machine).
    expect(ms).toBeGreaterThan(500);
    expect(ticks).toBeGreaterThan(ms / 10 / 4);
  }, 120_000);

  it("closes (the lock released) and reopens with the data kept, on the thread or in this thread", async () => {
    await database.close();
    const again = await openDatabase({ dataDir: dir, thread: false });
    try {
      const rows = await sql<{ id: number; name: string }>`SELECT * FROM thread_t`.execute(again.db);
      expect(rows.rows).toEqual([{ id: 1, name: "satu" }]);
    } finally {
      await again.close();
    }
  }, 120_000);
});

describe("a database thread that dies", () => {
  it("fails the waiting and later queries with a clear error and tells its listeners once", async () => {
    const thread = await PgliteThread.open({ pgDir: "memory://" });
    const lost: Error[] = [];
    thread.onLost((err) => lost.push(err));
    const pool = new pg.Pool(thread.pgConfig());
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    const waiting = pool.query("SELECT count(*) FROM generate_series(1, 20000000)");
    await new Promise((r) => setTimeout(r, 200));
    await thread.kill();
    const err = await waiting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseThreadLostError);
    expect((err as Error).message).toContain("The embedded database stopped (its thread exited with code 1)");
    expect((err as Error).message).toContain("Basis data tertanam berhenti");
    await expect(pool.query("SELECT 1")).rejects.toBeInstanceOf(DatabaseThreadLostError);
    await expect(thread.copyOut("COPY (SELECT 1) TO '/dev/blob'")).rejects.toBeInstanceOf(
      DatabaseThreadLostError,
    );
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(DatabaseThreadLostError);
    await pool.end().catch(() => {});
  }, 120_000);

  it("is not reported as lost when closed", async () => {
    const database = await openDatabase({ dataDir: "memory://", thread: true, migrate: false });
    const lost: Error[] = [];
    database.onLost((err) => lost.push(err));
    await sql`SELECT 1`.execute(database.db);
    await database.close();
    expect(lost).toEqual([]);
  }, 120_000);
});
