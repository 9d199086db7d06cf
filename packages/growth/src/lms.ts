/**
 * The LMS method of the WHO Child Growth Standards: z-scores from Box-Cox power (L),
 * median (M) and coefficient of variation (S), and the rounding the WHO anthro package
 * applies to them.
 */

/**
 * z = ((y / M)^L − 1) / (S · L): the plain LMS z-score (used as is for length/height and head
 * circumference). The power is taken as exp(L · ln(y / M)), which agrees with pow() to within a
 * few units in the last place and costs half as much; for L = 1 the ratio is used directly.
 */
export function zscoreLms(y: number, l: number, m: number, s: number): number {
  const ratio = y / m;
  return ((l === 1 ? ratio : Math.exp(l * Math.log(ratio))) - 1) / (s * l);
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
 * The restricted z-score from a plain z and its row's precomputed cut-offs: SD3 (`sd3pos`,
 * `sd3neg`) and the SD2–SD3 distances (`sd23pos`, `sd23neg`). Same result as
 * `zscoreRestricted`, without recomputing the cut-offs.
 */
export function restrictZscore(
  y: number,
  z: number,
  sd3pos: number,
  sd23pos: number,
  sd3neg: number,
  sd23neg: number,
): number {
  if (z > 3) return 3 + (y - sd3pos) / sd23pos;
  if (z < -3) return -3 + (y - sd3neg) / sd23neg;
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
  // More digits asked for than a double holds: nothing to round. (Only possible from
  // 10^(14 − digits) on, so the logarithm is taken for large values only.)
  if (ax >= 10 ** (14 - digits) && digits + (Math.floor(Math.log2(ax)) + 0.5) * Math.LOG10E * Math.LN2 > 15)
    return x;
  const pow10 = 10 ** digits;
  const x10 = pow10 * ax;
  const i10 = Math.floor(x10);
  const down = i10 / pow10;
  const up = Math.ceil(x10) / pow10;
  const du = up - ax;
  const dd = ax - down;
  return sign * (du < dd || (du === dd && i10 % 2 === 1) ? up : down);
}

/**
 * Rounds a z-score to the 2 decimals anthro reports: the result of `roundLikeR(z, 2)`. Away
 * from a near-tie (100·z within 1e-6 of a half) the nearer candidate is unambiguous and equals
 * floor(100·z + 0.5) / 100; near-ties take the exact general path. Never returns −0.
 */
export function roundZ(z: number): number {
  const shifted = z * 100 + 0.5;
  const k = Math.floor(shifted);
  const f = shifted - k;
  if (f < 1e-6 || f > 1 - 1e-6 || !(Math.abs(z) < 1e12)) return roundLikeR(z, 2) + 0;
  return k / 100;
}
