import { sql } from "kysely";
import { expect, it } from "vitest";
import { executePrepared, PREPARED_MARK, prepared, statementName } from "./prepared.ts";
import { describeEachEngine } from "./test-support.ts";

it("names a query text by its content: the same text the same name, another text another", () => {
  const a = statementName(`${PREPARED_MARK} SELECT 1`);
  expect(statementName(`${PREPARED_MARK} SELECT 1`)).toBe(a);
  expect(statementName(`${PREPARED_MARK} SELECT 2`)).not.toBe(a);
  expect(a).toMatch(/^tumbuh_[0-9a-f]{20}$/);
});

describeEachEngine("prepared queries", (t) => {
  const query = (n: number, label: string | null) =>
    prepared(sql<{ n: number; label: string | null; doubled: number }>`
      SELECT ${n}::int AS n, ${label}::text AS label, ${n}::int * 2 AS doubled`);

  it("starts the query text with the marker and gives the same answers as an ordinary query", async () => {
    const compiled = query(1, "a").compile(t.database.db);
    expect(compiled.sql.startsWith(PREPARED_MARK)).toBe(true);
    await t.database.withSession(async ({ db }) => {
      for (const [n, label] of [
        [1, "a"],
        [2, null],
        [3, "c"],
        [4, "d"],
        [5, "e"],
        [6, "f"],
        [7, null],
      ] as const) {
        expect((await query(n, label).execute(db)).rows).toEqual([{ n, label, doubled: n * 2 }]);
      }
      const names = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements`.execute(db);
      // On a server the connection keeps the statement under its name; PGlite runs it as is.
      expect(names.rows.map((r) => r.name)).toEqual(
        t.database.engine === "postgres" ? [statementName(compiled.sql)] : [],
      );
    });
  });

  it("runs a query of Kysely's builder as a prepared statement too, with its values", async () => {
    const zero = { haz_valid: 0, stunted: 0, severely_stunted: 0, whz_valid: 0, wasted: 0 };
    const more = { severely_wasted: 0, overweight: 0, waz_valid: 0, underweight: 0, new_stunting: 0 };
    await t.database.db
      .insertInto("rollup_upper")
      .values([
        { region_code: "35", period: "2025-08", measured: 7, target: null, ...zero, ...more },
        { region_code: "33", period: "2025-08", measured: 9, target: null, ...zero, ...more },
      ])
      .execute();
    const read = (region: string) =>
      executePrepared(
        t.database.db,
        t.database.db
          .selectFrom("rollup_upper")
          .select(["region_code", "measured"])
          .where("region_code", "=", region),
      );
    expect(await read("35")).toEqual([{ region_code: "35", measured: 7 }]);
    expect(await read("33")).toEqual([{ region_code: "33", measured: 9 }]);
    expect(await read("none")).toEqual([]);
  });

  it("leaves other queries and a failing prepared query's connection usable", async () => {
    await expect(prepared(sql`SELECT 1 / ${0}::int AS x`).execute(t.database.db)).rejects.toThrow(
      /division by zero/,
    );
    expect((await sql<{ x: number }>`SELECT ${41}::int + 1 AS x`.execute(t.database.db)).rows).toEqual([
      { x: 42 },
    ]);
  });
});
