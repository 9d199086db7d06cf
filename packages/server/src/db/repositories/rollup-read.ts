/**
 * Reads of the roll-up tables for the one read model (services/prevalence.ts): a region's rows per
 * period, its child units' rows for a period, the periods with data, and everything a dashboard
 * needs in one round trip. Rows of the nation and provinces, and the district rows a province lists,
 * come from rollup_upper; every other level from rollup_district (routed by district code).
 */
import { districtOfCode, latestMonth, regionLevelOf } from "@tumbuh/core";
import { type RawBuilder, sql } from "kysely";
import { prepared } from "../prepared.ts";
import type { Db } from "../schema.ts";
import { COUNT_FIELDS, countsOf, type RollupCounts } from "./rollup-counts.ts";

/** A region's row for one period, with when it was last refreshed. */
export type PeriodCounts = RollupCounts & { period: string; refreshed_at: Date | string | null };

/** Everything one dashboard needs from the roll-ups (see dashboardRows). */
export interface DashboardRows {
  /** The period asked for, else the latest month with data not after the current one, else null. */
  period: string | null;
  /** The region's rows, one per period with data (months and years). */
  own: PeriodCounts[];
  /** Rows of the child units for `period`, keyed by unit code (region code, or posyandu id). */
  children: Map<string, RollupCounts>;
  /** Below a village: the village's posyandu by name (null above). */
  posyandu: Array<{ id: string; name: string }> | null;
}

function isUpper(code: string): boolean {
  const level = regionLevelOf(code);
  return level === "nation" || level === "province";
}

export class RollupReadRepository {
  constructor(private readonly db: Db) {}

  /** A region's rows for the given periods (every period with a row when omitted). */
  async own(code: string, periods?: readonly string[]): Promise<PeriodCounts[]> {
    if (periods && periods.length === 0) return [];
    if (isUpper(code)) {
      let q = this.db
        .selectFrom("rollup_upper")
        .select([...COUNT_FIELDS, "period", "refreshed_at"])
        .where("region_code", "=", code);
      if (periods) q = q.where("period", "in", periods);
      return q.execute();
    }
    let q = this.db
      .selectFrom("rollup_district")
      .select([...COUNT_FIELDS, "period", "refreshed_at"])
      .where("district_code", "=", districtOfCode(code))
      .where("unit_kind", "=", regionLevelOf(code) as "district")
      .where("unit_code", "=", code);
    if (periods) q = q.where("period", "in", periods);
    return q.execute();
  }

  /** The periods in which anybody was measured in the region, newest first (months and years). */
  async periods(code: string): Promise<string[]> {
    const rows = await this.own(code);
    return rows
      .filter((r) => r.measured > 0)
      .map((r) => r.period)
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  }

  /**
   * Counts of each child unit of a region for one period, keyed by unit code: provinces of the
   * nation, districts of a province, kecamatan of a district, villages of a kecamatan, posyandu
   * (by id) of a village. Units without a row are absent.
   */
  async children(code: string, period: string): Promise<Map<string, RollupCounts>> {
    const level = regionLevelOf(code);
    let rows: Array<RollupCounts & { code: string }>;
    if (level === "nation") {
      rows = await this.db
        .selectFrom("rollup_upper")
        .select([...COUNT_FIELDS, "region_code as code"])
        .where("period", "=", period)
        .where(sql<boolean>`region_code ~ '^[0-9]{2}$'`)
        .execute();
    } else if (level === "province") {
      // The district rows kept beside the province's (rollup-refresh.ts): one table, no shard fan-out on Citus.
      rows = await this.db
        .selectFrom("rollup_upper")
        .select([...COUNT_FIELDS, "region_code as code"])
        .where("period", "=", period)
        .where("region_code", "like", `${code}.%`)
        .where(sql<boolean>`length(region_code) = 5`)
        .execute();
    } else {
      const kind = level === "district" ? "subdistrict" : level === "subdistrict" ? "village" : "posyandu";
      let q = this.db
        .selectFrom("rollup_district")
        .select([...COUNT_FIELDS, "unit_code as code"])
        .where("district_code", "=", districtOfCode(code))
        .where("unit_kind", "=", kind)
        .where("period", "=", period);
      if (kind !== "posyandu") q = q.where("unit_code", "like", `${code}.%`);
      rows = await q.execute();
    }
    return new Map(rows.map((r) => [r.code, r]));
  }

  /** Counts of every village of a district for one period, keyed by village code. */
  async villagesOfDistrict(district: string, period: string): Promise<Map<string, RollupCounts>> {
    const rows = await this.db
      .selectFrom("rollup_district")
      .select([...COUNT_FIELDS, "unit_code as code"])
      .where("district_code", "=", district)
      .where("unit_kind", "=", "village")
      .where("period", "=", period)
      .execute();
    return new Map(rows.map((r) => [r.code, r]));
  }

  /**
   * A region's dashboard rows in one round trip: its rows for every period, and its child units'
   * rows for the period shown — `requested`, else the latest month with data not after the month
   * of `today` (YYYY-MM-DD). `childCodes` are its child regions' codes (ignored for a village,
   * whose units are its posyandu, listed even without rows).
   */
  async dashboard(
    code: string,
    childCodes: readonly string[],
    requested: string | undefined,
    today: string,
  ): Promise<DashboardRows> {
    const level = regionLevelOf(code);
    const district = isUpper(code) ? null : districtOfCode(code);
    const counts = (alias: string) => sql.raw(countsOf(alias));
    const own =
      district === null
        ? sql`SELECT period, ${counts("r")}, r.target, refreshed_at FROM rollup_upper r WHERE r.region_code = ${code}`
        : sql`SELECT period, ${counts("r")}, r.target, refreshed_at FROM rollup_district r
            WHERE r.district_code = ${district} AND r.unit_kind = ${level} AND r.unit_code = ${code}`;
    // The default period rule (latestMonth, @tumbuh/core), in SQL, so the child rows
    // come in the same round trip. Periods are fixed-width digits: every collation orders them alike.
    const chosen = sql`SELECT coalesce(${requested ?? null}::text, (
        SELECT max(period) FROM own
        WHERE measured > 0 AND length(period) = 7 AND period <= ${today.slice(0, 7)})) AS period`;
    // One text per level (values vary, the text does not), so it is prepared once per connection.
    const rows = await prepared(sql<DashboardRow>`
      WITH own AS (${own}), chosen AS (${chosen})
      SELECT 'own' AS part, NULL::text AS code, NULL::text AS name, own.* FROM own
      UNION ALL
      ${childSelect(code, level, district, childCodes)}
      ORDER BY part, name`).execute(this.db);

    const ownRows: PeriodCounts[] = [];
    const children = new Map<string, RollupCounts>();
    const posyandu: Array<{ id: string; name: string }> = [];
    // Rows are used as they come (their extra columns are harmless): copying them costs more than
    // the query on large dashboards.
    for (const r of rows.rows) {
      if (r.part === "own") {
        if (r.period !== null) ownRows.push(r as PeriodCounts);
      } else if (r.code !== null) {
        if (level === "village") posyandu.push({ id: r.code, name: r.name ?? "" });
        if (r.measured !== null) children.set(r.code, r);
      }
    }
    const withData = ownRows.filter((r) => r.measured > 0).map((r) => r.period);
    const period = requested ?? latestMonth(withData, today);
    return { period, own: ownRows, children, posyandu: level === "village" ? posyandu : null };
  }
}

interface DashboardRow extends RollupCounts {
  part: "own" | "child";
  code: string | null;
  name: string | null;
  period: string | null;
  refreshed_at: Date | string | null;
}

/**
 * The child units' rows for the chosen period (columns as the own rows, after part, code and
 * name); the whole answer is ordered by part then name, so posyandu come by name.
 */
function childSelect(
  code: string,
  level: ReturnType<typeof regionLevelOf>,
  district: string | null,
  childCodes: readonly string[],
): RawBuilder<unknown> {
  const tail = sql`r.period, ${sql.raw(countsOf("r"))}, r.target, NULL::timestamptz`;
  if (level === "village") {
    // Every posyandu of the village, with its row for the period when it has one.
    return sql`SELECT 'child', p.id::text, p.name, ${tail}
      FROM posyandu p CROSS JOIN chosen
      LEFT JOIN rollup_district r ON r.district_code = p.district_code AND r.unit_kind = 'posyandu'
        AND r.unit_code = p.id::text AND r.period = chosen.period
      WHERE p.district_code = ${district} AND p.village_code = ${code}`;
  }
  if (level === "nation" || level === "province") {
    // Provinces, and districts (kept beside the provinces, rollup-refresh.ts), in rollup_upper.
    return sql`SELECT 'child', r.region_code, NULL, ${tail}
      FROM rollup_upper r JOIN chosen ON r.period = chosen.period
      WHERE r.region_code = ANY(${childCodes})`;
  }
  const kind = level === "district" ? "subdistrict" : "village";
  return sql`SELECT 'child', r.unit_code, NULL, ${tail}
    FROM rollup_district r JOIN chosen ON r.period = chosen.period
    WHERE r.district_code = ${district} AND r.unit_kind = ${kind} AND r.unit_code = ANY(${childCodes})`;
}
