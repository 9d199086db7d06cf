/** The dashboard (prevalence of a region and period, its child regions, its trend) and periods. */
import { todayInIndonesia } from "@tumbuh/core";
import { Dashboard, DashboardQuery, PeriodsQuery, PeriodsResponse } from "@tumbuh/core/api";
import type { App, AppContext } from "../context.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export async function dashboardRoutes(app: App, ctx: AppContext): Promise<void> {
  const prevalence = ctx.services.prevalence;

  app.get(
    "/api/dashboard",
    {
      schema: {
        tags: ["dashboard"],
        summary: "Prevalence of a region and period, its child regions and its trend",
        querystring: DashboardQuery,
        response: responses({ 200: Dashboard }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const code = request.query.region ?? user.regionCode;
      const period = request.query.period;
      // Already JSON in the Dashboard shape (keys in schema order); the schema documents it.
      const body = await prevalence.dashboardJson(user, code, period, todayInIndonesia(ctx.now()));
      return reply.type("application/json; charset=utf-8").send(body as unknown as Dashboard);
    },
  );

  app.get(
    "/api/periods",
    {
      schema: {
        tags: ["dashboard"],
        summary: "Periods with data for a region",
        querystring: PeriodsQuery,
        response: responses({ 200: PeriodsResponse }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const code = request.query.region ?? user.regionCode;
      const { defaultPeriod, months } = await prevalence.periodCompleteness(
        user,
        code,
        todayInIndonesia(ctx.now()),
      );
      return { periods: await prevalence.periods(user, code), defaultPeriod, completeness: months };
    },
  );
}
