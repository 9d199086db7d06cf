/**
 * The audit log: every write records who, when, what, and the record before → after. Entries
 * are appended in the same transaction as the write they describe.
 */
import { NATION_CODE } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Actor } from "../auth/access.ts";
import { requireAccess } from "../auth/access.ts";
import type { DB } from "../db/schema.ts";
import { appDb } from "./users-db.ts";

export interface AuditInput {
  actor: { id: string; username: string } | null;
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Fields never written to the audit log, whatever record they come in. */
const SECRET_FIELDS = new Set([
  "password_hash",
  "passwordHash",
  "password",
  "nik_enc",
  "kk_enc",
  "mother_nik_enc",
]);

function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_FIELDS.has(key) ? undefined : v));
}

/** Appends one entry (use the transaction's `db` so the entry lands with the write or not at all). */
export async function recordAudit(db: Kysely<DB>, entry: AuditInput): Promise<void> {
  await appDb(db)
    .insertInto("audit_log")
    .values({
      user_id: entry.actor?.id ?? null,
      username: entry.actor?.username ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      region_code: entry.regionCode ?? null,
      before: scrub(entry.before),
      after: scrub(entry.after),
      ip: entry.ip ?? null,
    })
    .execute();
}

export interface AuditQuery {
  region?: string;
  entity?: string;
  entityId?: string;
  userId?: string;
  limit: number;
  before?: string;
}

export interface AuditEntryOut {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Audit entries newest first, limited to the actor's scope (entries without a region, such as
 * sign-ins, only for national admins), paged by the `before` id cursor.
 */
export async function listAudit(
  db: Kysely<DB>,
  actor: Actor,
  query: AuditQuery,
): Promise<{ entries: AuditEntryOut[]; nextBefore: string | null }> {
  const region = query.region ?? actor.regionCode;
  requireAccess(actor, "audit:read", region);
  let q = appDb(db).selectFrom("audit_log").selectAll();
  if (region !== NATION_CODE) {
    q = q.where((eb) => eb.or([eb("region_code", "=", region), eb("region_code", "like", `${region}.%`)]));
  }
  if (query.entity) q = q.where("entity", "=", query.entity);
  if (query.entityId) q = q.where("entity_id", "=", query.entityId);
  if (query.userId) q = q.where("user_id", "=", query.userId);
  if (query.before) q = q.where("id", "<", query.before);
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      userId: r.user_id,
      username: r.username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      regionCode: r.region_code,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    nextBefore: rows.length > query.limit ? String(page[page.length - 1].id) : null,
  };
}
