/**
 * The unit an aggregate report is asked for (a region, default the user's scope, or a posyandu)
 * resolved after the access check, and the default period of its region by its reporting (core
 * default-period.ts: the latest month complete enough, never a month barely begun).
 */
import { defaultMonth } from "@tumbuh/core";
import type { Region } from "@tumbuh/core/api";
import { type Actor, checkAccess, type Permission, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { UUID } from "./child-access.ts";
import { notFound } from "./errors.ts";
import type { RegionService } from "./regions.ts";

export interface ReportUnit {
  self: { code: string; name: string; level: string };
  ancestors: Region[];
  /** The region whose reporting decides the default period (a posyandu's village). */
  regionCode: string;
  posyandu?: { id: string; district: string; villageCode: string };
}

/**
 * Checks `permission` on the region asked for (or on a posyandu's village: outside the scope the
 * posyandu is not found) and returns the unit with its ancestors.
 */
export async function resolveReportUnit(
  repos: Repositories,
  regions: RegionService,
  user: Actor,
  permission: Permission,
  query: { region?: string; posyandu?: string },
): Promise<ReportUnit> {
  if (query.posyandu) {
    const p = UUID.test(query.posyandu) ? await repos.children.posyandu(query.posyandu) : undefined;
    if (!p) throw notFound("posyandu");
    const denied = checkAccess(user, permission, p.villageCode);
    if (denied) throw denied.reason === "scope" ? notFound("posyandu") : denied;
    const path = await regions.withAncestors(p.villageCode);
    return {
      self: { code: p.id, name: p.name, level: "posyandu" },
      ancestors: [...path.ancestors, path.region],
      regionCode: p.villageCode,
      posyandu: { id: p.id, district: p.district_code, villageCode: p.villageCode },
    };
  }
  const code = query.region ?? user.regionCode;
  requireAccess(user, permission, code);
  const path = await regions.withAncestors(code);
  return {
    self: { code, name: path.region.name, level: path.region.level },
    ancestors: path.ancestors,
    regionCode: code,
  };
}

/** The default month of a region by its reporting (null without data). */
export async function defaultPeriodOf(
  repos: Repositories,
  code: string,
  today: string,
): Promise<string | null> {
  return defaultMonth(await repos.periodActivity.activity(code), today).month;
}
