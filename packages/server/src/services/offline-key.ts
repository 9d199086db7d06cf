/**
 * The secret a signed-in user's browser derives its offline outbox key from (docs/offline.md,
 * "Encryption at rest"). It is derived from the installation's key (the one that protects NIK and
 * No. KK) and the user's id, so it is the same at every sign-in of that user on any device, differs
 * between users, and is never stored on the server. The browser keeps only an AES-GCM key derived
 * from it (non-extractable), deletes it at sign-out, and drops it when another user signs in.
 */
import { hkdfSync } from "node:crypto";
import type { PiiKeys } from "../db/pii.ts";
import type { Caller } from "./child-access.ts";

const INFO = "tumbuh offline outbox v1";

/** The 32-byte secret of one user (base64). */
export function offlineSecret(keys: PiiKeys, userId: string): string {
  return Buffer.from(hkdfSync("sha256", keys.aesKey, Buffer.from(userId, "utf8"), INFO, 32)).toString(
    "base64",
  );
}

export class OfflineKeyService {
  constructor(private readonly keys: PiiKeys) {}

  /** The signed-in user's own secret (nobody else's can be asked for). */
  forCaller(caller: Caller): { userId: string; secret: string; version: 1 } {
    return { userId: caller.id, secret: offlineSecret(this.keys, caller.id), version: 1 };
  }
}
