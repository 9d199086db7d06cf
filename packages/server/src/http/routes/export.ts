/** Export of the tables a user sees (dashboard, trend, children, measurements) as CSV or XLSX. */
import { todayInIndonesia } from "@tumbuh/core";
import { ExportQuery } from "@tumbuh/core/api";
import { z } from "zod";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function exportRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    "/api/export",
    {
      schema: {
        tags: ["export"],
        summary: "Download a table as CSV or XLSX",
        querystring: ExportQuery,
        response: responses({ 200: z.any().describe("the CSV or XLSX file") }),
      },
    },
    async (request, reply) => {
      const file = await ctx.services.exports.table(
        requireUser(request),
        request.query,
        todayInIndonesia(ctx.now()),
        request.ip,
      );
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
