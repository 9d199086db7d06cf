/** SKDN reports, the posyandu page with its action lists, and the data-quality report. */
import { todayInIndonesia } from "@tumbuh/core";
import {
  PosyanduPage,
  PosyanduParams,
  QualityQuery,
  QualityReportResponse,
  SkdnQuery,
  SkdnReport,
} from "@tumbuh/core/api";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function posyanduRoutes(app: App, ctx: AppContext): Promise<void> {
  const { skdn, posyanduPage, dataQuality } = ctx.services;

  app.get(
    "/api/skdn",
    {
      schema: {
        tags: ["posyandu"],
        summary: "SKDN of a region or posyandu per month, the units below and the trend",
        querystring: SkdnQuery,
        response: responses({ 200: SkdnReport }),
      },
    },
    async (request) => skdn.report(requireUser(request), request.query, todayInIndonesia(ctx.now())),
  );

  app.get(
    "/api/posyandu/:id/page",
    {
      schema: {
        tags: ["posyandu"],
        summary: "A posyandu's children with latest status, growth alerts and action lists (audited)",
        params: PosyanduParams,
        response: responses({ 200: PosyanduPage }),
      },
    },
    async (request) =>
      posyanduPage.page(requireUser(request), request.params.id, todayInIndonesia(ctx.now()), request.ip),
  );

  app.get(
    "/api/quality",
    {
      schema: {
        tags: ["posyandu"],
        summary: "WHO data-quality report of a region or posyandu and period, with the units below",
        querystring: QualityQuery,
        response: responses({ 200: QualityReportResponse }),
      },
    },
    async (request) => dataQuality.report(requireUser(request), request.query, todayInIndonesia(ctx.now())),
  );
}
