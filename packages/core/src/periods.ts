/**
 * Periods of the programme's figures: a month `YYYY-MM` (February and August are the national
 * weighing months, bulan timbang) or a year `YYYY`. Pure rules shared by the server and the web app.
 */

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** True for `YYYY` or `YYYY-MM`. */
export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** Throws an error naming the period unless it is `YYYY` or `YYYY-MM`. */
export function checkPeriod(period: string): void {
  if (!isPeriod(period))
    throw new Error(`period: found '${period}', expected YYYY-MM (e.g. 2025-08) or YYYY`);
}

/** True for the national weighing months (bulan timbang): February and August. */
export function isBulanTimbang(period: string): boolean {
  return /^\d{4}-(02|08)$/.test(period);
}

/**
 * The month a view opens on when none is asked for: the latest month among `periods` that is not
 * after the month of `today` (YYYY-MM-DD), or null. A month in the future is never chosen.
 */
export function latestMonth(periods: Iterable<string>, today: string): string | null {
  const current = today.slice(0, 7);
  let best: string | null = null;
  for (const p of periods) {
    if (p.length === 7 && p <= current && (best === null || p > best)) best = p;
  }
  return best;
}

/** The 12 months ending at `period`, oldest first (a year ends at its December). */
export function trendMonths(period: string): string[] {
  const [y, m] =
    period.length === 4 ? [Number(period), 12] : [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const idx = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

/** The first day of a period and the first day after it (`[from, to)`), as ISO dates. */
export function periodDates(period: string): { from: string; to: string } {
  checkPeriod(period);
  if (period.length === 4) return { from: `${period}-01-01`, to: `${Number(period) + 1}-01-01` };
  const [y, m] = period.split("-").map(Number);
  return {
    from: `${period}-01`,
    to: m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`,
  };
}
