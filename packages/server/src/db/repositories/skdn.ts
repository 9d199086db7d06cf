/**
 * Reads of the SKDN roll-ups (migration 0060): a unit's rows per month and its child units' rows
 * for a month. A region below the province reads its own row (routed by district code); a
 * province or the nation sums its districts' rows; a posyandu reads its own row.
 */
import { districtOfCode, regionLevelOf, SKDN_COUNT_KEYS, type SkdnCounts } from "@tumbuh/core";
import { sql } from "kysely";
import type { Db } from "../schema.ts";
import { SKDN_COLUMNS } from "./rollup-skdn.ts";

/** SKDN counts of one month, with the KBM variant behind them and when they were refreshed. */
export type SkdnMonthRow = SkdnCounts & {
  period: string;
  kbmTable: string | null;
  refreshedAt: string | null;
};

/** A unit of the roll-ups: a region by code, or a posyandu by id within its district. */
export type SkdnUnit = { kind: "region"; code: string } | { kind: "posyandu"; id: string; district: string };

const SELECT_SUMS = SKDN_COUNT_KEYS.map((k, i) => `sum(${SKDN_COLUMNS[i]})::integer AS "${k}"`).join(", ");
const SELECT_COLS = SKDN_COUNT_KEYS.map((k, i) => `${SKDN_COLUMNS[i]} AS "${k}"`).join(", ");

interface RawRow extends SkdnCounts {
  period: string;
  kbm_table: string | null;
  refreshed_at: Date | string | null;
}

function toRow(r: RawRow): SkdnMonthRow {
  const out = { period: r.period, kbmTable: r.kbm_table, refreshedAt: null } as SkdnMonthRow;
  for (const k of SKDN_COUNT_KEYS) out[k] = Number(r[k]);
  out.refreshedAt = r.refreshed_at ? new Date(r.refreshed_at).toISOString() : null;
  return out;
}

export class SkdnRepository {
  constructor(private readonly db: Db) {}

  /** The unit's rows, one per month with data, oldest first. */
  async months(unit: SkdnUnit): Promise<SkdnMonthRow[]> {
    if (unit.kind === "posyandu") {
      const r = await sql<RawRow>`
        SELECT period, kbm_table, refreshed_at, ${sql.raw(SELECT_COLS)} FROM rollup_skdn
        WHERE district_code = ${unit.district} AND unit_kind = 'posyandu' AND unit_code = ${unit.id}
        ORDER BY period`.execute(this.db);
      return r.rows.map(toRow);
    }
    const level = regionLevelOf(unit.code);
    if (level === "nation" || level === "province") {
      const like = level === "nation" ? "%" : `${unit.code}.%`;
      const r = await sql<RawRow>`
        SELECT period, min(kbm_table) AS kbm_table, max(refreshed_at) AS refreshed_at, ${sql.raw(SELECT_SUMS)}
        FROM rollup_skdn WHERE unit_kind = 'district' AND district_code LIKE ${like}
        GROUP BY period ORDER BY period`.execute(this.db);
      return r.rows.map(toRow);
    }
    const r = await sql<RawRow>`
      SELECT period, kbm_table, refreshed_at, ${sql.raw(SELECT_COLS)} FROM rollup_skdn
      WHERE district_code = ${districtOfCode(unit.code)} AND unit_kind = ${level} AND unit_code = ${unit.code}
      ORDER BY period`.execute(this.db);
    return r.rows.map(toRow);
  }

  /**
   * The rows for `period` of the units one level below a region, keyed by region code (posyandu
   * id below a village): districts of a province (or provinces of the nation), kecamatan of a
   * district, villages of a kecamatan, posyandu of a village.
   */
  async children(code: string, period: string): Promise<Map<string, SkdnMonthRow>> {
    const level = regionLevelOf(code);
    let r: { rows: Array<RawRow & { unit: string }> };
    if (level === "nation") {
      r = await sql<RawRow & { unit: string }>`
        SELECT left(district_code, 2) AS unit, period, min(kbm_table) AS kbm_table,
          max(refreshed_at) AS refreshed_at, ${sql.raw(SELECT_SUMS)}
        FROM rollup_skdn WHERE unit_kind = 'district' AND period = ${period}
        GROUP BY left(district_code, 2), period`.execute(this.db);
    } else if (level === "province") {
      r = await sql<RawRow & { unit: string }>`
        SELECT unit_code AS unit, period, kbm_table, refreshed_at, ${sql.raw(SELECT_COLS)}
        FROM rollup_skdn WHERE unit_kind = 'district' AND district_code LIKE ${`${code}.%`}
          AND period = ${period}`.execute(this.db);
    } else if (level === "village") {
      r = await sql<RawRow & { unit: string }>`
        SELECT r.unit_code AS unit, r.period, r.kbm_table, r.refreshed_at, ${sql.raw(SELECT_COLS.replace(/(\w+) AS/g, "r.$1 AS"))}
        FROM rollup_skdn r JOIN posyandu p ON p.district_code = r.district_code AND p.id::text = r.unit_code
        WHERE r.district_code = ${districtOfCode(code)} AND r.unit_kind = 'posyandu'
          AND p.village_code = ${code} AND r.period = ${period}`.execute(this.db);
    } else {
      const kind = level === "district" ? "subdistrict" : "village";
      r = await sql<RawRow & { unit: string }>`
        SELECT unit_code AS unit, period, kbm_table, refreshed_at, ${sql.raw(SELECT_COLS)}
        FROM rollup_skdn WHERE district_code = ${districtOfCode(code)} AND unit_kind = ${kind}
          AND unit_code LIKE ${`${code}.%`} AND period = ${period}`.execute(this.db);
    }
    return new Map(r.rows.map((x) => [x.unit, toRow(x)]));
  }
}
