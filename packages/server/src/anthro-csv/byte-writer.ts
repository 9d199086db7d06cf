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
   * dropped (75.5 -> "75.5", 10.837105019 -> "10.83710502" with 8 places). |v| must stay below 2^53 / 10^decimals.
   */
  fixed(v: number, decimals: number): void {
    const scale = 10 ** decimals;
    let scaled = Math.round(Math.abs(v) * scale);
    this.ensure(24 + decimals);
    const buf = this.buf;
    if (v < 0 && scaled !== 0) buf[this.len++] = 45; // -
    let whole = Math.floor(scaled / scale);
    scaled -= whole * scale;
    // integer part
    let digits = 1;
    for (let t = whole; t >= 10; t = Math.floor(t / 10)) digits++;
    for (let i = digits - 1; i >= 0; i--) {
      const next = Math.floor(whole / 10);
      buf[this.len + i] = 48 + (whole - next * 10);
      whole = next;
    }
    this.len += digits;
    if (scaled === 0) return;
    // fractional part without trailing zeros
    let places = decimals;
    while (scaled % 10 === 0) {
      scaled /= 10;
      places--;
    }
    buf[this.len++] = 46; // .
    for (let i = places - 1; i >= 0; i--) {
      const next = Math.floor(scaled / 10);
      buf[this.len + i] = 48 + (scaled - next * 10);
      scaled = next;
    }
    this.len += places;
  }

  /** Appends one byte (an ASCII character code). */
  byte(c: number): void {
    this.ensure(1);
    this.buf[this.len++] = c;
  }

  get length(): number {
    return this.len;
  }

  /** Returns a copy of what was written and empties the writer (its memory is kept for reuse). */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.len));
    this.len = 0;
    return out;
  }
}
