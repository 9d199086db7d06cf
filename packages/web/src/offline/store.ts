/**
 * The device's own copy of a cadre's posyandu work, in IndexedDB (through `idb`): who signed in
 * last (to open the app without a network), the posyandu list, each posyandu's children, and the
 * outbox of writes not yet accepted by the server. Nothing here is sent anywhere but to the
 * server, and signing out deletes the whole database (see docs/offline.md).
 */
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import type { Me, Posyandu, PosyanduChildren } from "../api/types.ts";
import { type Sealed, seal, unseal } from "./crypto.ts";
import type { OutboxItem } from "./outbox.ts";

const DB_NAME = "tumbuh-offline";

/** A posyandu's session list as last loaded from the server. */
export interface CachedSession {
  posyanduId: string;
  userId: string;
  data: PosyanduChildren;
  /** The session date it was loaded for (its `measuredOnDate` marks). */
  date: string;
  /** When it was loaded (ISO moment). */
  fetchedAt: string;
}

/**
 * An outbox record as stored: only its id and owner in clear (for the index), the item itself
 * sealed with the owner's key (crypto.ts). An item saved before the device had its user's key (the
 * app updated while offline) is stored as it is, and sealed as soon as the key arrives.
 */
type StoredOutbox = { clientId: string; userId: string; sealed: Sealed } | OutboxItem;

interface OfflineDb extends DBSchema {
  kv: { key: string; value: unknown };
  sessions: { key: string; value: CachedSession };
  outbox: { key: string; value: StoredOutbox; indexes: { byUser: string } };
}

/** The record's binding (AES-GCM additional data): its id and its owner. */
const binding = (clientId: string, userId: string) => `${clientId}|${userId}`;

let opening: Promise<IDBPDatabase<OfflineDb>> | null = null;

function db(): Promise<IDBPDatabase<OfflineDb>> {
  opening ??= openDB<OfflineDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore("kv");
      d.createObjectStore("sessions", { keyPath: "posyanduId" });
      d.createObjectStore("outbox", { keyPath: "clientId" }).createIndex("byUser", "userId");
    },
    // another tab signs out (deletes the database): let go at once, or the deletion waits for this tab
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      opening = null;
    },
  });
  return opening;
}

/** The user who signed in last on this device (without the CSRF token), for opening the app offline. */
export async function loadMe(): Promise<Me | null> {
  return ((await (await db()).get("kv", "me")) as Me | undefined) ?? null;
}

/**
 * Remembers the signed-in user. When another user signs in, the previous user's cached lists are
 * dropped at once; their unsent writes stay (not shown, not sent) until they sign in again.
 */
export async function saveMe(me: Me): Promise<void> {
  const d = await db();
  const previous = (await d.get("kv", "me")) as Me | undefined;
  const tx = d.transaction(["kv", "sessions"], "readwrite");
  if (previous && previous.user.id !== me.user.id) {
    await tx.objectStore("sessions").clear();
    await tx.objectStore("kv").delete("posyanduList");
    // the previous user's records stay sealed; without their key nobody on this device opens them
    await tx.objectStore("kv").delete("outboxKey");
  }
  await tx.objectStore("kv").put({ ...me, csrfToken: "" }, "me");
  await tx.done;
}

export async function savePosyanduList(userId: string, list: Posyandu[]): Promise<void> {
  await (await db()).put("kv", { userId, list }, "posyanduList");
}

export async function loadPosyanduList(userId: string): Promise<Posyandu[] | null> {
  const v = (await (await db()).get("kv", "posyanduList")) as
    | { userId: string; list: Posyandu[] }
    | undefined;
  return v && v.userId === userId ? v.list : null;
}

export async function saveSession(s: CachedSession): Promise<void> {
  await (await db()).put("sessions", s);
}

export async function loadSession(userId: string, posyanduId: string): Promise<CachedSession | null> {
  const s = await (await db()).get("sessions", posyanduId);
  return s && s.userId === userId ? s : null;
}

/** Keeps the signed-in user's outbox key (non-extractable) on the device until sign-out. */
export async function setOutboxKey(userId: string, key: CryptoKey): Promise<void> {
  await (await db()).put("kv", { userId, key }, "outboxKey");
}

async function outboxKeyOf(userId: string): Promise<CryptoKey | null> {
  const v = (await (await db()).get("kv", "outboxKey")) as { userId: string; key: CryptoKey } | undefined;
  return v && v.userId === userId ? v.key : null;
}

/**
 * Every outbox item of a user, oldest first (opened with the user's key; items kept in clear from
 * before the key arrived are sealed now).
 */
export async function outboxOf(userId: string): Promise<OutboxItem[]> {
  const rows = await (await db()).getAllFromIndex("outbox", "byUser", userId);
  const key = await outboxKeyOf(userId);
  const items: OutboxItem[] = [];
  for (const row of rows) {
    if ("sealed" in row) {
      if (key) items.push(await unseal<OutboxItem>(key, row.sealed, binding(row.clientId, userId)));
    } else {
      items.push(row);
      if (key) await putOutbox(row);
    }
  }
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.seq - b.seq);
}

/** How many outbox items belong to users other than this one. */
export async function othersOutboxCount(userId: string): Promise<number> {
  const all = await (await db()).getAllKeys("outbox");
  const mine = await (await db()).getAllKeysFromIndex("outbox", "byUser", userId);
  return all.length - mine.length;
}

/** Stores an outbox item, sealed with its owner's key when the device has it. */
export async function putOutbox(item: OutboxItem): Promise<void> {
  const key = await outboxKeyOf(item.userId);
  const row: StoredOutbox = key
    ? {
        clientId: item.clientId,
        userId: item.userId,
        sealed: await seal(key, item, binding(item.clientId, item.userId)),
      }
    : item;
  await (await db()).put("outbox", row);
}

export async function deleteOutbox(clientId: string): Promise<void> {
  await (await db()).delete("outbox", clientId);
}

/** Deletes everything this app keeps on the device (at sign-out). */
export async function wipeOfflineData(): Promise<void> {
  const d = await opening?.catch(() => null);
  d?.close();
  opening = null;
  await deleteDB(DB_NAME);
}
