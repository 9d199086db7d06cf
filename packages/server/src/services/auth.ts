/**
 * Signing in and out, and server-side sessions: the cookie carries a random token, the database
 * keeps its SHA-256, the user, a per-session CSRF token and the expiry. A session ends on sign-out,
 * after a period without use (idle), at its absolute end, or when the user is disabled.
 */

import { createHash, randomBytes } from "node:crypto";
import { userMessage } from "@tumbuh/core";
import { DUMMY_HASH, hashPassword, verifyPassword } from "../auth/password.ts";
import { passwordProblem } from "../auth/password-policy.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { UserRow } from "../db/repositories/users.ts";
import { recordAudit } from "./audit.ts";
import { badRequest, ServiceError } from "./errors.ts";
import { type AuthUser, actorOf } from "./users.ts";

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however much it is used. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 };

/** The stored form of a session token. */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface ActiveSession {
  tokenHash: string;
  csrfToken: string;
  user: UserRow;
}

export class AuthService {
  constructor(
    private readonly repos: Repositories,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date,
  ) {}

  /**
   * Checks a username and password and starts a session; the sign-in, and a failed one, is in the
   * audit log. A wrong password, an unknown user and a disabled account are the same failure
   * (invalid_credentials).
   */
  async login(
    username: string,
    password: string,
    meta: { ip?: string; userAgent?: string },
  ): Promise<{ user: UserRow; token: string; csrfToken: string }> {
    const row = await this.repos.users.findByUsername(username.toLowerCase());
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) {
      // The name tried and the address, never the password; under the account's region when the
      // account exists (its administrators see it), else for national administrators only.
      await recordAudit(this.repos, {
        actor: null,
        action: "login_failed",
        entity: "session",
        regionCode: row?.region_code ?? null,
        after: { username },
        ip: meta.ip,
      });
      throw new ServiceError(
        "invalid_credentials",
        "wrong username or password, or the account is disabled",
        undefined,
        userMessage("auth.invalidCredentials"),
      );
    }
    const now = this.now();
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(32).toString("base64url");
    const tokenHash = hashToken(token);
    await this.repos.transaction(async (tx) => {
      await tx.users.insertSession({
        token_hash: tokenHash,
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(
          Math.min(now.getTime() + this.policy.idleMs, now.getTime() + this.policy.absoluteMs),
        ),
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await recordAudit(tx, {
        actor: actorOf(row),
        action: "login",
        entity: "session",
        entityId: tokenHash.slice(0, 12),
        regionCode: row.region_code,
        ip: meta.ip,
      });
    });
    return { user: row, token, csrfToken };
  }

  /**
   * The live session for a cookie token with its (enabled) user, extending its idle expiry;
   * undefined when unknown, expired or the user is disabled (an expired session is deleted).
   */
  async resume(token: string): Promise<ActiveSession | undefined> {
    const now = this.now();
    const tokenHash = hashToken(token);
    const row = await this.repos.users.session(tokenHash);
    if (!row) return undefined;
    const { csrf_token, expires_at, session_created_at, ...user } = row;
    if (new Date(expires_at).getTime() <= now.getTime() || user.disabled) {
      await this.repos.users.deleteSession(tokenHash);
      return undefined;
    }
    const absoluteEnd = new Date(session_created_at).getTime() + this.policy.absoluteMs;
    const nextExpiry = Math.min(now.getTime() + this.policy.idleMs, absoluteEnd);
    // Write the sliding expiry at most once a minute, so reads stay reads.
    if (nextExpiry - new Date(expires_at).getTime() > 60_000) {
      await this.repos.users.touchSession(tokenHash, now, new Date(nextExpiry));
    }
    return { tokenHash, csrfToken: csrf_token, user };
  }

  /** Ends the caller's session; the sign-out is in the audit log. */
  async logout(user: AuthUser, tokenHash: string, ip?: string): Promise<void> {
    await this.repos.transaction(async (tx) => {
      await tx.users.deleteSession(tokenHash);
      await recordAudit(tx, {
        actor: user,
        action: "logout",
        entity: "session",
        entityId: tokenHash.slice(0, 12),
        regionCode: user.regionCode,
        ip,
      });
    });
  }

  /**
   * Changes the signed-in user's own password after checking the current one, and ends the user's
   * other sessions (a session that may have been taken over ends with the old password); the session
   * `keepTokenHash` that made the change stays.
   */
  async changePassword(
    user: AuthUser,
    row: UserRow,
    keepTokenHash: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    if (!(await verifyPassword(currentPassword, row.password_hash))) {
      throw badRequest(
        "currentPassword",
        "the current password is wrong",
        userMessage("auth.currentPasswordWrong"),
      );
    }
    const weak = passwordProblem(newPassword, user.username);
    if (weak) throw badRequest("newPassword", weak.text, weak.message);
    const passwordHash = await hashPassword(newPassword);
    await this.repos.transaction(async (tx) => {
      await tx.users.setPasswordHash(user.id, passwordHash);
      await tx.users.deleteSessionsOf(user.id, keepTokenHash);
      await recordAudit(tx, {
        actor: user,
        action: "change_password",
        entity: "user",
        entityId: user.id,
        regionCode: user.regionCode,
        // That the password changed, never the password or its hash.
        after: { passwordChanged: true },
      });
    });
  }

  /** Deletes expired sessions; returns how many. */
  purgeExpired(): Promise<number> {
    return this.repos.users.deleteExpiredSessions(this.now());
  }
}
