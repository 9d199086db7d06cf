/**
 * Session cookie handling: resolves the signed-in user for each API request, refuses writes
 * without the session's CSRF token, and sets/clears the httpOnly SameSite=Lax cookie (Secure
 * when the request came over https).
 */

import { timingSafeEqual } from "node:crypto";
import { userMessage } from "@tumbuh/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ActiveSession } from "../services/auth.ts";
import { type AuthUser, actorOf, type UserRow } from "../services/users.ts";
import type { AppContext } from "./context.ts";
import { HttpError, unauthenticated } from "./errors.ts";

const SESSION_COOKIE = "tumbuh_session";
const CSRF_HEADER = "x-csrf-token";

interface RequestAuth {
  user: AuthUser;
  row: UserRow;
  tokenHash: string;
  csrfToken: string;
}

declare module "fastify" {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Writes that need no session (and so no CSRF token). */
const OPEN_WRITES = new Set(["/api/auth/login"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sessions looked up in the last few seconds, so a burst of dashboard requests does not query
 * the sessions table each time. Sign-out, password changes, and an admin's change to a user
 * (disable, role, scope, password reset) in this process drop the affected entries at once;
 * another process sees such a change within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { at: number; session: ActiveSession }>();

  /**
   * `extended`: while true, cached sessions do not expire (an import holds the embedded database;
   * a sign-out or password change, which drops its sessions here, waits for the import anyway).
   */
  constructor(
    private readonly ttlMs = 5_000,
    private readonly extended: () => boolean = () => false,
  ) {}

  get(token: string, now: number): ActiveSession | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (now - hit.at >= this.ttlMs && !this.extended()) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.session;
  }

  set(token: string, session: ActiveSession, now: number): void {
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(token, { at: now, session });
  }

  clear(): void {
    this.entries.clear();
  }

  /** Drops every cached session of one user, so a change to the user applies on the next request. */
  forgetUser(userId: string): void {
    for (const [token, hit] of this.entries) {
      if (hit.session.user.id === userId) this.entries.delete(token);
    }
  }
}

/** onRequest hook: loads the session (if any) and enforces CSRF on writes. */
export function sessionHook(ctx: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.auth = null;
    const path = request.url.split("?")[0];
    if (
      !path.startsWith("/api/") ||
      path.startsWith("/api/public/") ||
      path.startsWith("/api/docs") ||
      path === "/api/health"
    )
      return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const now = ctx.now();
      let session = ctx.sessions.get(token, now.getTime());
      if (!session) {
        session = await ctx.services.auth.resume(token);
        if (session) ctx.sessions.set(token, session, now.getTime());
      }
      if (session) {
        request.auth = {
          user: actorOf(session.user),
          row: session.user,
          tokenHash: session.tokenHash,
          csrfToken: session.csrfToken,
        };
      }
    }
    if (SAFE_METHODS.has(request.method) || OPEN_WRITES.has(path)) return;
    if (!request.auth)
      throw unauthenticated(token ? "the session has ended; sign in again" : "sign in first", !!token);
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !sameToken(sent, request.auth.csrfToken)) {
      throw new HttpError(
        403,
        "csrf_invalid",
        `missing or wrong ${CSRF_HEADER} header`,
        undefined,
        {},
        userMessage("request.csrf"),
      );
    }
  };
}

/** The signed-in user, or a 401. */
export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw unauthenticated();
  return request.auth.user;
}

/** Sets the session cookie. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeMs: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
  });
}
