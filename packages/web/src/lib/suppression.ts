/**
 * Display of published counts. The public API replaces small counts with null and marks the
 * row suppressed; the page must show that plainly ("< 5"), never as zero or as a blank.
 */

/** Threshold below which village-level counts are not published (DESIGN.md §1.5). */
export const SUPPRESSION_THRESHOLD = 5;

export interface PublishedCell {
  value: number | null | undefined;
  suppressed?: boolean;
}

/** Text for a published count: the number, "< 5" when suppressed, an en dash when there are no data. */
export function displayCount(cell: PublishedCell, format: (n: number) => string): string {
  if (cell.suppressed) return `< ${SUPPRESSION_THRESHOLD}`;
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
