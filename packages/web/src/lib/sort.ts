/** Sorting of table rows: numbers numerically, text by Indonesian collation, missing values always last. */

type SortDirection = "asc" | "desc";

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

const collator = new Intl.Collator("id", { sensitivity: "base", numeric: true });

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v));
}

/**
 * Returns a new array of rows sorted by `key`; the input is not changed. Missing values
 * (null, undefined, NaN) go last in both directions; ties keep their original order.
 */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  state: SortState<K>,
  get: (row: T, key: K) => unknown,
): T[] {
  const sign = state.direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: get(row, state.key) }))
    .sort((a, b) => {
      const am = isMissing(a.value);
      const bm = isMissing(b.value);
      if (am || bm) return am === bm ? a.index - b.index : am ? 1 : -1;
      let c: number;
      if (typeof a.value === "number" && typeof b.value === "number") c = a.value - b.value;
      else c = collator.compare(String(a.value), String(b.value));
      return c !== 0 ? c * sign : a.index - b.index;
    })
    .map((x) => x.row);
}

/**
 * The next sort state after a click on a column header: the same column flips direction,
 * a new column starts descending for rates and counts (worst first) and ascending for text.
 */
export function nextSort<K extends string>(current: SortState<K>, key: K, numeric: boolean): SortState<K> {
  if (current.key === key) return { key, direction: current.direction === "asc" ? "desc" : "asc" };
  return { key, direction: numeric ? "desc" : "asc" };
}
