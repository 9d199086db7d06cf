/**
 * The counts every roll-up row holds, in one list: the refresh computes them, the check compares
 * them, and the read model selects them. A roll-up row is one region (or posyandu) and period.
 */

/** The count columns of a roll-up row, in order (the target, sasaran, comes after them). */
export const COUNT_COLUMNS = [
  "measured",
  "haz_valid",
  "stunted",
  "severely_stunted",
  "whz_valid",
  "wasted",
  "severely_wasted",
  "overweight",
  "waz_valid",
  "underweight",
  "new_stunting",
] as const;

export type CountColumn = (typeof COUNT_COLUMNS)[number];

/** The counts of one roll-up row and its target (null when none was entered). */
export type RollupCounts = Record<CountColumn, number> & { target: number | null };

/** The columns a read selects: the counts, then the target. */
export const COUNT_FIELDS = [...COUNT_COLUMNS, "target"] as const;

/** `count_a, count_b, …` for SQL. */
export const COUNT_LIST = COUNT_COLUMNS.join(", ");

/** `sum(a)::integer AS a, …`: the counts of the rows summed (a parent from its parts). */
export const COUNT_SUMS = COUNT_COLUMNS.map((c) => `sum(${c})::integer AS ${c}`).join(", ");

/** `alias.a, alias.b, …`: the counts of one table alias. */
export function countsOf(alias: string): string {
  return COUNT_COLUMNS.map((c) => `${alias}.${c}`).join(", ");
}
