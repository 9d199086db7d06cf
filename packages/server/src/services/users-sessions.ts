/**
 * Server-side sessions: the cookie carries a random token, the database keeps its SHA-256,
 * the user, a per-session CSRF token and the expiry. A session ends on sign-out, after a
 * period without use (idle), or at its absolute end.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { executePrepared } from "../db/prepared.ts";
import type { DB } from "../db/schema.ts";
import type { UserRow } from "./users.ts";
import { appDb } from "./users-db.ts";

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however much it is used. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session; returns the cookie token (shown once, never stored) and the CSRF token. */
export async function createSession(
  db: Kysely<DB>,
  userId: string,
  policy: SessionPolicy,
  meta: { ip?: string; userAgent?: string } = {},
  now = new Date(),
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  await appDb(db)
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(Math.min(now.getTime() + policy.idleMs, now.getTime() + policy.absoluteMs)),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export interface ActiveSession {
  tokenHash: string;
  csrfToken: string;
  user: UserRow;
}

/**
 * The live session for a cookie token with its (enabled) user, extending its idle expiry;
 * undefined when unknown, expired or the user is disabled (an expired session is deleted).
 */
export async function resumeSession(
  db: Kysely<DB>,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<ActiveSession | undefined> {
  const tokenHash = hashToken(token);
  const adb = appDb(db);
  // Asked on every request whose session is not cached: prepared once per connection.
  const [row] = await executePrepared(
    adb,
    adb
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .selectAll("users")
      .select(["sessions.csrf_token", "sessions.expires_at", "sessions.created_at as session_created_at"])
      .where("sessions.token_hash", "=", tokenHash),
  );
  if (!row) return undefined;
  const { csrf_token, expires_at, session_created_at, ...user } = row;
  if (new Date(expires_at).getTime() <= now.getTime() || user.disabled) {
    await adb.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
    return undefined;
  }
  const absoluteEnd = new Date(session_created_at).getTime() + policy.absoluteMs;
  const nextExpiry = Math.min(now.getTime() + policy.idleMs, absoluteEnd);
  // Write the sliding expiry at most once a minute, so reads stay reads.
  if (nextExpiry - new Date(expires_at).getTime() > 60_000) {
    await adb
      .updateTable("sessions")
      .set({ last_seen_at: now, expires_at: new Date(nextExpiry) })
      .where("token_hash", "=", tokenHash)
      .execute();
  }
  return { tokenHash, csrfToken: csrf_token, user: user as UserRow };
}

/** Ends one session. */
export async function endSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await appDb(db).deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** Deletes expired sessions; returns how many. */
export async function purgeExpiredSessions(db: Kysely<DB>, now = new Date()): Promise<number> {
  const res = await appDb(db).deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
