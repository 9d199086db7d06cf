/** Map boundaries: GeoJSON of a region's child regions, and upload by administrators. */
import {
  BoundariesQuery,
  BoundaryCollection,
  UploadBoundariesBody,
  UploadBoundariesResponse,
} from "@tumbuh/core/api";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function boundaryRoutes(app: App, ctx: AppContext): Promise<void> {
  const boundaries = ctx.services.boundaries;

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
      return boundaries.ofRegion(user, request.query.parent ?? user.regionCode);
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
    async (request) => boundaries.upload(requireUser(request), request.body),
  );
}
