/** `tumbuh import FILE`: imports an e-PPGBM or district measurement file (CSV or XLSX). */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Repositories } from "../../db/repositories/index.ts";
import { importMeasurements, rejectionsCsv, summaryText } from "../../import/import.ts";
import { recordAudit } from "../../services/audit.ts";
import { ensureRegions } from "../../services/regions.ts";
import type { CliIo } from "../main.ts";
import { openCliDatabase } from "../services.ts";

const help = `Usage: tumbuh import FILE [--dry-run] [--district CODE] [--report PREFIX]

Imports children and measurements from a CSV (comma or semicolon) or XLSX file: the flat
e-PPGBM export, the e-PPGBM child and monitoring sheets, or a district's own columns. Place
names resolve within --district (e.g. 35.03) or the file's Kab/Kota column. The file lands
completely or not at all; importing it again changes nothing. --dry-run checks and reports
without writing. The summary goes to PREFIX.summary.txt and the rejected rows to
PREFIX.rejected.csv (default PREFIX: the file name).
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      "dry-run": { type: "boolean" },
      district: { type: "string" },
      report: { type: "string" },
    },
  });
  const file = positionals[0];
  if (values.help || !file) {
    io.stdout.write(help);
    return values.help ? 0 : 2;
  }
  const { database, keys } = await openCliDatabase();
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
    const prefix = values.report ?? file;
    const summary = summaryText(report);
    writeFileSync(`${prefix}.summary.txt`, summary);
    writeFileSync(`${prefix}.rejected.csv`, rejectionsCsv(report));
    io.stdout.write(summary);
    io.stdout.write(`report: ${prefix}.summary.txt, rejected rows: ${prefix}.rejected.csv\n`);
    return 0;
  } finally {
    await database.close();
  }
}
