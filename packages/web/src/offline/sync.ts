/**
 * Sends the outbox to the server: one item at a time in the order they were made, each with its
 * client id, so a send whose answer was lost is answered again by the server, not stored twice.
 * Conflicts and refusals stay in the outbox for the user; no network, an ended session or a server
 * failure stop the run and leave the rest pending. Listeners hear of every change.
 */
import { ApiError, api, setCsrfToken } from "../api/client.ts";
import type { Child, Me, Measurement } from "../api/types.ts";
import {
  childIdMap,
  classifyFailure,
  expiredSent,
  type OutboxItem,
  rebasedOnChild,
  type SendOutcome,
  sendable,
} from "./outbox.ts";
import { deleteOutbox, outboxOf, putOutbox } from "./store.ts";

/** What one run did, and how long it took. */
export interface SyncReport {
  sent: number;
  conflicts: number;
  rejected: number;
  /** Why the run stopped early, if it did. */
  stopped?: "offline" | "unauthenticated" | "server";
  ms: number;
  at: string;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let running: Promise<SyncReport> | null = null;
let last: SyncReport | null = null;

/** Calls `fn` after every change of the outbox; returns the unsubscribe function. */
export function onOutboxChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tells the listeners the outbox changed. */
export function outboxChanged(): void {
  for (const fn of listeners) fn();
}

/** The last finished run, if any. */
export function lastSync(): SyncReport | null {
  return last;
}

/** Whether a run is going on. */
export function syncing(): boolean {
  return running !== null;
}

async function send(item: OutboxItem, ids: Map<string, string>): Promise<OutboxItem> {
  if (item.kind === "child") {
    const res = await api.post<{ child: Child }>("/api/children", item.body);
    return { ...item, status: "sent", resultId: res.child.id, sentAt: new Date().toISOString() };
  }
  const childId = ids.get(item.childId) ?? item.childId;
  const res = await api.post<{ measurement: Measurement }>(
    `/api/children/${encodeURIComponent(childId)}/measurements`,
    item.body,
  );
  return { ...item, status: "sent", result: res.measurement, sentAt: new Date().toISOString() };
}

/** The item after a failed send: in conflict, refused, or (for a retry) unchanged but counted. */
function failed(item: OutboxItem, outcome: SendOutcome): OutboxItem {
  if (outcome.kind === "conflict") {
    if (item.kind === "measurement" && outcome.conflict.kind === "child_changed") {
      const again = rebasedOnChild(item, outcome.conflict.current);
      if (again) return again;
    }
    return { ...item, status: "conflict", conflict: outcome.conflict, attempts: item.attempts + 1 };
  }
  if (outcome.kind === "rejected")
    return { ...item, status: "rejected", error: outcome.error, attempts: item.attempts + 1 };
  return { ...item, attempts: item.attempts + 1 };
}

async function run(userId: string): Promise<SyncReport> {
  const started = performance.now();
  const report: SyncReport = { sent: 0, conflicts: 0, rejected: 0, ms: 0, at: "" };
  // a fresh CSRF token for the writes (and a check that the session still holds)
  try {
    const me = await api.get<Me>("/api/auth/me");
    if (me.user.id !== userId) report.stopped = "unauthenticated";
    else setCsrfToken(me.csrfToken);
  } catch (e) {
    report.stopped = e instanceof ApiError && e.status === 401 ? "unauthenticated" : "offline";
  }
  // an item rebased on a changed child goes again in the same run; at most a few rounds
  for (let round = 0; round < 3 && !report.stopped; round++) {
    const items = await outboxOf(userId);
    const ids = childIdMap(items);
    const next = sendable(items, ids);
    if (next.length === 0) break;
    for (const item of next) {
      let after: OutboxItem;
      try {
        after = await send(item, childIdMap(await outboxOf(userId)));
      } catch (e) {
        const outcome = classifyFailure(e);
        if (outcome.kind === "retry") {
          report.stopped = outcome.reason;
          await putOutbox(failed(item, outcome));
          break;
        }
        after = failed(item, outcome);
      }
      await putOutbox(after);
      if (after.status === "sent") report.sent++;
      else if (after.status === "conflict") report.conflicts++;
      else if (after.status === "rejected") report.rejected++;
      outboxChanged();
    }
  }
  for (const old of expiredSent(await outboxOf(userId), new Date())) await deleteOutbox(old.clientId);
  report.ms = Math.round(performance.now() - started);
  report.at = new Date().toISOString();
  return report;
}

/** Sends the user's outbox now (one run at a time: a second call joins the running one). */
export function syncNow(userId: string): Promise<SyncReport> {
  running ??= run(userId).finally(() => {
    running = null;
  });
  const current = running;
  current.then(
    (r) => {
      last = r;
      outboxChanged();
    },
    () => outboxChanged(),
  );
  outboxChanged();
  return current;
}
