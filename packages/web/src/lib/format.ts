/** Number and date formatting for the two UI languages (Bahasa Indonesia first, English second). */

type Lang = "id" | "en";

const locales: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

/** The BCP 47 locale used for a UI language. */
function localeOf(lang: string): string {
  return lang === "en" ? locales.en : locales.id;
}

/**
 * Formats a rate given in percent (24.13 → "24,1%" in Indonesian, "24.1%" in English);
 * a missing or non-finite value becomes an en dash so an empty cell is never mistaken for zero.
 */
export function formatPercent(value: number | null | undefined, lang: string, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${value.toLocaleString(localeOf(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

/** Formats a count with the language's thousands separator (12345 → "12.345" / "12,345"). */
export function formatCount(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return value.toLocaleString(localeOf(lang), { maximumFractionDigits: 0 });
}

/** Formats a decimal measurement with fixed digits (8.5 → "8,50" / "8.50"). */
export function formatDecimal(value: number | null | undefined, lang: string, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return value.toLocaleString(localeOf(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  });
}

const monthNames: Record<Lang, string[]> = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/**
 * Names a period: "2024-08" → "Agustus 2024" / "August 2024"; "2024" stays "2024"; anything
 * else is returned unchanged.
 */
export function formatPeriod(period: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return period;
  return `${monthNames[lang === "en" ? "en" : "id"][month - 1]} ${m[1]}`;
}

/** Formats an ISO date (yyyy-mm-dd) as dd/mm/yyyy, the form Indonesian registers use; invalid input is returned as is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "–";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Age in completed months between a birth date and a measurement date (both ISO yyyy-mm-dd). */
export function ageInMonths(birth: string, at: string): number {
  const [by, bm, bd] = birth.split("-").map(Number);
  const [ay, am, ad] = at.split("-").map(Number);
  let months = (ay - by) * 12 + (am - bm);
  if (ad < bd) months -= 1;
  return months;
}

/** Masks an identity number for lists, keeping the last four digits (3503010101010001 → "************0001"). */
export function maskIdentity(value: string | null | undefined): string {
  if (!value) return "–";
  if (value.length <= 4) return "*".repeat(value.length);
  return "*".repeat(value.length - 4) + value.slice(-4);
}
