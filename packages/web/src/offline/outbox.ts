/**
 * The outbox: writes made on the device (new children, measurements), each with the id the device
 * gave it (`clientId`), kept until the server has accepted them. This module is pure: what an
 * item is, which items can go next, how a failed send is classified, and how a conflict is
 * resolved. Nothing leaves the outbox except by being accepted or by the user's own choice.
 */
import { ApiError } from "../api/client.ts";
import type { Measurement } from "../api/types.ts";

/** The child as the device measured against it (what the z-scores depend on). */
interface ChildBasis {
  sex: 1 | 2;
  birthDate: string;
  /** The child's version on the server; none for a child registered on the device. */
  version?: number;
}

/** The child now, as the server answers a measurement made against an older version. */
export interface ChildNow {
  id: string;
  name: string;
  sex: 1 | 2;
  birthDate: string;
  villageCode: string;
  posyanduId: string | null;
  version: number;
}

export interface MeasurementBody {
  date: string;
  weight?: number;
  height?: number;
  measure?: "l" | "h";
  oedema?: boolean;
  /** KMS / Buku KIA seen at this weighing (SKDN K); omitted when not asked. */
  hasKms?: boolean;
  posyanduId: string;
  clientId: string;
  childVersion?: number;
  replaces?: string;
}

export interface ChildBody {
  name: string;
  sex: 1 | 2;
  birthDate: string;
  villageCode: string;
  posyanduId: string;
  nik?: string;
  motherName?: string;
  clientId: string;
}

type Conflict =
  /** The server holds another measurement of the child on the date (another device, or the web). */
  | { kind: "same_date"; current: Measurement }
  /** The child was changed on the server (e.g. an import corrected the birth date) after the device loaded it. */
  | { kind: "child_changed"; current: ChildNow };

type OutboxStatus = "pending" | "conflict" | "rejected" | "sent";

interface ItemBase {
  clientId: string;
  /** Order of creation on this device (ties of createdAt). */
  seq: number;
  userId: string;
  posyanduId: string;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  conflict?: Conflict;
  /** Why the server refused it (status "rejected"): its code and message. */
  error?: RejectedError;
  sentAt?: string;
}

export interface MeasurementItem extends ItemBase {
  kind: "measurement";
  /** The child's server id, or the clientId of a child registered on the device. */
  childId: string;
  childName: string;
  child: ChildBasis;
  body: MeasurementBody;
  /** The stored measurement, once sent. */
  result?: Measurement;
}

export interface ChildItem extends ItemBase {
  kind: "child";
  body: ChildBody;
  /** The child's server id, once sent. */
  resultId?: string;
}

export type OutboxItem = MeasurementItem | ChildItem;

/** Items still waiting for the server or for the user. */
export function unsent(items: readonly OutboxItem[]): OutboxItem[] {
  return items.filter((i) => i.status !== "sent");
}

/** Server ids of children registered on the device and already sent, by their client id. */
export function childIdMap(items: readonly OutboxItem[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const i of items) if (i.kind === "child" && i.resultId) map.set(i.clientId, i.resultId);
  return map;
}

/**
 * The pending items to send now, in the order they were made. A measurement of a child registered
 * on the device waits until that child is accepted (its server id known).
 */
export function sendable(items: readonly OutboxItem[], ids = childIdMap(items)): OutboxItem[] {
  const localChildren = new Set(items.filter((i) => i.kind === "child").map((i) => i.clientId));
  return items.filter(
    (i) =>
      i.status === "pending" && (i.kind === "child" || !localChildren.has(i.childId) || ids.has(i.childId)),
  );
}

/** What a send attempt came to. */
export type SendOutcome =
  | { kind: "conflict"; conflict: Conflict }
  | { kind: "rejected"; error: RejectedError }
  /** Not decided: no network, the session ended, or the server failed; the item waits. */
  | { kind: "retry"; reason: "offline" | "unauthenticated" | "server" };

/**
 * The server's refusal of an item: its code and English message, and the catalogue message (code
 * and parameters) the user is shown in their language when the server sent one.
 */
interface RejectedError {
  code: string;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

/** Classifies a failed send: a conflict the user resolves, a refusal the user sees, or a later retry. */
export function classifyFailure(e: unknown): SendOutcome {
  if (!(e instanceof ApiError)) return { kind: "retry", reason: "offline" };
  if (e.status === 401) return { kind: "retry", reason: "unauthenticated" };
  if (e.status >= 500 || e.status === 429 || e.status === 408) return { kind: "retry", reason: "server" };
  const details = (e.details ?? {}) as { current?: unknown; field?: string };
  if (e.code === "stale_version" && details.current) {
    return { kind: "conflict", conflict: { kind: "child_changed", current: details.current as ChildNow } };
  }
  if (e.code === "conflict" && details.field === "date" && details.current) {
    return { kind: "conflict", conflict: { kind: "same_date", current: details.current as Measurement } };
  }
  const error: RejectedError = { code: e.code, message: e.message };
  return { kind: "rejected", error: e.key ? { ...error, key: e.key, params: e.params } : error };
}

/**
 * A child changed on the server in what the measurement does not depend on (name, NIK, address):
 * the measurement goes again against the new version without asking. Null when the sex or the
 * birth date changed: the z-scores change, so the user decides.
 */
export function rebasedOnChild(item: MeasurementItem, current: ChildNow): MeasurementItem | null {
  if (current.sex !== item.child.sex || current.birthDate !== item.child.birthDate) return null;
  return {
    ...item,
    status: "pending",
    conflict: undefined,
    child: { ...item.child, version: current.version },
    body: { ...item.body, childVersion: current.version },
  };
}

/** The user's choice on a conflict or a refusal. */
export type Resolution =
  /** Keep what the server holds; this device's write is dropped. */
  | "keep_server"
  /** Send this device's values again, replacing the server's measurement of that date. */
  | "use_mine"
  /** Send the measurement again against the child as the server now has it (z-scores recomputed there). */
  | "use_current_child"
  /** Drop a write the server refused. */
  | "discard";

/** The item after the user's choice, or null when it leaves the outbox. */
export function resolve(item: OutboxItem, choice: Resolution): OutboxItem | null {
  if (choice === "keep_server" || choice === "discard") return null;
  if (item.kind !== "measurement" || !item.conflict) return item;
  const c = item.conflict;
  if (choice === "use_mine" && c.kind === "same_date") {
    return {
      ...item,
      status: "pending",
      conflict: undefined,
      body: { ...item.body, replaces: c.current.id },
    };
  }
  if (choice === "use_current_child" && c.kind === "child_changed") {
    return {
      ...item,
      status: "pending",
      conflict: undefined,
      child: { sex: c.current.sex, birthDate: c.current.birthDate, version: c.current.version },
      body: { ...item.body, childVersion: c.current.version },
    };
  }
  return item;
}

/** Sent items are kept this long for the session page's "terkirim" marks, then dropped. */
export const SENT_KEPT_MS = 12 * 60 * 60 * 1000;

/** Sent items older than SENT_KEPT_MS at `now`, except children a measurement still waiting refers to. */
export function expiredSent(items: readonly OutboxItem[], now: Date): OutboxItem[] {
  const needed = new Set(unsent(items).flatMap((i) => (i.kind === "measurement" ? [i.childId] : [])));
  return items.filter(
    (i) =>
      i.status === "sent" &&
      i.sentAt !== undefined &&
      now.getTime() - Date.parse(i.sentAt) > SENT_KEPT_MS &&
      !needed.has(i.clientId),
  );
}
