/**
 * The digits of a search term when it is a NIK attempt (16 digits or more, spaces and dots
 * aside), else null: such a term is never sent in a URL (GET /api/children refuses it).
 */
export function nikDigits(text: string): string | null {
  const digits = text.replace(/\D+/g, "");
  return digits.length >= 16 ? digits : null;
}
