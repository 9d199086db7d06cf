/**
 * Aksi konvergensi: a district's yearly cycle, each aksi's status, review, history and evidence
 * files, and Pantau Aksi per province. Parse → one service call → send.
 */
import { createReadStream } from "node:fs";
import {
  AksiCycleDetail,
  AksiCycleParams,
  AksiCycleSummary,
  AksiCyclesQuery,
  AksiEntryParams,
  AksiEvidence,
  AksiHistory,
  OpenAksiCycleBody,
  ProvinceProgress,
  ProvinceProgressQuery,
  ReviewAksiEntryBody,
  UpdateAksiEntryBody,
} from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { noFile } from "../errors.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

const tags = ["aksi"];

export async function aksiRoutes(app: App, ctx: AppContext): Promise<void> {
  const aksi = ctx.services.aksi;
  const evidence = ctx.services.aksiEvidence;

  app.get(
    "/api/aksi/cycles",
    {
      schema: {
        tags,
        summary: "Aksi cycles of the districts in a region",
        querystring: AksiCyclesQuery,
        response: responses({ 200: z.object({ cycles: z.array(AksiCycleSummary) }) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { cycles: await aksi.list(user, request.query.region ?? user.regionCode, request.query.year) };
    },
  );

  app.post(
    "/api/aksi/cycles",
    {
      schema: {
        tags,
        summary: "Open a district's cycle for a year",
        body: OpenAksiCycleBody,
        response: responses({ 201: z.object({ cycle: AksiCycleSummary }) }),
      },
    },
    async (request, reply) => {
      const cycle = await aksi.open(requireUser(request), request.body.districtCode, request.body.year);
      return reply.code(201).send({ cycle });
    },
  );

  app.get(
    "/api/aksi/cycles/:id",
    {
      schema: {
        tags,
        summary: "A cycle: every aksi with status, outputs, evidence, review and progress",
        params: AksiCycleParams,
        response: responses({ 200: AksiCycleDetail }),
      },
    },
    async (request) => aksi.detail(requireUser(request), request.params.id),
  );

  app.patch(
    "/api/aksi/cycles/:id/aksi/:aksi",
    {
      schema: {
        tags,
        summary: "Change an aksi's status, notes or outputs done (district)",
        params: AksiEntryParams,
        body: UpdateAksiEntryBody,
        response: responses({ 200: AksiCycleDetail }),
      },
    },
    async (request) =>
      aksi.update(requireUser(request), request.params.id, request.params.aksi, request.body),
  );

  app.post(
    "/api/aksi/cycles/:id/aksi/:aksi/review",
    {
      schema: {
        tags,
        summary: "Accept or return an aksi (province)",
        params: AksiEntryParams,
        body: ReviewAksiEntryBody,
        response: responses({ 200: AksiCycleDetail }),
      },
    },
    async (request) =>
      aksi.review(requireUser(request), request.params.id, request.params.aksi, request.body),
  );

  app.get(
    "/api/aksi/cycles/:id/aksi/:aksi/history",
    {
      schema: {
        tags,
        summary: "Who changed what of an aksi, newest first",
        params: AksiEntryParams,
        response: responses({ 200: AksiHistory }),
      },
    },
    async (request) => aksi.history(requireUser(request), request.params.id, request.params.aksi),
  );

  app.post(
    "/api/aksi/cycles/:id/aksi/:aksi/evidence",
    {
      schema: {
        tags,
        summary:
          "Upload an evidence file (PDF, image, office document; multipart 'file', optional 'outputCode')",
        consumes: ["multipart/form-data"],
        params: AksiEntryParams,
        response: responses({ 201: z.object({ evidence: AksiEvidence }) }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw noFile("expected multipart/form-data with a 'file' field");
      let outputCode: string | null = null;
      let saved: AksiEvidence | undefined;
      for await (const part of request.parts()) {
        if (part.type === "file") {
          saved = await evidence.add(
            user,
            request.params.id,
            request.params.aksi,
            outputCode,
            part.filename,
            part.file,
          );
        } else if (part.fieldname === "outputCode" && typeof part.value === "string" && part.value)
          outputCode = part.value.trim();
      }
      if (!saved) throw noFile("file: no file was uploaded");
      return reply.code(201).send({ evidence: saved });
    },
  );

  app.get(
    "/api/aksi/evidence/:id",
    { schema: { tags, summary: "Download an evidence file", params: AksiCycleParams } },
    async (request, reply) => {
      const file = await evidence.download(requireUser(request), request.params.id);
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
    "/api/aksi/evidence/:id",
    {
      schema: {
        tags,
        summary: "Take an evidence file off its aksi",
        params: AksiCycleParams,
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await evidence.remove(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/aksi/configs",
    {
      schema: {
        tags,
        summary: "Add a year's version of the aksi list (national admin; AksiConfig of core/programme)",
        body: z.object({ config: z.unknown() }),
        response: responses({ 201: z.object({ version: z.string(), validFrom: z.number() }) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await aksi.addConfig(requireUser(request), request.body.config)),
  );

  app.get(
    "/api/aksi/progress",
    {
      schema: {
        tags,
        summary: "Pantau Aksi: the districts of a province side by side",
        querystring: ProvinceProgressQuery,
        response: responses({ 200: ProvinceProgress }),
      },
    },
    async (request) =>
      aksi.provinceProgress(requireUser(request), request.query.province, request.query.year),
  );
}
