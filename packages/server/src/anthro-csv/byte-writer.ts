/**
 * A growable byte buffer for writing CSV output without building a string per row: text goes in with
 * `utf8Write`, fixed pieces (z-score texts, flags, category codes) as precomputed bytes.
 */
export class ByteWriter {
  private buf: Buffer;
  private len = 0;

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + extra));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }

  /** Appends a string as UTF-8. */
  text(s: string): void {
    this.ensure(s.length * 3);
    this.len += this.buf.write(s, this.len, "utf8");
  }

  /** Appends precomputed bytes. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
    if (n > 16) {
      this.buf.set(b, this.len);
    } else {
      // A loop beats TypedArray#set for the few bytes of a number or a code.
      const buf = this.buf;
      for (let i = 0; i < n; i++) buf[this.len + i] = b[i];
    }
    this.len += n;
  }

  /**
   * Appends a finite number in plain decimal notation rounded to `decimals` places, trailing zeros
   * dropped (see putFixed).
   */
  fixed(v: number, decimals: number): void {
    this.ensure(24 + decimals);
    this.len = putFixed(this.buf, this.len, v, decimals);
  }

  /** Appends one byte (an ASCII character code). */
  byte(c: number): void {
    this.ensure(1);
    this.buf[this.len++] = c;
  }

  get length(): number {
    return this.len;
  }

  /**
   * Makes room for `bytes` more bytes and returns the buffer to write them into at `length`; the caller
   * writes directly and then calls `advance` with the new end. For hot loops that write many small pieces.
   */
  reserve(bytes: number): Buffer {
    this.ensure(bytes);
    return this.buf;
  }

  /** Sets the end of what was written after writing directly into the buffer `reserve` returned. */
  advance(end: number): void {
    this.len = end;
  }

  /** Returns a copy of what was written and empties the writer (its memory is kept for reuse). */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.len));
    this.len = 0;
    return out;
  }
}

/**
 * Writes a finite number in plain decimal notation rounded to `decimals` places, trailing zeros dropped
 * (75.5 -> "75.5", 10.837105019 -> "10.83710502" with 8 places) at `pos`; returns the end. The buffer must
 * have room for 24 + decimals bytes; |v| must stay below 2^53 / 10^decimals.
 */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

export function putFixed(buf: Uint8Array, pos: number, v: number, decimals: number): number {
  const scale = POW10[decimals];
  const scaled = Math.round(Math.abs(v) * scale);
  let p = pos;
  if (v < 0 && scaled !== 0) buf[p++] = 45; // -
  let whole = Math.floor(scaled / scale);
  // The fraction fits 32-bit integer arithmetic for up to 9 places: the fast path for every number here.
  const small = decimals <= 9;
  let frac = scaled - whole * scale;
  let digits = 1;
  for (let t = whole; t >= 10; t = Math.floor(t / 10)) digits++;
  for (let i = digits - 1; i >= 0; i--) {
    const next = Math.floor(whole / 10);
    buf[p + i] = 48 + (whole - next * 10);
    whole = next;
  }
  p += digits;
  if (frac === 0) return p;
  let places = decimals;
  if (small) {
    let f = frac | 0;
    while (f % 10 === 0) {
      f = (f / 10) | 0;
      places--;
    }
    buf[p++] = 46; // .
    for (let i = places - 1; i >= 0; i--) {
      const next = (f / 10) | 0;
      buf[p + i] = 48 + (f - next * 10);
      f = next;
    }
    return p + places;
  }
  while (frac % 10 === 0) {
    frac /= 10;
    places--;
  }
  buf[p++] = 46; // .
  for (let i = places - 1; i >= 0; i--) {
    const next = Math.floor(frac / 10);
    buf[p + i] = 48 + (frac - next * 10);
    frac = next;
  }
  return p + places;
}

/** Copies a few precomputed bytes to `pos`; returns the end. */
export function putBytes(buf: Uint8Array, pos: number, bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 0; k < n; k++) buf[pos + k] = bytes[k];
  return pos + n;
}
