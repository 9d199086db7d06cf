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
  childCounts,
  defaultMonth,
  regionCounts,
  regionPeriods,
  toFigures,
  trendMonths,
} from "../../services/dashboard.ts";
import { districtOfCode } from "../../services/regions.ts";
import type { App, AppContext } from "../context.ts";
import { NATIONAL_TARGET } from "../national-target.ts";
import type { RegionCache } from "../region-cache.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

export const ROUTINE_SOURCE_LABEL = "Data rutin e-PPGBM / posyandu (penimbangan dan pengukuran)";

/** The units a region's table lists: its child regions, or its posyandu below a village. */
export async function childUnits(db: Kysely<DB>, regions: RegionCache, region: Region): Promise<Region[]> {
  if (region.level !== "village") return regions.children(region.code);
  const rows = await db
    .selectFrom("posyandu")
    .select(["id", "name"])
    .where("district_code", "=", districtOfCode(region.code))
    .where("village_code", "=", region.code)
    .orderBy("name")
    .execute();
  return rows.map((p) => ({
    code: p.id,
    name: p.name,
    level: "posyandu",
    kind: null,
    parentCode: region.code,
  }));
}

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
  // One query gives the region's every period: its latest month, its own row and its trend.
  const [all, units] = await Promise.all([regionCounts(db, code), childUnits(db, regions, region)]);
  const byPeriod = new Map(all.map((r) => [r.period, r]));
  const period =
    requested ??
    defaultMonth(
      all.filter((r) => r.measured > 0).map((r) => r.period),
      today,
    );
  if (!period) {
    return {
      region,
      ancestors,
      period: null,
      source: { kind: "routine", label: ROUTINE_SOURCE_LABEL, synthetic, refreshedAt: null },
      summary: toFigures(undefined),
      children: units.map((u) => ({ ...u, ...toFigures(undefined) })),
      trend: [],
      nationalTarget: NATIONAL_TARGET,
    };
  }
  const months = trendMonths(period);
  const kids = await childCounts(db, code, period);
  const own = byPeriod.has(period) ? [byPeriod.get(period)!] : [];
  const trend: Array<Figures & { period: string }> = months
    .filter((m) => byPeriod.has(m))
    .map((m) => ({ period: m, ...toFigures(byPeriod.get(m)) }));
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
    children: units.map((u) => ({ ...u, ...toFigures(kids.get(u.code)) })),
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
      const body = await ctx.cache.get(key, async () =>
        JSON.stringify(
          Dashboard.encode(await buildDashboard(db, regions, code, period, ctx.demo.synthetic, today)),
        ),
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
