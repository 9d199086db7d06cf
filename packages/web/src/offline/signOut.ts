/**
 * Signing out on a device that may hold unsent work: the outbox is sent first when there is a
 * network; what still waits is deleted only when the user says so; the server session is ended
 * before anything on the device is cleared, and then everything the app kept is deleted.
 */
import type { TFunction } from "i18next";
import { ApiError, api } from "../api/client.ts";
import { unsent } from "./outbox.ts";
import { outboxOf, wipeOfflineData } from "./store.ts";
import { syncNow } from "./sync.ts";

/** Signs out `userId`; false when the user kept the session (unsent data, or no network). */
export async function signOutKeepingNothing(userId: string, t: TFunction): Promise<boolean> {
  if (!navigator.onLine) {
    window.alert(t("offline.signOut.needsNetwork"));
    return false;
  }
  await syncNow(userId).catch(() => null);
  const waiting = unsent(await outboxOf(userId).catch(() => [])).length;
  if (waiting > 0 && !window.confirm(t("offline.signOut.unsent", { count: waiting }))) return false;
  try {
    await api.post("/api/auth/logout");
  } catch (e) {
    if (!(e instanceof ApiError)) {
      window.alert(t("offline.signOut.needsNetwork"));
      return false;
    }
    if (e.status !== 401) throw e;
  }
  await wipeOfflineData();
  return true;
}
