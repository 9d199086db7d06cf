/**
 * Fetches the signed-in user's outbox secret from the server and keeps the key derived from it on
 * the device (store.ts), so the outbox is sealed at rest (crypto.ts, docs/offline.md). Called at
 * every sign-in and every online start; offline, the key kept since the last one is used.
 */
import { api } from "../api/client.ts";
import { deriveOutboxKey } from "./crypto.ts";
import { outboxOf, setOutboxKey } from "./store.ts";

export async function refreshOutboxKey(userId: string): Promise<void> {
  const res = await api.get<{ userId: string; secret: string }>("/api/auth/offline-key");
  if (res.userId !== userId) return;
  await setOutboxKey(userId, await deriveOutboxKey(res.secret, userId));
  // seal what was kept in clear before the key arrived
  await outboxOf(userId);
}
