/**
 * Prevalence roll-ups. For each district, every child measured in a period (month 'YYYY-MM'
 * or year 'YYYY') is counted once, at its latest measurement in the period, with the latest
 * valid (not flagged) z-score of each indicator; villages, posyandu, kecamatan and the district
 * are summed from those child rows, provinces and the nation from the district rows. A refresh
 * touches only the districts named.
 *
 * A district's own rows are kept twice: in `rollup_district` beside its units, and in
 * `rollup_upper` beside the provinces and the nation (migration 0080). Province and nation rows
 * are summed from the latter, so on Citus a refresh reads only the district's shard and the
 * reference table, never every shard.
 *
 * The same statement sums, per unit, the powers of each child's latest valid z-scores and counts
 * boys and girls (MOMENT_COLUMNS, migration 0114): the per-child half of the data-quality report
 * (services/data-quality.ts); the SKDN pass tallies the measurement half (rollup-quality.ts).
 */
import { sql } from "kysely";
import type { HasDb } from "../schema.ts";
import {
  COUNT_COLUMNS,
  COUNT_LIST,
  COUNT_SUMS,
  type CountColumn,
  MOMENT_COLUMNS,
  MOMENT_LIST,
  MOMENT_SUMS,
  type MomentColumn,
} from "./rollup-counts.ts";
import { refreshDistrictSkdn } from "./rollup-skdn.ts";

const sums = COUNT_SUMS;
const cols = COUNT_LIST;

/**
 * SQL selecting one row per (child, period) of a district: the child's village and posyandu at
 * its latest measurement in the period, its latest valid HAZ, WHZ, WAZ and BMI-for-age z, whether
 * it became stunted in the period (a stunted valid HAZ whose previous valid HAZ was not stunted),
 * and its sex.
 */
function childPeriodSql(districtLiteral: string): string {
  return `
    WITH m AS (
      SELECT child_id, village_code, posyandu_id, measured_on,
        CASE WHEN zlen IS NOT NULL AND NOT flen THEN zlen END AS haz,
        CASE WHEN zwfl IS NOT NULL AND NOT fwfl THEN zwfl END AS whz,
        CASE WHEN zwei IS NOT NULL AND NOT fwei THEN zwei END AS waz,
        CASE WHEN zbmi IS NOT NULL AND NOT fbmi THEN zbmi END AS bmiz,
        to_char(measured_on, 'YYYY-MM') AS month
      FROM measurements WHERE district_code = ${districtLiteral}
    ), h AS (
      SELECT child_id, month, haz < -2 AS st,
        lag(haz < -2) OVER (PARTITION BY child_id ORDER BY measured_on) AS prev_st
      FROM m WHERE haz IS NOT NULL
    ), nc AS (
      SELECT DISTINCT child_id, p.period FROM h
      CROSS JOIN LATERAL (VALUES (h.month), (left(h.month, 4))) AS p(period)
      WHERE h.st AND h.prev_st = false
    ), cp AS (
      SELECT m.child_id, p.period,
        (array_agg(m.village_code ORDER BY m.measured_on DESC))[1] AS village_code,
        (array_agg(m.posyandu_id ORDER BY m.measured_on DESC))[1] AS posyandu_id,
        (array_agg(m.haz ORDER BY m.measured_on DESC) FILTER (WHERE m.haz IS NOT NULL))[1] AS haz,
        (array_agg(m.whz ORDER BY m.measured_on DESC) FILTER (WHERE m.whz IS NOT NULL))[1] AS whz,
        (array_agg(m.waz ORDER BY m.measured_on DESC) FILTER (WHERE m.waz IS NOT NULL))[1] AS waz,
        (array_agg(m.bmiz ORDER BY m.measured_on DESC) FILTER (WHERE m.bmiz IS NOT NULL))[1] AS bmiz
      FROM m CROSS JOIN LATERAL (VALUES (m.month), (left(m.month, 4))) AS p(period)
      GROUP BY m.child_id, p.period
    )
    SELECT cp.*, (nc.child_id IS NOT NULL) AS is_new, c.sex FROM cp
    JOIN children c ON c.district_code = ${districtLiteral} AND c.id = cp.child_id
    LEFT JOIN nc ON nc.child_id = cp.child_id AND nc.period = cp.period`;
}

/** How each count is aggregated from child-period rows (typed by the one list of counts). */
const AGGREGATE: Record<CountColumn, string> = {
  measured: "count(*)",
  haz_valid: "count(haz)",
  stunted: "count(*) FILTER (WHERE haz < -2)",
  severely_stunted: "count(*) FILTER (WHERE haz < -3)",
  whz_valid: "count(whz)",
  wasted: "count(*) FILTER (WHERE whz < -2)",
  severely_wasted: "count(*) FILTER (WHERE whz < -3)",
  overweight: "count(*) FILTER (WHERE whz > 2)",
  waz_valid: "count(waz)",
  underweight: "count(*) FILTER (WHERE waz < -2)",
  new_stunting: "count(*) FILTER (WHERE is_new)",
};

/** Aggregates of child-period rows into the count columns, in their order. */
const COUNT_AGGREGATES = COUNT_COLUMNS.map((c) => `${AGGREGATE[c]}::integer AS ${c}`).join(",\n  ");

/** How each per-child data-quality sum is aggregated from child-period rows (powers of each z). */
const MOMENT_AGGREGATE: Record<MomentColumn, string> = {
  ...(Object.fromEntries(
    (["haz", "whz", "waz", "bmiz"] as const).flatMap((z) => [
      [`${z}_s1`, `coalesce(sum(${z}), 0)`],
      [`${z}_s2`, `coalesce(sum(${z} * ${z}), 0)`],
      [`${z}_s3`, `coalesce(sum(${z} * ${z} * ${z}), 0)`],
      [`${z}_s4`, `coalesce(sum((${z} * ${z}) * (${z} * ${z})), 0)`],
    ]),
  ) as Record<Exclude<MomentColumn, "bmiz_valid" | "boys" | "girls">, string>),
  bmiz_valid: "count(bmiz)::integer",
  boys: "count(*) FILTER (WHERE sex = 1)::integer",
  girls: "count(*) FILTER (WHERE sex = 2)::integer",
};

/** Aggregates of child-period rows into the per-child data-quality sums, in their order. */
const MOMENT_AGGREGATES = MOMENT_COLUMNS.map((c) => `${MOMENT_AGGREGATE[c]} AS ${c}`).join(",\n  ");

function literal(code: string): string {
  if (!/^\d{2}\.\d{2}$/.test(code)) throw new Error(`invalid district code '${code}'`);
  return `'${code}'`;
}

/** Recomputes the roll-up rows of one district from its measurements (and targets). */
async function refreshDistrictRollup(h: HasDb, district: string): Promise<void> {
  const d = literal(district);
  const exec = (q: string) => sql.raw(q).execute(h.db);
  await exec(`DELETE FROM rollup_district WHERE district_code = ${d}`);
  await exec(`
    INSERT INTO rollup_district (district_code, unit_kind, unit_code, period, ${cols}, target, ${MOMENT_LIST})
    WITH cp AS (${childPeriodSql(d)})
    SELECT ${d}, CASE WHEN grouping(village_code) = 0 THEN 'village' ELSE 'posyandu' END,
      coalesce(village_code, posyandu_id::text), period, ${COUNT_AGGREGATES}, NULL, ${MOMENT_AGGREGATES}
    FROM cp GROUP BY GROUPING SETS ((village_code, period), (posyandu_id, period))
    HAVING grouping(village_code) = 0 OR posyandu_id IS NOT NULL`);
  // Villages with a target but nobody measured in a period of that year count as zero.
  await exec(`
    INSERT INTO rollup_district (district_code, unit_kind, unit_code, period, ${cols}, target)
    SELECT ${d}, 'village', t.village_code, p.period, ${COUNT_COLUMNS.map(() => "0").join(", ")}, NULL
    FROM targets t
    JOIN (SELECT DISTINCT period FROM rollup_district WHERE district_code = ${d} AND unit_kind = 'village') p
      ON left(p.period, 4) = t.year::text
    WHERE t.district_code = ${d}
      AND NOT EXISTS (SELECT 1 FROM rollup_district r WHERE r.district_code = ${d} AND r.unit_kind = 'village'
        AND r.unit_code = t.village_code AND r.period = p.period)`);
  await exec(`
    UPDATE rollup_district r SET target = t.children_0_59 FROM targets t
    WHERE r.district_code = ${d} AND r.unit_kind = 'village' AND t.district_code = ${d}
      AND t.village_code = r.unit_code AND t.year::text = left(r.period, 4)`);
  await exec(`
    INSERT INTO rollup_district (district_code, unit_kind, unit_code, period, ${cols}, target, ${MOMENT_LIST})
    SELECT ${d}, 'subdistrict', left(unit_code, 8), period, ${sums}, sum(target)::integer, ${MOMENT_SUMS} FROM rollup_district
    WHERE district_code = ${d} AND unit_kind = 'village' GROUP BY left(unit_code, 8), period`);
  await exec(`
    INSERT INTO rollup_district (district_code, unit_kind, unit_code, period, ${cols}, target, ${MOMENT_LIST})
    SELECT ${d}, 'district', ${d}, period, ${sums}, sum(target)::integer, ${MOMENT_SUMS} FROM rollup_district
    WHERE district_code = ${d} AND unit_kind = 'village' GROUP BY period`);
  await exec(`DELETE FROM rollup_upper WHERE region_code = ${d}`);
  await exec(`
    INSERT INTO rollup_upper (region_code, period, ${cols}, target)
    SELECT ${d}, period, ${cols}, target FROM rollup_district
    WHERE district_code = ${d} AND unit_kind = 'district' AND unit_code = ${d}`);
}

/** Recomputes province rows of the given provinces and the nation row from the district rows of rollup_upper. */
async function refreshUpperRollup(h: HasDb, provinces: string[]): Promise<void> {
  const exec = (q: string) => sql.raw(q).execute(h.db);
  for (const p of provinces) {
    if (!/^\d{2}$/.test(p)) throw new Error(`invalid province code '${p}'`);
    await exec(`DELETE FROM rollup_upper WHERE region_code = '${p}'`);
    await exec(`
      INSERT INTO rollup_upper (region_code, period, ${cols}, target)
      SELECT '${p}', period, ${sums}, sum(target)::integer FROM rollup_upper
      WHERE region_code LIKE '${p}.%' AND length(region_code) = 5 GROUP BY period`);
  }
  await exec(`DELETE FROM rollup_upper WHERE region_code = 'ID'`);
  await exec(`
    INSERT INTO rollup_upper (region_code, period, ${cols}, target)
    SELECT 'ID', period, ${sums}, sum(target)::integer FROM rollup_upper
    WHERE region_code ~ '^[0-9]{2}$' GROUP BY period`);
}

/** First key of Tumbuh's advisory locks on roll-ups (the second is the district code's digits, 0 for the upper rows). */
const ROLLUP_LOCK = 7_200_853;

/**
 * Takes the transaction's locks on the roll-up rows of the districts (in code order, so two
 * refreshes never wait for each other in a cycle). Held until the transaction ends; outside a
 * transaction they last one statement.
 */
export async function lockRollups(h: HasDb, districts: readonly string[]): Promise<void> {
  for (const d of [...new Set(districts)].sort()) {
    literal(d);
    await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK}, ${Number(d.replace(".", ""))})`.execute(h.db);
  }
}

/**
 * Refreshes the roll-ups of the given districts, then their provinces and the nation, holding
 * the districts' locks and then the lock of the upper rows (see lockRollups). Run it inside a
 * transaction: refreshRollupsAndClear (pending.ts) opens one; data entry runs it in its own.
 */
export async function refreshRollups(h: HasDb, districts: readonly string[]): Promise<void> {
  const unique = [...new Set(districts)].sort();
  if (unique.length === 0) return;
  await lockRollups(h, unique);
  await refreshLockedRollups(h, unique);
}

/** refreshRollups for districts whose locks the transaction already holds (lockRollups). */
export async function refreshLockedRollups(h: HasDb, districts: readonly string[]): Promise<void> {
  const unique = [...new Set(districts)].sort();
  if (unique.length === 0) return;
  for (const d of unique) {
    await refreshDistrictRollup(h, d);
    await refreshDistrictSkdn(h, d);
  }
  await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK}, 0)`.execute(h.db);
  await refreshUpperRollup(h, [...new Set(unique.map((d) => d.slice(0, 2)))]);
}

/**
 * Recomputes only the SKDN roll-ups of the given districts (after their KBM table changed), each
 * under its district lock. Run it inside a transaction.
 */
export async function refreshSkdnRollups(h: HasDb, districts: readonly string[]): Promise<void> {
  const unique = [...new Set(districts)].sort();
  await lockRollups(h, unique);
  for (const d of unique) await refreshDistrictSkdn(h, d);
}

/** The districts that have SKDN roll-up rows. */
export async function districtsWithSkdn(h: HasDb): Promise<string[]> {
  const r = await sql<{ d: string }>`
    SELECT DISTINCT district_code AS d FROM rollup_skdn WHERE unit_kind = 'district' ORDER BY 1`.execute(
    h.db,
  );
  return r.rows.map((x) => x.d);
}
