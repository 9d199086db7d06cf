/**
 * Figures for the public page (Aksi 7 publication): aggregate counts and rates only, with small
 * counts suppressed at every level — the district total, its subdistricts and villages — so no
 * child can be singled out, and secondary suppression so a hidden cell cannot be recovered as its
 * parent's total minus its visible siblings, nor a hidden total as the sum of its visible parts.
 */
import type { Figures, PublicFigures } from "@tumbuh/core/api";

/** Counts from 1 to this value minus one are suppressed (at every level of the public table). */
export const SUPPRESS_BELOW = 5;

/** Public figures of a region; `suppress` applies the small-count rule. */
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

/** The counts secondary suppression protects, each with the rate that would give it back. */
const PROTECTED: Array<[CountKey, RateKey[]]> = [
  ["measured", []],
  ["validHaz", ["stuntingRate"]],
  ["stunted", ["stuntingRate"]],
  ["severelyStunted", []],
  ["wasted", ["wastingRate"]],
  ["underweight", ["underweightRate"]],
  ["overweight", ["overweightRate"]],
];
type CountKey =
  | "measured"
  | "validHaz"
  | "stunted"
  | "severelyStunted"
  | "wasted"
  | "underweight"
  | "overweight";
type RateKey = "stuntingRate" | "wastingRate" | "underweightRate" | "overweightRate";

/** Hides one count of a row (and the rates it would give back); the row is marked suppressed. */
function hide(row: PublicFigures, key: CountKey, rates: RateKey[]): void {
  row[key] = null;
  for (const r of rates) row[r] = null;
  row.suppressed = true;
}

/**
 * Secondary suppression of one group: `rows` are the parts of `parent` (villages of a subdistrict,
 * subdistricts of a district), already through the small-count rule, changed in place. For each
 * count the parent shows, when exactly one row hides it (the parent minus the visible rows would
 * give it back), the smallest positive visible count (else the smallest, a zero) is hidden too;
 * with no other row to hide, the parent's count is hidden. For each count the parent hides, when
 * every row shows it and one is positive (their sum would give the parent back), the smallest
 * positive row is hidden. `derivable(row, key)` tells whether a visible row's count could be
 * recomputed from finer rows if hidden; such rows are chosen last. Returns the rows hidden by this
 * step, with their count.
 */
function suppressComplements<T extends PublicFigures>(
  parent: PublicFigures,
  rows: T[],
  derivable: (row: T, key: CountKey) => boolean = () => false,
): Array<{ row: T; key: CountKey }> {
  const hidden: Array<{ row: T; key: CountKey }> = [];
  for (const [key, rates] of PROTECTED) {
    const hiddenRows = rows.filter((r) => r[key] === null).length;
    const visible = rows.filter((r) => r[key] !== null);
    const order = (r: T) => [derivable(r, key) ? 1 : 0, (r[key] as number) > 0 ? 0 : 1, r[key] as number];
    visible.sort((a, b) => {
      const x = order(a);
      const y = order(b);
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    if (parent[key] === null) {
      // A hidden parent must not be the sum of its parts (zeros alone give nothing away).
      const partner = visible[0];
      if (hiddenRows === 0 && partner && (partner[key] as number) > 0) {
        hide(partner, key, rates);
        hidden.push({ row: partner, key });
      }
      continue;
    }
    if (hiddenRows !== 1) continue;
    const partner = visible[0];
    if (partner) {
      hide(partner, key, rates);
      hidden.push({ row: partner, key });
    } else {
      hide(parent, key, rates);
    }
  }
  return hidden;
}

/**
 * Secondary suppression of a district's public table whose rows went through the small-count rule:
 * villages against their subdistrict, then subdistricts against the district total, so no hidden
 * count is the difference or the sum of published ones. Changes in place.
 */
export function suppressDistrictTable<S extends PublicFigures & { code: string }, V extends PublicFigures>(
  total: PublicFigures,
  subdistricts: S[],
  villages: Array<V & { subdistrictCode: string }>,
): void {
  const villagesOf = new Map<string, Array<V & { subdistrictCode: string }>>();
  for (const v of villages) {
    const list = villagesOf.get(v.subdistrictCode) ?? [];
    list.push(v);
    villagesOf.set(v.subdistrictCode, list);
  }
  for (const s of subdistricts) suppressComplements(s, villagesOf.get(s.code) ?? []);
  // A subdistrict whose villages all show a count would give the count back if hidden.
  const derivable = (s: S, key: CountKey) => {
    const list = villagesOf.get(s.code) ?? [];
    return list.length > 0 && list.every((v) => v[key] !== null);
  };
  for (const { row, key } of suppressComplements(total, subdistricts, derivable)) {
    const list = (villagesOf.get(row.code) ?? []).filter((v) => v[key] !== null);
    if (!derivable(row, key)) continue;
    // Hide two of its villages' counts too, so the hidden subdistrict is not their sum.
    const rates = PROTECTED.find(([k]) => k === key)?.[1] ?? [];
    list.sort(
      (a, b) =>
        ((a[key] as number) > 0 ? 0 : 1) - ((b[key] as number) > 0 ? 0 : 1) ||
        (a[key] as number) - (b[key] as number),
    );
    for (const v of list.slice(0, 2)) hide(v, key, rates);
  }
}

/** A district's figures by subdistrict and village, as the prevalence service reads them. */
export interface DistrictFigures {
  /** The period shown; null when the district has no data at all. */
  period: string | null;
  total: Figures;
  subdistricts: Array<{ code: string; name: string; figures: Figures }>;
  villages: Array<{ code: string; name: string; subdistrictCode: string; figures: Figures }>;
}

/**
 * The public table of a district: the total, its subdistricts and villages through the small-count
 * rule, then secondary suppression. With no data (no period) every count is zero and shown.
 */
export function publicDistrictTable(t: DistrictFigures) {
  const small = t.period !== null;
  const total = publicFigures(t.total, small);
  const subdistricts = t.subdistricts.map((s) => ({
    code: s.code,
    name: s.name,
    ...publicFigures(s.figures, small),
  }));
  const villages = t.villages.map((v) => ({
    code: v.code,
    name: v.name,
    subdistrictCode: v.subdistrictCode,
    ...publicFigures(v.figures, small),
  }));
  if (small) suppressDistrictTable(total, subdistricts, villages);
  return { total, subdistricts, villages };
}
