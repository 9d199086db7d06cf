/** Keluarga sasaran and TPK family assistance: families, their at-risk counts, teams, targets, visits, coverage. */
import { todayInIndonesia } from "@tumbuh/core";
import {
  FamiliesQuery,
  FamiliesResponse,
  FamilyBody,
  FamilyCountsQuery,
  FamilyCountsResponse,
  FamilyResponse,
  FamilyUpdateBody,
  IdParams,
  TpkCoverageQuery,
  TpkCoverageResponse,
  TpkFromPosyanduBody,
  TpkFromPosyanduResponse,
  TpkTarget,
  TpkTargetBody,
  TpkTargetsQuery,
  TpkTargetsResponse,
  TpkTeam,
  TpkTeamBody,
  TpkTeamsQuery,
  TpkTeamsResponse,
  TpkVisit,
  TpkVisitBody,
  TpkVisitsResponse,
} from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function familyRoutes(app: App, ctx: AppContext): Promise<void> {
  const families = ctx.services.families;
  const tpk = ctx.services.tpk;
  const today = () => todayInIndonesia(ctx.now());
  const tags = ["families"];

  app.get(
    "/api/families",
    {
      schema: {
        tags,
        summary: "Target families of a region (named; audited)",
        querystring: FamiliesQuery,
        response: responses({ 200: FamiliesResponse }),
      },
    },
    async (request) => families.list(requireUser(request), request.query, request.ip),
  );

  app.get(
    "/api/families/counts",
    {
      schema: {
        tags,
        summary: "At-risk families per village for a semester (aggregate)",
        querystring: FamilyCountsQuery,
        response: responses({ 200: FamilyCountsResponse }),
      },
    },
    async (request) => families.counts(requireUser(request), request.query.region, request.query.semester),
  );

  app.post(
    "/api/families",
    {
      schema: {
        tags,
        summary: "Record a target family",
        body: FamilyBody,
        response: responses({ 201: FamilyResponse }),
      },
    },
    async (request, reply) => {
      const family = await families.create(requireUser(request), request.body, today(), request.ip);
      return reply.code(201).send({ family });
    },
  );

  app.get(
    "/api/families/:id",
    {
      schema: {
        tags,
        summary: "One target family (audited)",
        params: IdParams,
        response: responses({ 200: FamilyResponse }),
      },
    },
    async (request) => ({ family: await families.get(requireUser(request), request.params.id, request.ip) }),
  );

  app.patch(
    "/api/families/:id",
    {
      schema: {
        tags,
        summary: "Change a target family (stale version: 409)",
        params: IdParams,
        body: FamilyUpdateBody,
        response: responses({ 200: FamilyResponse }),
      },
    },
    async (request) => ({
      family: await families.update(
        requireUser(request),
        request.params.id,
        request.body,
        today(),
        request.ip,
      ),
    }),
  );

  app.get(
    "/api/tpk/teams",
    {
      schema: {
        tags,
        summary: "TPK teams of a region",
        querystring: TpkTeamsQuery,
        response: responses({ 200: TpkTeamsResponse }),
      },
    },
    async (request) => ({ teams: await tpk.teams(requireUser(request), request.query.region) }),
  );

  app.post(
    "/api/tpk/teams",
    {
      schema: {
        tags,
        summary: "Form a TPK team over villages",
        body: TpkTeamBody,
        response: responses({ 201: z.object({ team: TpkTeam }) }),
      },
    },
    async (request, reply) => {
      const team = await tpk.createTeam(requireUser(request), request.body, request.ip);
      return reply.code(201).send({ team });
    },
  );

  app.get(
    "/api/tpk/targets",
    {
      schema: {
        tags,
        summary: "People TPK accompany in a region (named; audited)",
        querystring: TpkTargetsQuery,
        response: responses({ 200: TpkTargetsResponse }),
      },
    },
    async (request) => ({ targets: await tpk.targets(requireUser(request), request.query, request.ip) }),
  );

  app.post(
    "/api/tpk/targets",
    {
      schema: {
        tags,
        summary: "Add a person to accompany",
        body: TpkTargetBody,
        response: responses({ 201: z.object({ target: TpkTarget }) }),
      },
    },
    async (request, reply) => {
      const target = await tpk.addTarget(requireUser(request), request.body, today(), request.ip);
      return reply.code(201).send({ target });
    },
  );

  app.post(
    "/api/tpk/targets/from-posyandu",
    {
      schema: {
        tags,
        summary: "Make the children the posyandu flagged (stunted, faltering) targets",
        body: TpkFromPosyanduBody,
        response: responses({ 200: TpkFromPosyanduResponse }),
      },
    },
    async (request) =>
      tpk.fromPosyandu(requireUser(request), request.body.region, request.body.on ?? today(), request.ip),
  );

  app.get(
    "/api/tpk/targets/:id",
    {
      schema: {
        tags,
        summary: "One target and its visits (audited)",
        params: IdParams,
        response: responses({ 200: z.object({ target: TpkTarget, visits: TpkVisitsResponse.shape.visits }) }),
      },
    },
    async (request) => tpk.target(requireUser(request), request.params.id, request.ip),
  );

  app.post(
    "/api/tpk/visits",
    {
      schema: {
        tags,
        summary: "Record a TPK visit",
        body: TpkVisitBody,
        response: responses({ 201: z.object({ visit: TpkVisit }) }),
      },
    },
    async (request, reply) => {
      const visit = await tpk.recordVisit(requireUser(request), request.body, today(), request.ip);
      return reply.code(201).send({ visit });
    },
  );

  app.get(
    "/api/tpk/coverage",
    {
      schema: {
        tags,
        summary: "TPK coverage (targets assisted ÷ targets) per village, team and group (aggregate)",
        querystring: TpkCoverageQuery,
        response: responses({ 200: TpkCoverageResponse }),
      },
    },
    async (request) =>
      tpk.coverage(requireUser(request), request.query.region, request.query.from, request.query.to),
  );
}
