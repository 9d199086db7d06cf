import { sql } from "kysely";
import { expect, it } from "vitest";
import { listMigrations, migrate } from "./migrate.ts";
import { describeEachEngine } from "./test-support.ts";

it("lists migrations in number order", () => {
  const versions = listMigrations().map((m) => m.version);
  expect(versions.length).toBeGreaterThan(3);
  expect([...versions].sort()).toEqual(versions);
});

describeEachEngine("migrations", (t) => {
  it("are applied once and recorded", async () => {
    const recorded = await t.database.db
      .selectFrom("schema_migrations")
      .select("version")
      .orderBy("version")
      .execute();
    expect(recorded.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(t.database.db)).toEqual([]);
  });

  it("create the distributed tables keyed by district first", async () => {
    const rows = await sql<{ table_name: string; column_name: string }>`
      SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
        AND kcu.table_schema = tc.table_schema AND kcu.ordinal_position = 1
      WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()
        AND tc.table_name IN ('children', 'measurements', 'posyandu', 'puskesmas', 'targets', 'rollup_district')`.execute(
      t.database.db,
    );
    expect(rows.rows).toHaveLength(6);
    expect(rows.rows.every((r) => r.column_name === "district_code")).toBe(true);
  });
});
