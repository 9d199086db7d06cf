/**
 * The audit log: every write records who, when, what, and the record before → after; reads of
 * personal data record who looked. Entries are appended through the repositories of the write's
 * own transaction, so an entry lands with its write or not at all.
 */
import { type Actor, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";

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

/** Appends one entry (pass the transaction's repositories so it lands with the write). */
export async function recordAudit(repos: Repositories, entry: AuditInput): Promise<void> {
  await repos.audit.insert({
    user_id: entry.actor?.id ?? null,
    username: entry.actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    region_code: entry.regionCode ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
    ip: entry.ip ?? null,
  });
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

export class AuditService {
  constructor(private readonly repos: Repositories) {}

  /**
   * Entries newest first, within the user's scope (entries without a region, such as sign-ins, only
   * for national admins), paged by the `before` id cursor.
   */
  async list(
    user: Actor,
    query: AuditQuery,
  ): Promise<{ entries: AuditEntryOut[]; nextBefore: string | null }> {
    const region = query.region ?? user.regionCode;
    requireAccess(user, "audit:read", region);
    const rows = await this.repos.audit.list({ ...query, region, limit: query.limit + 1 });
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
}
