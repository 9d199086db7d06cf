/**
 * Encryption at rest of the outbox (docs/offline.md, "Encryption at rest"): WebCrypto AES-GCM with
 * a 256-bit key derived by HKDF-SHA-256 from the secret the server gives the signed-in user
 * (`GET /api/auth/offline-key`) and the user's id. The key is made non-extractable: the page can use
 * it but never read it back. Each record gets a fresh 96-bit IV and is bound to its own id and
 * owner (additional data), so a record copied under another id or user does not open.
 */

const INFO = new TextEncoder().encode("tumbuh outbox aes-gcm v1");

/** A sealed record: the IV and the ciphertext (with its 128-bit tag). */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

function base64Bytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The user's outbox key from the server's secret (base64, 32 bytes) and the user's id. */
export async function deriveOutboxKey(secretBase64: string, userId: string): Promise<CryptoKey> {
  const secret = base64Bytes(secretBase64);
  if (secret.length !== 32) throw new Error("offline key: expected a 32-byte secret");
  const material = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new TextEncoder().encode(userId), info: INFO },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** Encrypts a JSON value bound to `binding` (e.g. the record's id and owner). */
export async function seal(key: CryptoKey, value: unknown, binding: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(binding) },
    key,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Decrypts a sealed value; throws when the key, the binding or the bytes are not the ones sealed. */
export async function unseal<T>(key: CryptoKey, sealed: Sealed, binding: string): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: sealed.iv, additionalData: new TextEncoder().encode(binding) },
    key,
    sealed.data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
