/** Access to one child's record: the one rule every child-level service method starts with. */
import { type Actor, checkAccess, type Permission } from "../auth/access.ts";
import type { ChildRow } from "../db/repositories/children.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { notFound } from "./errors.ts";

/** A signed-in user acting on children, with the name the audit log records. */
export interface Caller extends Actor {
  username: string;
}

/** An id as the database stores it (anything else is "not found" without a query). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A child the caller may act on with `permission`: outside the scope it does not exist; inside it
 * without the permission the caller is told so (403).
 */
export async function loadChild(
  repos: Repositories,
  caller: Caller,
  id: string,
  permission: Permission,
): Promise<ChildRow> {
  const row = UUID.test(id) ? await repos.children.find(id, caller.regionCode) : undefined;
  if (!row) throw notFound("child");
  const denied = checkAccess(caller, permission, row.village_code);
  if (denied) {
    if (denied.reason === "permission" && !checkAccess(caller, "dashboard:read", row.village_code))
      throw denied;
    throw notFound("child");
  }
  return row;
}
