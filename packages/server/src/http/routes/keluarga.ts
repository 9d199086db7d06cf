import {
  FamilyImportResponse,
  IdParams,
  MinilokChecklistBody,
  MinilokListsResponse,
  MinilokMeetingBody,
  MinilokMeetingResponse,
  MinilokMeetingsQuery,
  MinilokMeetingsResponse,
  MinilokMeetingUpdateBody,
  MinilokRecommendation,
  MinilokRecommendationBody,
  MinilokRecommendationUpdateBody,
  MinilokReviewBody,
  MinilokVerificationBody,
  Ok,
  TppsMemberBody,
  TppsPeopleQuery,
  TppsPeopleResponse,
  TppsTeamBody,
  TppsTeamResponse,
  TppsTeamsQuery,
  TppsTeamsResponse,
  TppsTeamUpdateBody,
} from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { noFile } from "../errors.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

const MemberParams = z.object({ id: z.string().min(1).max(100), memberId: z.string().min(1).max(100) });

function sendPdf(reply: import("fastify").FastifyReply, file: { fileName: string; pdf: Buffer }) {
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", "no-store")
    .send(file.pdf);
}

export async function keluargaRoutes(app: App, ctx: AppContext): Promise<void> {
  const tpps = ctx.services.tpps;
  const minilok = ctx.services.minilok;
  const familyImport = ctx.services.familyImport;

  app.post(
    "/api/families/imports",
    {
      schema: {
        tags: ["families"],
        summary: "Upload a family-data file (CSV/XLSX): dry-run report, nothing written yet",
        consumes: ["multipart/form-data"],
        response: responses({ 201: FamilyImportResponse }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw noFile("expected multipart/form-data with a 'file' field");
      let semester: string | undefined;
      let report: Awaited<ReturnType<typeof familyImport.dryRun>> | undefined;
      for await (const part of request.parts()) {
        if (part.type === "file")
          report = await familyImport.dryRun(user, part.filename, part.file, semester);
        else if (part.fieldname === "semester" && typeof part.value === "string" && part.value)
          semester = part.value.trim();
      }
      if (!report) throw noFile("file: no file was uploaded");
      return reply.code(201).send({ import: report });
    },
  );

  app.post(
    "/api/families/imports/:id/confirm",
    {
      schema: {
        tags: ["families"],
        summary: "Write every accepted row of a dry run (one transaction)",
        params: IdParams,
        response: responses({ 200: FamilyImportResponse }),
      },
    },
    async (request) => ({
      import: await familyImport.confirm(requireUser(request), request.params.id, request.ip),
    }),
  );

  app.delete(
    "/api/families/imports/:id",
    {
      schema: {
        tags: ["families"],
        summary: "Cancel a dry run: nothing is written",
        params: IdParams,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      familyImport.cancel(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/tpps/teams",
    {
      schema: {
        tags: ["tpps"],
        summary: "TPPS teams of a region and below",
        querystring: TppsTeamsQuery,
        response: responses({ 200: TppsTeamsResponse }),
      },
    },
    async (request) => tpps.teams(requireUser(request), request.query.region),
  );

  app.get(
    "/api/tpps/teams.pdf",
    {
      schema: {
        tags: ["tpps"],
        summary: "Printable list of the TPPS teams of a region (PDF)",
        querystring: TppsTeamsQuery,
      },
    },
    async (request, reply) =>
      sendPdf(reply, await tpps.printList(requireUser(request), request.query.region)),
  );

  app.get(
    "/api/tpps/people",
    {
      schema: {
        tags: ["tpps"],
        summary: "People on TPPS teams whose name contains q, with every seat they hold",
        querystring: TppsPeopleQuery,
        response: responses({ 200: TppsPeopleResponse }),
      },
    },
    async (request) => tpps.people(requireUser(request), request.query.region, request.query.q),
  );

  app.post(
    "/api/tpps/teams",
    {
      schema: {
        tags: ["tpps"],
        summary: "Form a TPPS team by its decree",
        body: TppsTeamBody,
        response: responses({ 201: TppsTeamResponse }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ team: await tpps.createTeam(requireUser(request), request.body, request.ip) }),
  );

  app.get(
    "/api/tpps/teams/:id",
    {
      schema: {
        tags: ["tpps"],
        summary: "One TPPS team",
        params: IdParams,
        response: responses({ 200: TppsTeamResponse }),
      },
    },
    async (request) => ({ team: await tpps.team(requireUser(request), request.params.id) }),
  );

  app.patch(
    "/api/tpps/teams/:id",
    {
      schema: {
        tags: ["tpps"],
        summary: "Change a team's decree and period (stale version: 409)",
        params: IdParams,
        body: TppsTeamUpdateBody,
        response: responses({ 200: TppsTeamResponse }),
      },
    },
    async (request) => ({
      team: await tpps.updateTeam(requireUser(request), request.params.id, request.body, request.ip),
    }),
  );

  app.post(
    "/api/tpps/teams/:id/members",
    {
      schema: {
        tags: ["tpps"],
        summary: "Seat a person on a team",
        params: IdParams,
        body: TppsMemberBody,
        response: responses({ 201: TppsTeamResponse }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        team: await tpps.addMember(requireUser(request), request.params.id, request.body, request.ip),
      }),
  );

  app.delete(
    "/api/tpps/teams/:id/members/:memberId",
    {
      schema: {
        tags: ["tpps"],
        summary: "Remove a seat from a team",
        params: MemberParams,
        response: responses({ 200: TppsTeamResponse }),
      },
    },
    async (request) => ({
      team: await tpps.removeMember(
        requireUser(request),
        request.params.id,
        request.params.memberId,
        request.ip,
      ),
    }),
  );

  const tags = ["minilok"];
  app.get(
    "/api/minilok/meetings",
    {
      schema: {
        tags,
        summary: "Mini lokakarya meetings of the kecamatan of a region",
        querystring: MinilokMeetingsQuery,
        response: responses({ 200: MinilokMeetingsResponse }),
      },
    },
    async (request) => ({ meetings: await minilok.list(requireUser(request), request.query.region) }),
  );

  app.post(
    "/api/minilok/meetings",
    {
      schema: {
        tags,
        summary: "Hold a mini lokakarya of a kecamatan",
        body: MinilokMeetingBody,
        response: responses({ 201: MinilokMeetingResponse }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ meeting: await minilok.create(requireUser(request), request.body, request.ip) }),
  );

  app.get(
    "/api/minilok/meetings/:id",
    {
      schema: {
        tags,
        summary: "A meeting with coverage per village, checklist, verification counts and recommendations",
        params: IdParams,
        response: responses({ 200: MinilokMeetingResponse }),
      },
    },
    async (request) => ({ meeting: await minilok.get(requireUser(request), request.params.id) }),
  );

  app.patch(
    "/api/minilok/meetings/:id",
    {
      schema: {
        tags,
        summary: "Change a meeting's place, participants and notes (stale version: 409)",
        params: IdParams,
        body: MinilokMeetingUpdateBody,
        response: responses({ 200: MinilokMeetingResponse }),
      },
    },
    async (request) => ({
      meeting: await minilok.update(requireUser(request), request.params.id, request.body, request.ip),
    }),
  );

  app.put(
    "/api/minilok/meetings/:id/checklist",
    {
      schema: {
        tags,
        summary: "Replace the checklist's items and answers",
        params: IdParams,
        body: MinilokChecklistBody,
        response: responses({ 200: MinilokMeetingResponse }),
      },
    },
    async (request) => ({
      meeting: await minilok.setChecklist(
        requireUser(request),
        request.params.id,
        request.body.items,
        request.ip,
      ),
    }),
  );

  app.put(
    "/api/minilok/meetings/:id/reviews",
    {
      schema: {
        tags,
        summary: "Record a village's problems and follow-up",
        params: IdParams,
        body: MinilokReviewBody,
        response: responses({ 200: MinilokMeetingResponse }),
      },
    },
    async (request) => ({
      meeting: await minilok.setReview(requireUser(request), request.params.id, request.body, request.ip),
    }),
  );

  app.get(
    "/api/minilok/meetings/:id/lists",
    {
      schema: {
        tags,
        summary: "The named case and at-risk-family lists to verify (audited)",
        params: IdParams,
        response: responses({ 200: MinilokListsResponse }),
      },
    },
    async (request) => minilok.lists(requireUser(request), request.params.id, request.ip),
  );

  app.put(
    "/api/minilok/meetings/:id/verifications",
    {
      schema: {
        tags,
        summary: "Record a listed case or family as valid or not (audited)",
        params: IdParams,
        body: MinilokVerificationBody,
        response: responses({ 200: Ok }),
      },
    },
    async (request) => minilok.verify(requireUser(request), request.params.id, request.body, request.ip),
  );

  app.post(
    "/api/minilok/meetings/:id/recommendations",
    {
      schema: {
        tags,
        summary: "Add a recommendation (owner, due date)",
        params: IdParams,
        body: MinilokRecommendationBody,
        response: responses({ 201: MinilokMeetingResponse }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        meeting: await minilok.addRecommendation(
          requireUser(request),
          request.params.id,
          request.body,
          request.ip,
        ),
      }),
  );

  app.patch(
    "/api/minilok/recommendations/:id",
    {
      schema: {
        tags,
        summary: "Set a recommendation's status (stale version: 409)",
        params: IdParams,
        body: MinilokRecommendationUpdateBody,
        response: responses({ 200: z.object({ recommendation: MinilokRecommendation }) }),
      },
    },
    async (request) => ({
      recommendation: await minilok.updateRecommendation(
        requireUser(request),
        request.params.id,
        request.body,
        request.ip,
      ),
    }),
  );

  app.get(
    "/api/minilok/meetings/:id/minutes.pdf",
    { schema: { tags, summary: "The meeting's minutes (PDF)", params: IdParams } },
    async (request, reply) => sendPdf(reply, await minilok.minutes(requireUser(request), request.params.id)),
  );
}
