/**
 * `tumbuh quality --region CODE --period P [--out FILE]`: the WHO data-quality figures of a region
 * and period from the database, as CSV: the region's row, then one row per unit below it.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CliIo } from "../main.ts";

const HELP = `Usage:
  tumbuh quality --region CODE --period PERIOD [--out FILE]

The data-quality figures (WHO-UNICEF TEAM WG 2019) of a region (a Kemendagri code such as 35.03, or ID)
and period (YYYY-MM or YYYY), as CSV: the region's row first, then one row per unit below it.
Columns: region_code, region_name, level, measurements, children, haz_n, haz_sd, waz_n, waz_sd, whz_n,
whz_sd (over each child's latest valid z-score of the period), haz_flagged_pct, waz_flagged_pct,
whz_flagged_pct (the share of the period's measurements with that z-score that are flagged, one
decimal), weight_dps, lenhei_dps (SMART digit preference score), missing_nik_pct.
Without --out the CSV goes to standard output.
`;

const COLUMNS = [
  "measurements",
  "children",
  "haz_n",
  "haz_sd",
  "waz_n",
  "waz_sd",
  "whz_n",
  "whz_sd",
  "haz_flagged_pct",
  "waz_flagged_pct",
  "whz_flagged_pct",
  "weight_dps",
  "lenhei_dps",
  "missing_nik_pct",
] as const;

/** SDs to 4 decimals; everything else as computed. */
function cell(key: (typeof COLUMNS)[number], value: number | null): number | null {
  if (value === null) return null;
  return key.endsWith("_sd") ? Math.round(value * 10_000) / 10_000 : value;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: "string" },
      period: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (!values.region || !values.period) {
    throw new Error("--region and --period are both needed, e.g. --region 35.03 --period 2025-08");
  }
  const { checkPeriod, isRegionCode, NATION_CODE, toCsv, todayInIndonesia } = await import("@tumbuh/core");
  checkPeriod(values.period);
  const { OPERATOR } = await import("../../auth/access.ts");
  const { withServices } = await import("../services.ts");
  const region = values.region;
  const period = values.period;
  const csv = await withServices(async ({ repos, services }) => {
    if (!isRegionCode(region) || (region !== NATION_CODE && !(await repos.regions.get(region)))) {
      throw new Error(
        `--region: no region with code "${region}"; expected a Kemendagri code such as 35, 35.03, 35.03.01 or 35.03.01.2001, or ${NATION_CODE} for the nation`,
      );
    }
    const r = await services.dataQuality.report(OPERATOR, { region, period }, todayInIndonesia(new Date()));
    const rows = [{ code: r.unit.code, name: r.unit.name, level: r.unit.level, ...r.summary }, ...r.units];
    return toCsv(
      ["region_code", "region_name", "level", ...COLUMNS],
      rows.map((x) => [x.code, x.name, x.level, ...COLUMNS.map((k) => cell(k, x[k]))]),
    );
  });
  // No byte-order mark: the file is for programs (the web app's exports add one for Excel).
  const text = csv.replace(/^\uFEFF/, "");
  if (values.out) writeFileSync(values.out, text);
  else io.stdout.write(text);
  return 0;
}
