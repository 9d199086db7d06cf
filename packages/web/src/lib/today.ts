/**
 * Today's date as the user lives it: the browser's own time zone, YYYY-MM-DD. A posyandu session
 * at 06:30 in Jayapura (UTC+9) is still the previous day in UTC, so never `toISOString()`.
 */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
