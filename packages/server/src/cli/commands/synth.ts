/** `tumbuh synth`: a synthetic e-PPGBM file for a real district (demo and benchmarks). */
import { parseArgs } from "node:util";
import { Repositories } from "../../db/repositories/index.ts";
import { ensureRegions } from "../../services/regions.ts";
import { synthesizeDistrictFile } from "../../synth/district.ts";
import type { CliIo } from "../main.ts";
import { openCliDatabase } from "../services.ts";

const help = `Usage: tumbuh synth --district CODE --children N [--seed S] [--out FILE] [--end YYYY-MM] [--months M] [--semicolon]

Writes a flat e-PPGBM file (XLSX sheet RECORDS, or CSV) of N synthetic children of the district's
real villages, measured monthly over M months (default 12) ending in --end (default 2025-08).
The same seed gives the same file. Default output: synth-<CODE>.csv.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: "boolean", short: "h" },
      district: { type: "string" },
      children: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      end: { type: "string" },
      months: { type: "string" },
      semicolon: { type: "boolean" },
    },
  });
  if (values.help || !values.district || !values.children) {
    io.stdout.write(help);
    return values.help ? 0 : 2;
  }
  const children = Number(values.children);
  const seed = Number(values.seed ?? "1");
  const months = Number(values.months ?? "12");
  if (!Number.isInteger(children) || children < 1)
    throw new Error(`--children: found '${values.children}', expected a positive whole number`);
  if (!Number.isInteger(seed)) throw new Error(`--seed: found '${values.seed}', expected a whole number`);
  if (!Number.isInteger(months) || months < 1)
    throw new Error(`--months: found '${values.months}', expected a positive whole number`);
  if (values.end && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.end))
    throw new Error(`--end: found '${values.end}', expected YYYY-MM`);
  const out = values.out ?? `synth-${values.district}.csv`;
  const { database } = await openCliDatabase();
  try {
    const repos = new Repositories(database.db);
    await ensureRegions(database, repos);
    const n = await synthesizeDistrictFile(database, {
      district: values.district,
      children,
      seed,
      months,
      endMonth: values.end,
      out,
      semicolon: values.semicolon,
    });
    io.stdout.write(`wrote ${n} rows for ${children} children to ${out}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
