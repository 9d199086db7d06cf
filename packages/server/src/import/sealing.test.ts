import { afterEach, describe, expect, it } from "vitest";
import { decryptIdentifier, hashIdentifier, keysFromMaster } from "../db/pii.ts";
import { IdentifierSealer } from "./sealing.ts";

const keys = keysFromMaster(Buffer.alloc(32, 9));
const nik = (i: number) => `3503${String(i).padStart(12, "0")}`;

describe("IdentifierSealer", () => {
  const sealers: IdentifierSealer[] = [];
  const make = (workerFrom: number) => {
    const s = new IdentifierSealer(keys, workerFrom);
    sealers.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of sealers.splice(0)) await s.close();
  });

  // workerFrom 1: every batch on the worker thread; 1,000,000: every batch on this thread.
  for (const [where, workerFrom] of [
    ["on the worker thread", 1],
    ["on the import's thread", 1_000_000],
  ] as const) {
    it(`gives each identifier the hash and a ciphertext of pii.ts (${where})`, async () => {
      const sealer = make(workerFrom);
      // Some hashed at once (a child's NIK), some not (KK, mother's NIK).
      const sealed = Array.from({ length: 300 }, (_, i) => sealer.seal(nik(i), i % 3 === 0));
      expect(sealed.filter((s) => s.hashed)).toHaveLength(100);
      expect(() => sealed[0].sealedEnc).toThrow(/not sealed yet/);
      const csv = await sealer.complete();
      const lines = csv.trimEnd().split("\n");
      expect(lines).toHaveLength(300);
      for (let i = 0; i < 300; i++) {
        const s = sealed[i];
        expect(s.hash).toBe(hashIdentifier(keys, nik(i)));
        expect(decryptIdentifier(keys, s.sealedEnc)).toBe(nik(i));
        expect(lines[i]).toBe(`${s.hash},${s.enc}`);
      }
      // Random IVs: equal digits of two imports do not give equal ciphertexts.
      const other = make(workerFrom);
      other.seal(nik(0), false);
      await other.complete();
      expect(other.seal(nik(0), false).sealedEnc).not.toBe(sealed[0].sealedEnc);
    });
  }

  it("seals an identifier once: the same object row after row, in one complete() only", async () => {
    const sealer = make(2);
    const a = sealer.seal(nik(1), true);
    expect(sealer.seal(nik(1), false)).toBe(a);
    sealer.seal(nik(2), false);
    expect((await sealer.complete()).split("\n").filter(Boolean)).toHaveLength(2);
    expect(sealer.seal(nik(1), false)).toBe(a);
    expect(await sealer.complete()).toBe("");
    const enc = a.sealedEnc;
    sealer.seal(nik(3), false);
    sealer.seal(nik(4), false);
    await sealer.complete();
    expect(a.sealedEnc).toBe(enc);
  });

  it("keeps the hash this thread computed while the worker sealed the same identifier", async () => {
    const sealer = make(1);
    const s = sealer.seal(nik(5), false);
    const done = sealer.complete();
    expect(s.hash).toBe(hashIdentifier(keys, nik(5))); // needed before the worker answered
    await done;
    expect(s.hash).toBe(hashIdentifier(keys, nik(5)));
    expect(decryptIdentifier(keys, s.sealedEnc)).toBe(nik(5));
  });

  it("answers batches in flight in order, each with its own identifiers", async () => {
    const sealer = make(1);
    const first = Array.from({ length: 50 }, (_, i) => sealer.seal(nik(100 + i), false));
    const p1 = sealer.complete();
    const second = Array.from({ length: 50 }, (_, i) => sealer.seal(nik(200 + i), false));
    const p2 = sealer.complete();
    const [c1, c2] = await Promise.all([p1, p2]);
    expect(c1.split("\n").filter(Boolean)).toHaveLength(50);
    expect(c2.split("\n").filter(Boolean)).toHaveLength(50);
    for (const [i, s] of first.entries()) expect(decryptIdentifier(keys, s.sealedEnc)).toBe(nik(100 + i));
    for (const [i, s] of second.entries()) expect(decryptIdentifier(keys, s.sealedEnc)).toBe(nik(200 + i));
  });

  it("fails the batches in flight when it is closed under them", async () => {
    const sealer = make(1);
    sealer.seal(nik(7), false);
    const done = sealer.complete();
    await sealer.close();
    await expect(done).rejects.toThrow(/sealing stopped/);
  });
});
