/**
 * The outbox as the session page sees it: the user's items, whether the device is online, the
 * last sync; it sends the outbox when the device comes online, every 30 s while items wait, and
 * right after each new write.
 */
import { useCallback, useEffect, useState } from "react";
import type { SessionChild } from "../api/types.ts";
import { newClientId, nextSeq } from "./ids.ts";
import {
  type ChildBody,
  type ChildItem,
  type MeasurementBody,
  type MeasurementItem,
  type OutboxItem,
  type Resolution,
  resolve,
  unsent,
} from "./outbox.ts";
import { deleteOutbox, othersOutboxCount, outboxOf, putOutbox } from "./store.ts";
import { lastSync, onOutboxChange, outboxChanged, type SyncReport, syncing, syncNow } from "./sync.ts";

const RETRY_MS = 30_000;

export interface Outbox {
  items: OutboxItem[];
  unsentCount: number;
  /** Unsent records of other users kept on this device (not shown, not sent by this user). */
  othersCount: number;
  online: boolean;
  syncing: boolean;
  report: SyncReport | null;
  sync(): void;
  queueMeasurement(
    child: SessionChild,
    body: Omit<MeasurementBody, "clientId" | "childVersion">,
  ): Promise<void>;
  queueChild(body: Omit<ChildBody, "clientId">): Promise<string>;
  resolveItem(item: OutboxItem, choice: Resolution): Promise<void>;
}

/** The outbox of `userId` (nothing while null). */
export function useOutbox(userId: string | null): Outbox {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [othersCount, setOthersCount] = useState(0);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [tick, setTick] = useState(0);

  useEffect(() => onOutboxChange(() => setTick((t) => t + 1)), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the change signal
  useEffect(() => {
    if (!userId) return;
    let live = true;
    void outboxOf(userId).then((all) => live && setItems(all));
    void othersOutboxCount(userId).then((n) => live && setOthersCount(n));
    return () => {
      live = false;
    };
  }, [userId, tick]);

  const sync = useCallback(() => {
    if (userId && navigator.onLine) void syncNow(userId);
  }, [userId]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      sync();
    };
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, [sync]);

  const waiting = items.some((i) => i.status === "pending");
  useEffect(() => {
    if (!waiting || !online) return;
    sync();
    const timer = setInterval(sync, RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, online, sync]);

  const queueMeasurement = useCallback(
    async (child: SessionChild, body: Omit<MeasurementBody, "clientId" | "childVersion">) => {
      if (!userId) return;
      const item: MeasurementItem = {
        kind: "measurement",
        clientId: newClientId(),
        seq: nextSeq(),
        userId,
        posyanduId: body.posyanduId,
        createdAt: new Date().toISOString(),
        status: "pending",
        attempts: 0,
        childId: child.id,
        childName: child.name,
        child: { sex: child.sex, birthDate: child.birthDate, version: child.version || undefined },
        body: { ...body, clientId: "", childVersion: child.version || undefined },
      };
      item.body.clientId = item.clientId;
      await putOutbox(item);
      outboxChanged();
      sync();
    },
    [userId, sync],
  );

  const queueChild = useCallback(
    async (body: Omit<ChildBody, "clientId">) => {
      if (!userId) return "";
      const clientId = newClientId();
      const item: ChildItem = {
        kind: "child",
        clientId,
        seq: nextSeq(),
        userId,
        posyanduId: body.posyanduId,
        createdAt: new Date().toISOString(),
        status: "pending",
        attempts: 0,
        body: { ...body, clientId },
      };
      await putOutbox(item);
      outboxChanged();
      sync();
      return clientId;
    },
    [userId, sync],
  );

  const resolveItem = useCallback(
    async (item: OutboxItem, choice: Resolution) => {
      const after = resolve(item, choice);
      if (after) await putOutbox(after);
      else await deleteOutbox(item.clientId);
      outboxChanged();
      sync();
    },
    [sync],
  );

  return {
    items,
    unsentCount: unsent(items).length,
    othersCount,
    online,
    syncing: syncing(),
    report: lastSync(),
    sync,
    queueMeasurement,
    queueChild,
    resolveItem,
  };
}
