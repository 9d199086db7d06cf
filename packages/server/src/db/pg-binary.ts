/**
 * Rows in PostgreSQL's binary COPY format (signature and header, tuples, trailer), written
 * straight into a growing buffer: numbers, dates and UUIDs need no text formatting here and no
 * parsing on the server. Bulk writes (the import) send the buffer with `Session.copyBinary`.
 * Each value method writes one field; `row(n)` starts a tuple of n fields.
 */
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_BYTES = 19;
/** Days from 1970-01-01 (Unix) to 2000-01-01 (PostgreSQL's date epoch). */
const PG_EPOCH_DAYS = 10_957;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
export function isoDays(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const NO_BYTES = Buffer.alloc(0);

export class PgBinaryRows {
  private buf: Buffer = NO_BYTES;
  private pos = 0;
  private rows = 0;

  /** `initialBytes`: room made for the data at its first tuple (it grows by doubling). */
  constructor(private readonly initialBytes = 1 << 20) {}

  /** Starts the data in a new buffer: signature and header. */
  private start(): void {
    this.buf = Buffer.allocUnsafe(Math.max(64, this.initialBytes));
    SIGNATURE.copy(this.buf, 0);
    this.buf.writeInt32BE(0, 11); // flags
    this.buf.writeInt32BE(0, 15); // header extension length
    this.pos = HEADER_BYTES;
    this.rows = 0;
  }

  private ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + bytes) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Tuples written since the last take. */
  get rowCount(): number {
    return this.rows;
  }

  /** Starts a tuple of `fields` fields. */
  row(fields: number): this {
    // The buffer is made at the first tuple: none is held between a take and the next tuple.
    if (this.buf === NO_BYTES) this.start();
    this.ensure(2);
    this.pos = this.buf.writeInt16BE(fields, this.pos);
    this.rows++;
    return this;
  }

  null(): this {
    this.ensure(4);
    this.int32(-1);
    return this;
  }

  int2(v: number | undefined): this {
    if (v === undefined) return this.null();
    this.ensure(6);
    this.pos = this.buf.writeInt32BE(2, this.pos);
    this.pos = this.buf.writeInt16BE(v, this.pos);
    return this;
  }

  int4(v: number | undefined): this {
    if (v === undefined) return this.null();
    this.ensure(8);
    this.int32(4);
    this.int32(v);
    return this;
  }

  /** A double precision value; undefined, null and NaN are NULL. */
  float8(v: number | null | undefined): this {
    if (v === undefined || v === null || Number.isNaN(v)) return this.null();
    this.ensure(12);
    this.int32(8);
    this.pos = this.buf.writeDoubleBE(v, this.pos);
    return this;
  }

  bool(v: boolean | undefined): this {
    if (v === undefined) return this.null();
    this.ensure(5);
    this.int32(1);
    this.buf[this.pos++] = v ? 1 : 0;
    return this;
  }

  /** A text value; undefined and null are NULL. */
  text(v: string | null | undefined): this {
    if (v === undefined || v === null) return this.null();
    const n = v.length;
    this.ensure(4 + n * 3);
    const buf = this.buf;
    const at = this.pos + 4;
    // Short ASCII text (codes, statuses, most names) byte by byte: cheaper than a call into
    // the UTF-8 encoder; anything else through it.
    let len = -1;
    if (n <= 64) {
      let i = 0;
      for (; i < n; i++) {
        const c = v.charCodeAt(i);
        if (c >= 0x80) break;
        buf[at + i] = c;
      }
      if (i === n) len = n;
    }
    if (len < 0) len = buf.write(v, at, "utf8");
    this.int32(len);
    this.pos += len;
    return this;
  }

  /** Writes a big-endian 32-bit integer at the current position (room already ensured). */
  private int32(v: number): void {
    const buf = this.buf;
    const p = this.pos;
    buf[p] = v >>> 24;
    buf[p + 1] = v >>> 16;
    buf[p + 2] = v >>> 8;
    buf[p + 3] = v;
    this.pos = p + 4;
  }

  /** A bytea value. */
  bytes(v: Uint8Array): this {
    this.ensure(4 + v.length);
    this.int32(v.length);
    this.buf.set(v, this.pos);
    this.pos += v.length;
    return this;
  }

  /** A date given as days since 1970-01-01. */
  date(unixDays: number | undefined): this {
    if (unixDays === undefined) return this.null();
    return this.int4(unixDays - PG_EPOCH_DAYS);
  }

  /** A UUID given as 16 bytes at `offset` of `bytes`; undefined is NULL. */
  uuid(bytes: Uint8Array | undefined, offset = 0): this {
    if (bytes === undefined) return this.null();
    this.ensure(20);
    this.int32(16);
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < 16; i++) buf[p + i] = bytes[offset + i];
    this.pos = p + 16;
    return this;
  }

  /** The COPY data written so far (with its trailer), or null when no tuple was written; starts anew. */
  take(): Buffer | null {
    if (this.rows === 0) return null;
    this.ensure(2);
    this.pos = this.buf.writeInt16BE(-1, this.pos);
    const out = this.buf.subarray(0, this.pos);
    this.buf = NO_BYTES;
    this.pos = 0;
    this.rows = 0;
    return out;
  }
}

/**
 * Writes a time-ordered UUID (version 7: 48-bit Unix milliseconds, version, variant, 74 random
 * bits) into `out` at `offset`, as the database's tumbuh_uuid7() makes them. Row ids need to be
 * unique, not secret: the random bits come from Math.random (V8's xorshift128+, seeded from the
 * system's entropy), several times faster here than the cryptographic generator.
 */
export function uuid7Into(out: Uint8Array, offset = 0, now = Date.now()): void {
  const a = Math.random() * 0x100000000;
  const b = Math.random() * 0x100000000;
  const c = Math.random() * 0x10000;
  const hi = Math.floor(now / 0x1000000); // upper 24 bits of the 48-bit time
  const lo = now % 0x1000000;
  out[offset] = (hi >>> 16) & 0xff;
  out[offset + 1] = (hi >>> 8) & 0xff;
  out[offset + 2] = hi & 0xff;
  out[offset + 3] = (lo >>> 16) & 0xff;
  out[offset + 4] = (lo >>> 8) & 0xff;
  out[offset + 5] = lo & 0xff;
  out[offset + 6] = 0x70 | ((a >>> 24) & 0x0f);
  out[offset + 7] = (a >>> 16) & 0xff;
  out[offset + 8] = 0x80 | ((a >>> 8) & 0x3f);
  out[offset + 9] = a & 0xff;
  out[offset + 10] = (b >>> 24) & 0xff;
  out[offset + 11] = (b >>> 16) & 0xff;
  out[offset + 12] = (b >>> 8) & 0xff;
  out[offset + 13] = b & 0xff;
  out[offset + 14] = (c >>> 8) & 0xff;
  out[offset + 15] = c & 0xff;
}

/** 16 bytes of a UUID from its text form. */
export function uuidBytes(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, ""), "hex");
}

const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1");
const uuidScratch = Buffer.alloc(36, "-");

/**
 * The text form of the UUID at `offset` of `bytes`, as one flat string: an import keeps one per
 * child it writes, and a string joined from pieces costs several times its size.
 */
export function uuidText(bytes: Uint8Array, offset = 0): string {
  let at = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) at++; // the dash
    const b = bytes[offset + i];
    uuidScratch[at++] = HEX_DIGITS[b >>> 4];
    uuidScratch[at++] = HEX_DIGITS[b & 15];
  }
  return uuidScratch.toString("latin1", 0, 36);
}
