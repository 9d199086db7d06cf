/** `tumbuh check`: proves the roll-ups add up at every level and match the raw rows. */
import { parseArgs } from "node:util";
import { checkRollups } from "../../db/repositories/rollup-check.ts";
import { pendingRollups, refreshAllRollups } from "../../db/repositories/rollup-pending.ts";
import type { CliIo } from "../main.ts";
import { openCliDatabase } from "../services.ts";

const help = `Usage: tumbuh check [--refresh]

Checks that villages sum to kecamatan, districts, provinces and the nation, and that the
roll-ups equal a fresh computation from the measurements, and that no district's roll-ups
still wait for the refresh that follows an import. --refresh recomputes every district's
roll-ups first.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { help: { type: "boolean", short: "h" }, refresh: { type: "boolean" } },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const { database } = await openCliDatabase();
  try {
    if (values.refresh) {
      const ds = await refreshAllRollups(database);
      io.stdout.write(`refreshed ${ds.length} district(s)\n`);
    }
    const r = await checkRollups(database);
    for (const p of await pendingRollups(database)) {
      r.problems.unshift(
        `district ${p.district}: roll-ups wait for a refresh since ${p.since.toISOString()} (an import or entry stopped before refreshing them); run 'tumbuh check --refresh'`,
      );
      r.ok = false;
    }
    for (const p of r.problems) io.stdout.write(`PROBLEM ${p}\n`);
    io.stdout.write(
      r.ok
        ? `ok: ${r.districts} district(s), ${r.rowsCompared} village rows equal a fresh computation; every level sums up to the nation\n`
        : `${r.problems.length} problem(s) found\n`,
    );
    return r.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}
