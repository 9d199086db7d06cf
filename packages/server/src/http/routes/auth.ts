/** Sign-in, sign-out, the current user and own password change. */
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse } from "@tumbuh/core/api";
import { z } from "zod";
import { ROLE_PERMISSIONS } from "../../auth/access.ts";
import { DUMMY_HASH, verifyPassword } from "../../auth/password.ts";
import { recordAudit } from "../../services/audit.ts";
import { actorOf, describeUser, findUserByUsername, setOwnPassword } from "../../services/users.ts";
import { createSession, endSession, hashToken } from "../../services/users-sessions.ts";
import type { App, AppContext } from "../context.ts";
import { HttpError } from "../errors.ts";
import { responses } from "../schemas.ts";
import { clearSessionCookie, requireUser, setSessionCookie } from "../session-hooks.ts";

export async function authRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;

  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in",
        body: LoginBody,
        response: responses({ 200: LoginResponse }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // The slot is taken before the slow password check, so parallel attempts count at once.
      const wait = ctx.limiter.reserve(username, request.ip);
      if (wait > 0) {
        throw new HttpError(
          429,
          "rate_limited",
          `too many sign-in attempts; try again in ${wait} s`,
          { retryAfter: wait },
          {
            "retry-after": String(wait),
          },
        );
      }
      const row = await findUserByUsername(db, username);
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
      if (!row || !ok || row.disabled) {
        throw new HttpError(
          401,
          "invalid_credentials",
          "wrong username or password, or the account is disabled",
        );
      }
      ctx.limiter.succeed(username, request.ip);
      const { token, csrfToken } = await createSession(
        db,
        row.id,
        ctx.sessionPolicy,
        { ip: request.ip, userAgent: request.headers["user-agent"] },
        ctx.now(),
      );
      await recordAudit(db, {
        actor: actorOf(row),
        action: "login",
        entity: "session",
        entityId: hashToken(token).slice(0, 12),
        regionCode: row.region_code,
        ip: request.ip,
      });
      setSessionCookie(request, reply, token, ctx.sessionPolicy.absoluteMs);
      return { user: await describeUser(db, row), csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out", response: responses({ 204: z.null() }) } },
    async (request, reply) => {
      const user = requireUser(request);
      await endSession(db, request.auth!.tokenHash);
      ctx.sessions.clear();
      await recordAudit(db, {
        actor: user,
        action: "logout",
        entity: "session",
        entityId: request.auth!.tokenHash.slice(0, 12),
        regionCode: user.regionCode,
        ip: request.ip,
      });
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    { schema: { tags: ["auth"], summary: "The signed-in user", response: responses({ 200: MeResponse }) } },
    async (request) => {
      const user = requireUser(request);
      return {
        user: await describeUser(db, request.auth!.row),
        csrfToken: request.auth!.csrfToken,
        permissions: [...ROLE_PERMISSIONS[user.role]],
      };
    },
  );

  app.post(
    "/api/auth/password",
    {
      schema: {
        tags: ["auth"],
        summary: "Change own password",
        body: ChangePasswordBody,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!(await verifyPassword(request.body.currentPassword, request.auth!.row.password_hash))) {
        throw new HttpError(400, "bad_request", "currentPassword: the current password is wrong", {
          field: "currentPassword",
        });
      }
      await setOwnPassword(db, user, request.body.newPassword);
      ctx.sessions.clear();
      return reply.code(204).send(null);
    },
  );
}
