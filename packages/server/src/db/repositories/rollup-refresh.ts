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
 * The village and posyandu rows, the district's SKDN rows and its data-quality rows are computed
 * in one pass over the district's children and measurements (core district-figures.ts, loaded
 * and stored by rollup-figures.ts); kecamatan, district, province and nation rows are sums here.
 * Beside the counts each row holds the powers of each child's latest valid z-scores and counts
 * boys and girls (MOMENT_COLUMNS, migration 0114), the per-child half of the data-quality report.
 */

import { districtSkdnRows, type FigureInput, type FigureInputBuilder } from "@tumbuh/core";
import { sql } from "kysely";
import { computeDistrictFigures } from "../figures-thread.ts";
import type { HasDb } from "../schema.ts";
import { COUNT_COLUMNS, COUNT_LIST, COUNT_SUMS, MOMENT_LIST, MOMENT_SUMS } from "./rollup-counts.ts";
import {
  type CopyBinary,
  districtChildCount,
  insertPrevalenceRows,
  loadFigureInput,
  writeQualityRows,
  writeSkdnRows,
} from "./rollup-figures.ts";
import { districtKbm } from "./rollup-skdn.ts";

const sums = COUNT_SUMS;
const cols = COUNT_LIST;

function literal(code: string): string {
  if (!/^\d{2}\.\d{2}$/.test(code)) throw new Error(`invalid district code '${code}'`);
  return `'${code}'`;
}

/**
 * Rows of a district known to the caller (an import that wrote the district from nothing):
 * `rows`, but for the children `reload` selects (SQL of child ids), which are read from the
 * database instead. Used when the database then holds exactly as many children for the district
 * (nobody else can add measurements to children only this transaction sees), else the district
 * is loaded. The refresh takes `rows` over.
 */
interface KnownDistrict {
  rows: FigureInputBuilder;
  reload?: string;
}

type KnownRows = ReadonlyMap<string, KnownDistrict>;

export interface RefreshOptions {
  /** An import that wrote every row of a district hands them over (import/import.ts). */
  known?: KnownRows;
  /** Binary COPY of the caller's session, for writing the rows. */
  copy?: CopyBinary;
}

/** Where a district's figures were computed from: rows known to the caller, or rows loaded. */
export type FigureSource = "known" | "loaded";

/** The district's rows: those known when the database holds exactly as many children, else loaded. */
async function districtInput(
  h: HasDb,
  district: string,
  known: KnownRows | undefined,
): Promise<{ rows: FigureInput; source: FigureSource }> {
  const k = known?.get(district);
  if (k) {
    const b = k.rows;
    if (k.reload) {
      const reloaded = await loadFigureInput(h, district, k.reload);
      b.dropChildren(new Set(reloaded.children.id));
      b.addInput(reloaded);
    }
    const rows = b.build();
    if ((await districtChildCount(h, district)) === rows.children.count) return { rows, source: "known" };
  }
  return { rows: await loadFigureInput(h, district), source: "loaded" };
}

/** Recomputes the roll-up rows of one district from its measurements (and targets). */
async function refreshDistrictRollup(
  h: HasDb,
  district: string,
  opts: RefreshOptions,
): Promise<FigureSource> {
  const d = literal(district);
  const exec = (q: string) => sql.raw(q).execute(h.db);
  const kbm = await districtKbm(h, district);
  const input = await districtInput(h, district, opts.known);
  const figures = await computeDistrictFigures(input.rows, kbm);
  await exec(`DELETE FROM rollup_district WHERE district_code = ${d}`);
  await insertPrevalenceRows(h, district, figures, opts.copy);
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
  await writeSkdnRows(h, district, figures, kbm, opts.copy);
  await writeQualityRows(h, district, figures, opts.copy);
  return input.source;
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

/**
 * refreshRollups for districts whose locks the transaction already holds (lockRollups); returns
 * where each district's figures were computed from.
 */
export async function refreshLockedRollups(
  h: HasDb,
  districts: readonly string[],
  opts: RefreshOptions = {},
): Promise<Map<string, FigureSource>> {
  const unique = [...new Set(districts)].sort();
  const sources = new Map<string, FigureSource>();
  if (unique.length === 0) return sources;
  for (const d of unique) sources.set(d, await refreshDistrictRollup(h, d, opts));
  await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK}, 0)`.execute(h.db);
  await refreshUpperRollup(h, [...new Set(unique.map((d) => d.slice(0, 2)))]);
  return sources;
}

/**
 * Recomputes only the SKDN roll-ups of the given districts (after their KBM table changed), each
 * under its district lock. Run it inside a transaction.
 */
export async function refreshSkdnRollups(h: HasDb, districts: readonly string[]): Promise<void> {
  const unique = [...new Set(districts)].sort();
  await lockRollups(h, unique);
  for (const d of unique) {
    const kbm = await districtKbm(h, d);
    await writeSkdnRows(
      h,
      d,
      { prevalence: [], quality: [], skdn: districtSkdnRows(await loadFigureInput(h, d), kbm) },
      kbm,
    );
  }
}

/** The districts that have SKDN roll-up rows. */
export async function districtsWithSkdn(h: HasDb): Promise<string[]> {
  const r = await sql<{ d: string }>`
    SELECT DISTINCT district_code AS d FROM rollup_skdn WHERE unit_kind = 'district' ORDER BY 1`.execute(
    h.db,
  );
  return r.rows.map((x) => x.d);
}
