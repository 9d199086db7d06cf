/** Finding where CSV records end in raw bytes, so a file can be cut into pieces that parse on their own. */

const QUOTE = 34;
const NEWLINE = 10;

/**
 * The index just past the last line break of `bytes` that ends a record (one outside a quoted field),
 * or -1 when there is none; and whether `bytes` ends inside a quoted field. `startsInQuotes` says whether
 * the bytes begin inside one. Doubled quotes ("") toggle twice, so counting quotes is enough.
 */
export function lastRecordEnd(
  bytes: Uint8Array,
  startsInQuotes: boolean,
): { cut: number; endsInQuotes: boolean } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const quotes: number[] = [];
  for (let q = buf.indexOf(QUOTE); q >= 0; q = buf.indexOf(QUOTE, q + 1)) quotes.push(q);
  const endsInQuotes = startsInQuotes !== (quotes.length % 2 === 1);
  let k = quotes.length; // quotes before position p, counted down as p moves back
  for (let p = buf.lastIndexOf(NEWLINE); p >= 0; p = p > 0 ? buf.lastIndexOf(NEWLINE, p - 1) : -1) {
    while (k > 0 && quotes[k - 1] > p) k--;
    const inQuotes = startsInQuotes !== (k % 2 === 1);
    if (!inQuotes) return { cut: p + 1, endsInQuotes };
  }
  return { cut: -1, endsInQuotes };
}
