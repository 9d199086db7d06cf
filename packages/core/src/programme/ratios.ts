/**
 * Arithmetic shared by the programme rules: a percentage that is null (never 0) when it cannot be
 * computed, rounding half away from zero for shown figures, and the split of a whole-rupiah amount
 * into parts that sum exactly to it.
 */

/**
 * `numerator ÷ denominator × 100`; null when either is unknown (null/undefined) or the denominator
 * is 0 or negative — "no one to count", not 0 %.
 */
export function percent(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined)
    return null;
  if (!(denominator > 0)) return null;
  return (numerator / denominator) * 100;
}

/** `x` rounded to `decimals` places, halves away from zero (2.345 → 2.35 at 2 places). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // The 1e-9 nudge keeps a binary halfway value such as 2.345 (stored as 2.34499…) rounding up.
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}

/**
 * Splits a whole amount (rupiah) over parts in proportion to `weights`, in whole units that sum
 * exactly to `total` (largest-remainder method: each part gets the floor of its exact share, and the
 * units left over go one each to the parts with the largest remainders, the earlier part first on
 * equal remainders). All weights 0 (or none given) → an even split by count; no parts → [].
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0)
    throw new Error(`amount: found ${total}, expected a whole, non-negative number of rupiah`);
  if (weights.length === 0) return [];
  if (weights.some((w) => !(w >= 0))) throw new Error("weights: expected numbers ≥ 0");
  const sum = weights.reduce((a, w) => a + w, 0);
  const ws = sum > 0 ? weights : weights.map(() => 1);
  const wsum = sum > 0 ? sum : weights.length;
  const exact = ws.map((w) => (total * w) / wsum);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((x, i) => ({ i, rem: x - parts[i] })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}
