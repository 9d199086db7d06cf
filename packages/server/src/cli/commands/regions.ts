/** `tumbuh regions load|show|search`: the region code list and lookups. */
import { parseArgs } from "node:util";
import { OPERATOR } from "../../auth/access.ts";
import { loadRegions } from "../../services/regions.ts";
import type { CliIo } from "../main.ts";
import { withServices } from "../services.ts";

const help = `Usage:
  tumbuh regions load [--prefix CODE]   load provinces, districts, subdistricts and villages
                                        from idn-area-data (idempotent)
  tumbuh regions show CODE              a region and the regions below it
  tumbuh regions search NAME [--within CODE]
                                        regions by name (case- and accent-insensitive)
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      prefix: { type: "string" },
      within: { type: "string" },
    },
  });
  const [sub, arg] = positionals;
  if (values.help || !sub || (sub !== "load" && !arg)) {
    io.stdout.write(help);
    return values.help ? 0 : 2;
  }
  return withServices(async ({ database, repos, services }) => {
    if (sub === "load") {
      const t0 = performance.now();
      const r = await loadRegions(database, { prefix: values.prefix });
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      io.stdout.write(
        `${r.codeSet}: ${r.counts.province} provinces, ${r.counts.district} districts, ${r.counts.subdistrict} subdistricts, ${r.counts.village} villages; ${r.inserted} inserted, ${r.updated} updated in ${secs} s\n`,
      );
      return 0;
    }
    if (sub === "show") {
      const region = await repos.regions.get(arg);
      if (!region) {
        io.stderr.write(`no region with code '${arg}'\n`);
        return 1;
      }
      io.stdout.write(`${region.code}\t${region.name}\t${region.kind}\n`);
      for (const c of await repos.regions.children(arg))
        io.stdout.write(`  ${c.code}\t${c.name}\t${c.kind}\n`);
      return 0;
    }
    if (sub === "search") {
      const within = values.within ?? OPERATOR.regionCode;
      for (const r of await services.regions.search(OPERATOR, arg, { within, limit: 20 })) {
        io.stdout.write(`${r.code}\t${r.name}\t${r.kind}\n`);
      }
      return 0;
    }
    io.stdout.write(help);
    return 2;
  });
}
