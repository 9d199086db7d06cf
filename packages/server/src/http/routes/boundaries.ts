/** Map boundaries: GeoJSON of a region's child regions, and upload by administrators. */
import {
  BoundariesQuery,
  BoundaryCollection,
  UploadBoundariesBody,
  UploadBoundariesResponse,
} from "@tumbuh/core/api";
import { requireAccess } from "../../auth/access.ts";
import { boundaryCollection, uploadBoundaries } from "../../services/boundaries.ts";
import type { App, AppContext } from "../context.ts";
import type { RegionCache } from "../region-cache.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function boundaryRoutes(app: App, ctx: AppContext, regions: RegionCache): Promise<void> {
  const db = ctx.database.db;

  app.get(
    "/api/boundaries",
    {
      schema: {
        tags: ["map"],
        summary: "Boundaries of a region's child regions (GeoJSON)",
        querystring: BoundariesQuery,
        response: responses({ 200: BoundaryCollection }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const parent = request.query.parent ?? user.regionCode;
      requireAccess(user, "dashboard:read", parent);
      await regions.withAncestors(parent);
      return boundaryCollection(db, await regions.children(parent));
    },
  );

  app.post(
    "/api/boundaries",
    {
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ["map"],
        summary: "Upload boundaries (GeoJSON FeatureCollection keyed by region code)",
        body: UploadBoundariesBody,
        response: responses({ 200: UploadBoundariesResponse }),
      },
    },
    async (request) => uploadBoundaries(db, requireUser(request), request.body),
  );
}
