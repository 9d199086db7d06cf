/** Calendar dates as Indonesia lives them: three time zones, WIB (UTC+7), WITA (UTC+8) and WIT (UTC+9). */

const WIT_OFFSET_MS = 9 * 3_600_000;

/**
 * Today's date in Indonesia's easternmost zone (WIT, UTC+9): the latest calendar date anywhere in the
 * country at moment `now`. A measurement dated after it is in the future for every posyandu; one dated
 * today in WIB is not, even between 00:00 and 07:00 WIB, when UTC is still on the previous day.
 */
export function todayInIndonesia(now: Date): string {
  return new Date(now.getTime() + WIT_OFFSET_MS).toISOString().slice(0, 10);
}
