/**
 * The public API (no sign-in): prevalence of a district by subdistrict and village for a
 * period, periods, districts with data, and boundaries. Aggregates only, never names, NIK, KK,
 * birth dates or any individual record; subdistrict and village counts under 5 suppressed, with
 * secondary suppression so none is the difference of published figures.
 */
import { regionLevelOf, searchKey, todayInIndonesia } from "@tumbuh/core";
import {
  BoundaryCollection,
  PeriodsResponse,
  PublicBoundariesQuery,
  PublicDistrictsQuery,
  PublicDistrictsResponse,
  PublicPeriodsQuery,
  PublicPrevalence,
  PublicPrevalenceQuery,
} from "@tumbuh/core/api";
import { sql } from "kysely";
import { boundaryCollection } from "../../services/boundaries.ts";
import { childCounts, regionCounts, regionPeriods, toFigures } from "../../services/dashboard.ts";
import type { App, AppContext } from "../context.ts";
import { HttpError } from "../errors.ts";
import { NATIONAL_TARGET } from "../national-target.ts";
import { publicFigures, suppressDistrictTable } from "../public-figures.ts";
import type { RegionCache } from "../region-cache.ts";
import { responses } from "../schemas.ts";
import { latestMonth, ROUTINE_SOURCE_LABEL } from "./dashboard.ts";

function requireDistrict(code: string): void {
  if (regionLevelOf(code) !== "district") {
    throw new HttpError(400, "bad_request", `district: expected a district code such as 35.03, got ${code}`, {
      field: "district",
    });
  }
}

export async function publicRoutes(app: App, ctx: AppContext, regions: RegionCache): Promise<void> {
  const db = ctx.database.db;

  app.get(
    "/api/public/districts",
    {
      schema: {
        tags: ["public"],
        summary: "Districts with published data",
        querystring: PublicDistrictsQuery,
        response: responses({ 200: PublicDistrictsResponse }),
      },
    },
    async (request) => {
      let q = db
        .selectFrom("regions as d")
        .leftJoin("regions as p", "p.code", "d.parent_code")
        .select(["d.code", "d.name", "p.name as provinceName"])
        .where("d.level", "=", "district")
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom("rollup_district as r")
              .select(sql`1`.as("one"))
              .whereRef("r.district_code", "=", "d.code")
              .where("r.unit_kind", "=", "district")
              .where("r.measured", ">", 0),
          ),
        );
      const key = request.query.q ? searchKey(request.query.q) : "";
      if (key) q = q.where("d.search_name", "like", `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      return { districts: await q.orderBy("d.code").limit(600).execute() };
    },
  );

  app.get(
    "/api/public/periods",
    {
      schema: {
        tags: ["public"],
        summary: "Periods published for a district",
        querystring: PublicPeriodsQuery,
        response: responses({ 200: PeriodsResponse }),
      },
    },
    async (request) => {
      requireDistrict(request.query.district);
      await regions.withAncestors(request.query.district);
      return { periods: await regionPeriods(db, request.query.district) };
    },
  );

  app.get(
    "/api/public/prevalence",
    {
      schema: {
        tags: ["public"],
        summary: "Prevalence of a district by subdistrict and village (counts under 5 suppressed)",
        querystring: PublicPrevalenceQuery,
        response: responses({ 200: PublicPrevalence }),
      },
    },
    async (request, reply) => {
      const code = request.query.district;
      requireDistrict(code);
      reply.header("cache-control", "public, max-age=300");
      const today = todayInIndonesia(ctx.now());
      const key = `public|${code}|${request.query.period ?? `latest<=${today.slice(0, 7)}`}`;
      const body = await ctx.cache.get(key, async () =>
        JSON.stringify(PublicPrevalence.encode(await publicPrevalence(code, request.query.period, today))),
      );
      return reply.type("application/json; charset=utf-8").send(body as unknown as PublicPrevalence);
    },
  );

  async function publicPrevalence(
    code: string,
    requested: string | undefined,
    today: string,
  ): Promise<PublicPrevalence> {
    const { region } = await regions.withAncestors(code);
    const period = requested ?? (await latestMonth(db, code, today));
    const subdistricts = await regions.children(code);
    const source = { label: ROUTINE_SOURCE_LABEL, synthetic: ctx.demo.synthetic };
    if (!period) {
      return {
        district: region,
        period: null,
        source,
        nationalTarget: NATIONAL_TARGET,
        total: publicFigures(toFigures(undefined), false),
        subdistricts: subdistricts.map((s) => ({
          code: s.code,
          name: s.name,
          ...publicFigures(toFigures(undefined), false),
        })),
        villages: [],
      };
    }
    const [own, subs, villageRows, villageRegions] = await Promise.all([
      regionCounts(db, code, [period]),
      childCounts(db, code, period),
      db
        .selectFrom("rollup_district")
        .selectAll()
        .where("district_code", "=", code)
        .where("unit_kind", "=", "village")
        .where("period", "=", period)
        .execute(),
      db
        .selectFrom("regions")
        .select(["code", "name", "parent_code"])
        .where("level", "=", "village")
        .where("code", "like", `${code}.%`)
        .orderBy("code")
        .execute(),
    ]);
    const villageCounts = new Map(villageRows.map((r) => [r.unit_code, r]));
    const total = publicFigures(toFigures(own[0]), false);
    const subdistrictRows = subdistricts.map((s) => ({
      code: s.code,
      name: s.name,
      ...publicFigures(toFigures(subs.get(s.code)), true),
    }));
    const villages = villageRegions.map((v) => ({
      code: v.code,
      name: v.name,
      subdistrictCode: v.parent_code ?? "",
      ...publicFigures(toFigures(villageCounts.get(v.code)), true),
    }));
    suppressDistrictTable(total, subdistrictRows, villages);
    return {
      district: region,
      period,
      source,
      nationalTarget: NATIONAL_TARGET,
      total,
      subdistricts: subdistrictRows,
      villages,
    };
  }

  app.get(
    "/api/public/boundaries",
    {
      schema: {
        tags: ["public"],
        summary: "Boundaries of the subdistricts of a district, or the villages of a subdistrict",
        querystring: PublicBoundariesQuery,
        response: responses({ 200: BoundaryCollection }),
      },
    },
    async (request, reply) => {
      const parent = request.query.parent;
      const level = regionLevelOf(parent);
      if (level !== "district" && level !== "subdistrict") {
        throw new HttpError(
          400,
          "bad_request",
          `parent: expected a district or subdistrict code, got ${parent}`,
          {
            field: "parent",
          },
        );
      }
      await regions.withAncestors(parent);
      reply.header("cache-control", "public, max-age=3600");
      return boundaryCollection(db, await regions.children(parent));
    },
  );
}
