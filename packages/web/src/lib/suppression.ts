/**
 * Display of published counts. The public API replaces small counts (and, by secondary suppression,
 * the counts from which a small one could be worked out) with null and marks the row suppressed; the
 * page must show that plainly ("x", the statistical mark for a cell withheld for confidentiality),
 * never as zero, as a blank, or as "< 5" (a secondarily hidden cell may hold 0 or more than 5).
 */

export interface PublishedCell {
  value: number | null | undefined;
  suppressed?: boolean;
}

/** The mark of a withheld count. */
const SUPPRESSED_MARK = "x";

/** Text for a published count: the number, "x" when withheld, an en dash when there are no data. */
export function displayCount(cell: PublishedCell, format: (n: number) => string): string {
  if (cell.suppressed) return SUPPRESSED_MARK;
  if (cell.value === null || cell.value === undefined) return "–";
  return format(cell.value);
}

/** Text for a published rate: "*" (see footnote) when its counts were suppressed. */
export function displayRate(
  rate: number | null | undefined,
  suppressed: boolean | undefined,
  format: (n: number) => string,
): string {
  if (suppressed) return "*";
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "–";
  return format(rate);
}
