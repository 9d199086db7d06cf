import { describe, expect, it } from "vitest";
import { anthroInputFromRow, numberCell, readValidationCsv } from "./testing/validation-data.ts";
import { type AnthroResult, anthroZScores } from "./zscores.ts";

const INDICATORS = ["len", "wei", "wfl", "bmi", "hc", "ac", "ts", "ss"] as const;

/**
 * Cells derived from a weight or length/height ≤ 0, which anthro still computes (cbmi, zwfl)
 * but Tumbuh treats as missing like every measurement ≤ 0.
 */
function zeroDerivedCells(row: Record<string, string>): Set<string> {
  const cells = new Set<string>();
  const notPositive = (text: string) => text !== "" && Number(text) <= 0;
  if (notPositive(row.weight))
    for (const c of ["cbmi", "zwfl", "fwfl", "zbmi", "fbmi", "zwei", "fwei"]) cells.add(c);
  if (notPositive(row.lenhei))
    for (const c of ["clenhei", "cbmi", "zlen", "flen", "zwfl", "fwfl", "zbmi", "fbmi"]) cells.add(c);
  return cells;
}

/** Compares one expected row with the result; returns a list of differences (empty when equal). */
function differences(row: Record<string, string>, result: AnthroResult): string[] {
  const diffs: string[] = [];
  const zeroCells = zeroDerivedCells(row);
  const check = (name: string, actual: number | undefined, expectedText: string, tolerance: number) => {
    const expected = zeroCells.has(name) ? undefined : numberCell(expectedText);
    const ok =
      expected === undefined
        ? actual === undefined
        : actual !== undefined &&
          (tolerance === 0 ? actual === expected : Math.abs(actual - expected) <= tolerance);
    if (!ok) diffs.push(`${row.case_id} ${name}: expected ${expected}, got ${actual}`);
  };
  check("clenhei", result.clenhei, row.clenhei, 1e-9);
  check("cbmi", result.cbmi, row.cbmi, 1e-6);
  check("c9mo_flag", result.c9moFlag ? 1 : 0, row.c9mo_flag, 0);
  for (const indicator of INDICATORS) {
    check(`z${indicator}`, result[`z${indicator}`], row[`z${indicator}`], 0);
    const flag = result[`f${indicator}`];
    check(`f${indicator}`, flag === undefined ? undefined : flag ? 1 : 0, row[`f${indicator}`], 0);
  }
  return diffs;
}

describe("anthroZScores against the WHO anthro validation set", () => {
  const rows = readValidationCsv("anthro_dev_expected.csv");

  it("reads all 2,236 rows", () => {
    expect(rows).toHaveLength(2236);
  });

  it("reproduces every z-score, flag, clenhei, cbmi and c9mo_flag", () => {
    const diffs = rows.flatMap((row) => differences(row, anthroZScores(anthroInputFromRow(row))));
    expect(diffs).toEqual([]);
  });
});
