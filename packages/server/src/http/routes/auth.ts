/** Sign-in, sign-out, the current user and own password change. */
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse } from "@tumbuh/core/api";
import { z } from "zod";
import { ServiceError } from "../../services/errors.ts";
import type { App, AppContext } from "../context.ts";
import { rateLimited } from "../errors.ts";
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
      if (wait > 0) throw rateLimited(wait, "sign-in attempts");
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

  app.get(
    "/api/auth/offline-key",
    {
      schema: {
        tags: ["auth"],
        summary: "The secret the browser derives the signed-in user's offline outbox key from",
        response: responses({
          200: z.object({ userId: z.string(), secret: z.string(), version: z.literal(1) }),
        }),
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return ctx.services.offlineKey.forCaller(requireUser(request));
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
      // The current password is a password guess like a sign-in: same throttle, same slots.
      const wait = ctx.limiter.reserve(user.username, request.ip);
      if (wait > 0) throw rateLimited(wait, "wrong current passwords");
      try {
        await auth.changePassword(
          user,
          request.auth!.row,
          request.auth!.tokenHash,
          request.body.currentPassword,
          request.body.newPassword,
        );
      } catch (err) {
        const wrongGuess = err instanceof ServiceError && err.details?.field === "currentPassword";
        if (!wrongGuess) ctx.limiter.release(user.username, request.ip);
        throw err;
      }
      ctx.limiter.succeed(user.username, request.ip);
      ctx.sessions.forgetUser(user.id);
      return reply.code(204).send(null);
    },
  );
}
