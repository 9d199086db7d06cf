/**
 * Users: administrators create them, change their role and scope, disable them and reset their
 * passwords, always within their own scope and never above their own role. Every change is in the
 * audit log, in the same transaction.
 */

import { randomUUID } from "node:crypto";
import { userMessage } from "@tumbuh/core";
import {
  type CreateUserBody,
  ROLE_CODES,
  ROLES,
  type Role,
  type UpdateUserBody,
  type User,
} from "@tumbuh/core/api";
import {
  type Actor,
  checkAccess,
  checkGrant,
  checkManage,
  mayGrantRole,
  ROLE_PERMISSIONS,
} from "../auth/access.ts";
import { hashPassword } from "../auth/password.ts";
import { passwordProblem } from "../auth/password-policy.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { UserRow } from "../db/repositories/users.ts";
import { recordAudit } from "./audit.ts";
import { badRequest, conflict, notFound, staleVersion } from "./errors.ts";

export type { UserRow };

/** The acting user: its access fields plus the name written in the audit log. */
export interface AuthUser extends Actor {
  username: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user as the API shows it (never the password hash). */
function toApiUser(row: UserRow, regionName: string | null): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    regionCode: row.region_code,
    regionName,
    disabled: row.disabled,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

/** The row's fields that matter to an audit trail. */
function auditView(row: UserRow) {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    disabled: row.disabled,
    version: row.version,
  };
}

/** The access fields of a stored user. */
export function actorOf(row: UserRow): AuthUser {
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    regionCode: row.region_code,
    disabled: row.disabled,
  };
}

function deny(denied: ReturnType<typeof checkAccess>): void {
  if (denied) throw denied;
}

export class UserService {
  constructor(private readonly repos: Repositories) {}

  /** A user with its region name, as the API shows it. */
  async describe(row: UserRow): Promise<User> {
    return toApiUser(row, await this.repos.regions.name(row.region_code));
  }

  /** Creates a user on behalf of an admin: the role and scope must be the admin's to grant. */
  async create(admin: AuthUser, input: CreateUserBody): Promise<User> {
    deny(checkGrant(admin, input.role, input.regionCode));
    return this.describe(await this.insert(input, admin));
  }

  /**
   * Creates a user for the installation itself (first administrator, demo): no acting admin, so
   * no grant to check. Fails with a conflict when the username is taken. The demo's accounts
   * (`demoAccount`) may have the demo password the README publishes; no other account may.
   */
  createInitial(input: CreateUserBody, opts: { demoAccount?: boolean } = {}): Promise<UserRow> {
    return this.insert(input, null, opts.demoAccount);
  }

  private async insert(input: CreateUserBody, actor: AuthUser | null, demoAccount = false): Promise<UserRow> {
    if (!ROLE_CODES.includes(input.role)) {
      throw badRequest(
        "role",
        `unknown role ${input.role}`,
        userMessage("user.unknownRole", { role: input.role }),
      );
    }
    const username = input.username.toLowerCase();
    const weak = passwordProblem(input.password, username, { demoAccount });
    if (weak) throw badRequest("password", weak.text, weak.message);
    if (await this.repos.users.findByUsername(username))
      throw conflict(
        "username",
        `the username ${username} is taken`,
        userMessage("record.usernameTaken", { username }),
      );
    if ((await this.repos.regions.name(input.regionCode)) === null)
      throw badRequest(
        "regionCode",
        `no region has the code ${input.regionCode}`,
        userMessage("region.unknown", { code: input.regionCode }),
      );
    const passwordHash = await hashPassword(input.password);
    return this.repos.transaction(async (tx) => {
      const row = await tx.users.insert({
        id: randomUUID(),
        username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        region_code: input.regionCode,
      });
      await recordAudit(tx, {
        actor,
        action: "create",
        entity: "user",
        entityId: row.id,
        regionCode: row.region_code,
        after: auditView(row),
      });
      return row;
    });
  }

  /** Users inside the admin's scope (optionally a sub-region), filtered by a name part. */
  async list(admin: AuthUser, query: { q?: string; region?: string }): Promise<User[]> {
    const region = query.region ?? admin.regionCode;
    deny(checkAccess(admin, "users:manage", region));
    const rows = await this.repos.users.list(region, query.q);
    return rows.map((r) => toApiUser(r, r.region_code === "ID" ? "Indonesia" : r.region_name));
  }

  /** One user inside the admin's scope; not found otherwise. */
  async get(admin: AuthUser, id: string): Promise<User> {
    return this.describe(await this.loadManaged(admin, id, { readOnly: true }));
  }

  /**
   * A user the admin may manage: outside the admin's scope it is not found; inside it, a role not
   * below the admin's own is refused (403) unless only read (`readOnly`) or the admin's own record (`allowSelf`).
   */
  private async loadManaged(
    admin: AuthUser,
    id: string,
    opts: { allowSelf?: boolean; readOnly?: boolean } = {},
  ): Promise<UserRow> {
    const row = UUID.test(id) ? await this.repos.users.findById(id) : undefined;
    if (!row || checkAccess(admin, "users:manage", row.region_code)) throw notFound("user");
    if (opts.readOnly || (opts.allowSelf && row.id === admin.id)) return row;
    deny(checkManage(admin, { role: row.role as Role, regionCode: row.region_code }));
    return row;
  }

  /**
   * Changes a user's name, role, scope or disabled flag. The admin must manage the user (a lower
   * role in scope, or the admin's own name) and be allowed to grant the new role and scope; a stale
   * version gets the current record. Disabling a user ends the user's sessions.
   */
  async update(admin: AuthUser, id: string, input: UpdateUserBody): Promise<User> {
    const current = await this.loadManaged(admin, id, { allowSelf: true });
    const role = input.role ?? (current.role as Role);
    const regionCode = input.regionCode ?? current.region_code;
    if (input.role !== undefined || input.regionCode !== undefined) {
      deny(checkGrant(admin, role, regionCode));
      if ((await this.repos.regions.name(regionCode)) === null)
        throw badRequest(
          "regionCode",
          `no region has the code ${regionCode}`,
          userMessage("region.unknown", { code: regionCode }),
        );
    }
    if (
      current.id === admin.id &&
      (input.disabled || input.role !== undefined || input.regionCode !== undefined)
    ) {
      throw badRequest(
        "id",
        "administrators cannot disable themselves or change their own role or scope",
        userMessage("user.notOwnAccount"),
      );
    }
    if (input.version !== current.version) throw staleVersion(await this.describe(current));
    const row = await this.repos.transaction(async (tx) => {
      const updated = await tx.users.updateIfVersion(id, input.version, {
        display_name: input.displayName ?? current.display_name,
        role,
        region_code: regionCode,
        disabled: input.disabled ?? current.disabled,
      });
      if (!updated) return undefined;
      if (updated.disabled) await tx.users.deleteSessionsOf(id);
      await recordAudit(tx, {
        actor: admin,
        action: updated.disabled && !current.disabled ? "disable" : "update",
        entity: "user",
        entityId: id,
        regionCode: updated.region_code,
        before: auditView(current),
        after: auditView(updated),
      });
      return updated;
    });
    if (!row) {
      const now = await this.repos.users.findById(id);
      if (!now) throw notFound("user");
      throw staleVersion(await this.describe(now));
    }
    return this.describe(row);
  }

  /** Sets a new password for a user (admin reset) and ends that user's sessions. */
  async resetPassword(
    admin: AuthUser,
    id: string,
    input: { version: number; password: string },
  ): Promise<User> {
    const current = await this.loadManaged(admin, id);
    if (input.version !== current.version) throw staleVersion(await this.describe(current));
    const weak = passwordProblem(input.password, current.username);
    if (weak) throw badRequest("password", weak.text, weak.message);
    const passwordHash = await hashPassword(input.password);
    const row = await this.repos.transaction(async (tx) => {
      const updated = await tx.users.updateIfVersion(id, input.version, { password_hash: passwordHash });
      if (!updated) return undefined;
      await tx.users.deleteSessionsOf(id);
      await recordAudit(tx, {
        actor: admin,
        action: "reset_password",
        entity: "user",
        entityId: id,
        regionCode: updated.region_code,
        before: { version: current.version },
        after: { version: updated.version },
      });
      return updated;
    });
    if (!row) {
      const now = await this.repos.users.findById(id);
      if (!now) throw notFound("user");
      throw staleVersion(await this.describe(now));
    }
    return this.describe(row);
  }

  /** What the user's role may do (the web app shows only what it may use). */
  permissions(user: Actor): string[] {
    return [...ROLE_PERMISSIONS[user.role]];
  }

  /** Every role with its permissions, and whether this user may grant it. */
  roles(user: Actor) {
    return Object.values(ROLES).map((r) => ({
      grantable: mayGrantRole(user, r.code),
      code: r.code,
      label: r.label,
      labelEn: r.labelEn,
      scopeLevel: r.scopeLevel,
      permissions: [...ROLE_PERMISSIONS[r.code]],
    }));
  }

  /** Whether any user account exists (a server without one cannot be signed in to). */
  hasAnyUser(): Promise<boolean> {
    return this.repos.users.any();
  }
}
