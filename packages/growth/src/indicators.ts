/**
 * Z-score kernels per table: plain numbers in, rounded z out (NaN when missing). Both the
 * record API and the batch API call these, so they give identical results.
 */
import { restrictZscore, roundZ, zscoreLms, zscoreRestricted } from "./lms.ts";
import {
  interpolate,
  isInWeightForLenheiRange,
  lenheiRowAndFraction,
  type WeightForLenheiTable,
} from "./rules.ts";
import type { LmsTable } from "./tables.ts";

/**
 * Rounded z-score of measurement y at a whole day of age, from an age table; NaN when y is
 * not above 0, the sex is not 1 or 2, or the day is outside the table.
 */
export function zscoreAtAge(
  table: LmsTable,
  restricted: boolean,
  sex: number,
  day: number,
  y: number,
): number {
  if (!(y > 0) || !(day >= table.first && day <= table.last) || (sex !== 1 && sex !== 2)) return Number.NaN;
  const row = (sex - 1) * table.count + day - table.first;
  const lms = table.lms;
  const at = row * 3;
  const z = zscoreLms(y, lms[at], lms[at + 1], lms[at + 2]);
  if (!restricted) return roundZ(z);
  const tails = table.tails;
  const t = row * 4;
  return roundZ(restrictZscore(y, z, tails[t], tails[t + 1], tails[t + 2], tails[t + 3]));
}

/**
 * Rounded weight-for-length/height z-score: L, M and S interpolated linearly between the
 * rows anthro finds around the adjusted length/height (`lenheiRowAndFraction`: the 0.1 cm
 * rows around it, or for a few lengths rows 0.2 cm apart); NaN outside the table's range,
 * for a weight not above 0, or a sex other than 1 or 2.
 */
export function zscoreAtLenhei(
  table: LmsTable,
  which: WeightForLenheiTable,
  sex: number,
  clenhei: number,
  weight: number,
): number {
  if (!(weight > 0) || !isInWeightForLenheiRange(which, clenhei) || (sex !== 1 && sex !== 2))
    return Number.NaN;
  const { row, upperRow, fraction } = lenheiRowAndFraction(clenhei);
  const lms = table.lms;
  const base = (sex - 1) * table.count - table.first;
  const at = (base + row) * 3;
  let l = lms[at];
  let m = lms[at + 1];
  let s = lms[at + 2];
  if (fraction > 0) {
    const up = (base + upperRow) * 3;
    l = interpolate(l, lms[up], fraction);
    m = interpolate(m, lms[up + 1], fraction);
    s = interpolate(s, lms[up + 2], fraction);
  }
  return roundZ(zscoreRestricted(weight, l, m, s));
}
