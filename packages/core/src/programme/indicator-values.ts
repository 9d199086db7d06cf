/**
 * Indicator values from a file (CSV/XLSX) a district fills in per region: region code, indicator
 * code, the value — or its numerator and denominator, from which the coverage is computed — and
 * the value's source (a report, a survey). Every wrong cell is reported with its row and column;
 * the caller saves the rows only when there is no error.
 */
import { normalizeHeader, parseDecimal } from "../parse.ts";
import { coverage } from "./indicators.ts";

export interface IndicatorValueRow {
  regionCode: string;
  indicatorCode: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
}

type Key = "region" | "indicator" | "value" | "numerator" | "denominator" | "source";
/** The columns of a values sheet: the header written and other headers accepted. */
export const INDICATOR_VALUE_COLUMNS: Record<Key, { header: string; aliases: string[]; required: boolean }> =
  {
    region: {
      header: "Kode Wilayah",
      aliases: ["Kode Desa", "Kode Desa/Kel", "region_code"],
      required: true,
    },
    indicator: { header: "Kode Indikator", aliases: ["Indikator", "indicator_code"], required: true },
    value: { header: "Nilai", aliases: ["Cakupan", "Capaian", "value"], required: false },
    numerator: { header: "Pembilang", aliases: ["numerator"], required: false },
    denominator: { header: "Penyebut", aliases: ["Sasaran", "denominator"], required: false },
    source: { header: "Sumber", aliases: ["Sumber Data", "source"], required: false },
  };

type Cell = string | number | Date | null | undefined;

/**
 * Reads the rows of a values sheet. `regions`: the codes the rows may name (the district's);
 * `units`: each indicator code with its unit (a % above 100 is refused); `defaultSource` for rows
 * without one.
 */
export function parseIndicatorValueSheet(
  header: readonly string[],
  rows: readonly { rowNo: number; cells: readonly Cell[] }[],
  context: { regions: ReadonlySet<string>; units: ReadonlyMap<string, string>; defaultSource: string },
): { values: IndicatorValueRow[]; errors: { rowNo: number; field: string; message: string }[] } {
  const norm = header.map((h) => normalizeHeader(String(h ?? "")));
  const index = {} as Record<Key, number>;
  const errors: { rowNo: number; field: string; message: string }[] = [];
  for (const [key, col] of Object.entries(INDICATOR_VALUE_COLUMNS) as [
    Key,
    (typeof INDICATOR_VALUE_COLUMNS)[Key],
  ][]) {
    index[key] = norm.findIndex((h) => [col.header, ...col.aliases].some((a) => normalizeHeader(a) === h));
    if (index[key] < 0 && col.required)
      errors.push({ rowNo: 1, field: col.header, message: `the column ${col.header} is missing` });
  }
  if (index.value < 0 && (index.numerator < 0 || index.denominator < 0))
    errors.push({
      rowNo: 1,
      field: "Nilai",
      message: "expected a column Nilai, or the columns Pembilang and Penyebut",
    });
  if (errors.length) return { values: [], errors };
  const values: IndicatorValueRow[] = [];
  const text = (c: Cell) => (c === null || c === undefined || c instanceof Date ? "" : String(c).trim());
  for (const row of rows) {
    const cell = (k: Key) => (index[k] < 0 ? null : row.cells[index[k]]);
    if (row.cells.every((c) => text(c) === "")) continue;
    const fail = (k: Key, message: string) =>
      errors.push({ rowNo: row.rowNo, field: INDICATOR_VALUE_COLUMNS[k].header, message });
    const before = errors.length;
    const regionCode = text(cell("region"));
    if (!context.regions.has(regionCode))
      fail("region", `found "${regionCode}", expected the code of a village or kecamatan of this district`);
    const indicatorCode = text(cell("indicator")).toUpperCase();
    const unit = context.units.get(indicatorCode);
    if (unit === undefined)
      fail("indicator", `found "${indicatorCode}", expected an indicator code such as SPE7`);
    const num = (k: Key) => {
      const c = cell(k);
      const p = parseDecimal(c instanceof Date ? "" : (c ?? null));
      if (!p.ok || (p.value !== undefined && p.value < 0)) {
        fail(k, `found "${text(c)}", expected a number ≥ 0`);
        return null;
      }
      return p.value ?? null;
    };
    const numerator = num("numerator");
    const denominator = num("denominator");
    let value = num("value");
    if (value === null && numerator !== null && denominator !== null)
      value = coverage(numerator, denominator);
    if (value === null && errors.length === before)
      fail("value", "found no value, expected Nilai or both Pembilang and a Penyebut above 0");
    else if (value !== null && unit === "persen" && value > 100)
      fail("value", `found ${value}, expected a percentage 0–100`);
    if (errors.length === before && value !== null)
      values.push({
        regionCode,
        indicatorCode,
        value,
        numerator,
        denominator,
        source: text(cell("source")) || context.defaultSource,
      });
  }
  return { values, errors };
}
