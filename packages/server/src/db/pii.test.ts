import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  decryptIdentifier,
  encryptIdentifier,
  hashIdentifier,
  keysFromMaster,
  loadPiiKeys,
  maskIdentifier,
} from "./pii.ts";

const keys = keysFromMaster(Buffer.alloc(32, 7));

it("hashes equal identifiers equally, whatever the spacing, and different ones differently", () => {
  expect(hashIdentifier(keys, "3503 0101 0101 0001")).toBe(hashIdentifier(keys, "3503010101010001"));
  expect(hashIdentifier(keys, "3503010101010001")).not.toBe(hashIdentifier(keys, "3503010101010002"));
  expect(hashIdentifier(keysFromMaster(Buffer.alloc(32, 8)), "3503010101010001")).not.toBe(
    hashIdentifier(keys, "3503010101010001"),
  );
  expect(hashIdentifier(keys, "3503010101010001")).not.toContain("3503010101010001");
});

it("encrypts with a fresh nonce and decrypts back; a wrong key fails", () => {
  const a = encryptIdentifier(keys, "3503010101010001");
  const b = encryptIdentifier(keys, "3503010101010001");
  expect(a).not.toBe(b);
  expect(decryptIdentifier(keys, a)).toBe("3503010101010001");
  expect(() => decryptIdentifier(keysFromMaster(Buffer.alloc(32, 9)), a)).toThrow();
});

it("never repeats a nonce, across refills of the nonce pool", () => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3000; i++) {
    const enc = encryptIdentifier(keys, "3503010101010001");
    nonces.add(Buffer.from(enc, "base64").subarray(0, 12).toString("hex"));
    if (i % 997 === 0) expect(decryptIdentifier(keys, enc)).toBe("3503010101010001");
  }
  expect(nonces.size).toBe(3000);
});

it("creates a private key file on first use and reuses it", () => {
  const saved = process.env.TUMBUH_KEY;
  delete process.env.TUMBUH_KEY;
  try {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-key-"));
    const k1 = loadPiiKeys(dir);
    const file = join(dir, "tumbuh.key");
    expect(readFileSync(file, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadPiiKeys(dir).hmacKey.equals(k1.hmacKey)).toBe(true);
    process.env.TUMBUH_KEY = "ab".repeat(32);
    expect(loadPiiKeys(dir).hmacKey.equals(k1.hmacKey)).toBe(false);
    process.env.TUMBUH_KEY = "short";
    expect(() => loadPiiKeys(dir)).toThrow(/TUMBUH_KEY: expected 32 bytes/);
  } finally {
    if (saved === undefined) delete process.env.TUMBUH_KEY;
    else process.env.TUMBUH_KEY = saved;
  }
});

it("masks identifiers for lists", () => {
  expect(maskIdentifier("3503010101010001")).toBe("••••••••••••0001");
  expect(maskIdentifier("3503 0101 0101 0001")).toBe("••••••••••••0001");
  expect(maskIdentifier("12345678")).toBe("••••5678");
  expect(maskIdentifier("123")).toBe("•••");
});
