/**
 * Summary moments of z-score distributions, with the formulas of the WHO Anthro Survey Analyser:
 * the SD as R's `sd()` (sample, n − 1), skewness and kurtosis as the R `moments` package
 * computes them (population moments, Pearson kurtosis: 3 for a normal distribution).
 */

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sums of the 2nd, 3rd and 4th powers of the deviations from the mean. */
function deviationPowers(values: readonly number[], m: number): [number, number, number] {
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const v of values) {
    const d = v - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return [s2, s3, s4];
}

/** Sample standard deviation √(Σ(x − x̄)² / (n − 1)); null for fewer than 2 values. */
export function sampleSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  return Math.sqrt(deviationPowers(values, m)[0] / (values.length - 1));
}

/**
 * Skewness (Σ(x − x̄)³ / n) / (Σ(x − x̄)² / n)^(3/2), as `moments::skewness`; null for no values
 * or when all values are equal.
 */
export function skewness(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  const n = values.length;
  const [s2, s3] = deviationPowers(values, m);
  return s2 > 0 ? s3 / n / (s2 / n) ** 1.5 : null;
}

/**
 * Pearson kurtosis n · Σ(x − x̄)⁴ / (Σ(x − x̄)²)², as `moments::kurtosis` (3 for a normal
 * distribution, not the excess); null for no values or when all values are equal.
 */
export function kurtosis(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  const [s2, , s4] = deviationPowers(values, m);
  return s2 > 0 ? (values.length * s4) / (s2 * s2) : null;
}
