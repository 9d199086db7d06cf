/**
 * Analisis situasi and the integrated plan of an aksi cycle: indicators and targets, indicator
 * values, the analysis per village, the desa lokus ranking and decision, the activities with their
 * budget, the budget tagging summaries, and the plan's XLSX import and export.
 * Parse → one service call → send.
 */
import {
  ActivityBody,
  ActivityUpdateBody,
  AksiCycleParams,
  AnsitQuery,
  AnsitResponse,
  IndicatorCodeParams,
  IndicatorsQuery,
  IndicatorsResponse,
  IndicatorTargetBody,
  IndicatorValuesBody,
  LokusDecision,
  LokusDecisionBody,
  LokusDecisionResponse,
  LokusRankingBody,
  LokusRankingResponse,
  PlanImportResponse,
  PlanResponse,
} from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { noFile } from "../errors.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

const tags = ["aksi"];

export async function aksiPlanRoutes(app: App, ctx: AppContext): Promise<void> {
  const plan = ctx.services.aksiPlan;
  const sheet = ctx.services.aksiPlanSheet;

  app.get(
    "/api/aksi/indicators",
    {
      schema: {
        tags,
        summary: "Indicators with the target that applies to a district in a year",
        querystring: IndicatorsQuery,
        response: responses({ 200: IndicatorsResponse }),
      },
    },
    async (request) => plan.indicators(requireUser(request), request.query.district, request.query.year),
  );

  app.put(
    "/api/aksi/indicators/:code/target",
    {
      schema: {
        tags,
        summary: "Set the district's own target of an indicator for a year",
        params: IndicatorCodeParams,
        body: IndicatorTargetBody,
        response: responses({ 200: IndicatorsResponse }),
      },
    },
    async (request) => plan.setTarget(requireUser(request), request.params.code, request.body),
  );

  app.post(
    "/api/aksi/indicator-values",
    {
      schema: {
        tags,
        summary: "Save indicator values of the district's regions for a year (form entry)",
        body: IndicatorValuesBody,
        response: responses({ 200: z.object({ saved: z.number() }) }),
      },
    },
    async (request) => plan.saveValues(requireUser(request), request.body),
  );

  app.get(
    "/api/aksi/cycles/:id/analisis",
    {
      schema: {
        tags,
        summary: "Analisis situasi per village: burden, families, indicator coverage and gap to target",
        params: AksiCycleParams,
        querystring: AnsitQuery,
        response: responses({ 200: AnsitResponse }),
      },
    },
    async (request) => plan.analisis(requireUser(request), request.params.id, request.query.year),
  );

  app.post(
    "/api/aksi/cycles/:id/lokus/ranking",
    {
      schema: {
        tags,
        summary: "Desa lokus ranking under the weights given, each village's points per criterion",
        params: AksiCycleParams,
        body: LokusRankingBody,
        response: responses({ 200: LokusRankingResponse }),
      },
    },
    async (request) => plan.ranking(requireUser(request), request.params.id, request.body),
  );

  app.get(
    "/api/aksi/cycles/:id/lokus",
    {
      schema: {
        tags,
        summary: "The cycle's desa lokus decision",
        params: AksiCycleParams,
        response: responses({ 200: LokusDecisionResponse }),
      },
    },
    async (request) => plan.decision(requireUser(request), request.params.id),
  );

  app.put(
    "/api/aksi/cycles/:id/lokus",
    {
      schema: {
        tags,
        summary: "Record the desa lokus chosen, the reason and the decision document (district)",
        params: AksiCycleParams,
        body: LokusDecisionBody,
        response: responses({ 200: z.object({ decision: LokusDecision }) }),
      },
    },
    async (request) => ({
      decision: await plan.decide(requireUser(request), request.params.id, request.body),
    }),
  );

  app.get(
    "/api/aksi/cycles/:id/activities",
    {
      schema: {
        tags,
        summary: "The plan's activities and the budget tagging summaries",
        params: AksiCycleParams,
        response: responses({ 200: PlanResponse }),
      },
    },
    async (request) => plan.plan(requireUser(request), request.params.id),
  );

  app.post(
    "/api/aksi/cycles/:id/activities",
    {
      schema: {
        tags,
        summary: "Add an activity to the plan (district)",
        params: AksiCycleParams,
        body: ActivityBody,
        response: responses({ 201: z.object({ id: z.string() }) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await plan.addActivity(requireUser(request), request.params.id, request.body)),
  );

  app.put(
    "/api/aksi/activities/:id",
    {
      schema: {
        tags,
        summary: "Change an activity or enter its realisation (district)",
        params: AksiCycleParams,
        body: ActivityUpdateBody,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await plan.updateActivity(
        requireUser(request),
        request.params.id,
        request.body.activity,
        request.body.version,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/api/aksi/activities/:id",
    {
      schema: {
        tags,
        summary: "Take an activity off the plan (district)",
        params: AksiCycleParams,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await plan.removeActivity(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/aksi/cycles/:id/activities/import",
    {
      schema: {
        tags,
        summary:
          "Import activities from an XLSX/CSV in the export's layout (multipart 'file'; 'dryRun' true checks only)",
        consumes: ["multipart/form-data"],
        params: AksiCycleParams,
        response: responses({ 200: PlanImportResponse }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw noFile("expected multipart/form-data with a 'file' field");
      let dryRun = true;
      let result: PlanImportResponse | undefined;
      for await (const part of request.parts()) {
        if (part.type === "file")
          result = await sheet.importFile(user, request.params.id, part.filename, part.file, dryRun);
        else if (part.fieldname === "dryRun" && typeof part.value === "string")
          dryRun = part.value !== "false";
      }
      if (!result) throw noFile("file: no file was uploaded");
      return result;
    },
  );

  app.get(
    "/api/aksi/cycles/:id/activities.xlsx",
    { schema: { tags, summary: "The plan as XLSX (the import's layout)", params: AksiCycleParams } },
    async (request, reply) => {
      const file = await sheet.exportXlsx(requireUser(request), request.params.id);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
