/**
 * Terminal-digit preference of weights and lengths/heights (WHO-UNICEF TEAM WG 2019, check 4):
 * the histogram of the digit after the decimal point at 0.1 precision, and the SMART digit
 * preference score (DPS) as nipnTK's `digitPreference()` computes it. WHO itself computes no
 * index; the score is a signal to look at, not a pass/fail.
 */

/** SMART DPS classes: < 8 excellent, 8–< 12 good, 12–< 20 acceptable, ≥ 20 problematic. */
export type DpsClass = "excellent" | "good" | "acceptable" | "problematic";

/** Upper limits (exclusive) of the DPS classes excellent, good and acceptable. */
export const DPS_BANDS = { excellent: 8, good: 12, acceptable: 20 } as const;

/** The SMART class of a digit preference score. */
export function dpsClass(dps: number): DpsClass {
  if (dps < DPS_BANDS.excellent) return "excellent";
  if (dps < DPS_BANDS.good) return "good";
  if (dps < DPS_BANDS.acceptable) return "acceptable";
  return "problematic";
}

/**
 * The digit after the decimal point of a positive value written to 0.1, as C's printf (and so
 * nipnTK's `formatC(x, digits = 1, format = "f")`) writes it: the nearer tenth, and on an exact
 * tie, which only x.x25 and x.x75 can be as doubles (8.25, 8.75), the even tenth.
 */
export function terminalDigit(value: number): number {
  // Away from a tie the nearer tenth is plain: value × 10 is off by far less than the 1e-6 margin
  // (the refresh tallies two values per measurement, so toFixed only where it decides).
  const tenths = value * 10;
  if (tenths < 1e15 && Math.abs(tenths - Math.floor(tenths) - 0.5) > 1e-6) return Math.round(tenths) % 10;
  // toFixed rounds the exact binary value (8.35 is 8.3499999… and gives "8.3", where
  // Math.round(8.35 * 10) gives 84); on an exact tie it takes the larger tenth, printf the even one.
  const digit = Number(value.toFixed(1).slice(-1));
  const isTie = Number.isInteger(value * 4) && !Number.isInteger(value * 2);
  return isTie && digit % 2 === 1 ? digit - 1 : digit;
}

/** The terminal-digit histogram and score of a set of values. */
export interface DigitPreference {
  /** Values counted (present and above 0). */
  n: number;
  /** Count of each digit 0–9. */
  counts: number[];
  /** Percent of each digit 0–9 (0 when n is 0). */
  percents: number[];
  /** χ² of the counts against a uniform distribution (9 degrees of freedom). */
  chiSquare: number | null;
  /** DPS = 100 · √(χ² / (n · 9)), rounded to 2 decimals as nipnTK does; null for no values. */
  dps: number | null;
  dpsClass: DpsClass | null;
}

/** Terminal-digit histogram and SMART DPS of values at 0.1 precision; missing or non-positive values are left out. */
export function digitPreference(values: readonly (number | null | undefined)[]): DigitPreference {
  const counts = new Array<number>(10).fill(0);
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v) || v <= 0) continue;
    counts[terminalDigit(v)]++;
  }
  return digitPreferenceOfCounts(counts);
}

/** The histogram's percents, χ² and SMART DPS from the count of each digit 0–9 (a stored tally's). */
export function digitPreferenceOfCounts(digitCounts: readonly number[]): DigitPreference {
  const counts = [...digitCounts];
  let n = 0;
  for (const c of counts) n += c;
  if (n === 0) return { n, counts, percents: counts.slice(), chiSquare: null, dps: null, dpsClass: null };
  const expected = n / 10;
  let chiSquare = 0;
  for (const c of counts) chiSquare += (c - expected) ** 2 / expected;
  const dps = Math.round(100 * Math.sqrt(chiSquare / (n * 9)) * 100) / 100;
  return {
    n,
    counts,
    percents: counts.map((c) => (100 * c) / n),
    chiSquare,
    dps,
    dpsClass: dpsClass(dps),
  };
}
