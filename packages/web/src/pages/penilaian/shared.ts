/** What the penilaian pages share. */

/** A score for display: two decimals at most, "–" when none. */
export function score(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 2 }).format(value);
}
