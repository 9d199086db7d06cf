/**
 * SKDN and growth-faltering counts that add up: what one child contributes to its posyandu's,
 * village's, kecamatan's and district's row of each month, so the roll-ups store counts (summed
 * from the level below, like prevalence) and every level shows the same numbers. The child's
 * category comes from skdn.ts, its 2T and BGM from faltering.ts; nothing is decided here.
 */
import { type FalteringChild, weighedMonths } from "./faltering.ts";
import { DEFAULT_KBM, type KbmTable } from "./kbm.ts";
import { type SkdnChild, skdnChildMonths } from "./skdn.ts";

/** The additive counts of an SKDN row: S, K, unknown K, D, N, T, O, B, and 2T and BGM among D. */
export interface SkdnCounts {
  s: number;
  k: number;
  kUnknown: number;
  d: number;
  n: number;
  t: number;
  o: number;
  b: number;
  twoT: number;
  bgm: number;
}

/** The count keys, in the order stored. */
export const SKDN_COUNT_KEYS = ["s", "k", "kUnknown", "d", "n", "t", "o", "b", "twoT", "bgm"] as const;

/** A row of zeros. */
export function emptySkdnCounts(): SkdnCounts {
  return { s: 0, k: 0, kUnknown: 0, d: 0, n: 0, t: 0, o: 0, b: 0, twoT: 0, bgm: 0 };
}

/** Adds `from` into `into` (and returns `into`). */
export function addSkdnCounts(into: SkdnCounts, from: SkdnCounts): SkdnCounts {
  for (const key of SKDN_COUNT_KEYS) into[key] += from[key];
  return into;
}

/** Adds `from` into a stored row (SKDN_COUNT_KEYS order), field by field: the refresh adds millions. */
export function addSkdnCountsInto(into: Int32Array, from: SkdnCounts): void {
  into[0] += from.s;
  into[1] += from.k;
  into[2] += from.kUnknown;
  into[3] += from.d;
  into[4] += from.n;
  into[5] += from.t;
  into[6] += from.o;
  into[7] += from.b;
  into[8] += from.twoT;
  into[9] += from.bgm;
}
if (SKDN_COUNT_KEYS.join() !== "s,k,kUnknown,d,n,t,o,b,twoT,bgm")
  throw new Error("addSkdnCountsInto adds in the order of SKDN_COUNT_KEYS");

/**
 * A child for the counts: SKDN's registration and KMS, the sex for weight-for-age (BGM); its
 * weighings may carry the stored weight-for-age z (faltering.ts then does not compute it again).
 */
export type SkdnCountsChild = SkdnChild & Pick<FalteringChild, "sex" | "weighings">;

/**
 * The counts one child adds to each of `months` in which it is in S (months where it is not are
 * left out): S 1; K or unknown K by its KMS; when weighed, D 1 and its category; 2T and BGM when
 * its weighing of the month (the one D counts) raises them.
 */
export function childSkdnCounts(
  child: SkdnCountsChild,
  months: readonly string[],
  kbm: KbmTable = DEFAULT_KBM,
): Map<string, SkdnCounts> {
  const out = new Map<string, SkdnCounts>();
  eachChildSkdnCounts(child, months, kbm, (j, c) => out.set(months[j], { ...c }));
  return out;
}

/**
 * childSkdnCounts month by month: `add(j, counts)` for each `months[j]` in which the child is in S.
 * `counts` is one object for every call, valid only during it: a district's refresh adds millions.
 */
export function eachChildSkdnCounts(
  child: SkdnCountsChild,
  months: readonly string[],
  kbm: KbmTable,
  add: (j: number, counts: SkdnCounts) => void,
): void {
  const statuses = skdnChildMonths(child, months, kbm);
  const c = emptySkdnCounts();
  let weighed: Map<string, { twoT: boolean; bgm: boolean }> | undefined;
  // skdnChildMonths gives one status per month, in the order of `months`.
  for (let j = 0; j < statuses.length; j++) {
    const r = statuses[j];
    if (!r.inS) continue;
    c.s = 1;
    c.k = r.hasKms === true ? 1 : 0;
    c.kUnknown = r.hasKms === undefined ? 1 : 0;
    c.d = c.n = c.t = c.o = c.b = c.twoT = c.bgm = 0;
    if (r.category !== undefined) {
      c.d = 1;
      if (r.category === "N") c.n = 1;
      else if (r.category === "T") c.t = 1;
      else if (r.category === "O") c.o = 1;
      else c.b = 1;
      weighed ??= new Map(
        weighedMonths({ sex: child.sex, birthDate: child.birthDate, weighings: child.weighings }, kbm).map(
          (m) => [m.month, { twoT: m.twoT, bgm: m.bgm }],
        ),
      );
      const f = weighed.get(r.month);
      if (f?.twoT) c.twoT = 1;
      if (f?.bgm) c.bgm = 1;
    }
    add(j, c);
  }
}

/** The indicators of an SKDN row (null when the denominator is 0, K/S and D/K null when K is unknown for all of S). */
export interface SkdnRates {
  /** K/S liputan program. */
  ks: number | null;
  /** D/K kelangsungan penimbangan. */
  dk: number | null;
  /** D/S partisipasi masyarakat. */
  ds: number | null;
  /** N/D keberhasilan program. */
  nd: number | null;
  /** 2T/D and BGM/D, the referral load. */
  twoTd: number | null;
  bgmD: number | null;
  /** D = N + T + O + B. */
  consistent: boolean;
}

/** The indicators of a row of counts (the same rule as skdnSummary). */
export function skdnRates(c: SkdnCounts): SkdnRates {
  const r = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
  const k = c.s > 0 && c.kUnknown === c.s ? null : c.k;
  return {
    ks: r(k, c.s),
    dk: r(c.d, k),
    ds: r(c.d, c.s),
    nd: r(c.n, c.d),
    twoTd: r(c.twoT, c.d),
    bgmD: r(c.bgm, c.d),
    consistent: c.d === c.n + c.t + c.o + c.b,
  };
}
