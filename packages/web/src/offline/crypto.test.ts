import { describe, expect, it } from "vitest";
import { deriveOutboxKey, seal, unseal } from "./crypto.ts";

const SECRET = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)));
const OTHER = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 255 - i)));
const U1 = "00000000-0000-4000-8000-000000000001";
const U2 = "00000000-0000-4000-8000-000000000002";
const ITEM = { kind: "measurement", childName: "Siti Sintetis", weight: 9.4, clientId: "c-1" };

describe("outbox encryption at rest", () => {
  it("seals a record so its text is not in the stored bytes, and opens it with the same user's key", async () => {
    const key = await deriveOutboxKey(SECRET, U1);
    expect(key.extractable).toBe(false);
    const sealed = await seal(key, ITEM, `c-1|${U1}`);
    expect(sealed.iv).toHaveLength(12);
    // 16-byte GCM tag on top of the JSON text
    expect(sealed.data.byteLength).toBe(JSON.stringify(ITEM).length + 16);
    expect(new TextDecoder("latin1").decode(sealed.data)).not.toContain("Siti");
    // a key derived again from the same secret (the next sign-in) opens it
    expect(await unseal(await deriveOutboxKey(SECRET, U1), sealed, `c-1|${U1}`)).toEqual(ITEM);
  });

  it("does not open with another user's key, another secret, another binding or changed bytes", async () => {
    const sealed = await seal(await deriveOutboxKey(SECRET, U1), ITEM, `c-1|${U1}`);
    await expect(unseal(await deriveOutboxKey(SECRET, U2), sealed, `c-1|${U1}`)).rejects.toThrow();
    await expect(unseal(await deriveOutboxKey(OTHER, U1), sealed, `c-1|${U1}`)).rejects.toThrow();
    const key = await deriveOutboxKey(SECRET, U1);
    await expect(unseal(key, sealed, `c-2|${U1}`)).rejects.toThrow();
    const bytes = new Uint8Array(sealed.data.slice(0));
    bytes[0] ^= 1;
    await expect(unseal(key, { iv: sealed.iv, data: bytes.buffer }, `c-1|${U1}`)).rejects.toThrow();
  });

  it("uses a fresh IV for every record", async () => {
    const key = await deriveOutboxKey(SECRET, U1);
    const a = await seal(key, ITEM, "b");
    const b = await seal(key, ITEM, "b");
    expect(Array.from(a.iv)).not.toEqual(Array.from(b.iv));
    expect(new Uint8Array(a.data)).not.toEqual(new Uint8Array(b.data));
  });

  it("refuses a secret that is not 32 bytes", async () => {
    await expect(deriveOutboxKey(btoa("short"), U1)).rejects.toThrow("32-byte");
  });
});
