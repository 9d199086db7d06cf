/** `tumbuh import FILE`: imports an e-PPGBM or district measurement file (CSV or XLSX). */
import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Repositories } from "../../db/repositories/index.ts";
import { flagsCsv, importMeasurements, rejectionsCsv, summaryText } from "../../import/import.ts";
import { recordAudit } from "../../services/audit.ts";
import { ensureRegions } from "../../services/regions.ts";
import type { CliIo } from "../main.ts";
import { openCliDatabase } from "../services.ts";

const help = `Usage: tumbuh import FILE [--dry-run] [--district CODE] [--report DIR] [--lang id|en]

Imports children and measurements from a CSV (comma or semicolon) or XLSX file: the flat
e-PPGBM export, the e-PPGBM child and monitoring sheets, or a district's own columns. Place
names resolve within --district (e.g. 35.03) or the file's Kab/Kota column. The file lands
completely or not at all; importing it again changes nothing. --dry-run checks and reports
without writing. The summary (rejected rows, likely duplicates and values flagged implausible,
the first 20 of each) is printed in Bahasa Indonesia (--lang en: English). With --report DIR
(created if missing) the folder also gets NAME.summary.txt, NAME.rejected.csv and
NAME.flagged.csv with every row (CSV for Excel set to Indonesian: semicolons, decimal commas);
without it nothing is written beside the file. The embedded database runs on a thread of its
own while the file is read (TUMBUH_PGLITE_THREAD=0: on the command's thread).
`;

/**
 * The report folder, created when missing; an error naming it and what is wrong when it cannot
 * be written (checked before the import starts, not after it).
 */
function reportFolder(dir: string): string {
  const path = resolve(dir);
  if (existsSync(path) && !statSync(path).isDirectory())
    throw new Error(`--report: ${path} bukan folder / is not a folder; expected a folder you may write to`);
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    throw new Error(
      `--report: folder ${path} tidak dapat dibuat / cannot be created (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); expected a folder you may write to`,
    );
  }
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new Error(
      `--report: folder ${path} tidak dapat ditulisi / is not writable; expected a folder you may write to`,
    );
  }
  return path;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      "dry-run": { type: "boolean" },
      district: { type: "string" },
      report: { type: "string" },
      lang: { type: "string" },
    },
  });
  const file = positionals[0];
  if (values.help || !file) {
    io.stdout.write(help);
    return values.help ? 0 : 2;
  }
  const lang = values.lang ?? "id";
  if (lang !== "id" && lang !== "en") throw new Error(`--lang: found '${lang}', expected id or en`);
  const folder = values.report === undefined ? undefined : reportFolder(values.report);
  // The embedded database writes one batch on its thread while this one reads the next: a
  // 1,000,000-row file imported in 18–19 s instead of 22–29 s (TUMBUH_PGLITE_THREAD=0: one thread).
  const { database, keys } = await openCliDatabase({ thread: process.env.TUMBUH_PGLITE_THREAD !== "0" });
  try {
    await ensureRegions(database, new Repositories(database.db));
    const report = await importMeasurements(database, file, {
      dryRun: values["dry-run"],
      district: values.district,
      keys,
      // The import's audit entry lands with its data (in its transaction) or not at all.
      beforeCommit: (tx, r) =>
        recordAudit(tx, {
          actor: null,
          action: "import",
          entity: "import",
          entityId: r.importId,
          regionCode: r.districts.length === 1 ? r.districts[0] : (values.district ?? null),
          after: {
            fileName: r.fileName,
            fileSha256: r.fileSha256,
            source: "cli",
            rowsRead: r.rowsRead,
            childrenCreated: r.childrenCreated,
            measurementsAdded: r.measurementsAdded,
            rejected: r.rowsRejected,
          },
        }),
    });
    const summary = summaryText(report, lang);
    io.stdout.write(summary);
    if (folder) {
      const name = basename(file, extname(file));
      const files = {
        summary: join(folder, `${name}.summary.txt`),
        rejected: join(folder, `${name}.rejected.csv`),
        flagged: join(folder, `${name}.flagged.csv`),
      };
      writeFileSync(files.summary, summary);
      writeFileSync(files.rejected, rejectionsCsv(report, lang));
      writeFileSync(files.flagged, flagsCsv(report, lang));
      io.stdout.write(
        lang === "id"
          ? `laporan: ${files.summary}, baris ditolak: ${files.rejected}, nilai ditandai: ${files.flagged}\n`
          : `report: ${files.summary}, rejected rows: ${files.rejected}, flagged values: ${files.flagged}\n`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}
