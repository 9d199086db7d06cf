/**
 * Rebuilds src/tables/*.ts from the WHO LMS CSV files in data/who/.
 *
 * Each table is stored as three strings (L, M and S), one per column: the values scaled to
 * integers (10^decimals), delta-encoded and written in base 36. Decoding divides the
 * integer by the same power of ten, which yields exactly the double that parsing the
 * decimal text would give (both are the correctly rounded value of the same rational).
 *
 * Run: npx tsx packages/growth/scripts/generate-tables.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = join(packageDir, "data", "who");
const outDir = join(packageDir, "src", "tables");

interface TableSpec {
  /** Name of the generated module and exported constant. */
  name: string;
  file: string;
  /** Key column: age in days (step 1) or length/height in cm (step 0.1). */
  keyColumn: string;
  /** Key values are stored in tenths when true (cm tables). */
  tenths: boolean;
  indicator: string;
}

const specs: TableSpec[] = [
  { name: "len", file: "lenanthro.csv", keyColumn: "age", tenths: false, indicator: "length/height-for-age" },
  { name: "wei", file: "weianthro.csv", keyColumn: "age", tenths: false, indicator: "weight-for-age" },
  { name: "bmi", file: "bmianthro.csv", keyColumn: "age", tenths: false, indicator: "BMI-for-age" },
  {
    name: "hc",
    file: "hcanthro.csv",
    keyColumn: "age",
    tenths: false,
    indicator: "head circumference-for-age",
  },
  {
    name: "ac",
    file: "acanthro.csv",
    keyColumn: "age",
    tenths: false,
    indicator: "arm circumference-for-age",
  },
  {
    name: "ts",
    file: "tsanthro.csv",
    keyColumn: "age",
    tenths: false,
    indicator: "triceps skinfold-for-age",
  },
  {
    name: "ss",
    file: "ssanthro.csv",
    keyColumn: "age",
    tenths: false,
    indicator: "subscapular skinfold-for-age",
  },
  { name: "wfl", file: "wflanthro.csv", keyColumn: "length", tenths: true, indicator: "weight-for-length" },
  { name: "wfh", file: "wfhanthro.csv", keyColumn: "height", tenths: true, indicator: "weight-for-height" },
];

/** Parses a plain decimal string ("-0.3053", "82") into an exact integer at the given scale. */
function scaledInteger(text: string, decimals: number, where: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`${where}: expected a plain decimal number, found "${text}"`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > decimals) {
    throw new Error(`${where}: "${text}" has more than ${decimals} decimals`);
  }
  const value = Number(whole + fraction.padEnd(decimals, "0"));
  if (!Number.isSafeInteger(value)) throw new Error(`${where}: "${text}" is too large`);
  return sign === "-" ? -value : value;
}

function decimalsOf(values: string[]): number {
  let max = 0;
  for (const v of values) {
    const dot = v.indexOf(".");
    if (dot >= 0) max = Math.max(max, v.length - dot - 1);
  }
  return max;
}

function encodeColumn(values: string[], decimals: number, where: string): string {
  let previous = 0;
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const current = scaledInteger(values[i], decimals, `${where} row ${i + 2}`);
    parts.push((current - previous).toString(36));
    previous = current;
  }
  return parts.join(",");
}

function generate(spec: TableSpec): string {
  const lines = readFileSync(join(dataDir, spec.file), "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",").map((h) => h.trim());
  const col = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${spec.file}: column "${name}" not found in header ${header.join(",")}`);
    return index;
  };
  const [sexCol, keyCol, lCol, mCol, sCol] = ["sex", spec.keyColumn, "l", "m", "s"].map(col);
  const rows = lines.slice(1).map((line) => line.split(","));

  // Rows must be sex 1 then sex 2, each with contiguous keys and the same key range.
  const keyOf = (row: string[], i: number) =>
    scaledInteger(row[keyCol], spec.tenths ? 1 : 0, `${spec.file} row ${i + 2} ${spec.keyColumn}`);
  const first = keyOf(rows[0], 0);
  const count = rows.length / 2;
  if (!Number.isInteger(count)) throw new Error(`${spec.file}: odd number of rows`);
  rows.forEach((row, i) => {
    const expectedSex = i < count ? "1" : "2";
    const expectedKey = first + (i % count);
    if (row[sexCol] !== expectedSex || keyOf(row, i) !== expectedKey) {
      throw new Error(
        `${spec.file} row ${i + 2}: expected sex ${expectedSex} and key ${expectedKey}` +
          `${spec.tenths ? " (tenths of cm)" : ""}, found sex ${row[sexCol]} and key ${row[keyCol]}`,
      );
    }
  });

  const columns = { l: lCol, m: mCol, s: sCol };
  const encoded: Record<string, { decimals: number; data: string }> = {};
  for (const [name, index] of Object.entries(columns)) {
    const values = rows.map((row) => row[index]);
    const decimals = decimalsOf(values);
    encoded[name] = { decimals, data: encodeColumn(values, decimals, `${spec.file} column ${name}`) };
  }

  return [
    `// Generated by packages/growth/scripts/generate-tables.ts from data/who/${spec.file}. Do not edit.`,
    `// WHO Child Growth Standards, ${spec.indicator}: L, M, S for sex 1 (male) then sex 2 (female).`,
    `import type { EncodedLmsTable } from "../table-codec.ts";`,
    ``,
    `export const ${spec.name}: EncodedLmsTable = {`,
    `  first: ${first},`,
    `  count: ${count},`,
    `  keyScale: ${spec.tenths ? 10 : 1},`,
    ...Object.entries(encoded).map(
      ([name, { decimals, data }]) => `  ${name}: { decimals: ${decimals}, data: "${data}" },`,
    ),
    `};`,
    ``,
  ].join("\n");
}

for (const spec of specs) {
  const path = join(outDir, `${spec.name}.ts`);
  writeFileSync(path, generate(spec));
  console.log(`wrote ${path}`);
}
