/**
 * The report of an import: what was read, rejected, created, updated and left unchanged, the
 * likely duplicates, the measurements flagged implausible and the time each phase took; as the
 * summary and the files of rejected and flagged rows users read (Indonesian by default).
 */
import { CSV_EXCEL_ID, type CsvCell, type RowCode, rowMessageText, toCsv } from "@tumbuh/core";
import { FLAG_LIMITS } from "@tumbuh/growth";
import type { Rejection } from "./checked-row.ts";
import type { SheetKind } from "./columns.ts";

/** A row whose child may be one already known (not merged automatically): why, as a catalogue message. */
interface LikelyDuplicate {
  rowNo: number;
  name: string;
  birthDate: string;
  code: RowCode;
  params: Record<string, string | number>;
  /** The English text. */
  reason: string;
}

/** The message of a likely duplicate, with its English text. */
export function duplicateMessage(
  code: RowCode,
  params: Record<string, string | number>,
): Pick<LikelyDuplicate, "code" | "params" | "reason"> {
  return { code, params, reason: rowMessageText("en", code, params) };
}

/** An indicator a WHO flag is raised on, or `pos`: measured standing under 9 months. */
export type FlagIndicator = "len" | "wei" | "wfl" | "bmi" | "pos";

/** The indicators' names as Indonesian programmes write them (in both languages). */
export const FLAG_INDICATOR_LABEL: Record<FlagIndicator, string> = {
  len: "TB/U",
  wei: "BB/U",
  wfl: "BB/TB",
  bmi: "IMT/U",
  pos: "Cara ukur",
};

/** One WHO flag of an imported measurement: the row, child, indicator, z-score and the values measured. */
export interface FlaggedMeasurement {
  rowNo: number;
  name: string;
  indicator: FlagIndicator;
  /** The implausible z-score (two decimals); null for `pos`. */
  zscore: number | null;
  weight: number | null;
  lenhei: number | null;
  ageDays: number | null;
}

/** Flags a report keeps (all are counted); a file with more is far from plausible anyway. */
export const FLAGS_KEPT = 100_000;

/** The catalogue message of a flag (why the value is implausible). */
export function flagMessage(f: FlaggedMeasurement): {
  code: RowCode;
  params: Record<string, string | number>;
} {
  if (f.indicator === "pos" || f.zscore === null)
    return { code: "row.standingUnderNineMonths", params: { value: f.lenhei ?? "" } };
  const [min, max] = FLAG_LIMITS[f.indicator];
  return {
    code: "row.implausible",
    params: { indicator: FLAG_INDICATOR_LABEL[f.indicator], zscore: f.zscore, min, max },
  };
}

/** The value a flag is about, as a report writes it: the weight for BB/U, the length/height for TB/U, both otherwise. */
function flaggedValue(f: FlaggedMeasurement, lang: "id" | "en" = "id"): string {
  const n = (v: number | null, unit: string) =>
    v === null ? "" : `${lang === "id" ? String(v).replace(".", ",") : String(v)} ${unit}`;
  if (f.indicator === "wei") return n(f.weight, "kg");
  if (f.indicator === "len" || f.indicator === "pos") return n(f.lenhei, "cm");
  return [n(f.weight, "kg"), n(f.lenhei, "cm")].filter(Boolean).join(" / ");
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
  /** The WHO flags of the measurements (first FLAGS_KEPT), in row order; `flagsRaised` counts them all. */
  flags: FlaggedMeasurement[];
  flagsRaised: number;
  durationMs: number;
  /** Milliseconds until the file's rows were committed, with the roll-ups refreshed in the same transaction. */
  landedMs: number;
  /** Districts whose figures were computed from the rows as written, not read back (rollup-refresh.ts). */
  figuresFromRows: string[];
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
    flags: [],
    flagsRaised: 0,
    durationMs: 0,
    landedMs: 0,
    figuresFromRows: [],
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

/** Adds flags to the report (kept up to FLAGS_KEPT, all counted). */
export function addFlags(report: ImportReport, flags: readonly FlaggedMeasurement[]): void {
  report.flagsRaised += flags.length;
  const room = FLAGS_KEPT - report.flags.length;
  if (room > 0) report.flags.push(...(flags.length > room ? flags.slice(0, room) : flags));
}

type Lang = "id" | "en";

const REJECTION_HEADERS: Record<Lang, string[]> = {
  id: ["Baris", "Sheet", "Kolom", "Nilai", "Alasan"],
  en: ["Row", "Sheet", "Column", "Value", "Reason"],
};

const FLAG_HEADERS: Record<Lang, string[]> = {
  id: [
    "Baris",
    "Nama anak",
    "Indikator",
    "Z-skor",
    "Nilai",
    "Berat (kg)",
    "Panjang/tinggi (cm)",
    "Umur (hari)",
    "Alasan",
  ],
  en: [
    "Row",
    "Child",
    "Indicator",
    "Z-score",
    "Value",
    "Weight (kg)",
    "Length/height (cm)",
    "Age (days)",
    "Reason",
  ],
};

/** The rejected rows as a table (row, sheet, column, value, reason) in `lang`. */
function rejectionsTable(report: ImportReport, lang: Lang = "id"): { headers: string[]; rows: CsvCell[][] } {
  return {
    headers: REJECTION_HEADERS[lang],
    rows: report.rejections.map((r) => [
      r.rowNo,
      r.sheet,
      r.field,
      r.value,
      rowMessageText(lang, r.code, r.params),
    ]),
  };
}

/** The flagged measurements as a table (row, child, indicator, z-score, value, measurements, reason) in `lang`. */
export function flagsTable(
  report: ImportReport,
  lang: Lang = "id",
): { headers: string[]; rows: CsvCell[][] } {
  return {
    headers: FLAG_HEADERS[lang],
    rows: report.flags.map((f) => {
      const m = flagMessage(f);
      return [
        f.rowNo,
        f.name,
        FLAG_INDICATOR_LABEL[f.indicator],
        f.zscore,
        flaggedValue(f, lang),
        f.weight,
        f.lenhei,
        f.ageDays,
        rowMessageText(lang, m.code, m.params),
      ];
    }),
  };
}

/** The rejections as CSV for Excel set to Indonesian (semicolon, decimal comma), as the report folder holds them. */
export function rejectionsCsv(report: ImportReport, lang: Lang = "id"): string {
  const t = rejectionsTable(report, lang);
  return toCsv(t.headers, t.rows, CSV_EXCEL_ID);
}

/** The flagged measurements as CSV for Excel set to Indonesian (semicolon, decimal comma). */
export function flagsCsv(report: ImportReport, lang: Lang = "id"): string {
  const t = flagsTable(report, lang);
  return toCsv(t.headers, t.rows, CSV_EXCEL_ID);
}

const SUMMARY = {
  id: {
    dryRun: "UJI COBA (tidak ada yang disimpan)",
    imported: "diimpor",
    districts: "kabupaten/kota",
    rows: (r: ImportReport) =>
      `baris dibaca: ${r.rowsRead}, ditolak: ${r.rowsRejected}, berulang: ${r.rowsRepeated}`,
    children: (r: ImportReport) =>
      `anak baru: ${r.childrenCreated}, diperbarui: ${r.childrenUpdated}, tidak berubah: ${r.childrenUnchanged}`,
    measurements: (r: ImportReport) =>
      `pengukuran baru: ${r.measurementsAdded}, diperbarui: ${r.measurementsUpdated}, tidak berubah: ${r.measurementsUnchanged}, ditandai tidak masuk akal: ${r.measurementsFlagged}`,
    facilities: (r: ImportReport) =>
      `puskesmas baru: ${r.puskesmasCreated}, posyandu baru: ${r.posyanduCreated}`,
    duplicates: "kemungkinan duplikat",
    unused: "kolom tidak dipakai",
    rejected: "baris ditolak",
    flagged: "nilai ditandai (bendera WHO)",
    row: "baris",
    more: (n: number) => `… dan ${n} lagi (lihat berkas laporan: --report FOLDER)`,
    time: "waktu",
  },
  en: {
    dryRun: "DRY RUN (nothing written)",
    imported: "imported",
    districts: "districts",
    rows: (r: ImportReport) =>
      `rows read: ${r.rowsRead}, rejected: ${r.rowsRejected}, repeated: ${r.rowsRepeated}`,
    children: (r: ImportReport) =>
      `children created: ${r.childrenCreated}, updated: ${r.childrenUpdated}, unchanged: ${r.childrenUnchanged}`,
    measurements: (r: ImportReport) =>
      `measurements added: ${r.measurementsAdded}, updated: ${r.measurementsUpdated}, unchanged: ${r.measurementsUnchanged}, flagged implausible: ${r.measurementsFlagged}`,
    facilities: (r: ImportReport) =>
      `puskesmas created: ${r.puskesmasCreated}, posyandu created: ${r.posyanduCreated}`,
    duplicates: "likely duplicates",
    unused: "columns not used",
    rejected: "rejected rows",
    flagged: "flagged values (WHO flags)",
    row: "row",
    more: (n: number) => `… and ${n} more (see the report files: --report DIR)`,
    time: "time",
  },
} as const;

/** Lines listed per part of the summary (the report files hold them all). */
const LISTED = 20;

/** A short human summary of a report, in Bahasa Indonesia (default) or English. */
export function summaryText(report: ImportReport, lang: Lang = "id"): string {
  const w = SUMMARY[lang];
  const l = [
    `${report.dryRun ? w.dryRun : w.imported}: ${report.fileName}`,
    `${w.districts}: ${report.districts.join(", ") || "-"}`,
    w.rows(report),
    w.children(report),
    w.measurements(report),
    w.facilities(report),
    `${w.duplicates}: ${report.likelyDuplicates.length}`,
  ];
  for (const sh of report.sheets) {
    if (sh.ignoredColumns.length)
      l.push(`sheet ${sh.name || "(csv)"}: ${w.unused}: ${sh.ignoredColumns.join(", ")}`);
  }
  for (const d of report.likelyDuplicates.slice(0, LISTED))
    l.push(`  ${w.row} ${d.rowNo}: ${d.name} (${d.birthDate}): ${rowMessageText(lang, d.code, d.params)}`);
  if (report.likelyDuplicates.length > LISTED) l.push(`  ${w.more(report.likelyDuplicates.length - LISTED)}`);
  if (report.rejections.length > 0) {
    l.push(`${w.rejected}:`);
    for (const r of report.rejections.slice(0, LISTED))
      l.push(`  ${w.row} ${r.rowNo}: ${rowMessageText(lang, r.code, r.params)}`);
    if (report.rejections.length > LISTED) l.push(`  ${w.more(report.rejections.length - LISTED)}`);
  }
  if (report.flagsRaised > 0) {
    l.push(`${w.flagged}: ${report.flagsRaised}`);
    for (const f of report.flags.slice(0, LISTED)) {
      const m = flagMessage(f);
      l.push(
        `  ${w.row} ${f.rowNo}: ${f.name}: ${flaggedValue(f, lang)}: ${rowMessageText(lang, m.code, m.params)}`,
      );
    }
    if (report.flagsRaised > LISTED) l.push(`  ${w.more(report.flagsRaised - LISTED)}`);
  }
  l.push(`${w.time}: ${(report.durationMs / 1000).toFixed(1)} s`);
  return `${l.join("\n")}\n`;
}
