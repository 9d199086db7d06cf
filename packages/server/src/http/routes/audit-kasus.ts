/** Audit Kasus Stunting: cycles, case finding and selection, worksheet, review, follow-up plan, dissemination. */
import { todayInIndonesia } from "@tumbuh/core";
import {
  AksCandidatesResponse,
  AksCase,
  AksCasesResponse,
  AksCycle,
  AksCycleBody,
  AksCyclesQuery,
  AksCyclesResponse,
  AksDisseminationBody,
  AksFollowup,
  AksFollowupBody,
  AksFollowupStatusBody,
  AksReviewBody,
  AksSelectBody,
  AksStatusBody,
  AksSummary,
  AksWorksheetBody,
  IdParams,
} from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function auditKasusRoutes(app: App, ctx: AppContext): Promise<void> {
  const aks = ctx.services.auditKasus;
  const plan = ctx.services.auditKasusPlan;
  const today = () => todayInIndonesia(ctx.now());
  const tags = ["audit kasus stunting"];
  const CaseResponse = z.object({ case: AksCase });
  const CycleResponse = z.object({ cycle: AksCycle });

  app.get(
    "/api/aks/cycles",
    {
      schema: {
        tags,
        summary: "Audit cycles of a district",
        querystring: AksCyclesQuery,
        response: responses({ 200: AksCyclesResponse }),
      },
    },
    async (request) => ({ cycles: await aks.cycles(requireUser(request), request.query.region) }),
  );

  app.post(
    "/api/aks/cycles",
    {
      schema: {
        tags,
        summary: "Open a semester's audit with its team and panel",
        body: AksCycleBody,
        response: responses({ 201: CycleResponse }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ cycle: await aks.createCycle(requireUser(request), request.body, request.ip) }),
  );

  app.get(
    "/api/aks/cycles/:id",
    {
      schema: {
        tags,
        summary: "One audit cycle with its team and panel (no cases)",
        params: IdParams,
        response: responses({ 200: CycleResponse }),
      },
    },
    async (request) => ({ cycle: await aks.getCycle(requireUser(request), request.params.id) }),
  );

  app.get(
    "/api/aks/cycles/:id/summary",
    {
      schema: {
        tags,
        summary: "Counts of a cycle's cases and follow-ups (aggregate, no names)",
        params: IdParams,
        response: responses({ 200: AksSummary }),
      },
    },
    async (request) => aks.summary(requireUser(request), request.params.id),
  );

  app.get(
    "/api/aks/cycles/:id/candidates",
    {
      schema: {
        tags,
        summary: "Cases found in the semester's data (audit team only; audited)",
        params: IdParams,
        response: responses({ 200: AksCandidatesResponse }),
      },
    },
    async (request) => aks.candidates(requireUser(request), request.params.id, request.ip),
  );

  app.get(
    "/api/aks/cycles/:id/cases",
    {
      schema: {
        tags,
        summary: "Selected cases and the follow-up plan (audit team only; audited)",
        params: IdParams,
        response: responses({ 200: AksCasesResponse }),
      },
    },
    async (request) => aks.cases(requireUser(request), request.params.id, request.ip),
  );

  app.post(
    "/api/aks/cycles/:id/cases",
    {
      schema: {
        tags,
        summary: "Select a found case with the team's reason",
        params: IdParams,
        body: AksSelectBody,
        response: responses({ 201: CaseResponse }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ case: await aks.select(requireUser(request), request.params.id, request.body, request.ip) }),
  );

  app.get(
    "/api/aks/cases/:id",
    {
      schema: {
        tags,
        summary: "One audit case (audit team only; audited)",
        params: IdParams,
        response: responses({ 200: CaseResponse }),
      },
    },
    async (request) => ({ case: await aks.get(requireUser(request), request.params.id, request.ip) }),
  );

  app.put(
    "/api/aks/cases/:id/worksheet",
    {
      schema: {
        tags,
        summary: "Save the audit worksheet (KKA)",
        params: IdParams,
        body: AksWorksheetBody,
        response: responses({ 200: CaseResponse }),
      },
    },
    async (request) => ({
      case: await aks.saveWorksheet(requireUser(request), request.params.id, request.body, request.ip),
    }),
  );

  app.put(
    "/api/aks/cases/:id/review",
    {
      schema: {
        tags,
        summary: "Save the expert panel's review and recommendations",
        params: IdParams,
        body: AksReviewBody,
        response: responses({ 200: CaseResponse }),
      },
    },
    async (request) => ({
      case: await aks.saveReview(requireUser(request), request.params.id, request.body, today(), request.ip),
    }),
  );

  app.put(
    "/api/aks/cases/:id/status",
    {
      schema: {
        tags,
        summary: "Set a case's status",
        params: IdParams,
        body: AksStatusBody,
        response: responses({ 200: CaseResponse }),
      },
    },
    async (request) => ({
      case: await aks.setStatus(requireUser(request), request.params.id, request.body, request.ip),
    }),
  );

  app.post(
    "/api/aks/cycles/:id/followups",
    {
      schema: {
        tags,
        summary: "Add an action of the follow-up plan (RTL)",
        params: IdParams,
        body: AksFollowupBody,
        response: responses({ 201: z.object({ followup: AksFollowup }) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        followup: await plan.addFollowup(requireUser(request), request.params.id, request.body, request.ip),
      }),
  );

  app.put(
    "/api/aks/followups/:id/status",
    {
      schema: {
        tags,
        summary: "Set a follow-up's status",
        params: IdParams,
        body: AksFollowupStatusBody,
        response: responses({ 200: z.object({ followup: AksFollowup }) }),
      },
    },
    async (request) => ({
      followup: await plan.setFollowupStatus(
        requireUser(request),
        request.params.id,
        request.body,
        request.ip,
      ),
    }),
  );

  app.get(
    "/api/aks/cycles/:id/report.pdf",
    {
      schema: {
        tags,
        summary:
          "The cycle's printable summary (PDF): named for the audit team (audited), aggregate for others",
        params: IdParams,
        querystring: z.object({ lang: z.enum(["id", "en"]).default("id") }),
        response: responses({ 200: z.any().describe("the PDF file") }),
      },
    },
    async (request, reply) => {
      const file = await ctx.services.auditKasusReport.report(
        requireUser(request),
        request.params.id,
        request.query.lang,
        request.ip,
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${file.fileName}"`)
        .header("cache-control", "private, no-store")
        .send(file.bytes);
    },
  );

  app.put(
    "/api/aks/cycles/:id/dissemination",
    {
      schema: {
        tags,
        summary: "Record the dissemination meeting",
        params: IdParams,
        body: AksDisseminationBody,
        response: responses({ 200: CycleResponse }),
      },
    },
    async (request) => ({
      cycle: await plan.dissemination(
        requireUser(request),
        request.params.id,
        request.body,
        today(),
        request.ip,
      ),
    }),
  );
}
