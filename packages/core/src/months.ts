/**
 * Calendar months as the posyandu counts them: a month is `YYYY-MM`, and a child's age in months
 * is the number of completed calendar months since birth (the KMS / Buku KIA reckoning, "umur
 * dalam bulan penuh"). The WHO reckoning (age in days / 30.4375) belongs to the growth engine and
 * to the data-quality statistics; posyandu rules (KBM, SKDN, growth faltering) use this one.
 */

/** The month `YYYY-MM` of an ISO date `YYYY-MM-DD`. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** The year and the month 1–12 of `YYYY-MM…`, by digit arithmetic (the SKDN refresh calls these millions of times). */
function yearOf(month: string): number {
  return (
    (month.charCodeAt(0) - 48) * 1000 +
    (month.charCodeAt(1) - 48) * 100 +
    (month.charCodeAt(2) - 48) * 10 +
    (month.charCodeAt(3) - 48)
  );
}

function monthNumberOf(month: string): number {
  return (month.charCodeAt(5) - 48) * 10 + (month.charCodeAt(6) - 48);
}

/** Months since year 0 of `YYYY-MM…` (a month or a date): months compare as these numbers. */
export function monthIndex(month: string): number {
  return yearOf(month) * 12 + monthNumberOf(month) - 1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthFromIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The month `n` months after `month` (before it for negative `n`). */
export function addMonths(month: string, n: number): string {
  return monthFromIndex(monthIndex(month) + n);
}

/** Calendar months from `from` to `to` (both `YYYY-MM`): 1 from January to February, negative backwards. */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** Number of days of a month `YYYY-MM`. */
export function daysInMonth(month: string): number {
  const m = monthNumberOf(month);
  if (m !== 2) return DAYS_IN_MONTH[m - 1];
  const y = yearOf(month);
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** The first and the last ISO date of a month `YYYY-MM`. */
export function monthBounds(month: string): { first: string; last: string } {
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(month)).padStart(2, "0")}` };
}

/**
 * Completed calendar months of age on `date` for a child born on `birthDate` (ISO dates): month k
 * is completed on the day of the month of birth, or on the last day of a month that has no such
 * day (born 31 January: one month on 28 or 29 February). Negative before birth.
 */
export function completedMonthsOfAge(birthDate: string, date: string): number {
  return completedMonthsOn(birthDate, date, dayOf(date));
}

/** completedMonthsOfAge on the first day of `month` (`YYYY-MM`), without building its date. */
export function completedMonthsOnFirstDay(birthDate: string, month: string): number {
  return completedMonthsOn(birthDate, month, 1);
}

/** Completed months of age on day `day` of the month `YYYY-MM…` that `month` starts with. */
function completedMonthsOn(birthDate: string, month: string, day: number): number {
  const months = monthIndex(month) - monthIndex(birthDate);
  const birthDay = dayOf(birthDate);
  // day ≥ min(birthDay, days in the month): only a birthday past the 28th needs the month's length.
  const dayReached = day >= birthDay || (birthDay > 28 && day >= daysInMonth(month));
  return dayReached ? months : months - 1;
}

/** The day of the month of an ISO date `YYYY-MM-DD`. */
function dayOf(isoDate: string): number {
  return (isoDate.charCodeAt(8) - 48) * 10 + (isoDate.charCodeAt(9) - 48);
}
