/** User management and the audit log (administrators, within their scope). */
import {
  AuditQuery,
  AuditResponse,
  CreateUserBody,
  ResetPasswordBody,
  RolesResponse,
  UpdateUserBody,
  UserResponse,
  UsersQuery,
  UsersResponse,
  Uuid,
} from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

const IdParams = z.object({ id: Uuid });

export async function userRoutes(app: App, ctx: AppContext): Promise<void> {
  const users = ctx.services.users;

  app.get(
    "/api/roles",
    {
      schema: {
        tags: ["users"],
        summary: "Roles and their permissions",
        response: responses({ 200: RolesResponse }),
      },
    },
    async (request) => {
      return { roles: users.roles(requireUser(request)) };
    },
  );

  app.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Users in scope",
        querystring: UsersQuery,
        response: responses({ 200: UsersResponse }),
      },
    },
    async (request) => ({ users: await users.list(requireUser(request), request.query) }),
  );

  app.post(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create a user",
        body: CreateUserBody,
        response: responses({ 201: UserResponse }),
      },
    },
    async (request, reply) => {
      const user = await users.create(requireUser(request), request.body);
      return reply.code(201).send({ user });
    },
  );

  app.get(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "One user",
        params: IdParams,
        response: responses({ 200: UserResponse }),
      },
    },
    async (request) => ({ user: await users.get(requireUser(request), request.params.id) }),
  );

  app.patch(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user's name, role, scope or disabled flag",
        params: IdParams,
        body: UpdateUserBody,
        response: responses({ 200: UserResponse }),
      },
    },
    async (request) => {
      const user = await users.update(requireUser(request), request.params.id, request.body);
      ctx.sessions.forgetUser(user.id);
      return { user };
    },
  );

  app.post(
    "/api/users/:id/password",
    {
      schema: {
        tags: ["users"],
        summary: "Reset a user's password",
        params: IdParams,
        body: ResetPasswordBody,
        response: responses({ 200: UserResponse }),
      },
    },
    async (request) => {
      const user = await users.resetPassword(requireUser(request), request.params.id, request.body);
      ctx.sessions.forgetUser(user.id);
      return { user };
    },
  );

  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Audit log",
        querystring: AuditQuery,
        response: responses({ 200: AuditResponse }),
      },
    },
    async (request) => ctx.services.audit.list(requireUser(request), request.query),
  );
}
