/** The semester of a date, `YYYY-S1` (January–June) or `YYYY-S2` (July–December). */
export function semesterOfDate(date: string): string {
  return `${date.slice(0, 4)}-S${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The semester and the `count - 1` before it, newest first. */
export function recentSemesters(date: string, count = 4): string[] {
  let [y, s] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) <= 6 ? 1 : 2];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-S${s}`);
    if (s === 1) [y, s] = [y - 1, 2];
    else s = 1;
  }
  return out;
}
