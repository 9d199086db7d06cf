/** Text areas that hold one item per line (agenda, agreed activities): split and join. */

/** The non-empty, trimmed lines of a text. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
