/** Reading what a cadre types at a session (the entry rules themselves are @tumbuh/core's checkEntry). */

/**
 * Reads a number typed by hand: a decimal comma or point ("8,5" / "8.5"); empty gives
 * undefined, anything else that is not a plain positive-or-zero decimal gives NaN.
 */
export function parseDecimalInput(text: string): number | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  if (!/^\d+([.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(",", "."));
}

/** The measuring position a cadre normally uses: lying under 2 years (731 days), standing after. */
export function defaultMeasure(birthDate: string, date: string): "l" | "h" {
  const days = (Date.parse(date) - Date.parse(birthDate)) / 86_400_000;
  return days < 731 ? "l" : "h";
}
