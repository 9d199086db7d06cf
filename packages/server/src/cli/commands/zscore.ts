/** `tumbuh zscore INPUT.csv [--out FILE] [--age-unit days|months]`: z-scores for every row of a CSV. */
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { openText } from "../../anthro-csv/csv-io.ts";
import type { AgeUnit } from "../../anthro-csv/row.ts";
import { zscoreFileParallel } from "../../anthro-csv/zscore-parallel.ts";
import { createZScoreStream, type ZScoreStats } from "../../anthro-csv/zscore-stream.ts";
import type { CliIo } from "../main.ts";

const HELP = `Usage: tumbuh zscore INPUT.csv [--out FILE] [--age-unit days|months]

Computes WHO Child Growth Standards z-scores (as the WHO anthro package does), implausibility flags and
Permenkes 2/2020 categories for every row. Input columns (any order, any case): sex, age, weight, lenhei,
measure, oedema, headc, armc, triskin, subskin — or jenis_kelamin (L/P), tanggal_lahir + tanggal_ukur,
berat, tinggi, cara_ukur (telentang/berdiri), lingkar_kepala, lila. Output: every input column, then
age_days, clenhei, cbmi, c9mo_flag, zlen, flen, ... fss, status_tbu, status_bbu, status_bbtb, status_imtu.
Writes to stdout unless --out is given. Bad rows get empty results and a line on stderr.
--threads N scores on N threads (default 1; several threads do not yet beat one on 2 cores).
`;

/** Parses --threads: a whole number from 1 to 64. */
export function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`--threads: found "${value}", expected a whole number from 1 to 64`);
  return n;
}

/** Parses --age-unit, failing with the accepted values. */
export function parseAgeUnit(value: string | undefined): AgeUnit {
  if (value === undefined || value === "days") return "days";
  if (value === "months") return "months";
  throw new Error(`--age-unit: found "${value}", expected days or months`);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      "age-unit": { type: "string" },
      threads: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr.write(`tumbuh zscore: expected one input file, found ${positionals.length}\n\n${HELP}`);
    return 2;
  }
  const ageUnit = parseAgeUnit(values["age-unit"]);
  const path = positionals[0];
  const onRowError = (row: number, message: string) =>
    io.stderr.write(`row ${row}: ${message}; results left empty\n`);
  const input = await openText(path); // fails early, with a readable message, on a missing file
  const threads = parseThreads(values.threads) ?? 1;
  const file = values.out ? createWriteStream(values.out) : undefined;
  const out = file ?? io.stdout;
  let stats: ZScoreStats;
  if (threads > 1) {
    (input as NodeJS.ReadableStream & { destroy(): void }).destroy();
    stats = await zscoreFileParallel(path, out, { ageUnit, threads, onRowError });
    if (file) await new Promise<void>((resolve, reject) => file.on("error", reject).end(() => resolve()));
  } else {
    const scoring = createZScoreStream({ ageUnit, onRowError });
    stats = scoring.stats;
    await pipeline(input, scoring.stream, out, { end: values.out !== undefined });
  }
  io.stderr.write(
    `tumbuh zscore: ${stats.rows} rows scored${stats.badRows ? `, ${stats.badRows} with errors (results left empty)` : ""}\n`,
  );
  return 0;
}
