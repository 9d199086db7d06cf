import { IdParams, ImportResponse } from "@tumbuh/core/api";
import type { SavedUpload } from "../../services/imports.ts";
import type { App, AppContext } from "../context.ts";
import { noFile } from "../errors.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function importRoutes(app: App, ctx: AppContext): Promise<void> {
  const imports = ctx.services.imports;

  app.post(
    "/api/imports",
    {
      schema: {
        tags: ["import"],
        summary: "Upload a CSV/XLSX file: dry-run report, nothing written yet",
        consumes: ["multipart/form-data"],
        response: responses({ 201: ImportResponse }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!request.isMultipart()) {
        throw noFile("expected multipart/form-data with a 'file' field");
      }
      let saved: SavedUpload | undefined;
      let district: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === "file") saved = await imports.save(user, part.filename, part.file);
        else if (part.fieldname === "district" && typeof part.value === "string" && part.value)
          district = part.value.trim();
      }
      if (!saved) {
        throw noFile("file: no file was uploaded");
      }
      return reply.code(201).send({ import: await imports.dryRun(user, saved, district) });
    },
  );

  app.get(
    "/api/imports/:id",
    {
      schema: {
        tags: ["import"],
        summary: "An upload and its report",
        params: IdParams,
        response: responses({ 200: ImportResponse }),
      },
    },
    async (request) => ({ import: await imports.get(requireUser(request), request.params.id) }),
  );

  app.post(
    "/api/imports/:id/confirm",
    {
      schema: {
        tags: ["import"],
        summary: "Import an uploaded file for real",
        params: IdParams,
        response: responses({ 200: ImportResponse }),
      },
    },
    async (request) => ({ import: await imports.confirm(requireUser(request), request.params.id) }),
  );
  app.delete(
    "/api/imports/:id",
    {
      schema: {
        tags: ["import"],
        summary: "Cancel an upload awaiting confirmation: its file is deleted, nothing is imported",
        params: IdParams,
        response: responses({ 200: ImportResponse }),
      },
    },
    async (request) => ({ import: await imports.cancel(requireUser(request), request.params.id) }),
  );
}
