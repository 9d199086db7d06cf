/**
 * Calendar rules of the programme: ages in completed years and months, the semester of an Audit
 * Kasus Stunting (`YYYY-S1` January–June, `YYYY-S2` July–December) and the quarter of a village
 * convergence report (`YYYY-Q1` … `YYYY-Q4`). Dates are ISO strings `YYYY-MM-DD`.
 *
 * An anniversary that falls on a day the month does not have (born on the 31st, or on 29 February)
 * is reached on the last day of that month: born 2024-01-31 is 1 month old on 2024-02-29.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Reads an ISO date; throws an error naming the value unless it is a real `YYYY-MM-DD` date. */
export function parseIsoDate(date: string): Ymd {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return { y, m, d };
  }
  throw new Error(`date: found '${date}', expected a calendar date YYYY-MM-DD (e.g. 2025-08-17)`);
}

function formatYmd({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Whole months from `from` to `to` (negative when `to` is earlier): the number of monthly
 * anniversaries of `from` reached on `to`.
 */
export function completedMonths(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const months = (b.y - a.y) * 12 + (b.m - a.m);
  const anniversaryReached = b.d >= a.d || b.d === daysInMonth(b.y, b.m);
  if (months > 0 && !anniversaryReached) return months - 1;
  if (months < 0 && b.d > a.d) return months + 1;
  return months;
}

/** Age in completed years on `on` of someone born on `birth` (an age, as forms state it). */
export function completedYears(birth: string, on: string): number {
  return Math.trunc(completedMonths(birth, on) / 12);
}

/** The date `months` months after `date` (before it when negative), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseIsoDate(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return formatYmd({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** An Audit Kasus Stunting semester: `2025-S1` (January–June) or `2025-S2` (July–December). */
export type Semester = `${number}-S${1 | 2}`;

const SEMESTER = /^(\d{4})-S([12])$/;

/** The semester of a date: January–June → `YYYY-S1`, July–December → `YYYY-S2`. */
export function semesterOf(date: string): Semester {
  const { y, m } = parseIsoDate(date);
  return `${y}-S${m <= 6 ? 1 : 2}` as Semester;
}

function readSemester(semester: string): { y: number; s: 1 | 2 } {
  const match = SEMESTER.exec(semester);
  if (!match) throw new Error(`semester: found '${semester}', expected YYYY-S1 or YYYY-S2 (e.g. 2025-S2)`);
  return { y: Number(match[1]), s: match[2] === "1" ? 1 : 2 };
}

/** The first day of a semester and the first day after it (`[from, to)`). */
export function semesterDates(semester: string): { from: string; to: string } {
  const { y, s } = readSemester(semester);
  return s === 1 ? { from: `${y}-01-01`, to: `${y}-07-01` } : { from: `${y}-07-01`, to: `${y + 1}-01-01` };
}

/** The semester after `semester`: `2025-S1` → `2025-S2`, `2025-S2` → `2026-S1`. */
export function nextSemester(semester: string): Semester {
  const { y, s } = readSemester(semester);
  return (s === 1 ? `${y}-S2` : `${y + 1}-S1`) as Semester;
}

/** A quarter of the village convergence report: `2025-Q1` (January–March) … `2025-Q4`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

/** The quarter of a date: January–March → `YYYY-Q1` … October–December → `YYYY-Q4`. */
export function quarterOf(date: string): Quarter {
  const { y, m } = parseIsoDate(date);
  return `${y}-Q${Math.ceil(m / 3)}` as Quarter;
}

/** True when `date` lies in `[from, to)`. */
export function dateInRange(date: string, range: { from: string; to: string }): boolean {
  return date >= range.from && date < range.to;
}
