/** Regions: one region with its ancestors, its children, and search by name within scope. */
import { RegionParams, RegionResponse, RegionSearchQuery, RegionsResponse } from "@tumbuh/core/api";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function regionRoutes(app: App, ctx: AppContext): Promise<void> {
  const regions = ctx.services.regions;

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
    async (request) => regions.get(requireUser(request), request.params.code),
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
    async (request) => ({ regions: await regions.childrenOf(requireUser(request), request.params.code) }),
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
      const q = request.query;
      return {
        regions: await regions.search(user, q.q, {
          within: q.within ?? user.regionCode,
          level: q.level,
          limit: q.limit,
        }),
      };
    },
  );
}
