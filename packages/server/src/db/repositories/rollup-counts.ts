/**
 * The counts every roll-up row holds, in one list: the refresh computes them, the check compares
 * them, and the read model selects them. A roll-up row is one region (or posyandu) and period.
 */
import { PREVALENCE_COUNTS, PREVALENCE_MOMENTS } from "@tumbuh/core";

/** The count columns of a roll-up row, in order (the target, sasaran, comes after them): core's list, which computes them. */
export const COUNT_COLUMNS = PREVALENCE_COUNTS;

type CountColumn = (typeof COUNT_COLUMNS)[number];

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

/**
 * The per-child data-quality sums of a roll-up row (migration 0114): Σz, Σz², Σz³, Σz⁴ of each
 * index's latest valid z-score (n is the index's *_valid count; bmiz_valid for BMI-for-age), and
 * boys and girls. Summed from level to level like the counts; core data-quality-tally.ts derives
 * the SD, skewness and kurtosis from them.
 */
const MOMENT_COLUMNS = PREVALENCE_MOMENTS;

export type MomentColumn = (typeof MOMENT_COLUMNS)[number];

/** Columns counted (integers) among MOMENT_COLUMNS; the others are sums of doubles. */
const MOMENT_COUNTS: ReadonlySet<MomentColumn> = new Set(["bmiz_valid", "boys", "girls"]);

/** `sum(a)::integer AS a` / `sum(b) AS b`, …: the per-child sums of the rows summed. */
export const MOMENT_SUMS = MOMENT_COLUMNS.map(
  (c) => `${MOMENT_COUNTS.has(c) ? `sum(${c})::integer` : `sum(${c})`} AS ${c}`,
).join(", ");

/** `a, b, …` for SQL. */
export const MOMENT_LIST = MOMENT_COLUMNS.join(", ");
