/**
 * Reads the validation CSV files kept in packages/growth/data/validation/ (for tests only;
 * not exported from the package).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AnthroInput, MeasurePosition, Sex } from "../zscores.ts";

const validationDir = join(import.meta.dirname, "..", "..", "data", "validation");

/** Splits one CSV line with optional double quotes (no embedded newlines in these files). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Reads a validation CSV into records keyed by header name (cells as text, "" when empty). */
export function readValidationCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(join(validationDir, file), "utf8").trim().split(/\r?\n/);
  const header = splitCsvLine(lines[0]);
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
  });
}

/** A numeric cell, or undefined when empty. */
export function numberCell(text: string): number | undefined {
  return text === "" ? undefined : Number(text);
}

/** The anthro input of a validation row (`age_unit` days or months; missing `age_unit` means days). */
export function anthroInputFromRow(row: Record<string, string>): AnthroInput {
  const input: AnthroInput = { sex: Number(row.sex) as Sex };
  const age = numberCell(row.age);
  if (age !== undefined) {
    if (row.age_unit === "months") input.ageMonths = age;
    else input.ageDays = age;
  }
  const fields = ["weight", "lenhei", "headc", "armc", "triskin", "subskin"] as const;
  for (const field of fields) {
    const value = numberCell(row[field]);
    if (value !== undefined) input[field] = value;
  }
  if (row.measure === "l" || row.measure === "h") input.measure = row.measure as MeasurePosition;
  if (row.oedema === "y") input.oedema = true;
  return input;
}
