/**
 * The period a page opens on when none is asked for. The latest month with any data (`latestMonth`
 * in periods.ts) lets one entry dated today switch every page to a month that has barely started;
 * this rule judges a month by the region's own reporting instead: a month is complete enough when
 * its children measured and its posyandu reporting both reach a share (`threshold`) of the median
 * of the months before it, and the default is the latest such month. Every month gets its
 * completeness figure, to show beside it in the period picker.
 */
import { addMonths, monthOf } from "./months.ts";

/** A region's reporting in one month. */
export interface MonthActivity {
  month: string;
  /** Children measured in the month. */
  measured: number;
  /** Posyandu that reported at least one measurement in the month. */
  posyanduReporting: number;
}

/** The tunable parts of the rule. */
export interface DefaultPeriodRule {
  /** Share of the baseline a month needs, in both counts, to be complete enough. */
  threshold: number;
  /** Number of earlier months with data whose median is the baseline. */
  baselineMonths: number;
  /** How many calendar months back to look for those months (beyond it only when none is within). */
  lookbackMonths: number;
  /** The current month is never the default before this day of the month… */
  currentMonthFromDay: number;
  /** …unless it already reaches this share of its baseline. */
  currentMonthEarlyThreshold: number;
}

/**
 * The rule's defaults: 60 % of the median of the 3 latest earlier months with data (looking up
 * to 12 months back), so a month with a holiday (Lebaran) still counts while one barely begun does
 * not; the median keeps a bulan timbang month (February, August, often half as large again) from
 * raising the bar for the month after. The current month waits for day 20 (most posyandu have met
 * by then), unless it has already reached 100 % of its baseline.
 */
export const DEFAULT_PERIOD_RULE: DefaultPeriodRule = {
  threshold: 0.6,
  baselineMonths: 3,
  lookbackMonths: 12,
  currentMonthFromDay: 20,
  currentMonthEarlyThreshold: 1,
};

/** A month with its completeness, for the period picker. */
export interface MonthCompleteness extends MonthActivity {
  /** Median children measured of the baseline months; null without baseline. */
  baselineMeasured: number | null;
  /** Median posyandu reporting of the baseline months; null without baseline. */
  baselinePosyandu: number | null;
  /**
   * The smaller of measured / baselineMeasured and posyanduReporting / baselinePosyandu (a ratio
   * whose baseline is 0 is left out); null without baseline. 1 means as complete as usual.
   */
  completeness: number | null;
  /** The month is after today's month (a date typed wrong). */
  future: boolean;
  /** The month could be the default under the rule. */
  eligible: boolean;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The default month of a region from its monthly reporting, and every month's completeness
 * (oldest first). A month before today's is eligible when complete enough (or when no earlier
 * month exists to compare it with); today's month only from `currentMonthFromDay` on and complete
 * enough, or earlier when it has reached `currentMonthEarlyThreshold`; a future month never. The
 * default is the latest eligible month; with none, the latest month up to today's with data;
 * null without data.
 */
export function defaultMonth(
  activity: readonly MonthActivity[],
  today: string,
  rule: DefaultPeriodRule = DEFAULT_PERIOD_RULE,
): { month: string | null; months: MonthCompleteness[] } {
  const byMonth = new Map<string, MonthActivity>();
  for (const a of activity) {
    const seen = byMonth.get(a.month);
    byMonth.set(
      a.month,
      seen
        ? {
            month: a.month,
            measured: seen.measured + a.measured,
            posyanduReporting: seen.posyanduReporting + a.posyanduReporting,
          }
        : { ...a },
    );
  }
  const current = monthOf(today);
  const day = Number(today.slice(8, 10));
  const withData = (m: string) => (byMonth.get(m)?.measured ?? 0) > 0;

  const complete = new Set<string>();
  const months: MonthCompleteness[] = [...byMonth.values()]
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
    .map((a) => {
      // The baseline: the latest earlier months that had data and were complete enough themselves
      // (a month barely reported does not lower the bar for the next), within the lookback; after a
      // longer gap, the months before it (a region resuming with one entry is compared with what
      // it used to report, not with nothing).
      const baseline: MonthActivity[] = [];
      for (let back = 1; back <= rule.lookbackMonths && baseline.length < rule.baselineMonths; back++) {
        const m = addMonths(a.month, -back);
        if (withData(m) && complete.has(m)) baseline.push(byMonth.get(m)!);
      }
      if (baseline.length === 0) {
        for (const earlier of [...complete].sort().reverse()) {
          if (baseline.length >= rule.baselineMonths) break;
          if (earlier < a.month && withData(earlier)) baseline.push(byMonth.get(earlier)!);
        }
      }
      const baselineMeasured = baseline.length > 0 ? median(baseline.map((b) => b.measured)) : null;
      const baselinePosyandu = baseline.length > 0 ? median(baseline.map((b) => b.posyanduReporting)) : null;
      const ratios: number[] = [];
      if (baselineMeasured) ratios.push(a.measured / baselineMeasured);
      if (baselinePosyandu) ratios.push(a.posyanduReporting / baselinePosyandu);
      const completeness = ratios.length > 0 ? Math.min(...ratios) : null;
      const future = a.month > current;
      const enough = completeness === null || completeness >= rule.threshold;
      if (enough) complete.add(a.month);
      let eligible: boolean;
      if (future || a.measured <= 0) eligible = false;
      else if (a.month < current) eligible = enough;
      else
        eligible =
          (day >= rule.currentMonthFromDay && enough) ||
          (completeness !== null && completeness >= rule.currentMonthEarlyThreshold);
      return { ...a, baselineMeasured, baselinePosyandu, completeness, future, eligible };
    });

  let month: string | null = null;
  for (const m of months) if (m.eligible) month = m.month;
  if (month === null) for (const m of months) if (!m.future && m.measured > 0) month = m.month;
  return { month, months };
}

/**
 * The period the public page opens on: the latest published bulan timbang (February or August)
 * that is over, or published year that is over, whichever ends later; null when there is none
 * (the page then falls back on `defaultMonth`).
 */
export function defaultPublicPeriod(published: Iterable<string>, today: string): string | null {
  const current = monthOf(today);
  let best: string | null = null;
  let bestEnd = "";
  for (const p of published) {
    const isYear = /^\d{4}$/.test(p);
    const isBulanTimbang = /^\d{4}-(02|08)$/.test(p);
    if (!isYear && !isBulanTimbang) continue;
    const end = isYear ? `${p}-12` : p;
    if (end >= current) continue;
    if (best === null || end > bestEnd) {
      best = p;
      bestEnd = end;
    }
  }
  return best;
}
