/** The dashboard (prevalence of a region and period, its child regions, its trend) and periods. */
import { todayInIndonesia } from "@tumbuh/core";
import {
  Dashboard,
  DashboardQuery,
  type Figures,
  PeriodsQuery,
  PeriodsResponse,
  type Region,
} from "@tumbuh/core/api";
import type { Kysely } from "kysely";
import { requireAccess } from "../../auth/access.ts";
import type { DB } from "../../db/schema.ts";
import {
  defaultMonth,
  periodFigures,
  regionPeriods,
  toFigures,
  trendMonths,
  unitFigures,
} from "../../services/dashboard.ts";
import { dashboardRows } from "../../services/dashboard-rows.ts";
import type { App, AppContext } from "../context.ts";
import { NATIONAL_TARGET } from "../national-target.ts";
import type { RegionCache } from "../region-cache.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export const ROUTINE_SOURCE_LABEL = "Data rutin e-PPGBM / posyandu (penimbangan dan pengukuran)";

/** The latest month with data for a region that is not after the month of `today`, or null. */
export async function latestMonth(db: Kysely<DB>, code: string, today: string): Promise<string | null> {
  return defaultMonth(await regionPeriods(db, code), today);
}

/** Builds the whole dashboard payload for a region the caller may see. */
export async function buildDashboard(
  db: Kysely<DB>,
  regions: RegionCache,
  code: string,
  requested: string | undefined,
  synthetic: boolean,
  today: string,
): Promise<Dashboard> {
  const { region, ancestors } = await regions.withAncestors(code);
  const kids = region.level === "village" ? [] : await regions.children(code);
  // One round trip: the region's every period (its latest month, its own row, its trend) and
  // its child units' rows for the period shown.
  const rows = await dashboardRows(
    db,
    code,
    kids.map((k) => k.code),
    requested,
    today,
  );
  const units: Region[] =
    rows.posyandu?.map((p) => ({
      code: p.id,
      name: p.name,
      level: "posyandu",
      kind: null,
      parentCode: region.code,
    })) ?? kids;
  const byPeriod = new Map(rows.own.map((r) => [r.period, r]));
  const period = rows.period;
  if (!period) {
    return {
      region,
      ancestors,
      period: null,
      source: { kind: "routine", label: ROUTINE_SOURCE_LABEL, synthetic, refreshedAt: null },
      summary: toFigures(undefined),
      children: units.map((u) => unitFigures(u, undefined)),
      trend: [],
      nationalTarget: NATIONAL_TARGET,
    };
  }
  const months = trendMonths(period);
  const own = byPeriod.has(period) ? [byPeriod.get(period)!] : [];
  const trend: Array<Figures & { period: string }> = months
    .filter((m) => byPeriod.has(m))
    .map((m) => periodFigures(m, byPeriod.get(m)));
  const refreshed = own[0]?.refreshed_at;
  return {
    region,
    ancestors,
    period,
    source: {
      kind: "routine",
      label: ROUTINE_SOURCE_LABEL,
      synthetic,
      refreshedAt: refreshed ? new Date(refreshed as string).toISOString() : null,
    },
    summary: toFigures(own[0]),
    children: units.map((u) => unitFigures(u, rows.children.get(u.code))),
    trend,
    nationalTarget: NATIONAL_TARGET,
  };
}

export async function dashboardRoutes(app: App, ctx: AppContext, regions: RegionCache): Promise<void> {
  const db = ctx.database.db;

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
      requireAccess(user, "dashboard:read", code);
      const period = request.query.period;
      const today = todayInIndonesia(ctx.now());
      const key = `dashboard|${code}|${period ?? `latest<=${today.slice(0, 7)}`}`;
      // buildDashboard gives exactly the Dashboard shape, keys in schema order (its test checks
      // this against Dashboard.encode), so it is serialized as is; the schema documents it.
      const body = await ctx.cache.get(key, async () =>
        JSON.stringify(await buildDashboard(db, regions, code, period, ctx.demo.synthetic, today)),
      );
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
      requireAccess(user, "dashboard:read", code);
      await regions.withAncestors(code);
      return { periods: await regionPeriods(db, code) };
    },
  );
}
