/**
 * The report of an import: what was read, rejected, created, updated and left unchanged, the
 * likely duplicates and the time each phase took; as the summary and rejections file users read.
 */
import { toCsv } from "@tumbuh/core";
import type { Rejection } from "./checked-row.ts";
import type { SheetKind } from "./columns.ts";

interface LikelyDuplicate {
  rowNo: number;
  name: string;
  birthDate: string;
  reason: string;
}

export interface ImportReport {
  importId: string | null;
  fileName: string;
  fileSha256: string;
  dryRun: boolean;
  districts: string[];
  sheets: { name: string; kind: SheetKind; rows: number; ignoredColumns: string[] }[];
  rowsRead: number;
  rowsRejected: number;
  childrenCreated: number;
  childrenUpdated: number;
  childrenUnchanged: number;
  measurementsAdded: number;
  measurementsUpdated: number;
  measurementsUnchanged: number;
  /** Measurements with an implausible value (WHO flag): imported, shown, left out of prevalence. */
  measurementsFlagged: number;
  /** Rows repeating a child and date already given higher up in the file (the last one counts). */
  rowsRepeated: number;
  /** Accepted rows written straight into the tables (children new to the database), and staged for the merge. */
  rowsWrittenDirectly: number;
  rowsStaged: number;
  puskesmasCreated: number;
  posyanduCreated: number;
  likelyDuplicates: LikelyDuplicate[];
  rejections: Rejection[];
  durationMs: number;
  /** Milliseconds until the file's rows were committed (the roll-up refresh follows; durationMs includes it). */
  landedMs: number;
  /** Milliseconds per phase (read and stage, merge, roll-ups), for benchmarks. */
  phases: Record<string, number>;
}

/** A report with nothing counted yet. */
export function emptyReport(fileName: string, dryRun: boolean): ImportReport {
  return {
    importId: null,
    fileName,
    fileSha256: "",
    dryRun,
    districts: [],
    sheets: [],
    rowsRead: 0,
    rowsRejected: 0,
    childrenCreated: 0,
    childrenUpdated: 0,
    childrenUnchanged: 0,
    measurementsAdded: 0,
    measurementsUpdated: 0,
    measurementsUnchanged: 0,
    measurementsFlagged: 0,
    rowsRepeated: 0,
    rowsWrittenDirectly: 0,
    rowsStaged: 0,
    puskesmasCreated: 0,
    posyanduCreated: 0,
    likelyDuplicates: [],
    rejections: [],
    durationMs: 0,
    landedMs: 0,
    phases: {},
  };
}

/** Times an import's phases into its report (milliseconds since the previous phase ended). */
export class PhaseClock {
  private readonly start = performance.now();
  private mark = this.start;

  constructor(private readonly report: ImportReport) {}

  /** Records the phase that just ended. */
  phase(name: string): void {
    const now = performance.now();
    this.report.phases[name] = Math.round(now - this.mark);
    this.mark = now;
  }

  /** Milliseconds since the import started. */
  elapsed(): number {
    return Math.round(performance.now() - this.start);
  }
}

/** The rejections as CSV (row, sheet, field, reason), as written next to the summary. */
export function rejectionsCsv(report: ImportReport): string {
  return toCsv(
    ["row", "sheet", "field", "reason"],
    report.rejections.map((r) => [r.rowNo, r.sheet, r.field, r.reason]),
  );
}

/** A short human summary of a report (Bahasa Indonesia labels with English). */
export function summaryText(report: ImportReport): string {
  const l = [
    `${report.dryRun ? "DRY RUN (nothing written)" : "imported"}: ${report.fileName}`,
    `districts: ${report.districts.join(", ") || "-"}`,
    `rows read: ${report.rowsRead}, rejected: ${report.rowsRejected}, repeated: ${report.rowsRepeated}`,
    `children created: ${report.childrenCreated}, updated: ${report.childrenUpdated}, unchanged: ${report.childrenUnchanged}`,
    `measurements added: ${report.measurementsAdded}, updated: ${report.measurementsUpdated}, unchanged: ${report.measurementsUnchanged}, flagged implausible: ${report.measurementsFlagged}`,
    `puskesmas created: ${report.puskesmasCreated}, posyandu created: ${report.posyanduCreated}`,
    `likely duplicates: ${report.likelyDuplicates.length}`,
  ];
  for (const sh of report.sheets) {
    if (sh.ignoredColumns.length)
      l.push(`sheet ${sh.name || "(csv)"}: columns not used: ${sh.ignoredColumns.join(", ")}`);
  }
  for (const d of report.likelyDuplicates.slice(0, 20))
    l.push(`  row ${d.rowNo}: ${d.name} (${d.birthDate}): ${d.reason}`);
  l.push(`time: ${(report.durationMs / 1000).toFixed(1)} s`);
  return `${l.join("\n")}\n`;
}
