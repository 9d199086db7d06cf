/**
 * Figures for the public page (Aksi 7 publication): aggregate counts and rates only, with small
 * counts suppressed at village level so no child can be singled out.
 */
import type { Figures, PublicFigures } from "@tumbuh/core/api";

/** Counts from 1 to this value minus one are suppressed at village level. */
export const SUPPRESS_BELOW = 5;

/** Public figures of a region; `suppress` applies the village-level small-count rule. */
export function publicFigures(f: Figures, suppress: boolean): PublicFigures {
  const full: PublicFigures = {
    measured: f.measured,
    validHaz: f.validHaz,
    stunted: f.stunted,
    severelyStunted: f.severelyStunted,
    wasted: f.wasted,
    underweight: f.underweight,
    overweight: f.overweight,
    stuntingRate: f.stuntingRate,
    wastingRate: f.wastingRate,
    underweightRate: f.underweightRate,
    overweightRate: f.overweightRate,
    suppressed: false,
  };
  if (!suppress) return full;
  const small = (n: number | null) => n !== null && n > 0 && n < SUPPRESS_BELOW;
  if (f.measured < SUPPRESS_BELOW) {
    return {
      measured: null,
      validHaz: null,
      stunted: null,
      severelyStunted: null,
      wasted: null,
      underweight: null,
      overweight: null,
      stuntingRate: null,
      wastingRate: null,
      underweightRate: null,
      overweightRate: null,
      suppressed: true,
    };
  }
  const out = { ...full };
  // A suppressed count takes its rate with it (rate × children measured would give it back).
  const pairs: Array<[keyof PublicFigures, keyof PublicFigures | null]> = [
    ["stunted", "stuntingRate"],
    ["severelyStunted", null],
    ["wasted", "wastingRate"],
    ["underweight", "underweightRate"],
    ["overweight", "overweightRate"],
  ];
  for (const [count, rateKey] of pairs) {
    if (small(out[count] as number | null)) {
      (out[count] as number | null) = null;
      if (rateKey) (out[rateKey] as number | null) = null;
      out.suppressed = true;
    }
  }
  return out;
}
