/**
 * The public API (no sign-in): prevalence of a district by subdistrict and village for a period,
 * periods, districts with data, and boundaries. Aggregates only (see services/public.ts).
 */
import { todayInIndonesia } from "@tumbuh/core";
import {
  BoundaryCollection,
  PeriodsResponse,
  PublicBoundariesQuery,
  PublicCommentary,
  PublicCommentaryQuery,
  PublicDistrictsQuery,
  PublicDistrictsResponse,
  PublicPeriodsQuery,
  PublicPrevalence,
  PublicPrevalenceQuery,
} from "@tumbuh/core/api";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";

export async function publicRoutes(app: App, ctx: AppContext): Promise<void> {
  const figures = ctx.services.public;

  app.get(
    "/api/public/districts",
    {
      schema: {
        tags: ["public"],
        summary: "Districts with published data",
        querystring: PublicDistrictsQuery,
        response: responses({ 200: PublicDistrictsResponse }),
      },
    },
    async (request) => ({ districts: await figures.districts(request.query.q) }),
  );

  app.get(
    "/api/public/periods",
    {
      schema: {
        tags: ["public"],
        summary: "Periods published for a district",
        querystring: PublicPeriodsQuery,
        response: responses({ 200: PeriodsResponse }),
      },
    },
    async (request) => ({ periods: await figures.periods(request.query.district) }),
  );

  app.get(
    "/api/public/prevalence",
    {
      schema: {
        tags: ["public"],
        summary: "Prevalence of a district by subdistrict and village (counts under 5 suppressed)",
        querystring: PublicPrevalenceQuery,
        response: responses({ 200: PublicPrevalence }),
      },
    },
    async (request, reply) => {
      const { district, period } = request.query;
      const body = await figures.prevalenceJson(district, period, todayInIndonesia(ctx.now()));
      reply.header("cache-control", "public, max-age=300");
      return reply.type("application/json; charset=utf-8").send(body as unknown as PublicPrevalence);
    },
  );

  app.get(
    "/api/public/commentary",
    {
      schema: {
        tags: ["public"],
        summary: "The district's published commentary on a year's figures (aksi 7)",
        querystring: PublicCommentaryQuery,
        response: responses({ 200: PublicCommentary }),
      },
    },
    async (request) => ({
      commentary: await figures.commentary(request.query.district, request.query.year),
    }),
  );

  app.get(
    "/api/public/boundaries",
    {
      schema: {
        tags: ["public"],
        summary: "Boundaries of the subdistricts of a district, or the villages of a subdistrict",
        querystring: PublicBoundariesQuery,
        response: responses({ 200: BoundaryCollection }),
      },
    },
    async (request, reply) => {
      const collection = await figures.boundariesOf(request.query.parent);
      reply.header("cache-control", "public, max-age=3600");
      return collection;
    },
  );
}
