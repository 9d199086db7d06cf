import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isoDays, PgBinaryRows, uuid7Into, uuidBytes, uuidText } from "./pg-binary.ts";

describe("isoDays", () => {
  it.each([
    ["1970-01-01", 0],
    ["2000-01-01", 10_957],
    ["2024-02-29", 19_782],
    ["1969-12-31", -1],
  ])("%s is day %i", (iso, days) => {
    expect(isoDays(iso)).toBe(days);
  });
});

describe("PgBinaryRows", () => {
  it("writes the signature, tuples of typed fields and the trailer", () => {
    const w = new PgBinaryRows(64);
    w.row(3).int4(7).text("é").null();
    const out = w.take();
    expect(out).not.toBeNull();
    const b = out as Buffer;
    expect(b.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
    expect(b.readInt32BE(11)).toBe(0);
    expect(b.readInt16BE(19)).toBe(3); // fields of the tuple
    expect(b.readInt32BE(21)).toBe(4); // int4 length
    expect(b.readInt32BE(25)).toBe(7);
    expect(b.readInt32BE(29)).toBe(2); // "é" is two UTF-8 bytes
    expect(b.subarray(33, 35).toString("utf8")).toBe("é");
    expect(b.readInt32BE(35)).toBe(-1); // NULL
    expect(b.readInt16BE(39)).toBe(-1); // trailer
    expect(b.length).toBe(41);
  });

  it("grows past its first buffer and starts anew after take", () => {
    const w = new PgBinaryRows(64);
    const long = "x".repeat(1000);
    for (let i = 0; i < 100; i++) w.row(1).text(long);
    expect(w.rowCount).toBe(100);
    expect((w.take() as Buffer).length).toBe(19 + 100 * (2 + 4 + 1000) + 2);
    expect(w.rowCount).toBe(0);
    expect(w.take()).toBeNull();
    // The next tuple starts new data, signature and header included.
    w.row(1).int4(5);
    const again = w.take() as Buffer;
    expect(again.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
    expect(again.length).toBe(19 + 2 + 8 + 2);
    expect(again.readInt32BE(25)).toBe(5);
  });

  it("writes undefined and NaN numbers as NULL", () => {
    const w = new PgBinaryRows();
    w.row(3).float8(Number.NaN).float8(undefined).int2(undefined);
    const b = w.take() as Buffer;
    expect([b.readInt32BE(21), b.readInt32BE(25), b.readInt32BE(29)]).toEqual([-1, -1, -1]);
  });

  it.each([
    ["", 0],
    ["32.01", 5],
    ["a".repeat(64), 64],
    ["b".repeat(65), 65],
    ["Posyandu Mawar — Désa", 24],
    [`${"c".repeat(60)}é`, 62],
    ["日本", 6],
  ])("writes text %j as its UTF-8 bytes (%i) with their length", (text, bytes) => {
    const w = new PgBinaryRows(8);
    w.row(2).text(text).int4(-123_456);
    const b = w.take() as Buffer;
    expect(b.readInt32BE(21)).toBe(bytes);
    expect(b.subarray(25, 25 + bytes).toString("utf8")).toBe(text);
    expect(b.readInt32BE(25 + bytes)).toBe(4);
    expect(b.readInt32BE(29 + bytes)).toBe(-123_456);
  });

  it("writes a UUID from any offset of its bytes", () => {
    const bytes = Buffer.concat([Buffer.from([1, 2, 3]), uuidBytes("0192f5a3-1b2c-7d4e-8f60-112233445566")]);
    const w = new PgBinaryRows(8);
    w.row(1).uuid(bytes, 3);
    const b = w.take() as Buffer;
    expect(b.readInt32BE(21)).toBe(16);
    expect(uuidText(b, 25)).toBe("0192f5a3-1b2c-7d4e-8f60-112233445566");
  });
});

describe("uuidText", () => {
  it("gives back the text of any UUID, at any offset", () => {
    for (let k = 0; k < 200; k++) {
      const text = randomUUID();
      const bytes = Buffer.concat([Buffer.alloc(k % 7), uuidBytes(text)]);
      expect(uuidText(bytes, k % 7)).toBe(text);
    }
    expect(uuidText(Buffer.alloc(16, 0xff))).toBe("ffffffff-ffff-ffff-ffff-ffffffffffff");
    expect(uuidText(Buffer.alloc(16))).toBe("00000000-0000-0000-0000-000000000000");
  });
});

describe("uuid7Into", () => {
  it("makes version-7 UUIDs carrying the time, distinct and ordered by time", () => {
    const a = Buffer.alloc(16);
    const b = Buffer.alloc(16);
    uuid7Into(a, 0, 1_700_000_000_000);
    uuid7Into(b, 0, 1_700_000_000_001);
    const ta = uuidText(a);
    expect(ta).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // 1_700_000_000_000 ms = 0x018bcfe56800
    expect(ta.slice(0, 13)).toBe("018bcfe5-6800");
    expect(uuidText(a) < uuidText(b)).toBe(true);
    const seen = new Set<string>();
    const c = Buffer.alloc(16);
    for (let i = 0; i < 10_000; i++) {
      uuid7Into(c, 0, 1_700_000_000_000);
      seen.add(uuidText(c));
    }
    expect(seen.size).toBe(10_000);
  });

  it("round-trips the text form", () => {
    const t = "0192f5a3-1b2c-7d4e-8f60-112233445566";
    expect(uuidText(uuidBytes(t))).toBe(t);
  });
});
