import { readFileSync } from "node:fs";
import { personKey } from "@tumbuh/core";
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

describeEachEngine("migration 0053 (person keys of 'By. Ny.' names)", (t) => {
  it("drops the 'ny ' the old key rule left, and nothing else", async () => {
    const rows: Array<[string, string]> = [
      ["By. Ny. Sumiati", "ny sumiati"],
      ["BAYI NY RINA", "ny rina"],
      ["Ny. Sari", "ny sari"],
      ["Nyoman Ayu", "nyoman ayu"],
    ];
    for (const [name, key] of rows) {
      await sql`INSERT INTO children (district_code, id, village_code, name, name_key, sex, birth_date)
        VALUES ('35.03', gen_random_uuid(), '35.03.01.2001', ${name}, ${key}, 1, '2024-01-01')`.execute(
        t.database.db,
      );
    }
    const file = listMigrations().find((m) => m.version === "0053");
    if (!file) throw new Error("migration 0053 is missing");
    await sql.raw(readFileSync(file.path, "utf8")).execute(t.database.db);
    const after = await t.database.db
      .selectFrom("children")
      .select(["name", "name_key"])
      .orderBy("name")
      .execute();
    expect(after).toEqual(
      [
        ["BAYI NY RINA", "rina"],
        ["By. Ny. Sumiati", "sumiati"],
        ["Ny. Sari", "ny sari"],
        ["Nyoman Ayu", "nyoman ayu"],
      ].map(([name, name_key]) => ({ name, name_key })),
    );
    // Every key is now what the rule gives for the name.
    for (const r of after) expect(r.name_key).toBe(personKey(r.name));
  });
});
