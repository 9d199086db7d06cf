/**
 * A data-quality tally (data-quality-tally.ts) in few bytes, as the roll-up stores it: most of its
 * few hundred counts are zero for a posyandu's month, so each count is an unsigned LEB128 varint
 * and a run of zeros is a 0 byte followed by the run's length as a varint (no count's first byte
 * is 0 but a zero's). A posyandu month of about 40 weighings takes about 200 bytes rather than
 * the 1,732 of 32-bit integers.
 */

let scratch = new Uint8Array(4096);

/** Packs counts (non-negative integers below 2^31). */
export function packTally(counts: ArrayLike<number>): Uint8Array {
  // Worst case: 5 bytes per count.
  if (scratch.length < counts.length * 5) scratch = new Uint8Array(counts.length * 5);
  const out = scratch;
  let at = 0;
  for (let i = 0; i < counts.length; ) {
    let v = counts[i];
    if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff)
      throw new RangeError(`tally count ${i} is ${v}: expected an integer from 0 to 2^31 − 1`);
    if (v === 0) {
      // A run of zeros: 0, then its length.
      let end = i + 1;
      while (end < counts.length && counts[end] === 0) end++;
      out[at++] = 0;
      v = end - i;
      i = end;
    } else i++;
    while (v >= 0x80) {
      out[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[at++] = v;
  }
  return out.slice(0, at);
}

/** The counts of packed bytes; `length` is how many there must be. */
export function unpackTally(bytes: Uint8Array, length: number): number[] {
  const out = new Array<number>(length);
  let n = 0;
  let at = 0;
  const varint = () => {
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= bytes.length || shift > 28) throw new RangeError("packed tally: a count runs past its bytes");
      const b = bytes[at++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
  };
  while (at < bytes.length) {
    if (bytes[at] === 0) {
      at++;
      const run = varint();
      if (n + run > length) throw new RangeError(`packed tally: more than ${length} counts`);
      for (let k = 0; k < run; k++) out[n++] = 0;
    } else {
      if (n >= length) throw new RangeError(`packed tally: more than ${length} counts`);
      out[n++] = varint();
    }
  }
  if (n !== length) throw new RangeError(`packed tally: ${n} counts, expected ${length}`);
  return out;
}
