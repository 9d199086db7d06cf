/** `tumbuh targets import FILE`: target children (sasaran) per village and year, for coverage. */
import { parseArgs } from "node:util";
import { OPERATOR } from "../../auth/access.ts";
import { importTargets } from "../../services/targets.ts";
import type { CliIo } from "../main.ts";
import { withServices } from "../services.ts";

const help = `Usage: tumbuh targets import FILE

Saves target children 0–59 months (sasaran) per village and year from a CSV or XLSX file with
the columns Kode Desa, Tahun and Sasaran, and refreshes the coverage of the districts touched.
A file with any wrong row saves nothing.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" } },
  });
  if (values.help || positionals[0] !== "import" || !positionals[1]) {
    io.stdout.write(help);
    return values.help ? 0 : 2;
  }
  return withServices(async ({ repos }) => {
    const r = await importTargets(repos, OPERATOR, positionals[1]);
    for (const x of r.rejections) io.stderr.write(`row ${x.rowNo}, ${x.field}: ${x.reason}\n`);
    if (r.rejections.length > 0) {
      io.stderr.write(`${r.rejections.length} of ${r.rowsRead} rows rejected; nothing saved\n`);
      return 1;
    }
    io.stdout.write(`saved ${r.saved} targets for ${r.districts.join(", ") || "no district"}\n`);
    return 0;
  });
}
