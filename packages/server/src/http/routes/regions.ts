/** Regions: one region with its ancestors, its children, and search by name within scope. */

import { NATION_CODE } from "@tumbuh/core";
import {
  type Region,
  RegionParams,
  RegionResponse,
  RegionSearchQuery,
  RegionsResponse,
} from "@tumbuh/core/api";
import { requireAccess } from "../../auth/access.ts";
import type { Database } from "../../db/connection.ts";
import {
  childRegions,
  getRegion,
  regionPath,
  type Region as StoredRegion,
  searchRegions,
} from "../../services/regions.ts";
import type { App, AppContext } from "../context.ts";
import { apiNotFound } from "../errors.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export const NATION: Region = {
  code: NATION_CODE,
  name: "Indonesia",
  level: "nation",
  kind: null,
  parentCode: null,
};

/** A stored region as the API shows it (provinces' parent is the nation). */
export function toApiRegion(r: StoredRegion): Region {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    parentCode: r.parentCode ?? NATION_CODE,
  };
}

/** The region and its ancestors (nation first), or a 404. */
export async function regionWithAncestors(
  database: Database,
  code: string,
): Promise<{ region: Region; ancestors: Region[] }> {
  if (code === NATION_CODE) return { region: NATION, ancestors: [] };
  const path = await regionPath(database, code);
  const self = path[path.length - 1];
  if (!self || self.code !== code) throw apiNotFound(`region ${code}`);
  return { region: toApiRegion(self), ancestors: [NATION, ...path.slice(0, -1).map(toApiRegion)] };
}

export async function regionRoutes(app: App, ctx: AppContext): Promise<void> {
  const database = ctx.database;

  app.get(
    "/api/regions/:code",
    {
      schema: {
        tags: ["regions"],
        summary: "A region with its ancestors",
        params: RegionParams,
        response: responses({ 200: RegionResponse }),
      },
    },
    async (request) => {
      requireAccess(requireUser(request), "dashboard:read", request.params.code);
      return regionWithAncestors(database, request.params.code);
    },
  );

  app.get(
    "/api/regions/:code/children",
    {
      schema: {
        tags: ["regions"],
        summary: "The regions one level below",
        params: RegionParams,
        response: responses({ 200: RegionsResponse }),
      },
    },
    async (request) => {
      const code = request.params.code;
      requireAccess(requireUser(request), "dashboard:read", code);
      if (code !== NATION_CODE && !(await getRegion(database, code))) throw apiNotFound(`region ${code}`);
      return { regions: (await childRegions(database, code)).map(toApiRegion) };
    },
  );

  app.get(
    "/api/regions",
    {
      schema: {
        tags: ["regions"],
        summary: "Search regions by name within scope",
        querystring: RegionSearchQuery,
        response: responses({ 200: RegionsResponse }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const within = request.query.within ?? user.regionCode;
      requireAccess(user, "dashboard:read", within);
      const found = await searchRegions(database, request.query.q, {
        within,
        level: request.query.level,
        limit: request.query.limit,
      });
      return { regions: found.map(toApiRegion) };
    },
  );
}
