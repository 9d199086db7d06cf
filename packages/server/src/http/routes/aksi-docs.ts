/**
 * The aksi documents: rembuk stunting and its berita acara (aksi 3), regulations on village roles
 * (aksi 4), KPM and the desa convergence scorecard (aksi 5), and the commentary and annual review
 * of a cycle (aksi 6–8). Parse → one service call → send.
 */
import { createReadStream } from "node:fs";
import {
  AksiCycleParams,
  AksiReview,
  Kpm,
  KpmBody,
  KpmQuery,
  Regulation,
  RegulationBody,
  RegulationsQuery,
  Rembuk,
  RembukBody,
  ReviewBody,
  Scorecard,
  ScorecardBody,
  ScorecardImportReport,
  ScorecardParams,
  ScorecardSummary,
  ScorecardsQuery,
  UpdateKpmBody,
  UpdateRembukBody,
} from "@tumbuh/core/api";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { noFile } from "../errors.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

const tags = ["aksi"];

/** Sends a produced file as a download. */
function sendFile(reply: FastifyReply, fileName: string, contentType: string, body: Buffer) {
  return reply
    .type(contentType)
    .header(
      "content-disposition",
      `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header("x-content-type-options", "nosniff")
    .send(body);
}

export async function aksiDocsRoutes(app: App, ctx: AppContext): Promise<void> {
  const rembuk = ctx.services.aksiRembuk;
  const village = ctx.services.aksiVillage;
  const review = ctx.services.aksiReview;

  // --- rembuk stunting (aksi 3)

  app.get(
    "/api/aksi/cycles/:id/rembuk",
    {
      schema: {
        tags,
        summary: "The rembuk stunting meetings of a cycle",
        params: AksiCycleParams,
        response: responses({ 200: z.object({ rembuk: z.array(Rembuk) }) }),
      },
    },
    async (request) => ({ rembuk: await rembuk.list(requireUser(request), request.params.id) }),
  );

  app.post(
    "/api/aksi/cycles/:id/rembuk",
    {
      schema: {
        tags,
        summary: "Record a rembuk stunting (district)",
        params: AksiCycleParams,
        body: RembukBody,
        response: responses({ 201: z.object({ rembuk: Rembuk }) }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ rembuk: await rembuk.create(requireUser(request), request.params.id, request.body) }),
  );

  app.get(
    "/api/aksi/rembuk/:id",
    {
      schema: {
        tags,
        summary: "A rembuk stunting",
        params: AksiCycleParams,
        response: responses({ 200: Rembuk }),
      },
    },
    async (request) => rembuk.get(requireUser(request), request.params.id),
  );

  app.put(
    "/api/aksi/rembuk/:id",
    {
      schema: {
        tags,
        summary: "Change a rembuk stunting (district; with its version)",
        params: AksiCycleParams,
        body: UpdateRembukBody,
        response: responses({ 200: Rembuk }),
      },
    },
    async (request) => rembuk.update(requireUser(request), request.params.id, request.body),
  );

  app.delete(
    "/api/aksi/rembuk/:id",
    {
      schema: {
        tags,
        summary: "Delete a rembuk stunting",
        params: AksiCycleParams,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await rembuk.remove(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/aksi/rembuk/:id/berita-acara.pdf",
    { schema: { tags, summary: "The berita acara of a rembuk stunting (PDF)", params: AksiCycleParams } },
    async (request, reply) => {
      const file = await rembuk.beritaAcara(requireUser(request), request.params.id);
      return sendFile(reply, file.fileName, "application/pdf", file.pdf);
    },
  );

  // --- regulations (aksi 4)

  app.get(
    "/api/aksi/regulations",
    {
      schema: {
        tags,
        summary: "Perbup/Perwali of a district and its villages' Perdes/Perkades",
        querystring: RegulationsQuery,
        response: responses({ 200: z.object({ regulations: z.array(Regulation) }) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { regulations: await village.regulations(user, request.query.region ?? user.regionCode) };
    },
  );

  app.post(
    "/api/aksi/regulations",
    {
      schema: {
        tags,
        summary: "Record a regulation on village roles",
        body: RegulationBody,
        response: responses({ 201: z.object({ regulation: Regulation }) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ regulation: await village.addRegulation(requireUser(request), request.body) }),
  );

  app.post(
    "/api/aksi/regulations/:id/document",
    {
      schema: {
        tags,
        summary: "Attach the regulation's document (multipart 'file': PDF, image, office document)",
        consumes: ["multipart/form-data"],
        params: AksiCycleParams,
        response: responses({ 200: Regulation }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw noFile("expected multipart/form-data with a 'file' field");
      const part = await request.file();
      if (!part) throw noFile("file: no file was uploaded");
      return village.attachDocument(user, request.params.id, part.filename, part.file);
    },
  );

  app.get(
    "/api/aksi/regulations/:id/document",
    { schema: { tags, summary: "Download a regulation's document", params: AksiCycleParams } },
    async (request, reply) => {
      const file = await village.regulationDocument(requireUser(request), request.params.id);
      return reply
        .header("content-type", file.mediaType)
        .header("content-length", file.sizeBytes)
        .header(
          "content-disposition",
          `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header("x-content-type-options", "nosniff")
        .send(createReadStream(file.path));
    },
  );

  app.delete(
    "/api/aksi/regulations/:id",
    {
      schema: {
        tags,
        summary: "Delete a regulation",
        params: AksiCycleParams,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await village.removeRegulation(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // --- KPM (aksi 5)

  app.get(
    "/api/aksi/kpm",
    {
      schema: {
        tags,
        summary: "The KPM of the villages in a region (contacts for the district TPPS and the village only)",
        querystring: KpmQuery,
        response: responses({ 200: z.object({ kpm: z.array(Kpm) }) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { kpm: await village.kpmList(user, request.query.region ?? user.regionCode, request.ip) };
    },
  );

  app.post(
    "/api/aksi/kpm",
    {
      schema: {
        tags,
        summary: "Record a village's KPM",
        body: KpmBody,
        response: responses({ 201: z.object({ kpm: Kpm }) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ kpm: await village.addKpm(requireUser(request), request.body) }),
  );

  app.put(
    "/api/aksi/kpm/:id",
    {
      schema: {
        tags,
        summary: "Change a KPM (with its version)",
        params: AksiCycleParams,
        body: UpdateKpmBody,
        response: responses({ 200: Kpm }),
      },
    },
    async (request) => village.updateKpm(requireUser(request), request.params.id, request.body),
  );

  app.delete(
    "/api/aksi/kpm/:id",
    {
      schema: {
        tags,
        summary: "Delete a KPM",
        params: AksiCycleParams,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await village.removeKpm(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // --- the desa convergence scorecard (aksi 5)

  app.get(
    "/api/aksi/scorecards",
    {
      schema: {
        tags,
        summary: "Each village's convergence level for a quarter or a year",
        querystring: ScorecardsQuery,
        response: responses({ 200: z.object({ scorecards: z.array(ScorecardSummary) }) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return {
        scorecards: await village.scorecards(
          user,
          request.query.region ?? user.regionCode,
          request.query.period,
        ),
      };
    },
  );

  app.get(
    "/api/aksi/scorecards/export.xlsx",
    {
      schema: {
        tags,
        summary: "The scorecards of a region as XLSX (the import's layout)",
        querystring: ScorecardsQuery,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const file = await village.exportScorecards(
        user,
        request.query.region ?? user.regionCode,
        request.query.period,
      );
      return sendFile(
        reply,
        file.fileName,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        file.body,
      );
    },
  );

  app.post(
    "/api/aksi/scorecards/import",
    {
      schema: {
        tags,
        summary: "Import scorecards from XLSX/CSV (multipart 'file'); nothing is saved when a row is wrong",
        consumes: ["multipart/form-data"],
        response: responses({ 200: ScorecardImportReport }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw noFile("expected multipart/form-data with a 'file' field");
      const part = await request.file();
      if (!part) throw noFile("file: no file was uploaded");
      return village.importScorecards(user, part.filename, part.file);
    },
  );

  app.get(
    "/api/aksi/scorecards/:village/:quarter",
    {
      schema: {
        tags,
        summary: "A village's scorecard for a quarter: coverage per indicator and the convergence level",
        params: ScorecardParams,
        response: responses({ 200: Scorecard }),
      },
    },
    async (request) =>
      village.scorecard(requireUser(request), request.params.village, request.params.quarter),
  );

  app.put(
    "/api/aksi/scorecards/:village/:quarter",
    {
      schema: {
        tags,
        summary: "Save a village's quarter (N per group, Y and TS per indicator; version 0 for a new one)",
        params: ScorecardParams,
        body: ScorecardBody,
        response: responses({ 200: Scorecard }),
      },
    },
    async (request) =>
      village.saveScorecard(
        requireUser(request),
        request.params.village,
        request.params.quarter,
        request.body,
      ),
  );

  app.get(
    "/api/aksi/scorecards/:village/:quarter/pdf",
    { schema: { tags, summary: "A village's scorecard for a quarter (PDF)", params: ScorecardParams } },
    async (request, reply) => {
      const file = await village.scorecardPdf(
        requireUser(request),
        request.params.village,
        request.params.quarter,
      );
      return sendFile(reply, file.fileName, "application/pdf", file.pdf);
    },
  );

  // --- aksi 6–8

  app.get(
    "/api/aksi/cycles/:id/review",
    {
      schema: {
        tags,
        summary: "Aksi 6–8 of a cycle: links, the district's commentary and the annual review",
        params: AksiCycleParams,
        response: responses({ 200: AksiReview }),
      },
    },
    async (request) => review.get(requireUser(request), request.params.id),
  );

  app.put(
    "/api/aksi/cycles/:id/review",
    {
      schema: {
        tags,
        summary: "Save the commentary, indicators and lessons (district; version 0 for the first save)",
        params: AksiCycleParams,
        body: ReviewBody,
        response: responses({ 200: AksiReview }),
      },
    },
    async (request) => review.save(requireUser(request), request.params.id, request.body),
  );

  app.get(
    "/api/aksi/cycles/:id/review.pdf",
    { schema: { tags, summary: "The annual review (PDF)", params: AksiCycleParams } },
    async (request, reply) => {
      const file = await review.pdf(requireUser(request), request.params.id);
      return sendFile(reply, file.fileName, "application/pdf", file.pdf);
    },
  );

  app.post(
    "/api/aksi/cycles/:id/review/prefill-next",
    {
      schema: {
        tags,
        summary: "Copy the review's lessons into next year's analisis situasi (opens that cycle if needed)",
        params: AksiCycleParams,
        response: responses({ 200: z.object({ cycleId: z.string(), aksiCode: z.string() }) }),
      },
    },
    async (request) => review.prefillNext(requireUser(request), request.params.id),
  );
}
