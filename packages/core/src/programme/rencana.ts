/**
 * The integrated activity plan (rencana kegiatan, aksi 2–5) as a district keeps it: one row per
 * activity with its agency (OPD), program → kegiatan → sub-kegiatan codes and names of the regional
 * budget nomenclature (Kepmendagri 050-5889), intervention type, indicator served, Stranas pillar,
 * target villages, volume and unit, pagu per funding source, schedule, and the realisation entered
 * during the year. The same columns are the XLSX export and the import (ACTIVITY_COLUMNS), so an
 * exported file can be edited and imported again.
 *
 * Nomenclature codes: the sources in shared/domain do not give the code format, so a code is
 * checked only as digits (or X) separated by dots, with each level extending the one above
 * (kegiatan = program + more parts, sub-kegiatan = kegiatan + more parts) — e.g. program 1.02.02,
 * kegiatan 1.02.02.2.02, sub-kegiatan 1.02.02.2.02.0034 [mem].
 */
import { z } from "zod";
import { type UserMessage, userMessage } from "../messages.ts";
import { normalizeHeader } from "../parse.ts";
import { type BudgetActivity, BudgetAmounts, FUNDING_SOURCES, type FundingSource } from "./budget.ts";

const CODE = /^[0-9X]+(\.[0-9X]+)*$/i;
const Code = (what: string) =>
  z
    .string()
    .trim()
    .regex(CODE, `expected a ${what} code of digits separated by dots, such as 1.02.02`)
    .max(40);
const Text = (max: number) => z.string().trim().max(max);
const VILLAGE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const Month = z.number().int().min(1, "expected a month 1–12").max(12, "expected a month 1–12");

export const PlanIntervention = z.enum(["spesifik", "sensitif", "koordinatif"]);

export const PlanActivity = z
  .object({
    opd: Text(200).min(1, "expected the agency (OPD)"),
    programCode: Code("program"),
    programName: Text(300),
    kegiatanCode: Code("kegiatan"),
    kegiatanName: Text(300),
    subKegiatanCode: Code("sub-kegiatan"),
    subKegiatanName: Text(300),
    name: Text(500).min(1, "expected the activity's name"),
    intervention: PlanIntervention,
    indicatorCode: z.string().trim().min(1).max(40).nullable(),
    pillar: z.number().int().min(1, "expected a pillar 1–5").max(5, "expected a pillar 1–5"),
    villages: z
      .array(
        z.object({
          code: z.string().regex(VILLAGE, "expected a village code such as 35.03.01.2001"),
          pagu: z.number().int().nonnegative().optional(),
        }),
      )
      .max(1000),
    volume: z.number().nonnegative().nullable(),
    unit: Text(50),
    pagu: BudgetAmounts,
    realisasi: BudgetAmounts,
    volumeDone: z.number().nonnegative().nullable(),
    startMonth: Month,
    endMonth: Month,
  })
  .superRefine((a, ctx) => {
    if (!a.kegiatanCode.startsWith(`${a.programCode}.`))
      ctx.addIssue({
        code: "custom",
        path: ["kegiatanCode"],
        message: `kegiatan ${a.kegiatanCode} is not under program ${a.programCode}; expected a code starting ${a.programCode}.`,
        params: userMessage("aksi.planKegiatanNotUnder", { code: a.kegiatanCode, parent: a.programCode }),
      });
    if (!a.subKegiatanCode.startsWith(`${a.kegiatanCode}.`))
      ctx.addIssue({
        code: "custom",
        path: ["subKegiatanCode"],
        message: `sub-kegiatan ${a.subKegiatanCode} is not under kegiatan ${a.kegiatanCode}; expected a code starting ${a.kegiatanCode}.`,
        params: userMessage("aksi.planSubKegiatanNotUnder", {
          code: a.subKegiatanCode,
          parent: a.kegiatanCode,
        }),
      });
    if (a.endMonth < a.startMonth)
      ctx.addIssue({
        code: "custom",
        path: ["endMonth"],
        message: `found month ${a.endMonth}, expected a month not before the start month ${a.startMonth}`,
        params: userMessage("aksi.planEndBeforeStart", { value: a.endMonth, start: a.startMonth }),
      });
    const seen = new Set<string>();
    for (const v of a.villages) {
      if (seen.has(v.code))
        ctx.addIssue({
          code: "custom",
          path: ["villages"],
          message: `village ${v.code} is listed twice`,
          params: userMessage("aksi.planVillageTwice", { village: v.code }),
        });
      seen.add(v.code);
    }
  });
export type PlanActivity = z.infer<typeof PlanActivity>;

/** The activity in the shape of the budget summaries (budget.ts). */
export function toBudgetActivity(id: string, a: PlanActivity): BudgetActivity {
  return {
    id,
    name: a.name,
    opd: a.opd,
    program: a.programCode,
    kegiatan: a.kegiatanCode,
    subKegiatan: a.subKegiatanCode,
    pillar: a.pillar,
    intervention: a.intervention,
    indicatorCode: a.indicatorCode,
    villages: a.villages,
    pagu: a.pagu,
    realisasi: a.realisasi,
  };
}

type Field = keyof PlanActivity | `pagu.${FundingSource}` | `realisasi.${FundingSource}`;

/** The columns of the plan's sheet, in order: the field, its header and other headers accepted. */
export const ACTIVITY_COLUMNS: readonly {
  field: Field;
  header: string;
  aliases: string[];
  required: boolean;
}[] = [
  { field: "opd", header: "OPD", aliases: ["Perangkat Daerah", "SKPD", "Dinas"], required: true },
  { field: "programCode", header: "Kode Program", aliases: [], required: true },
  { field: "programName", header: "Program", aliases: ["Nama Program"], required: false },
  { field: "kegiatanCode", header: "Kode Kegiatan", aliases: [], required: true },
  { field: "kegiatanName", header: "Kegiatan", aliases: ["Nama Kegiatan"], required: false },
  { field: "subKegiatanCode", header: "Kode Sub Kegiatan", aliases: ["Kode Subkegiatan"], required: true },
  {
    field: "subKegiatanName",
    header: "Sub Kegiatan",
    aliases: ["Subkegiatan", "Nama Sub Kegiatan"],
    required: false,
  },
  {
    field: "name",
    header: "Rincian Kegiatan",
    aliases: ["Nama Aktivitas", "Aktivitas", "Uraian"],
    required: true,
  },
  { field: "intervention", header: "Intervensi", aliases: ["Jenis Intervensi"], required: true },
  { field: "indicatorCode", header: "Kode Indikator", aliases: ["Indikator"], required: false },
  { field: "pillar", header: "Pilar", aliases: ["Pilar Stranas"], required: true },
  { field: "villages", header: "Desa Sasaran", aliases: ["Lokasi", "Desa Lokasi"], required: false },
  { field: "volume", header: "Volume", aliases: ["Target Volume"], required: false },
  { field: "unit", header: "Satuan", aliases: [], required: false },
  { field: "pagu.apbd", header: "Pagu APBD", aliases: ["APBD"], required: false },
  { field: "pagu.dak", header: "Pagu DAK", aliases: ["DAK"], required: false },
  { field: "pagu.dana_desa", header: "Pagu Dana Desa", aliases: ["Dana Desa"], required: false },
  { field: "pagu.lainnya", header: "Pagu Lainnya", aliases: ["Sumber Lain"], required: false },
  { field: "startMonth", header: "Bulan Mulai", aliases: [], required: false },
  { field: "endMonth", header: "Bulan Selesai", aliases: [], required: false },
  { field: "realisasi.apbd", header: "Realisasi APBD", aliases: [], required: false },
  { field: "realisasi.dak", header: "Realisasi DAK", aliases: [], required: false },
  { field: "realisasi.dana_desa", header: "Realisasi Dana Desa", aliases: [], required: false },
  { field: "realisasi.lainnya", header: "Realisasi Lainnya", aliases: [], required: false },
  { field: "volumeDone", header: "Volume Realisasi", aliases: [], required: false },
];

type SheetCell = string | number | Date | null | undefined;
export interface ActivityRowError {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  rowNo: number;
  /** The column's header. */
  field: string;
  /** What was found and what was expected, in English (API clients, logs). */
  message: string;
  /** The same as a catalogue message, for the user in their language. */
  userMessage: UserMessage;
}

/** A wrong cell: the English text and the catalogue message. */
interface CellProblem {
  message: string;
  userMessage: UserMessage;
}

const headerOf = (field: string) => ACTIVITY_COLUMNS.find((c) => c.field === field)?.header ?? field;
const text = (c: SheetCell) =>
  c === null || c === undefined ? "" : c instanceof Date ? "" : String(c).trim();

/**
 * Whole rupiah from a cell: a number, or text such as 150000000, 150.000.000, 150,000,000,
 * "Rp 150.000.000,00"; undefined when blank; an error message otherwise.
 */
export function parseRupiah(
  cell: SheetCell,
): { ok: true; value: number | undefined } | { ok: false; error: CellProblem } {
  const expected = "expected whole rupiah such as 150000000 or 150.000.000";
  if (typeof cell === "number")
    return Number.isInteger(cell) && cell >= 0
      ? { ok: true, value: cell }
      : {
          ok: false,
          error: {
            message: `found ${cell}, ${expected}`,
            userMessage: userMessage("aksi.planNotRupiah", { value: cell }),
          },
        };
  const t = text(cell)
    .replace(/^rp\.?\s*/i, "")
    .replace(/\s/g, "");
  if (t === "" || t === "-") return { ok: true, value: undefined };
  let digits: string | null = null;
  if (/^\d+$/.test(t)) digits = t;
  else if (/^\d{1,3}(\.\d{3})+(,0{1,2})?$/.test(t)) digits = t.replace(/,0+$/, "").replace(/\./g, "");
  else if (/^\d{1,3}(,\d{3})+(\.0{1,2})?$/.test(t)) digits = t.replace(/\.0+$/, "").replace(/,/g, "");
  return digits === null
    ? {
        ok: false,
        error: {
          message: `found "${text(cell)}", ${expected}`,
          userMessage: userMessage("aksi.planNotRupiah", { value: text(cell) }),
        },
      }
    : { ok: true, value: Number(digits) };
}

function parseNumber(
  cell: SheetCell,
): { ok: true; value: number | null } | { ok: false; error: CellProblem } {
  if (typeof cell === "number") return { ok: true, value: cell };
  const t = text(cell);
  if (t === "" || t === "-") return { ok: true, value: null };
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n)
    ? { ok: true, value: n }
    : {
        ok: false,
        error: {
          message: `found "${t}", expected a number`,
          userMessage: userMessage("aksi.planNotNumber", { value: t }),
        },
      };
}

/** "35.03.01.2001; 35.03.01.2002=5000000": village codes, each with its own pagu when given. */
function parseVillages(
  cell: SheetCell,
): { ok: true; value: PlanActivity["villages"] } | { ok: false; error: CellProblem } {
  const items = text(cell)
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: PlanActivity["villages"] = [];
  for (const item of items) {
    const [code, amount] = item.split("=").map((s) => s.trim());
    if (!VILLAGE.test(code))
      return {
        ok: false,
        error: {
          message: `found "${code}", expected village codes such as 35.03.01.2001 separated by ;`,
          userMessage: userMessage("aksi.planNotVillageCode", { value: code }),
        },
      };
    if (amount === undefined) out.push({ code });
    else {
      const p = parseRupiah(amount);
      if (!p.ok || p.value === undefined)
        return {
          ok: false,
          error: {
            message: `village ${code}: ${p.ok ? "no amount after =" : p.error.message}`,
            userMessage: p.ok
              ? userMessage("aksi.planVillageNoAmount", { village: code })
              : userMessage("aksi.planVillageNotRupiah", { village: code, value: amount }),
          },
        };
      out.push({ code, pagu: p.value });
    }
  }
  return { ok: true, value: out };
}

/** The catalogue message of a check of PlanActivity that failed on the column of `field`. */
function issueMessage(issue: z.core.$ZodIssue, field: string, value: string): UserMessage {
  if (issue.code === "custom" && issue.params && typeof issue.params.key === "string")
    return issue.params as UserMessage;
  if (issue.code === "too_big" && field === "villages")
    return userMessage("aksi.planTooManyVillages", { max: Number(issue.maximum) });
  if (issue.code === "too_big" && issue.origin === "string")
    return userMessage("aksi.planTooLong", { max: Number(issue.maximum) });
  if (issue.code === "too_small" && issue.origin === "string") return userMessage("aksi.planRequired");
  if (field === "startMonth" || field === "endMonth") return userMessage("aksi.planNotMonth", { value });
  if (/Code$/.test(field) && issue.code === "invalid_format")
    return userMessage("aksi.planNotCode", { value });
  if (issue.code === "too_small") return userMessage("aksi.planNegative", { value });
  return userMessage("aksi.planInvalid", { value });
}

/** The sheet row of an activity, in the order of ACTIVITY_COLUMNS (for the XLSX export). */
export function activityToRow(a: PlanActivity): (string | number | null)[] {
  return ACTIVITY_COLUMNS.map(({ field }) => {
    if (field.startsWith("pagu.")) return a.pagu[field.slice(5) as FundingSource] ?? 0;
    if (field.startsWith("realisasi.")) return a.realisasi[field.slice(10) as FundingSource] ?? 0;
    if (field === "villages")
      return a.villages.map((v) => (v.pagu === undefined ? v.code : `${v.code}=${v.pagu}`)).join("; ");
    const v = a[field as keyof PlanActivity];
    return v === null || v === undefined ? null : (v as string | number);
  });
}

/** What the rows of a plan sheet are checked against. */
export interface ActivitySheetContext {
  /** The district's village codes. */
  villages: ReadonlySet<string>;
  /** Indicator codes that may be served. */
  indicators: ReadonlySet<string>;
}

/**
 * Reads the rows of a plan sheet into activities, or the errors of every row (row number, column,
 * what was found and what was expected). Rows with every cell blank are skipped. Columns are found
 * by header (case, spaces and punctuation ignored; ACTIVITY_COLUMNS' aliases accepted).
 */
export function parseActivitySheet(
  header: readonly string[],
  rows: readonly { rowNo: number; cells: readonly SheetCell[] }[],
  context: ActivitySheetContext,
): { activities: { rowNo: number; activity: PlanActivity }[]; errors: ActivityRowError[] } {
  const norm = header.map((h) => normalizeHeader(String(h ?? "")));
  const index = new Map<Field, number>();
  const errors: ActivityRowError[] = [];
  for (const col of ACTIVITY_COLUMNS) {
    const i = norm.findIndex((h) => [col.header, ...col.aliases].some((n) => normalizeHeader(n) === h));
    if (i >= 0) index.set(col.field, i);
    else if (col.required) {
      const expected = ACTIVITY_COLUMNS.map((c) => c.header).join(", ");
      errors.push({
        rowNo: 1,
        field: col.header,
        message: `the column ${col.header} is missing; expected the header row ${expected}`,
        userMessage: userMessage("aksi.planColumnMissing", { column: col.header, expected }),
      });
    }
  }
  if (errors.length) return { activities: [], errors };
  const activities: { rowNo: number; activity: PlanActivity }[] = [];
  for (const row of rows) {
    if (row.cells.every((c) => text(c) === "")) continue;
    const cell = (f: Field) => {
      const i = index.get(f);
      return i === undefined ? null : row.cells[i];
    };
    const rowErrors: ActivityRowError[] = [];
    const fail = (f: string, problem: CellProblem) =>
      rowErrors.push({ rowNo: row.rowNo, field: headerOf(f), ...problem });
    const amounts = (kind: "pagu" | "realisasi") => {
      const out: Partial<Record<FundingSource, number>> = {};
      for (const s of FUNDING_SOURCES) {
        const p = parseRupiah(cell(`${kind}.${s}`));
        if (!p.ok) fail(`${kind}.${s}`, p.error);
        else if (p.value !== undefined && p.value > 0) out[s] = p.value;
      }
      return out;
    };
    const num = (f: Field) => {
      const p = parseNumber(cell(f));
      if (!p.ok) fail(f, p.error);
      return p.ok ? p.value : null;
    };
    const intervention = text(cell("intervention")).toLowerCase();
    if (!PlanIntervention.options.includes(intervention as "spesifik"))
      fail("intervention", {
        message: `found "${text(cell("intervention"))}", expected spesifik, sensitif or koordinatif`,
        userMessage: userMessage("aksi.planNotIntervention", { value: text(cell("intervention")) }),
      });
    const pillarText = text(cell("pillar")).replace(/^pilar\s*/i, "");
    const pillar = Number(pillarText);
    const indicator = text(cell("indicatorCode")).toUpperCase() || null;
    if (indicator !== null && !context.indicators.has(indicator))
      fail("indicatorCode", {
        message: `found "${indicator}", expected an indicator code such as SPE7 or SEN5`,
        userMessage: userMessage("aksi.planUnknownIndicator", { value: indicator }),
      });
    const villages = parseVillages(cell("villages"));
    if (!villages.ok) fail("villages", villages.error);
    else
      for (const v of villages.value)
        if (!context.villages.has(v.code))
          fail("villages", {
            message: `village ${v.code} is not a village of this district`,
            userMessage: userMessage("aksi.planVillageOutside", { village: v.code }),
          });
    const candidate = {
      opd: text(cell("opd")),
      programCode: text(cell("programCode")),
      programName: text(cell("programName")),
      kegiatanCode: text(cell("kegiatanCode")),
      kegiatanName: text(cell("kegiatanName")),
      subKegiatanCode: text(cell("subKegiatanCode")),
      subKegiatanName: text(cell("subKegiatanName")),
      name: text(cell("name")),
      intervention,
      indicatorCode: indicator,
      pillar: pillarText === "" ? Number.NaN : pillar,
      villages: villages.ok ? villages.value : [],
      volume: num("volume"),
      unit: text(cell("unit")),
      pagu: amounts("pagu"),
      realisasi: amounts("realisasi"),
      volumeDone: num("volumeDone"),
      startMonth: num("startMonth") ?? 1,
      endMonth: num("endMonth") ?? 12,
    };
    const parsed = PlanActivity.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const f = issue.path
          .slice(0, issue.path[0] === "pagu" || issue.path[0] === "realisasi" ? 2 : 1)
          .join(".");
        if (f === "intervention" && rowErrors.some((e) => e.field === headerOf("intervention"))) continue;
        if (f === "pillar")
          fail(f, {
            message: `found "${text(cell("pillar"))}", expected a pillar 1–5`,
            userMessage: userMessage("aksi.planNotPillar", { value: text(cell("pillar")) }),
          });
        else fail(f, { message: issue.message, userMessage: issueMessage(issue, f, text(cell(f as Field))) });
      }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) activities.push({ rowNo: row.rowNo, activity: parsed.data });
  }
  return { activities, errors };
}
