/**
 * Everything one dashboard needs from the roll-ups in one round trip: the region's own rows for
 * every period (its latest month and its trend), and its child units' rows for the period shown
 * (below a village: its posyandu, listed even without rows).
 */
import { districtOfCode, regionLevelOf } from "@tumbuh/core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { prepared } from "../db/prepared.ts";
import type { DB } from "../db/schema.ts";
import { COUNT_FIELDS, type Counts, defaultMonth } from "./dashboard.ts";

export interface DashboardRows {
  /** The period asked for, else the latest month with data not after the current one, else null. */
  period: string | null;
  /** The region's rows, one per period with data (months and years). */
  own: Array<Counts & { period: string }>;
  /** Rows of the child units for `period`, keyed by unit code (region code, or posyandu id). */
  children: Map<string, Counts>;
  /** Below a village: the village's posyandu by name (null above). */
  posyandu: Array<{ id: string; name: string }> | null;
}

interface Row extends Counts {
  part: "own" | "child";
  code: string | null;
  name: string | null;
  period: string | null;
}

const hasPeriod = (r: Row): r is Row & { period: string } => r.period !== null;

const counts = (alias: string) => sql.raw(COUNT_FIELDS.map((f) => `${alias}.${f}`).join(", "));

/**
 * Reads a region's dashboard rows. `childCodes` are the codes of its child regions (ignored for a
 * village, whose units are its posyandu); the default period is never after the month of
 * `today` (YYYY-MM-DD).
 */
export async function dashboardRows(
  db: Kysely<DB>,
  code: string,
  childCodes: readonly string[],
  requested: string | undefined,
  today: string,
): Promise<DashboardRows> {
  const level = regionLevelOf(code);
  const district = level === "nation" || level === "province" ? null : districtOfCode(code);
  const own =
    district === null
      ? sql`SELECT period, ${counts("r")}, refreshed_at FROM rollup_upper r WHERE r.region_code = ${code}`
      : sql`SELECT period, ${counts("r")}, refreshed_at FROM rollup_district r
            WHERE r.district_code = ${district} AND r.unit_kind = ${level} AND r.unit_code = ${code}`;
  // The same rule as defaultMonth, in SQL, so the child rows come in the same round trip.
  // Periods are fixed-width digits, so every collation orders them as defaultMonth does.
  const chosen = sql`SELECT coalesce(${requested ?? null}::text, (
      SELECT max(period) FROM own
      WHERE measured > 0 AND length(period) = 7 AND period <= ${today.slice(0, 7)})) AS period`;
  // One text per level (values vary, the text does not), so it is prepared once per connection.
  const rows = await prepared(sql<Row>`
    WITH own AS (${own}), chosen AS (${chosen})
    SELECT 'own' AS part, NULL::text AS code, NULL::text AS name, own.* FROM own
    UNION ALL
    ${childSelect(code, level, district, childCodes)}
    ORDER BY part, name`).execute(db);

  const ownRows: Array<Counts & { period: string }> = [];
  const children = new Map<string, Counts>();
  const posyandu: Array<{ id: string; name: string }> = [];
  // Rows are used as they come (their extra columns are harmless): copying them costs more than
  // the query on large dashboards.
  for (const r of rows.rows) {
    if (r.part === "own") {
      if (hasPeriod(r)) ownRows.push(r);
    } else if (r.code !== null) {
      if (level === "village") posyandu.push({ id: r.code, name: r.name ?? "" });
      if (r.measured !== null) children.set(r.code, r);
    }
  }
  const period =
    requested ??
    defaultMonth(
      ownRows.filter((r) => r.measured > 0).map((r) => r.period),
      today,
    );
  return { period, own: ownRows, children, posyandu: level === "village" ? posyandu : null };
}

/**
 * The child units' rows for the chosen period (columns as the own rows, after part, code, name,
 * but no refresh time);
 * the whole answer is ordered by part then name, so posyandu come by name.
 */
function childSelect(
  code: string,
  level: ReturnType<typeof regionLevelOf>,
  district: string | null,
  childCodes: readonly string[],
): RawBuilder<unknown> {
  const tail = sql`r.period, ${counts("r")}, NULL::timestamptz`;
  if (level === "village") {
    // Every posyandu of the village, with its row for the period when it has one.
    return sql`SELECT 'child', p.id::text, p.name, ${tail}
      FROM posyandu p CROSS JOIN chosen
      LEFT JOIN rollup_district r ON r.district_code = p.district_code AND r.unit_kind = 'posyandu'
        AND r.unit_code = p.id::text AND r.period = chosen.period
      WHERE p.district_code = ${district} AND p.village_code = ${code}`;
  }
  if (level === "nation") {
    return sql`SELECT 'child', r.region_code, NULL, ${tail}
      FROM rollup_upper r JOIN chosen ON r.period = chosen.period
      WHERE r.region_code = ANY(${childCodes})`;
  }
  if (level === "province") {
    return sql`SELECT 'child', r.unit_code, NULL, ${tail}
      FROM rollup_district r JOIN chosen ON r.period = chosen.period
      WHERE r.district_code = ANY(${childCodes}) AND r.unit_kind = 'district' AND r.unit_code = r.district_code`;
  }
  const kind = level === "district" ? "subdistrict" : "village";
  return sql`SELECT 'child', r.unit_code, NULL, ${tail}
    FROM rollup_district r JOIN chosen ON r.period = chosen.period
    WHERE r.district_code = ${district} AND r.unit_kind = ${kind} AND r.unit_code = ANY(${childCodes})`;
}
