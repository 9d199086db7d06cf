import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { expect, it } from "vitest";
import { PgBinaryRows, uuidBytes } from "./pg-binary.ts";
import { describeEachEngine, testServerUrl } from "./test-support.ts";

// Migration 0007: measurements refer to stored children, checked per statement (see the migration).
// On Citus the foreign key that `tumbuh db distribute` declares instead (db/distribute.ts) keeps
// the same guarantees: the same tests run there.

/** The message and detail of a database error (a foreign key names the missing key in its detail). */
type DbError = { code?: string; message: string; detail?: string };
const described = (e: DbError) => ({ code: e.code, text: `${e.message} ${e.detail ?? ""}` });

const D = "35.03";
const V = "35.03.01.2001";

describeEachEngine("measurement → child check", (t) => {
  const a = randomUUID();
  const b = randomUUID();
  const missing = randomUUID();
  const count = async (where = "true") =>
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM measurements WHERE ${sql.raw(where)}`.execute(
        t.database.db,
      )
    ).rows[0].n;
  const insertMeasurements = (rows: Array<[child: string, date: string]>) =>
    sql`INSERT INTO measurements (district_code, id, child_id, village_code, measured_on, age_days, source)
        VALUES ${sql.join(rows.map(([c, d]) => sql`(${D}, ${randomUUID()}, ${c}, ${V}, ${d}, 400, 'posyandu')`))}`.execute(
      t.database.db,
    );

  it("accepts measurements of stored children", async () => {
    await sql`INSERT INTO children (district_code, id, village_code, name, name_key, sex, birth_date)
      VALUES (${D}, ${a}, ${V}, 'Ani', 'ani', 2, '2024-01-01'), (${D}, ${b}, ${V}, 'Budi', 'budi', 1, '2024-02-01')`.execute(
      t.database.db,
    );
    await insertMeasurements([
      [a, "2025-02-01"],
      [a, "2025-03-01"],
      [b, "2025-03-01"],
    ]);
    expect(await count()).toBe(3);
  });

  it("refuses a statement with one measurement of a child that is not stored, writing none of its rows", async () => {
    const err = await insertMeasurements([
      [a, "2025-04-01"],
      [missing, "2025-04-01"],
    ]).then(() => undefined, described);
    expect(err?.code).toBe("23503");
    expect(err?.text).toContain(missing);
    expect(await count()).toBe(3);
  });

  it("refuses a child that is stored in another district", async () => {
    const err =
      await sql`INSERT INTO measurements (district_code, id, child_id, village_code, measured_on, age_days, source)
        VALUES ('35.04', ${randomUUID()}, ${a}, '35.04.01.2001', '2025-04-01', 400, 'posyandu')`
        .execute(t.database.db)
        .then(
          () => undefined,
          (e: { code?: string }) => e,
        );
    expect(err?.code).toBe("23503");
  });

  it("checks rows written by binary COPY the same way", async () => {
    const copy = (child: string, day: number) => {
      const w = new PgBinaryRows();
      w.row(7)
        .text(D)
        .uuid(uuidBytes(randomUUID()))
        .uuid(uuidBytes(child))
        .text(V)
        .date(day)
        .int4(420)
        .text("eppgbm_import");
      return t.database.withSession((s) =>
        s.copyBinary(
          "measurements (district_code, id, child_id, village_code, measured_on, age_days, source)",
          w.take() as Buffer,
        ),
      );
    };
    await copy(b, 20_100);
    expect(await count()).toBe(4);
    await expect(copy(missing, 20_101)).rejects.toThrow(/not stored|violates foreign key/);
    expect(await count()).toBe(4);
    await sql`DELETE FROM measurements WHERE measured_on = '2025-01-12'`.execute(t.database.db);
    expect(await count()).toBe(3);
  });

  it("checks children written by the same transaction and children stored before it in one statement", async () => {
    const c = randomUUID();
    const write = (rows: Array<[child: string, date: string]>) =>
      t.database.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO children (district_code, id, village_code, name, name_key, sex, birth_date)
          VALUES (${D}, ${c}, ${V}, 'Citra', 'citra', 2, '2024-03-01')`.execute(tx);
        await sql`INSERT INTO measurements (district_code, id, child_id, village_code, measured_on, age_days, source)
          VALUES ${sql.join(rows.map(([ch, d]) => sql`(${D}, ${randomUUID()}, ${ch}, ${V}, ${d}, 400, 'posyandu')`))}`.execute(
          tx,
        );
      });
    const failed = await write([
      [c, "2025-06-01"],
      [b, "2025-06-01"],
      [missing, "2025-06-01"],
    ]).then(() => undefined, described);
    expect(failed?.code).toBe("23503");
    expect(failed?.text).toContain(missing);
    expect(await count(`child_id = '${c}'`)).toBe(0);
    expect(await count("measured_on = '2025-06-01'")).toBe(0);
    await write([
      [c, "2025-06-01"],
      [b, "2025-06-01"],
    ]);
    expect(await count("measured_on = '2025-06-01'")).toBe(2);
    await sql`DELETE FROM children WHERE id = ${c}`.execute(t.database.db);
    await sql`DELETE FROM measurements WHERE measured_on = '2025-06-01'`.execute(t.database.db);
    expect(await count()).toBe(3);
  });

  it("keeps one measurement per child per date (the table's key)", async () => {
    const err = await insertMeasurements([[b, "2025-03-01"]]).then(
      () => undefined,
      (e: { code?: string }) => e,
    );
    expect(err?.code).toBe("23505");
    expect(await count(`child_id = '${b}'`)).toBe(1);
  });

  it("refuses moving a measurement to a child that is not stored", async () => {
    const err = await sql`UPDATE measurements SET child_id = ${missing} WHERE child_id = ${b}`
      .execute(t.database.db)
      .then(
        () => undefined,
        (e: { code?: string }) => e,
      );
    expect(err?.code).toBe("23503");
    expect(await count(`child_id = '${b}'`)).toBe(1);
  });

  it("keeps a child's key fixed, other columns may change", async () => {
    await sql`UPDATE children SET name = 'Budi Santoso' WHERE id = ${b}`.execute(t.database.db);
    const err = await sql`UPDATE children SET id = ${missing} WHERE id = ${b}`.execute(t.database.db).then(
      () => undefined,
      (e: { code?: string }) => e,
    );
    expect(err?.code).toBe("23503");
    expect(await count(`child_id = '${b}'`)).toBe(1);
  });

  it("deletes a child's measurements with the child, and only those", async () => {
    await sql`DELETE FROM children WHERE id = ${a}`.execute(t.database.db);
    expect(await count(`child_id = '${a}'`)).toBe(0);
    expect(await count(`child_id = '${b}'`)).toBe(1);
  });

  it("locks the children of measurements being written: a concurrent delete of one waits", async () => {
    if (t.engine === "pglite") return; // one connection on PGlite: no concurrency to test
    const url = testServerUrl(t.engine);
    const writer = new pg.Client({ connectionString: url });
    const deleter = new pg.Client({ connectionString: url });
    await writer.connect();
    await deleter.connect();
    try {
      const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(t.database.db)).rows[0]
        .s;
      for (const c of [writer, deleter]) await c.query(`SET search_path TO ${schema}`);
      await writer.query("BEGIN");
      await writer.query(
        `INSERT INTO measurements (district_code, id, child_id, village_code, measured_on, age_days, source)
         VALUES ($1, $2, $3, $4, '2025-05-01', 450, 'posyandu')`,
        [D, randomUUID(), b, V],
      );
      // In a transaction of its own, so that Citus passes the timeout on to the node holding the shard.
      await deleter.query("BEGIN");
      if (t.engine === "citus") await deleter.query("SET LOCAL citus.propagate_set_commands = 'local'");
      await deleter.query("SET LOCAL lock_timeout = '300ms'");
      const err = await deleter.query("DELETE FROM children WHERE id = $1", [b]).then(
        () => undefined,
        (e: { code?: string }) => e,
      );
      await deleter.query("ROLLBACK");
      expect(err?.code).toBe("55P03"); // lock_not_available: the writer holds the child
      await writer.query("COMMIT");
      expect(await count(`child_id = '${b}'`)).toBe(2);
    } finally {
      await writer.end();
      await deleter.end();
    }
  });
});
