/**
 * SKDN, the posyandu's monthly count (shared/domain/workflows.md §3.1): S all registered balita
 * (0–59 months), K those with a KMS / Buku KIA, D those weighed (ditimbang), N those whose
 * weight went up (naik) by at least the KBM. Each child weighed in a month is exactly one of
 * B (first weighing ever), O (weighed this month but not the previous month), N or T (tidak
 * naik), decided in that order, so D = N + T + O + B.
 *
 * Rules chosen where the sources are silent:
 * - Several weighings of a child in one month: the latest counts (on the same date, the later in
 *   the input). A weighing counts only with a weight above 0, on or after the birth date.
 * - Ages are completed calendar months (months.ts). A child is in S for a month when registered on
 *   some day of it (from `registeredFrom`, default the birth date, to `registeredUntil`) and under
 *   60 months on its first day (or born during it). The child who turns 60 months during a
 *   month stays in S for that month, the last one; a weighing on or after that birthday does
 *   not count in D, so D never exceeds S.
 * - B means no weighing of the child in any earlier month of the history given.
 */
import { DEFAULT_KBM, type KbmTable, type NaikComparison, naikVerdict, type Weighing } from "./kbm.ts";
import { completedMonthsOfAge, completedMonthsOnFirstDay, monthIndex } from "./months.ts";

/** The four mutually exclusive categories of a weighed child. */
export type SkdnCategory = "B" | "O" | "N" | "T";

/** A child of a posyandu with its weighings (any order). */
export interface SkdnChild {
  id: string;
  birthDate: string;
  /** KMS / Buku KIA as recorded on the child: true with, false without, undefined when not recorded. */
  hasKms?: boolean;
  /**
   * KMS / Buku KIA as recorded at weighings (any order): a month's K takes the latest record dated
   * up to the month's last day, else `hasKms`.
   */
  kmsRecords?: readonly KmsRecord[];
  /** First day registered at the posyandu (default: the birth date). */
  registeredFrom?: string;
  /** Last day registered (moved away, died); none by default. */
  registeredUntil?: string;
  weighings: readonly Weighing[];
}

/** Whether a child had a KMS / Buku KIA on a day (seen at a weighing). */
export interface KmsRecord {
  date: string;
  hasKms: boolean;
}

/**
 * The child's KMS / Buku KIA in `month`: the latest weighing record dated up to the month's last
 * day (on one date, the later in the input), else the child's own record, else undefined.
 */
export function kmsInMonth(
  child: Pick<SkdnChild, "hasKms" | "kmsRecords">,
  month: string,
): boolean | undefined {
  const records = child.kmsRecords;
  if (records === undefined || records.length === 0) return child.hasKms;
  // Dated up to the month's last day: in the month or before it.
  const upTo = monthIndex(month);
  let best: KmsRecord | undefined;
  for (const r of records) if (monthIndex(r.date) <= upTo && (!best || r.date >= best.date)) best = r;
  return best ? best.hasKms : child.hasKms;
}

/** One child in one month. */
export interface SkdnChildMonth {
  childId: string;
  month: string;
  /** Counted in S. */
  inS: boolean;
  /** KMS / Buku KIA as recorded (undefined: unknown). */
  hasKms: boolean | undefined;
  /** The category when the child is weighed (counted in D); undefined when not. */
  category?: SkdnCategory;
  /** The weighing that counts this month (the latest). */
  weighing?: Weighing;
  /** The latest weighing of the previous month, for N and T. */
  previous?: Weighing;
  /** The KBM comparison behind N or T. */
  comparison?: NaikComparison;
}

/** A child's valid weighings (weight above 0, not before birth), by date, input order kept on a tie. */
export function validWeighings(birthDate: string, weighings: readonly Weighing[]): Weighing[] {
  const valid = weighings.filter((w) => w.weight > 0 && Number.isFinite(w.weight) && w.date >= birthDate);
  // Most children's weighings come by date already (the roll-up refresh sorts them): kept as they are.
  let sorted = true;
  for (let i = 1; i < valid.length && sorted; i++) sorted = valid[i - 1].date <= valid[i].date;
  if (sorted) return valid;
  return valid
    .map((w, i) => ({ w, i }))
    .sort((a, b) => (a.w.date < b.w.date ? -1 : a.w.date > b.w.date ? 1 : a.i - b.i))
    .map(({ w }) => w);
}

/** The weighing that counts for a month: the latest of the month, or undefined. */
export function weighingOfMonth(sorted: readonly Weighing[], month: string): Weighing | undefined {
  let latest: Weighing | undefined;
  const wanted = monthIndex(month);
  for (const w of sorted) if (monthIndex(w.date) === wanted) latest = w;
  return latest;
}

/** True when the child counts in S for `month` (registered on a day of it, under 60 months on its first day). */
export function isInS(child: Omit<SkdnChild, "weighings">, month: string): boolean {
  // Dates compared by month: registered from after the month's last day, or until before its first.
  const m = monthIndex(month);
  const from =
    child.registeredFrom && child.registeredFrom > child.birthDate ? child.registeredFrom : child.birthDate;
  if (monthIndex(from) > m) return false;
  if (child.registeredUntil !== undefined && monthIndex(child.registeredUntil) < m) return false;
  return completedMonthsOnFirstDay(child.birthDate, month) < 60;
}

/**
 * The SKDN status of one child in one month: in S or not, KMS, and when weighed (at under 60
 * months) its category B, O, N or T in the order of workflows.md §3.1, with the comparison
 * behind N or T (KBM of `kbm`, default variant A).
 */
export function skdnChildMonth(child: SkdnChild, month: string, kbm: KbmTable = DEFAULT_KBM): SkdnChildMonth {
  return classifyMonth(child, indexWeighings(validWeighings(child.birthDate, child.weighings)), month, kbm);
}

/**
 * skdnChildMonth for several months of one child, its weighings sorted and indexed once (the
 * roll-up refresh classifies every child of a district in every month).
 */
export function skdnChildMonths(
  child: SkdnChild,
  months: readonly string[],
  kbm: KbmTable = DEFAULT_KBM,
): SkdnChildMonth[] {
  const index = indexWeighings(validWeighings(child.birthDate, child.weighings));
  return months.map((month) => classifyMonth(child, index, month, kbm));
}

/** Sorted valid weighings indexed: the latest of each month (by monthIndex), and the month of the first. */
interface WeighingIndex {
  latest: Map<number, Weighing>;
  firstMonth: number | undefined;
}

function indexWeighings(sorted: readonly Weighing[]): WeighingIndex {
  const latest = new Map<number, Weighing>();
  for (const w of sorted) latest.set(monthIndex(w.date), w);
  return { latest, firstMonth: sorted.length > 0 ? monthIndex(sorted[0].date) : undefined };
}

/** skdnChildMonth over the child's indexed valid weighings. */
function classifyMonth(child: SkdnChild, index: WeighingIndex, month: string, kbm: KbmTable): SkdnChildMonth {
  const inS = isInS(child, month);
  const out: SkdnChildMonth = { childId: child.id, month, inS, hasKms: kmsInMonth(child, month) };
  if (!inS) return out;
  const m = monthIndex(month);
  const weighing = index.latest.get(m);
  if (weighing === undefined || completedMonthsOfAge(child.birthDate, weighing.date) >= 60) return out;
  out.weighing = weighing;
  // No weighing before the month's first day.
  if (index.firstMonth === undefined || index.firstMonth >= m) {
    out.category = "B";
    return out;
  }
  const previous = index.latest.get(m - 1);
  if (previous === undefined) {
    out.category = "O";
    return out;
  }
  out.previous = previous;
  // Consecutive months and an age under 60 months: a KBM always applies.
  const comparison = naikVerdict(kbm, child.birthDate, previous, weighing)!;
  out.comparison = comparison;
  out.category = comparison.verdict;
  return out;
}

/** The SKDN of a set of children for a month, with its indicators (null when the denominator is 0). */
export interface SkdnSummary {
  month: string;
  S: number;
  /** Children of S with a KMS / Buku KIA; null when no child of S has it recorded. */
  K: number | null;
  /** Children of S whose KMS / Buku KIA is not recorded. */
  kUnknown: number;
  D: number;
  N: number;
  T: number;
  O: number;
  B: number;
  /** The F1 identity D = N + T + O + B holds. */
  consistent: boolean;
  /** K/S liputan program. */
  ks: number | null;
  /** D/K kelangsungan penimbangan. */
  dk: number | null;
  /** D/S partisipasi masyarakat. */
  ds: number | null;
  /** N/D keberhasilan program. */
  nd: number | null;
}

const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : a / b;

/** Counts S, K, D, N, T, O and B of `children` for `month` and the ratios K/S, D/K, D/S and N/D. */
export function skdnSummary(
  children: readonly SkdnChild[],
  month: string,
  kbm: KbmTable = DEFAULT_KBM,
): SkdnSummary {
  const counts = { S: 0, K: 0, kUnknown: 0, D: 0, N: 0, T: 0, O: 0, B: 0 };
  for (const child of children) {
    const r = skdnChildMonth(child, month, kbm);
    if (!r.inS) continue;
    counts.S++;
    if (r.hasKms === true) counts.K++;
    else if (r.hasKms === undefined) counts.kUnknown++;
    if (r.weighing !== undefined) counts.D++;
    if (r.category !== undefined) counts[r.category]++;
  }
  const { S, kUnknown, D, N, T, O, B } = counts;
  const K = S > 0 && kUnknown === S ? null : counts.K;
  return {
    month,
    S,
    K,
    kUnknown,
    D,
    N,
    T,
    O,
    B,
    consistent: D === N + T + O + B,
    ks: ratio(K, S),
    dk: ratio(D, K),
    ds: ratio(D, S),
    nd: ratio(N, D),
  };
}
