/**
 * The LMS method of the WHO Child Growth Standards: z-scores from Box-Cox power (L),
 * median (M) and coefficient of variation (S), and the rounding the WHO anthro package
 * applies to them.
 */

/** z = ((y / M)^L − 1) / (S · L): the plain LMS z-score (used for length/height and head circumference). */
export function zscoreLms(y: number, l: number, m: number, s: number): number {
  return ((y / m) ** l - 1) / (s * l);
}

/** The measurement at `sd` standard deviations: M · (1 + L · S · sd)^(1/L). */
export function measureAtSd(l: number, m: number, s: number, sd: number): number {
  return m * (1 + l * s * sd) ** (1 / l);
}

/**
 * The restricted z-score of the WHO standards for weight, BMI, arm circumference and
 * skinfolds: within ±3 the plain LMS value; beyond, 3 plus the distance past SD3 measured in
 * units of the SD2–SD3 distance (so the tails are not stretched by the skewness).
 */
export function zscoreRestricted(y: number, l: number, m: number, s: number): number {
  const z = zscoreLms(y, l, m, s);
  if (z > 3) {
    const sd3 = measureAtSd(l, m, s, 3);
    return 3 + (y - sd3) / (sd3 - measureAtSd(l, m, s, 2));
  }
  if (z < -3) {
    const sd3neg = measureAtSd(l, m, s, -3);
    return -3 + (y - sd3neg) / (measureAtSd(l, m, s, -2) - sd3neg);
  }
  return z;
}

/**
 * Rounds to `digits` decimals exactly as R's `round()` (R ≥ 4.0) does, which the anthro
 * package uses: of the two neighbouring candidates, the one nearer to x as doubles; on an
 * exact tie, the one with an even last digit.
 */
export function roundLikeR(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const ax = x < 0 ? -x : x;
  // Already fewer significant digits than asked for: nothing to round.
  if (digits + (Math.floor(Math.log2(ax)) + 0.5) * Math.LOG10E * Math.LN2 > 15) return x;
  const pow10 = 10 ** digits;
  const x10 = pow10 * ax;
  const i10 = Math.floor(x10);
  const down = i10 / pow10;
  const up = Math.ceil(x10) / pow10;
  const du = up - ax;
  const dd = ax - down;
  return sign * (du < dd || (du === dd && i10 % 2 === 1) ? up : down);
}

/** Rounds a z-score to the 2 decimals anthro reports (R's rounding). */
export function roundZ(z: number): number {
  return roundLikeR(z, 2);
}
