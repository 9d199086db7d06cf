/**
 * `tumbuh prevalence` over a CSV: every row scored as `tumbuh zscore` scores it, then prevalence per
 * group as the WHO anthro package's `anthro_prevalence()` reports it, as a CSV with anthro's columns or
 * as a short Indonesian summary.
 */
import { normalizeHeader, parseDecimal } from "@tumbuh/core";
import {
  PREVALENCE_COLUMNS,
  PrevalenceAccumulator,
  type PrevalenceRow,
  prevalenceRowColumns,
} from "@tumbuh/growth";
import { csvField } from "./csv-io.ts";
import type { AgeUnit } from "./row.ts";
import { ScoringReader } from "./scoring-reader.ts";

export interface PrevalenceReadOptions {
  ageUnit: AgeUnit;
  /** Header of the sampling-weights column, if weights are used. */
  weightsColumn?: string;
  onRowError: (row: number, message: string) => void;
}

export interface PrevalenceInput {
  /** Prevalence per group of the rows used. */
  table: PrevalenceRow[];
  /** Data rows read, rows used, rows left out for errors. */
  rows: number;
  used: number;
  badRows: number;
}

/**
 * Reads and scores every row of a CSV stream into a streaming prevalence accumulator (memory stays flat).
 * Bad rows (and rows whose weight cannot be read) are reported and left out; which children count is the
 * growth engine's rule (anthro's).
 */
export async function readPrevalenceInput(
  text: AsyncIterable<string | Buffer>,
  options: PrevalenceReadOptions,
): Promise<PrevalenceInput> {
  const accumulator = new PrevalenceAccumulator();
  let used = 0;
  let weightIndex = -1;
  let weightName = "";
  let rows = 0;
  let badRows = 0;
  const keep = new Uint8Array(4096);
  const slotWeights = new Float64Array(4096);
  const scoring = new ScoringReader({
    ageUnit: options.ageUnit,
    onHeader: (header) => {
      if (!options.weightsColumn) return undefined;
      const wanted = normalizeHeader(options.weightsColumn);
      weightIndex = header.findIndex((h) => normalizeHeader(h) === wanted);
      weightName = header[weightIndex] ?? options.weightsColumn;
      if (weightIndex < 0) {
        return `--weights: no column "${options.weightsColumn}" in the header; found ${header.map((h) => `"${h}"`).join(", ")}`;
      }
      return undefined;
    },
    onRow: (fields, _raw, slot, errors) => {
      rows++;
      const problems = errors ? [...errors] : [];
      if (weightIndex >= 0) {
        const w = parseDecimal(fields[weightIndex] ?? "");
        if (!w.ok) problems.push(`field "${weightName}": ${w.error}`);
        else if (w.value !== undefined && w.value < 0)
          problems.push(`field "${weightName}": found ${w.value}, expected a weight of 0 or more`);
        slotWeights[slot] = w.ok && w.value !== undefined ? w.value : Number.NaN;
      }
      keep[slot] = problems.length ? 0 : 1;
      if (problems.length) {
        badRows++;
        options.onRowError(rows + 1, `${problems.join("; ")}; row left out`);
      }
    },
    onBatch: (o, count, input) => {
      for (let i = 0; i < count; i++) used += keep[i];
      accumulator.addBatch(input, o, count, weightIndex >= 0 ? slotWeights : undefined, keep);
    },
  });
  for await (const chunk of text) {
    const problem = scoring.feed(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    if (problem !== undefined) throw new Error(problem);
  }
  const problem = scoring.end();
  if (problem !== undefined) throw new Error(problem);
  return { table: accumulator.rows(), rows, used, badRows };
}

/** The prevalence table as CSV with anthro's column names (no SD columns when weighted, as anthro). */
export function prevalenceCsv(rows: readonly PrevalenceRow[], weighted: boolean): string {
  const columns = PREVALENCE_COLUMNS.filter((c) => !(weighted && c.endsWith("_stdev")));
  const lines = [columns.join(",")];
  for (const row of rows) {
    const values = prevalenceRowColumns(row);
    lines.push(columns.map((c) => (values[c] === undefined ? "" : csvField(String(values[c])))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

const percentId = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const countId = new Intl.NumberFormat("id-ID");

/** "16,4% (192 dari 1.172)" — or "16,4% (n = 1.172, tertimbang)" with weights, or "–" with no child. */
function rateText(rate: number | undefined, n: number, weighted: boolean): string {
  if (rate === undefined || n === 0) return "–";
  const pct = `${percentId.format(rate)}%`;
  if (weighted) return `${pct} (n = ${countId.format(n)}, tertimbang)`;
  return `${pct} (${countId.format(Math.round((rate * n) / 100))} dari ${countId.format(n)})`;
}

const GROUP_ID: Record<string, string> = {
  All: "Semua balita",
  "Sex: Female": "Perempuan",
  "Sex: Male": "Laki-laki",
};

/** Indonesian name of an anthro group ("Age group: 06-11 mo" -> "Umur 06-11 bulan"). */
function groupNameId(group: string): string {
  if (GROUP_ID[group]) return GROUP_ID[group];
  const age = /^Age group: (\d\d-\d\d) mo$/.exec(group);
  if (age) return `Umur ${age[1]} bulan`;
  const both = /^Age \+ sex: (\d\d-\d\d) mo\.(Female|Male)$/.exec(group);
  if (both) return `Umur ${both[1]} bulan, ${both[2] === "Female" ? "perempuan" : "laki-laki"}`;
  return group;
}

/**
 * A readable Indonesian summary: stunting (TB/U < −2 SD), wasting (BB/TB < −2 SD), underweight
 * (BB/U < −2 SD) and overweight (BB/TB > +2 SD) with counts, for all children, by sex and by age group.
 */
export function prevalenceSummaryId(
  rows: readonly PrevalenceRow[],
  weighted: boolean,
  source: string,
): string {
  const all = rows.find((r) => r.group === "All");
  const out: string[] = [];
  out.push("Prevalensi masalah gizi balita");
  out.push("Standar WHO 2006 (z-skor seperti paket WHO anthro), kategori Permenkes 2/2020.");
  out.push(`Sumber: ${source}${weighted ? " (dengan bobot sampel)" : ""}`);
  out.push("Nilai z yang tidak masuk akal (flag WHO) tidak dihitung; edema dihitung sebagai gizi buruk.");
  out.push("");
  if (all) {
    out.push(`Stunting (TB/U < −2 SD):           ${rateText(all.haz.below2, all.haz.unwpop, weighted)}`);
    out.push(`  sangat pendek (TB/U < −3 SD):    ${rateText(all.haz.below3, all.haz.unwpop, weighted)}`);
    out.push(`Wasting (BB/TB < −2 SD):           ${rateText(all.whz.below2, all.whz.unwpop, weighted)}`);
    out.push(`  gizi buruk (BB/TB < −3 SD):      ${rateText(all.whz.below3, all.whz.unwpop, weighted)}`);
    out.push(`Underweight (BB/U < −2 SD):        ${rateText(all.waz.below2, all.waz.unwpop, weighted)}`);
    out.push(`Overweight (BB/TB > +2 SD):        ${rateText(all.whz.above2, all.whz.unwpop, weighted)}`);
    out.push("");
  }
  out.push(
    "Menurut kelompok                    Stunting   Wasting    Underweight  Overweight   Balita (TB/U)",
  );
  for (const r of rows) {
    if (r.group === "All" || r.group.startsWith("Age + sex")) continue;
    const cell = (rate: number | undefined) =>
      (rate === undefined ? "–" : `${percentId.format(rate)}%`).padStart(8);
    out.push(
      `${groupNameId(r.group).padEnd(34)} ${cell(r.haz.below2)}   ${cell(r.whz.below2)}   ${cell(r.waz.below2)}     ${cell(r.whz.above2)}   ${countId.format(r.haz.unwpop).padStart(12)}`,
    );
  }
  return `${out.join("\n")}\n`;
}
