/**
 * `tumbuh db migrate`: applies pending SQL migrations to the configured database.
 * `tumbuh db distribute`: turns a migrated database on a Citus coordinator into the distributed
 * layout of a national deployment (db/distribute.ts).
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/connection.ts";
import { citusVersion, distribute, NoCitusError } from "../../db/distribute.ts";
import { bindPiiKeys } from "../../db/key-binding.ts";
import { migrate } from "../../db/migrate.ts";
import type { CliIo } from "../main.ts";

const help = `Usage: tumbuh db migrate
       tumbuh db distribute [--shard-count N]

migrate     applies pending migrations to the database given by DATABASE_URL, else the embedded
            database in TUMBUH_DATA_DIR (default ./data).
distribute  on a Citus coordinator (DATABASE_URL): applies pending migrations, then distributes
            children, measurements, posyandu, puskesmas, targets and rollup_district by
            district_code (co-located, --shard-count shards, default 32) and makes regions,
            region_code_sets and rollup_upper reference tables. Safe to run again. Refused on a
            server without Citus.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, "shard-count": { type: "string" } },
  });
  const sub = positionals[0];
  if (values.help || (sub !== "migrate" && sub !== "distribute")) {
    io.stdout.write(help);
    return values.help ? 0 : 2;
  }
  let shardCount: number | undefined;
  if (values["shard-count"] !== undefined) {
    if (sub !== "distribute") {
      io.stderr.write("tumbuh db: --shard-count belongs to `tumbuh db distribute`\n");
      return 2;
    }
    shardCount = Number(values["shard-count"]);
    if (!/^\d+$/.test(values["shard-count"]) || shardCount < 1 || shardCount > 1024) {
      io.stderr.write(
        `tumbuh db: --shard-count must be a whole number from 1 to 1024 (got '${values["shard-count"]}')\n`,
      );
      return 2;
    }
  }
  if (sub === "distribute" && !process.env.DATABASE_URL) {
    io.stderr.write(
      "tumbuh db distribute: the embedded database is never distributed; set DATABASE_URL to a Citus coordinator " +
        "/ basis data bawaan tidak dapat didistribusikan\n",
    );
    return 1;
  }
  const database = await openDatabase({ migrate: false });
  try {
    if (sub === "distribute") {
      // Refused before anything is written: a server without Citus (the embedded database above).
      if (!(await citusVersion(database.db))) throw new NoCitusError();
      await migrate(database.db);
      const r = await distribute(database.db, { shardCount });
      await bindPiiKeys(database);
      io.stdout.write(
        r.changed.length || r.foreignKeyAdded
          ? `distributed on Citus ${r.citusVersion}: ${r.changed.join(", ") || "no table"} placed now; ${r.shardCount} shards on ${r.nodes} nodes${r.foreignKeyAdded ? "; measurements refer to children by foreign key" : ""}\n`
          : `already distributed on Citus ${r.citusVersion}: ${r.shardCount} shards on ${r.nodes} nodes\n`,
      );
      return 0;
    }
    const applied = await migrate(database.db);
    await bindPiiKeys(database);
    io.stdout.write(
      applied.length
        ? `applied migrations ${applied.join(", ")} (${database.engine})\n`
        : `database is up to date (${database.engine})\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
