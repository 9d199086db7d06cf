/** Children, measurements, posyandu lists, the z-score preview and WHO growth-chart lines. */
import { todayInIndonesia } from "@tumbuh/core";
import {
  ChildResponse,
  ChildrenNikSearchBody,
  ChildrenQuery,
  ChildrenResponse,
  CreateChildBody,
  CreateChildResponse,
  CreateMeasurementBody,
  CreateMeasurementResponse,
  GrowthReference,
  GrowthReferenceQuery,
  growthReference,
  IdentityResponse,
  IdParams,
  PosyanduChildrenQuery,
  PosyanduChildrenResponse,
  PosyanduQuery,
  PosyanduResponse,
  ZPreview,
  ZPreviewBody,
  zPreview,
} from "@tumbuh/core/api";
import type { App, AppContext } from "../context.ts";
import { rateLimited } from "../errors.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function childRoutes(app: App, ctx: AppContext): Promise<void> {
  const children = ctx.services.children;
  const today = () => todayInIndonesia(ctx.now());

  app.get(
    "/api/children",
    {
      schema: {
        tags: ["children"],
        summary: "Search children by name or NIK within scope",
        querystring: ChildrenQuery,
        response: responses({ 200: ChildrenResponse }),
      },
    },
    async (request) => children.search(requireUser(request), request.query),
  );

  app.post(
    "/api/children/search",
    {
      schema: {
        tags: ["children"],
        summary: "Find children by NIK (roles that may see NIK; rate-limited; audited)",
        body: ChildrenNikSearchBody,
        response: responses({ 200: ChildrenResponse }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const wait = ctx.nikSearches.take(user.id);
      if (wait > 0) throw rateLimited(wait, "NIK searches");
      return children.searchByNik(user, request.body, request.ip);
    },
  );

  app.get(
    "/api/children/:id",
    {
      schema: {
        tags: ["children"],
        summary: "A child's record and measurement history",
        params: IdParams,
        response: responses({ 200: ChildResponse }),
      },
    },
    async (request) => children.get(requireUser(request), request.params.id, request.ip),
  );

  app.get(
    "/api/children/:id/identity",
    {
      schema: {
        tags: ["children"],
        summary: "Full NIK and No. KK (allowed roles; logged)",
        params: IdParams,
        response: responses({ 200: IdentityResponse }),
      },
    },
    async (request) => children.identity(requireUser(request), request.params.id, request.ip),
  );

  app.post(
    "/api/children",
    {
      schema: {
        tags: ["children"],
        summary: "Register a child",
        body: CreateChildBody,
        response: responses({ 201: CreateChildResponse }),
      },
    },
    async (request, reply) => {
      const child = await children.create(requireUser(request), request.body, today());
      return reply.code(201).send({ child });
    },
  );

  app.post(
    "/api/children/:id/measurements",
    {
      schema: {
        tags: ["children"],
        summary: "Record a measurement (idempotent with a clientId; roll-ups of the district are refreshed)",
        params: IdParams,
        body: CreateMeasurementBody,
        response: responses({ 200: CreateMeasurementResponse, 201: CreateMeasurementResponse }),
      },
    },
    async (request, reply) => {
      const created = await ctx.services.measurements.create(
        requireUser(request),
        request.params.id,
        request.body,
        today(),
      );
      // 200: an offline device's write sent again, answered with what was stored the first time
      return reply.code(created.replayed ? 200 : 201).send(created);
    },
  );

  app.post(
    "/api/zscore/preview",
    {
      schema: {
        tags: ["children"],
        summary: "Z-scores, categories and warnings for a measurement being entered",
        body: ZPreviewBody,
        response: responses({ 200: ZPreview }),
      },
    },
    async (request) => {
      requireUser(request);
      return zPreview(request.body, today());
    },
  );

  app.get(
    "/api/growth/reference",
    {
      schema: {
        tags: ["children"],
        summary: "WHO growth-chart lines (−3…+3 SD)",
        querystring: GrowthReferenceQuery,
        response: responses({ 200: GrowthReference }),
      },
    },
    async (request, reply) => {
      requireUser(request);
      reply.header("cache-control", "private, max-age=86400");
      return growthReference(request.query.indicator, request.query.sex, request.query.measure);
    },
  );

  app.get(
    "/api/posyandu",
    {
      schema: {
        tags: ["posyandu"],
        summary: "Posyandu in a region",
        querystring: PosyanduQuery,
        response: responses({ 200: PosyanduResponse }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { posyandu: await children.listPosyandu(user, request.query.region ?? user.regionCode) };
    },
  );

  app.get(
    "/api/posyandu/:id/children",
    {
      schema: {
        tags: ["posyandu"],
        summary: "A posyandu's children for a session",
        params: IdParams,
        querystring: PosyanduChildrenQuery,
        response: responses({ 200: PosyanduChildrenResponse }),
      },
    },
    async (request) => children.posyanduChildren(requireUser(request), request.params.id, request.query.date),
  );
}
