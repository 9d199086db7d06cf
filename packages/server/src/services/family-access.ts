/**
 * Access to one record of the families module (a family, a TPK target): outside the caller's
 * scope it does not exist; inside it without the permission the caller is told so (403) — the
 * same rule as child-access.ts.
 */
import { checkAccess, type Permission } from "../auth/access.ts";
import type { Caller } from "./child-access.ts";
import { notFound } from "./errors.ts";

/** Throws unless the caller may act on a record of `villageCode` with `permission`. */
export function requireRecordAccess(
  caller: Caller,
  permission: Permission,
  villageCode: string,
  what: string,
): void {
  const denied = checkAccess(caller, permission, villageCode);
  if (!denied) return;
  // in scope (the role may read the region's aggregates) but without the permission: 403
  if (denied.reason === "permission" && !checkAccess(caller, "dashboard:read", villageCode)) throw denied;
  throw notFound(what);
}
