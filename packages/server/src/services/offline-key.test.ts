import { describe, expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import { OfflineKeyService, offlineSecret } from "./offline-key.ts";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";

describe("offline outbox secret", () => {
  const keys = keysFromMaster(Buffer.alloc(32, 1));
  it("is 32 bytes, the same for a user every time, different between users and installations", () => {
    const a = offlineSecret(keys, A);
    expect(Buffer.from(a, "base64")).toHaveLength(32);
    expect(offlineSecret(keysFromMaster(Buffer.alloc(32, 1)), A)).toBe(a);
    expect(offlineSecret(keys, B)).not.toBe(a);
    expect(offlineSecret(keysFromMaster(Buffer.alloc(32, 2)), A)).not.toBe(a);
    // not one of the installation's own keys
    expect([keys.aesKey.toString("base64"), keys.hmacKey.toString("base64")]).not.toContain(a);
  });

  it("answers the caller's own secret only", () => {
    const s = new OfflineKeyService(keys).forCaller({
      id: B,
      username: "b",
      role: "posyandu_cadre",
      regionCode: "35.03.01.2001",
    });
    expect(s).toEqual({ userId: B, secret: offlineSecret(keys, B), version: 1 });
  });
});
