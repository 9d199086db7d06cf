/** Sign-in, sign-out, the current user and own password change. */
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse } from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { HttpError } from "../errors.ts";
import { responses } from "../schemas.ts";
import { clearSessionCookie, requireUser, setSessionCookie } from "../session-hooks.ts";

export async function authRoutes(app: App, ctx: AppContext): Promise<void> {
  const { auth, users } = ctx.services;

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
          { "retry-after": String(wait) },
        );
      }
      const session = await auth.login(username, password, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      ctx.limiter.succeed(username, request.ip);
      setSessionCookie(request, reply, session.token, ctx.sessionPolicy.absoluteMs);
      return { user: await users.describe(session.user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out", response: responses({ 204: z.null() }) } },
    async (request, reply) => {
      const user = requireUser(request);
      await auth.logout(user, request.auth!.tokenHash, request.ip);
      ctx.sessions.clear();
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
        user: await users.describe(request.auth!.row),
        csrfToken: request.auth!.csrfToken,
        permissions: users.permissions(user),
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
      await auth.changePassword(
        user,
        request.auth!.row,
        request.body.currentPassword,
        request.body.newPassword,
      );
      ctx.sessions.clear();
      return reply.code(204).send(null);
    },
  );
}
