import { sql } from "kysely";
import { expect, it } from "vitest";
import { isoDays, PgBinaryRows, uuidBytes } from "./pg-binary.ts";
import { describeEachEngine } from "./test-support.ts";

describeEachEngine("binary COPY", (t) => {
  it("lands every type as written, NULLs included, inside the session's transaction", async () => {
    await sql`CREATE TABLE bin_t (a smallint, b integer, c double precision, d boolean, e text, f date, g uuid, h bytea)`.execute(
      t.database.db,
    );
    const w = new PgBinaryRows(32);
    w.row(8)
      .int2(2)
      .int4(-123_456)
      .float8(-1.23)
      .bool(true)
      .text("Posyandu Mawar 1 — Désa")
      .date(isoDays("2025-08-15"))
      .uuid(uuidBytes("0192f5a3-1b2c-7d4e-8f60-112233445566"))
      .bytes(Uint8Array.from([0, 1, 255, 128]));
    w.row(8)
      .int2(undefined)
      .null()
      .float8(Number.NaN)
      .bool(false)
      .text("")
      .date(undefined)
      .uuid(undefined)
      .null();
    const data = w.take() as Buffer;
    await t.database.withSession(async (s) => {
      await s.db.transaction().execute(async (trx) => {
        await s.copyBinary("bin_t (a, b, c, d, e, f, g, h)", data);
        const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bin_t`.execute(trx);
        expect(n.rows[0].n).toBe(2);
      });
    });
    const rows = await sql<Record<string, unknown>>`SELECT * FROM bin_t ORDER BY a NULLS LAST`.execute(
      t.database.db,
    );
    expect(rows.rows).toEqual([
      {
        a: 2,
        b: -123_456,
        c: -1.23,
        d: true,
        e: "Posyandu Mawar 1 — Désa",
        f: "2025-08-15",
        g: "0192f5a3-1b2c-7d4e-8f60-112233445566",
        h: Buffer.from([0, 1, 255, 128]),
      },
      { a: null, b: null, c: null, d: false, e: "", f: null, g: null, h: null },
    ]);
  });

  it("refuses data whose fields do not match the columns, writing nothing", async () => {
    const w = new PgBinaryRows();
    w.row(1).int4(5);
    await expect(
      t.database.withSession((s) => s.copyBinary("bin_t (a, b)", w.take() as Buffer)),
    ).rejects.toThrow();
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bin_t`.execute(t.database.db);
    expect(n.rows[0].n).toBe(2);
  });
});
