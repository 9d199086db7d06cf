/**
 * Consistency check of the roll-ups (`tumbuh check`): villages sum to kecamatan, kecamatan to
 * districts, districts to provinces, provinces to the nation, and every village row equals a
 * fresh computation from the raw measurements written independently of the refresh.
 */
import { sql } from "kysely";
import type { HasDb } from "../schema.ts";
import { COUNT_COLUMNS, COUNT_LIST, COUNT_SUMS } from "./rollup-counts.ts";

export interface CheckResult {
  ok: boolean;
  districts: number;
  rowsCompared: number;
  problems: string[];
}

const cols = COUNT_LIST;
const sums = COUNT_SUMS;
const tuple = (a: string) => `(${COUNT_COLUMNS.map((c) => `${a}.${c}`).join(", ")}, ${a}.target)`;

/** Village rows of a district computed from raw rows with DISTINCT ON (a second, independent formulation). */
function freshVillageSql(d: string): string {
  return `
    WITH m AS (
      SELECT child_id, village_code, measured_on, p.period,
        CASE WHEN zlen IS NOT NULL AND NOT flen THEN zlen END AS haz,
        CASE WHEN zwfl IS NOT NULL AND NOT fwfl THEN zwfl END AS whz,
        CASE WHEN zwei IS NOT NULL AND NOT fwei THEN zwei END AS waz
      FROM measurements
      CROSS JOIN LATERAL (VALUES (to_char(measured_on, 'YYYY-MM')), (to_char(measured_on, 'YYYY'))) AS p(period)
      WHERE district_code = '${d}'
    ),
    last_any AS (SELECT DISTINCT ON (child_id, period) child_id, period, village_code FROM m ORDER BY child_id, period, measured_on DESC),
    last_haz AS (SELECT DISTINCT ON (child_id, period) child_id, period, haz FROM m WHERE haz IS NOT NULL ORDER BY child_id, period, measured_on DESC),
    last_whz AS (SELECT DISTINCT ON (child_id, period) child_id, period, whz FROM m WHERE whz IS NOT NULL ORDER BY child_id, period, measured_on DESC),
    last_waz AS (SELECT DISTINCT ON (child_id, period) child_id, period, waz FROM m WHERE waz IS NOT NULL ORDER BY child_id, period, measured_on DESC),
    new_case AS (
      SELECT DISTINCT x.child_id, x.period FROM m x
      WHERE x.haz < -2 AND (
        SELECT y.zlen FROM measurements y
        WHERE y.district_code = '${d}' AND y.child_id = x.child_id AND y.zlen IS NOT NULL AND NOT y.flen
          AND y.measured_on < x.measured_on
        ORDER BY y.measured_on DESC LIMIT 1) >= -2
    )
    SELECT a.village_code AS unit_code, a.period,
      count(*)::integer AS measured,
      count(h.haz)::integer AS haz_valid,
      count(*) FILTER (WHERE h.haz < -2)::integer AS stunted,
      count(*) FILTER (WHERE h.haz < -3)::integer AS severely_stunted,
      count(w.whz)::integer AS whz_valid,
      count(*) FILTER (WHERE w.whz < -2)::integer AS wasted,
      count(*) FILTER (WHERE w.whz < -3)::integer AS severely_wasted,
      count(*) FILTER (WHERE w.whz > 2)::integer AS overweight,
      count(u.waz)::integer AS waz_valid,
      count(*) FILTER (WHERE u.waz < -2)::integer AS underweight,
      count(n.child_id)::integer AS new_stunting
    FROM last_any a
    LEFT JOIN last_haz h USING (child_id, period)
    LEFT JOIN last_whz w USING (child_id, period)
    LEFT JOIN last_waz u USING (child_id, period)
    LEFT JOIN new_case n USING (child_id, period)
    GROUP BY a.village_code, a.period`;
}

async function mismatches(h: HasDb, label: string, query: string, problems: string[]): Promise<number> {
  const r = await sql.raw<{ k: string; n: number }>(query).execute(h.db);
  for (const row of r.rows.slice(0, 20)) problems.push(`${label}: ${row.k}`);
  if (r.rows.length > 20) problems.push(`${label}: ... ${r.rows.length - 20} more`);
  return r.rows.length;
}

/** Runs every check and lists each problem found (an empty list means the roll-ups are right). */
export async function checkRollups(h: HasDb): Promise<CheckResult> {
  const problems: string[] = [];
  const level = (child: string, parent: string, key: string) => `
    SELECT coalesce(p.district_code || ' ' || p.unit_code || ' ' || p.period, s.district_code || ' ' || s.k || ' ' || s.period) AS k
    FROM (SELECT district_code, ${key} AS k, period, ${sums}, sum(target)::integer AS target
          FROM rollup_district WHERE unit_kind = '${child}' GROUP BY district_code, ${key}, period) s
    FULL JOIN (SELECT * FROM rollup_district WHERE unit_kind = '${parent}') p
      ON p.district_code = s.district_code AND p.unit_code = s.k AND p.period = s.period
    WHERE ${tuple("p")} IS DISTINCT FROM ${tuple("s")}`;
  await mismatches(
    h,
    "villages do not sum to kecamatan",
    level("village", "subdistrict", "left(unit_code, 8)"),
    problems,
  );
  await mismatches(
    h,
    "kecamatan do not sum to district",
    level("subdistrict", "district", "left(unit_code, 5)"),
    problems,
  );
  await mismatches(
    h,
    "districts do not sum to province",
    `SELECT coalesce(p.region_code, s.k) || ' ' || coalesce(p.period, s.period) AS k
     FROM (SELECT left(district_code, 2) AS k, period, ${sums}, sum(target)::integer AS target
           FROM rollup_district WHERE unit_kind = 'district' GROUP BY 1, 2) s
     FULL JOIN (SELECT * FROM rollup_upper WHERE region_code ~ '^[0-9]{2}$') p ON p.region_code = s.k AND p.period = s.period
     WHERE ${tuple("p")} IS DISTINCT FROM ${tuple("s")}`,
    problems,
  );
  await mismatches(
    h,
    "provinces do not sum to the nation",
    `SELECT 'ID ' || coalesce(p.period, s.period) AS k
     FROM (SELECT period, ${sums}, sum(target)::integer AS target FROM rollup_upper WHERE region_code ~ '^[0-9]{2}$' GROUP BY period) s
     FULL JOIN (SELECT * FROM rollup_upper WHERE region_code = 'ID') p ON p.period = s.period
     WHERE ${tuple("p")} IS DISTINCT FROM ${tuple("s")}`,
    problems,
  );
  await mismatches(
    h,
    "district rows differ between rollup_district and rollup_upper",
    `SELECT coalesce(p.region_code, s.district_code) || ' ' || coalesce(p.period, s.period) AS k
     FROM (SELECT * FROM rollup_district WHERE unit_kind = 'district') s
     FULL JOIN (SELECT * FROM rollup_upper WHERE length(region_code) = 5) p
       ON p.region_code = s.district_code AND p.period = s.period
     WHERE ${tuple("p")} IS DISTINCT FROM ${tuple("s")}`,
    problems,
  );
  const ds = await sql<{
    d: string;
  }>`SELECT DISTINCT district_code AS d FROM measurements ORDER BY 1`.execute(h.db);
  let rowsCompared = 0;
  for (const { d } of ds.rows) {
    if (!/^\d{2}\.\d{2}$/.test(d)) continue;
    const stored = `SELECT unit_code, period, ${cols} FROM rollup_district WHERE district_code = '${d}' AND unit_kind = 'village' AND measured > 0`;
    const fresh = freshVillageSql(d);
    await mismatches(
      h,
      `district ${d}: roll-up differs from raw rows`,
      `SELECT unit_code || ' ' || period || ' (stored)' AS k FROM ((${stored}) EXCEPT (${fresh})) x`,
      problems,
    );
    await mismatches(
      h,
      `district ${d}: raw rows missing from roll-up`,
      `SELECT unit_code || ' ' || period || ' (fresh)' AS k FROM ((${fresh}) EXCEPT (${stored})) x`,
      problems,
    );
    const n = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM rollup_district WHERE district_code = ${d} AND unit_kind = 'village'`.execute(
      h.db,
    );
    rowsCompared += Number(n.rows[0].n);
  }
  return { ok: problems.length === 0, districts: ds.rows.length, rowsCompared, problems };
}
