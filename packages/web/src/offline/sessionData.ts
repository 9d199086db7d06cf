/**
 * The session page's data with the device's copy as fallback: the posyandu list and a posyandu's
 * children come from the server when it answers (and are then stored on the device), from the
 * device's copy when there is no network; the children registered on the device and the
 * measurements waiting in the outbox are laid over them.
 */
import { ApiError, api } from "../api/client.ts";
import type { Posyandu, PosyanduChildren, SessionChild } from "../api/types.ts";
import type { MeasurementItem, OutboxItem } from "./outbox.ts";
import { loadPosyanduList, loadSession, savePosyanduList, saveSession } from "./store.ts";

/** Data and, when it is the device's copy, when it was loaded from the server. */
export interface Offlineable<T> {
  data: T;
  /** ISO moment of the server answer the device's copy holds; null for a fresh answer. */
  cachedAt: string | null;
}

/** A failure of the network (no answer at all), as opposed to an answer that is an error. */
function noNetwork(e: unknown): boolean {
  return !(e instanceof ApiError);
}

/** The posyandu the user may choose, from the server or the device's copy. */
export async function posyanduList(userId: string): Promise<Offlineable<Posyandu[]>> {
  try {
    const res = await api.get<{ posyandu: Posyandu[] }>("/api/posyandu");
    await savePosyanduList(userId, res.posyandu).catch(() => {});
    return { data: res.posyandu, cachedAt: null };
  } catch (e) {
    const cached = noNetwork(e) ? await loadPosyanduList(userId) : null;
    if (cached) return { data: cached, cachedAt: "" };
    throw e;
  }
}

/** A posyandu's children for a session date, from the server or the device's copy. */
export async function sessionChildren(
  userId: string,
  posyanduId: string,
  date: string,
): Promise<Offlineable<PosyanduChildren>> {
  try {
    const data = await api.get<PosyanduChildren>(`/api/posyandu/${encodeURIComponent(posyanduId)}/children`, {
      date,
    });
    const fetchedAt = new Date().toISOString();
    await saveSession({ posyanduId, userId, data, date, fetchedAt }).catch(() => {});
    return { data, cachedAt: null };
  } catch (e) {
    const cached = noNetwork(e) ? await loadSession(userId, posyanduId) : null;
    if (!cached) throw e;
    const children = cached.data.children.map((c) => ({
      ...c,
      measuredOnDate: cached.date === date ? c.measuredOnDate : c.lastMeasurement?.date === date,
    }));
    return { data: { ...cached.data, children }, cachedAt: cached.fetchedAt };
  }
}

/**
 * The session's rows: the server's (or cached) children, then the children registered on the
 * device for this posyandu that the list does not hold yet; and for each row the outbox's
 * measurement of the date, if any (newest first wins).
 */
export function sessionRows(
  listed: readonly SessionChild[],
  outbox: readonly OutboxItem[],
  posyanduId: string,
  date: string,
): { children: SessionChild[]; entries: Map<string, MeasurementItem> } {
  const known = new Set(listed.map((c) => c.id));
  const serverIdOf = new Map<string, string>();
  const added: SessionChild[] = [];
  for (const i of outbox) {
    if (i.kind !== "child" || i.posyanduId !== posyanduId) continue;
    if (i.resultId) serverIdOf.set(i.clientId, i.resultId);
    if (i.resultId && known.has(i.resultId)) continue;
    added.push({
      id: i.clientId,
      name: i.body.name,
      sex: i.body.sex,
      birthDate: i.body.birthDate,
      nikMasked: null,
      villageCode: i.body.villageCode,
      villageName: null,
      posyanduId: i.body.posyanduId,
      posyanduName: null,
      lastMeasurement: null,
      measuredOnDate: false,
      version: 0,
    });
  }
  const entries = new Map<string, MeasurementItem>();
  for (const i of outbox) {
    if (i.kind !== "measurement" || i.body.date !== date) continue;
    const server = serverIdOf.get(i.childId);
    const rowId = server && known.has(server) ? server : i.childId;
    const before = entries.get(rowId);
    if (!before || before.seq < i.seq) entries.set(rowId, i);
  }
  return { children: [...listed, ...added], entries };
}
