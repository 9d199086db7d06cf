/**
 * Users: administrators create them, change their role and scope, disable them and reset
 * their passwords, always within their own scope and never above their own role. Every change
 * is in the audit log.
 */
import { randomUUID } from "node:crypto";
import { NATION_CODE } from "@tumbuh/core";
import { type CreateUserBody, ROLE_CODES, type Role, type UpdateUserBody, type User } from "@tumbuh/core/api";
import type { Kysely, Selectable } from "kysely";
import { type Actor, checkAccess, checkGrant, checkManage } from "../auth/access.ts";
import { hashPassword } from "../auth/password.ts";
import type { DB } from "../db/schema.ts";
import { recordAudit } from "./audit.ts";
import { badRequest, conflict, notFound, ServiceError, staleVersion } from "./errors.ts";
import { appDb, type UsersTable } from "./users-db.ts";

export type UserRow = Selectable<UsersTable>;

/** The acting user: its access fields plus the name written in the audit log. */
export interface AuthUser extends Actor {
  username: string;
}

/** A user as the API shows it (never the password hash). */
export function toApiUser(row: UserRow, regionName: string | null): User {
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

async function regionName(db: Kysely<DB>, code: string): Promise<string | null> {
  if (code === NATION_CODE) return "Indonesia";
  const r = await db.selectFrom("regions").select("name").where("code", "=", code).executeTakeFirst();
  return r?.name ?? null;
}

async function assertRegionExists(db: Kysely<DB>, code: string): Promise<void> {
  if ((await regionName(db, code)) === null) throw badRequest("regionCode", `no region has the code ${code}`);
}

function denyAsServiceError(denied: ReturnType<typeof checkAccess>): void {
  if (denied) throw denied;
}

/** The stored user with this username (for sign-in), or undefined. */
export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
  return appDb(db)
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username.toLowerCase())
    .executeTakeFirst();
}

/** The stored user with this id, or undefined. */
export async function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return appDb(db).selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Whether any user account exists (a server without one cannot be signed in to). */
export async function hasAnyUser(db: Kysely<DB>): Promise<boolean> {
  return (await appDb(db).selectFrom("users").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** A user with its region name, as the API shows it. */
export async function describeUser(db: Kysely<DB>, row: UserRow): Promise<User> {
  return toApiUser(row, await regionName(db, row.region_code));
}

/**
 * Creates a user without an acting admin (first start, demo, CLI). Fails with a conflict when
 * the username is taken.
 */
export async function createUserUnchecked(
  db: Kysely<DB>,
  input: CreateUserBody,
  actor: AuthUser | null = null,
): Promise<UserRow> {
  if (!ROLE_CODES.includes(input.role)) throw badRequest("role", `unknown role ${input.role}`);
  const username = input.username.toLowerCase();
  if (await findUserByUsername(db, username)) throw conflict("username", `the username ${username} is taken`);
  await assertRegionExists(db, input.regionCode);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await appDb(trx)
      .insertInto("users")
      .values({
        id: randomUUID(),
        username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        region_code: input.regionCode,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
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

/** Creates a user on behalf of an admin: the role and scope must be the admin's to grant. */
export async function createUser(db: Kysely<DB>, admin: AuthUser, input: CreateUserBody): Promise<User> {
  denyAsServiceError(checkGrant(admin, input.role, input.regionCode));
  const row = await createUserUnchecked(db, input, admin);
  return describeUser(db, row);
}

/** Users inside the admin's scope (optionally a sub-region), filtered by a name part. */
export async function listUsers(
  db: Kysely<DB>,
  admin: AuthUser,
  query: { q?: string; region?: string },
): Promise<User[]> {
  const region = query.region ?? admin.regionCode;
  denyAsServiceError(checkAccess(admin, "users:manage", region));
  let q = appDb(db)
    .selectFrom("users")
    .leftJoin("regions", "regions.code", "users.region_code")
    .selectAll("users")
    .select("regions.name as region_name");
  if (region !== NATION_CODE) {
    q = q.where((eb) =>
      eb.or([eb("users.region_code", "=", region), eb("users.region_code", "like", `${region}.%`)]),
    );
  }
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("users.username", "like", like), eb("users.display_name", "ilike", like)]));
  }
  const rows = await q.orderBy("users.username").limit(500).execute();
  return rows.map((r) => toApiUser(r, r.region_code === NATION_CODE ? "Indonesia" : r.region_name));
}

/** One user inside the admin's scope; not found otherwise. */
export async function getUser(db: Kysely<DB>, admin: AuthUser, id: string): Promise<User> {
  const row = await findUserById(db, id);
  if (!row || checkAccess(admin, "users:manage", row.region_code)) throw notFound("user");
  return describeUser(db, row);
}

/**
 * A user the admin may manage: outside the admin's scope it is not found; inside it, a role not
 * below the admin's own is refused (403). The admin's own record is readable (`allowSelf`).
 */
async function loadManaged(
  db: Kysely<DB>,
  admin: AuthUser,
  id: string,
  opts: { allowSelf?: boolean } = {},
): Promise<UserRow> {
  const row = await findUserById(db, id);
  if (!row || checkAccess(admin, "users:manage", row.region_code)) throw notFound("user");
  if (opts.allowSelf && row.id === admin.id) return row;
  denyAsServiceError(checkManage(admin, { role: row.role as Role, regionCode: row.region_code }));
  return row;
}

/**
 * Changes a user's name, role, scope or disabled flag. The admin must manage the user (a lower
 * role in scope, or the admin's own name) and be allowed to grant the new role and scope; a stale version gets the current record.
 * Disabling a user ends the user's sessions.
 */
export async function updateUser(
  db: Kysely<DB>,
  admin: AuthUser,
  id: string,
  input: UpdateUserBody,
): Promise<User> {
  const current = await loadManaged(db, admin, id, { allowSelf: true });
  const role = input.role ?? (current.role as Role);
  const regionCode = input.regionCode ?? current.region_code;
  if (input.role !== undefined || input.regionCode !== undefined) {
    denyAsServiceError(checkGrant(admin, role, regionCode));
    await assertRegionExists(db, regionCode);
  }
  if (
    current.id === admin.id &&
    (input.disabled || input.role !== undefined || input.regionCode !== undefined)
  ) {
    throw badRequest("id", "administrators cannot disable themselves or change their own role or scope");
  }
  if (input.version !== current.version) throw staleVersion(await describeUser(db, current));
  const row = await db.transaction().execute(async (trx) => {
    const updated = await appDb(trx)
      .updateTable("users")
      .set({
        display_name: input.displayName ?? current.display_name,
        role,
        region_code: regionCode,
        disabled: input.disabled ?? current.disabled,
        updated_at: new Date(),
        version: current.version + 1,
      })
      .where("id", "=", id)
      .where("version", "=", input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return undefined;
    if (updated.disabled) await appDb(trx).deleteFrom("sessions").where("user_id", "=", id).execute();
    await recordAudit(trx, {
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
    const now = await findUserById(db, id);
    if (!now) throw notFound("user");
    throw staleVersion(await describeUser(db, now));
  }
  return describeUser(db, row);
}

/** Sets a new password for a user (admin reset) and ends that user's sessions. */
export async function resetPassword(
  db: Kysely<DB>,
  admin: AuthUser,
  id: string,
  input: { version: number; password: string },
): Promise<User> {
  const current = await loadManaged(db, admin, id);
  if (input.version !== current.version) throw staleVersion(await describeUser(db, current));
  const passwordHash = await hashPassword(input.password);
  const row = await db.transaction().execute(async (trx) => {
    const updated = await appDb(trx)
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: new Date(), version: current.version + 1 })
      .where("id", "=", id)
      .where("version", "=", input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return undefined;
    await appDb(trx).deleteFrom("sessions").where("user_id", "=", id).execute();
    await recordAudit(trx, {
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
  if (!row)
    throw new ServiceError("stale_version", "the record was changed by someone else; reload and retry");
  return describeUser(db, row);
}

/** Changes the signed-in user's own password (the current one already verified by the caller). */
export async function setOwnPassword(db: Kysely<DB>, user: AuthUser, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await appDb(trx)
      .updateTable("users")
      .set((eb) => ({ password_hash: passwordHash, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("id", "=", user.id)
      .execute();
    await recordAudit(trx, {
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
