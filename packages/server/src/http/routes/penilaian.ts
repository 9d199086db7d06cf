/**
 * Penilaian kinerja: the province's assessment (open, panel, web completeness, recommendations,
 * publish), panelists' grades, the draft result, and the published ranking (public). Thin routes.
 */
import {
  AksiCycleParams,
  OpenPenilaianBody,
  PenilaianGradeBody,
  PenilaianInstrumentBody,
  PenilaianListQuery,
  PenilaianPanelBody,
  PenilaianPrintQuery,
  PenilaianRecommendationBody,
  PenilaianValueBody,
  PublishedPenilaianQuery,
  PublishPenilaianBody,
} from "@tumbuh/core/api";
import type { App, AppContext } from "../context.ts";
import { requireUser } from "../session-hooks.ts";

const tags = ["penilaian"];

export async function penilaianRoutes(app: App, ctx: AppContext): Promise<void> {
  const pk = ctx.services.penilaian;
  const params = AksiCycleParams;

  app.post(
    "/api/penilaian",
    { schema: { tags, summary: "Open a province's assessment of a year", body: OpenPenilaianBody } },
    async (request, reply) => {
      const { provinceCode, year, instrument, districts } = request.body;
      return reply
        .code(201)
        .send(await pk.open(requireUser(request), provinceCode, year, instrument, districts));
    },
  );

  app.get(
    "/api/penilaian",
    {
      schema: {
        tags,
        summary: "The assessments the caller runs (province) or sits on the panel of",
        querystring: PenilaianListQuery,
      },
    },
    async (request) => pk.list(requireUser(request), request.query.province),
  );

  app.get(
    "/api/penilaian/:id/candidates",
    { schema: { tags, summary: "Provincial assessors who may sit on the panel", params } },
    async (request) => pk.candidates(requireUser(request), request.params.id),
  );

  app.put(
    "/api/penilaian/:id/instrument",
    { schema: { tags, summary: "Replace a draft's instrument", params, body: PenilaianInstrumentBody } },
    async (request) =>
      pk.setInstrument(
        requireUser(request),
        request.params.id,
        request.body.instrument,
        request.body.version,
      ),
  );

  app.get(
    "/api/penilaian/:id/grades",
    {
      schema: {
        tags,
        summary: "Grades (all for the province and the chair, own for a member) and values",
        params,
      },
    },
    async (request) => pk.grades(requireUser(request), request.params.id),
  );

  app.put(
    "/api/penilaian/:id/values",
    {
      schema: {
        tags,
        summary: "A number or prevalence item's value for a district",
        params,
        body: PenilaianValueBody,
      },
    },
    async (request) => pk.setValue(requireUser(request), request.params.id, request.body),
  );

  app.get(
    "/api/penilaian/:id/export.xlsx",
    { schema: { tags, summary: "Ranking and grades as XLSX", params } },
    async (request, reply) => {
      const file = await ctx.services.penilaianDocuments.xlsx(requireUser(request), request.params.id);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.get(
    "/api/penilaian/:id/print.pdf",
    { schema: { tags, summary: "The printable result (PDF)", params, querystring: PenilaianPrintQuery } },
    async (request, reply) => {
      const file = await ctx.services.penilaianDocuments.pdf(requireUser(request), request.params.id, {
        language: request.query.lang,
        synthetic: ctx.demo.synthetic,
      });
      return reply
        .type(file.contentType)
        .header("content-disposition", `inline; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.get(
    "/api/penilaian/:id",
    { schema: { tags, summary: "An assessment (province, panelists)", params } },
    async (request) => pk.view(requireUser(request), request.params.id),
  );

  app.put(
    "/api/penilaian/:id/panel",
    { schema: { tags, summary: "Set the panel", params, body: PenilaianPanelBody } },
    async (request) => pk.setPanel(requireUser(request), request.params.id, request.body.members),
  );

  app.put(
    "/api/penilaian/:id/grades",
    {
      schema: {
        tags,
        summary: "A panelist's grade for a district and item",
        params,
        body: PenilaianGradeBody,
      },
    },
    async (request, reply) => {
      await pk.grade(requireUser(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/penilaian/:id/pengisian",
    { schema: { tags, summary: "Fill web completeness from Pantau Aksi", params } },
    async (request, reply) => {
      await pk.fillFromPantauAksi(requireUser(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.put(
    "/api/penilaian/:id/recommendations",
    {
      schema: { tags, summary: "A recommendation to a district", params, body: PenilaianRecommendationBody },
    },
    async (request, reply) => {
      await pk.recommend(
        requireUser(request),
        request.params.id,
        request.body.districtCode,
        request.body.text,
      );
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/penilaian/:id/result",
    { schema: { tags, summary: "Draft scores and ranking", params } },
    async (request) => pk.result(requireUser(request), request.params.id),
  );

  app.post(
    "/api/penilaian/:id/publish",
    {
      schema: {
        tags,
        summary: "Publish the ranking with its decree number",
        params,
        body: PublishPenilaianBody,
      },
    },
    async (request, reply) => {
      await pk.publish(
        requireUser(request),
        request.params.id,
        request.body.decreeNumber,
        request.body.version,
      );
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/penilaian/published",
    {
      schema: {
        tags,
        summary: "A published ranking (and the caller's own district in full)",
        querystring: PublishedPenilaianQuery,
      },
    },
    async (request) => pk.published(requireUser(request), request.query.province, request.query.year),
  );

  app.get(
    "/api/public/penilaian",
    { schema: { tags, summary: "A published ranking, for everyone", querystring: PublishedPenilaianQuery } },
    async (request) => {
      const { ranking, decreeNumber, provinceCode, year } = await pk.published(
        null,
        request.query.province,
        request.query.year,
      );
      return { provinceCode, year, decreeNumber, ranking };
    },
  );
}
