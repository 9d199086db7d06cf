/** `tumbuh db migrate`: applies pending SQL migrations to the configured database. */
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/connection.ts";
import { bindPiiKeys } from "../../db/key-binding.ts";
import { migrate } from "../../db/migrate.ts";
import type { CliIo } from "../main.ts";

const help = `Usage: tumbuh db migrate

Applies pending migrations to the database given by DATABASE_URL, else the embedded database
in TUMBUH_DATA_DIR (default ./data).
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" } },
  });
  if (values.help || positionals[0] !== "migrate") {
    io.stdout.write(help);
    return values.help ? 0 : 2;
  }
  const database = await openDatabase({ migrate: false });
  try {
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
