/**
 * `tumbuh prevalence`: prevalence tables. From a CSV file (the WHO anthro package's columns and groups),
 * or, with --region and --period, from the database's roll-ups.
 */
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { openText } from "../../anthro-csv/csv-io.ts";
import { prevalenceCsv, prevalenceSummaryId, readPrevalenceInput } from "../../anthro-csv/prevalence-csv.ts";
import type { CliIo } from "../main.ts";
import { parseAgeUnit } from "./zscore.ts";

const HELP = `Usage:
  tumbuh prevalence INPUT.csv [--age-unit days|months] [--weights COLUMN] [--out FILE] [--format csv|id]
  tumbuh prevalence --region CODE --period PERIOD [--format csv|id]

From a CSV (same columns as 'tumbuh zscore'): one row per group — All, the WHO age groups, sex, and age
by sex — with the WHO anthro package's columns: HAZ_unwpop, HA_3_r, HA_2_r, HA_1_r, HA1_r, HA2_r, HA3_r,
HA_r (mean), HA_stdev, the same for WAZ/WA, BMIZ/BMI and WHZ/WH, and HA_2_WH_2 (stunted and wasted).
Rates are percentages. --weights names a sampling-weights column. --format id prints an Indonesian
summary (stunting, wasting, underweight, overweight with counts) instead of the table.
With --region (a Kemendagri code, e.g. 35.03) and --period (YYYY-MM, YYYY): the figures stored in the
database for that region and period.
`;

/** Prints the stored figures of a region and period (and of the units below it) from the database. */
async function printFromDatabase(region: string, period: string, io: CliIo): Promise<void> {
  const { isRegionCode, NATION_CODE } = await import("@tumbuh/core");
  const { OPERATOR } = await import("../../auth/access.ts");
  const { ROUTINE_SOURCE_LABEL } = await import("../../services/figures.ts");
  const { regionReportText } = await import("../region-table.ts");
  const { withServices } = await import("../services.ts");
  await withServices(async ({ repos, services }) => {
    if (!isRegionCode(region) || (region !== NATION_CODE && !(await repos.regions.get(region)))) {
      throw new Error(
        `--region: no region with code "${region}"; expected a Kemendagri code such as 35, 35.03, 35.03.01 or 35.03.01.2001, or ${NATION_CODE} for the nation`,
      );
    }
    const report = await services.prevalence.report(OPERATOR, region, period);
    io.stdout.write(regionReportText(report, ROUTINE_SOURCE_LABEL));
  });
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      "age-unit": { type: "string" },
      weights: { type: "string" },
      format: { type: "string" },
      region: { type: "string" },
      period: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = values.format ?? "csv";
  if (format !== "csv" && format !== "id") throw new Error(`--format: found "${format}", expected csv or id`);

  if (values.region !== undefined || values.period !== undefined) {
    if (positionals.length) throw new Error("give either an input file or --region with --period, not both");
    if (!values.region || !values.period) {
      throw new Error("--region and --period go together, e.g. --region 35.03 --period 2025-08");
    }
    await printFromDatabase(values.region, values.period, io);
    return 0;
  }

  if (positionals.length !== 1) {
    io.stderr.write(`tumbuh prevalence: expected one input file, found ${positionals.length}\n\n${HELP}`);
    return 2;
  }
  const input = await readPrevalenceInput((await openText(positionals[0])) as AsyncIterable<string>, {
    ageUnit: parseAgeUnit(values["age-unit"]),
    weightsColumn: values.weights,
    onRowError: (row, message) => io.stderr.write(`row ${row}: ${message}\n`),
  });
  const rows = input.table;
  const weighted = values.weights !== undefined;
  const text =
    format === "id" ? prevalenceSummaryId(rows, weighted, positionals[0]) : prevalenceCsv(rows, weighted);
  if (values.out) {
    const out = createWriteStream(values.out);
    await new Promise<void>((resolve, reject) => out.end(text, () => resolve()).on("error", reject));
  } else {
    io.stdout.write(text);
  }
  io.stderr.write(
    `tumbuh prevalence: ${input.rows} rows read, ${input.used} used${input.badRows ? `, ${input.badRows} left out for errors` : ""}\n`,
  );
  return 0;
}
