/**
 * Protection of personal identifiers (NIK, No. KK): a keyed hash (HMAC-SHA256) for matching and
 * exact search, and an AES-256-GCM ciphertext for display to those allowed to see them. The key
 * lives outside the database: TUMBUH_KEY (64 hex characters or base64 of 32 bytes) or a key file
 * created on first start. Neither the key nor clear identifiers are ever logged.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomFillSync,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface PiiKeys {
  readonly hmacKey: Buffer;
  readonly aesKey: Buffer;
}

/** The key file's name in the data folder (used when TUMBUH_KEY is not set). */
export const KEY_FILE = "tumbuh.key";

function parseKey(text: string, origin: string): Buffer {
  const t = text.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (buf.length !== 32) throw new Error(`${origin}: expected 32 bytes as 64 hex characters or base64`);
  return buf;
}

/** Derives the hash and encryption keys from a 32-byte master key. */
export function keysFromMaster(master: Buffer): PiiKeys {
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  return { hmacKey: derive("tumbuh pii hmac v1"), aesKey: derive("tumbuh pii aes-gcm v1") };
}

/**
 * A fingerprint of the keys (hex): an HMAC of a constant under a key derived for this purpose only.
 * It tells whether two sets of keys are the same without revealing them; stored in the database
 * so that a process with another key refuses to run (db/key-binding.ts).
 */
export function keyFingerprint(keys: PiiKeys): string {
  const fingerprintKey = Buffer.from(
    hkdfSync("sha256", keys.hmacKey, Buffer.alloc(0), "tumbuh key fingerprint v1", 32),
  );
  return createHmac("sha256", fingerprintKey).update("tumbuh key fingerprint v1").digest("hex");
}

/** Where the key comes from: TUMBUH_KEY, or the key file of the data folder. */
export type KeySource = { kind: "env" } | { kind: "file"; path: string; exists: boolean };

/** The key's source for a data folder (default TUMBUH_DATA_DIR or ./data), without reading it. */
export function piiKeySource(dataDir = process.env.TUMBUH_DATA_DIR ?? "./data"): KeySource {
  if (process.env.TUMBUH_KEY) return { kind: "env" };
  const path = join(resolve(dataDir), KEY_FILE);
  return { kind: "file", path, exists: existsSync(path) };
}

/**
 * The master key from TUMBUH_KEY, else from `<dataDir>/tumbuh.key` (TUMBUH_DATA_DIR or ./data),
 * creating that file (mode 0600) with a random key when it does not exist. Processes that open the
 * database go through bindPiiKeys (db/key-binding.ts), which also checks the key against it.
 */
export function loadPiiKeys(dataDir = process.env.TUMBUH_DATA_DIR ?? "./data"): PiiKeys {
  const source = piiKeySource(dataDir);
  if (source.kind === "env") return keysFromMaster(parseKey(process.env.TUMBUH_KEY ?? "", "TUMBUH_KEY"));
  if (!source.exists) {
    mkdirSync(dirname(source.path), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(source.path, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    } catch (err) {
      // Another process (on the same PostgreSQL server) created it a moment ago: use theirs.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return keysFromMaster(parseKey(readFileSync(source.path, "utf8"), source.path));
}

/** Keeps the digits of an identifier (NIK and KK are 16 digits; spaces and dots are dropped). */
export function normalizeIdentifier(value: string): string {
  return value.replace(/\D+/g, "");
}

/** Keyed hash (hex) of a normalised identifier: equal identifiers give equal hashes. */
export function hashIdentifier(keys: PiiKeys, value: string): string {
  return createHmac("sha256", keys.hmacKey).update(normalizeIdentifier(value)).digest("hex");
}

/** Random bytes for IVs, drawn from the cryptographic generator 12 KiB at a time (one call per 1,024 IVs). */
const ivPool = Buffer.alloc(12 * 1024);
let ivPos = ivPool.length;
function nextIv(): Buffer {
  if (ivPos === ivPool.length) {
    randomFillSync(ivPool);
    ivPos = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivPos, ivPos + 12));
  ivPos += 12;
  return iv;
}

/** Encrypts a normalised identifier: base64 of iv (12 bytes) | ciphertext | tag (16 bytes). */
export function encryptIdentifier(keys: PiiKeys, value: string): string {
  const iv = nextIv();
  const cipher = createCipheriv("aes-256-gcm", keys.aesKey, iv);
  const ct = Buffer.concat([cipher.update(normalizeIdentifier(value), "utf8"), cipher.final()]);
  return Buffer.concat([iv, ct, cipher.getAuthTag()]).toString("base64");
}

/** Decrypts what encryptIdentifier produced; throws when the data or key do not match. */
export function decryptIdentifier(keys: PiiKeys, sealed: string): string {
  const buf = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", keys.aesKey, buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(buf.length - 16));
  return Buffer.concat([decipher.update(buf.subarray(12, buf.length - 16)), decipher.final()]).toString(
    "utf8",
  );
}

/**
 * A masked identifier for lists, showing at most the last four digits: "••••••••••••0001". The
 * others would single the child out: a NIK's digits 1–6 are the kecamatan and 7–12 the birth
 * date (plus 40 for a girl), both shown beside it.
 */
export function maskIdentifier(value: string): string {
  const d = normalizeIdentifier(value);
  return d.length <= 4 ? "•".repeat(d.length) : `${"•".repeat(d.length - 4)}${d.slice(-4)}`;
}
