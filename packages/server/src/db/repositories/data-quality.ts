/**
 * The data-quality report's figures: as stored by the roll-up refresh (migration 0114; the
 * measurement tally of rollup_quality beside the per-child sums of rollup_district, read by the
 * service), and the live rows they are computed from (every measurement of a region or posyandu
 * in a date range with its child's sex and birth date and whether the child has a NIK, never the
 * NIK, and the likely duplicate children of the region), which the tests compare them with.
 */
import {
  addChildSums,
  addQualityTally,
  type ChildSums,
  DQ_INDICES,
  districtOfCode,
  emptyChildSums,
  emptyQualityTally,
  regionLevelOf,
} from "@tumbuh/core";
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../schema.ts";
import { regionFilter } from "./children.ts";
import { tallyOfBytes } from "./rollup-figures.ts";

/** A unit's stored figures for a period: the measurement tally, the per-child sums and the likely duplicates. */
export interface StoredQuality {
  tally: number[];
  child: ChildSums;
  likelyDuplicates: { groups: number; extraChildren: number };
}

/** Which stored rows: a unit (its code: region code or posyandu id) or the units one level below it. */
export type StoredQualityScope =
  | { region: string }
  | { district: string; posyanduId: string }
  | { below: string };

interface StoredRow {
  code: string;
  measured: number | null;
  haz_valid: number | null;
  whz_valid: number | null;
  waz_valid: number | null;
  bmiz_valid: number | null;
  boys: number | null;
  girls: number | null;
  tally: Uint8Array | null;
  dup_groups: number | null;
  dup_extra: number | null;
  [moment: string]: unknown;
}

const Z_PREFIX = { HAZ: "haz", WAZ: "waz", WHZ: "whz", BMIZ: "bmiz" } as const;

export function emptyStoredQuality(): StoredQuality {
  return {
    tally: emptyQualityTally(),
    child: emptyChildSums(),
    likelyDuplicates: { groups: 0, extraChildren: 0 },
  };
}

/** Adds a stored row (either table's half may be missing) into `into`. */
function addRow(into: StoredQuality, r: StoredRow): StoredQuality {
  if (r.tally) addQualityTally(into.tally, tallyOfBytes(r.tally));
  const c = emptyChildSums();
  c.children = Number(r.measured ?? 0);
  c.boys = Number(r.boys ?? 0);
  c.girls = Number(r.girls ?? 0);
  for (const index of DQ_INDICES) {
    const p = Z_PREFIX[index];
    c.z[index] = {
      n: Number(r[`${p}_valid`] ?? 0),
      s1: Number(r[`${p}_s1`] ?? 0),
      s2: Number(r[`${p}_s2`] ?? 0),
      s3: Number(r[`${p}_s3`] ?? 0),
      s4: Number(r[`${p}_s4`] ?? 0),
    };
  }
  addChildSums(into.child, c);
  into.likelyDuplicates.groups += Number(r.dup_groups ?? 0);
  into.likelyDuplicates.extraChildren += Number(r.dup_extra ?? 0);
  return into;
}

const SUM_COLUMNS = ["measured", "haz_valid", "whz_valid", "waz_valid", "bmiz_valid", "boys", "girls"].concat(
  (["haz", "whz", "waz", "bmiz"] as const).flatMap((z) => [1, 2, 3, 4].map((k) => `${z}_s${k}`)),
);

/** Where: a region's subtree, or one posyandu of a district. */
export type QualityScope = { region: string } | { district: string; posyanduId: string };

export class DataQualityRepository {
  constructor(private readonly db: Db) {}

  /**
   * Stored figures for a period, keyed by unit code: of one unit (a region, or a posyandu by id),
   * or of each unit one level below a region (provinces, districts, kecamatan, villages, or a
   * village's posyandu by id). Provinces and the nation are sums of their districts' rows (likely
   * duplicates are groups within a district, so they add up too). Units without rows are absent.
   */
  async stored(scope: StoredQualityScope, period: string): Promise<Map<string, StoredQuality>> {
    let where: RawBuilder<unknown>;
    let key: RawBuilder<unknown> = sql`unit_code`;
    if ("posyanduId" in scope) {
      where = sql`district_code = ${scope.district} AND unit_kind = 'posyandu' AND unit_code = ${scope.posyanduId}`;
    } else {
      const code = "region" in scope ? scope.region : scope.below;
      const level = regionLevelOf(code);
      const below = "below" in scope;
      const d = level === "nation" || level === "province" ? "" : districtOfCode(code);
      if (level === "nation") {
        where = sql`unit_kind = 'district'`;
        key = below ? sql`left(district_code, 2)` : sql`'ID'`;
      } else if (level === "province") {
        where = sql`unit_kind = 'district' AND district_code LIKE ${`${code}.%`}`;
        key = below ? sql`district_code` : sql`${code}::text`;
      } else if (!below) {
        where = sql`district_code = ${d} AND unit_kind = ${level} AND unit_code = ${code}`;
      } else if (level === "village") {
        where = sql`district_code = ${d} AND unit_kind = 'posyandu' AND unit_code IN (
          SELECT id::text FROM posyandu WHERE district_code = ${d} AND village_code = ${code})`;
      } else {
        const kind = level === "district" ? "subdistrict" : "village";
        where = sql`district_code = ${d} AND unit_kind = ${kind} AND unit_code LIKE ${`${code}.%`}`;
      }
    }
    // Both tables' rows of the same units (a unit may have either: measurements taken there but no
    // child whose latest measurement was, or a target but no measurement).
    const sums = sql.raw(SUM_COLUMNS.join(", "));
    const rows = await sql<StoredRow>`
      SELECT coalesce(r.k, q.k) AS code, ${sql.raw(SUM_COLUMNS.map((c) => `r.${c}`).join(", "))},
        q.tally, q.dup_groups, q.dup_extra
      FROM (SELECT ${key} AS k, district_code, unit_kind, unit_code, ${sums}
            FROM rollup_district WHERE period = ${period} AND ${where}) r
      FULL JOIN (SELECT ${key} AS k, district_code, unit_kind, unit_code, tally, dup_groups, dup_extra
            FROM rollup_quality WHERE period = ${period} AND ${where}) q
        ON q.district_code = r.district_code AND q.unit_kind = r.unit_kind AND q.unit_code = r.unit_code`.execute(
      this.db,
    );
    const out = new Map<string, StoredQuality>();
    for (const r of rows.rows) {
      let entry = out.get(r.code);
      if (!entry) {
        entry = emptyStoredQuality();
        out.set(r.code, entry);
      }
      addRow(entry, r);
    }
    return out;
  }

  /** Measurements in [from, to) of the scope (by where they were measured). */
  measurements(scope: QualityScope, dates: { from: string; to: string }) {
    let q = this.db
      .selectFrom("measurements as m")
      .innerJoin("children as c", (j) =>
        j.onRef("c.district_code", "=", "m.district_code").onRef("c.id", "=", "m.child_id"),
      )
      .select([
        "m.child_id",
        "m.village_code",
        "m.posyandu_id",
        "c.sex",
        "c.birth_date",
        "m.measured_on",
        "m.age_days",
        "m.weight",
        "m.lenhei",
        "m.measure",
        "m.oedema",
        "m.zlen",
        "m.flen",
        "m.zwei",
        "m.fwei",
        "m.zwfl",
        "m.fwfl",
        "m.zbmi",
        "m.fbmi",
      ])
      .select(sql<boolean>`c.nik_hash IS NOT NULL`.as("has_nik"))
      .where("m.measured_on", ">=", dates.from)
      .where("m.measured_on", "<", dates.to);
    if ("posyanduId" in scope) {
      q = q.where("m.district_code", "=", scope.district).where("m.posyandu_id", "=", scope.posyanduId);
    } else {
      const r = regionFilter(scope.region);
      if (r.district) q = q.where("m.district_code", "=", r.district);
      if (r.village) q = q.where("m.village_code", "=", r.village);
      if (r.villagePrefix) q = q.where("m.village_code", "like", `${r.villagePrefix}%`);
    }
    return q.execute();
  }

  /**
   * Likely duplicate children among the children `ids`: groups of children of one district with
   * the same name key, birth date and sex as one of them, and the children beyond the first.
   */
  async likelyDuplicates(ids: readonly string[]) {
    if (ids.length === 0) return { groups: 0, extraChildren: 0 };
    const r = await sql<{ groups: number; extra: number }>`
      WITH seen AS (
        SELECT DISTINCT c.district_code, c.name_key, c.birth_date, c.sex FROM children c
        WHERE c.id = ANY(${ids}::uuid[])
      ), g AS (
        SELECT count(*) AS n FROM children c JOIN seen s USING (district_code, name_key, birth_date, sex)
        GROUP BY c.district_code, c.name_key, c.birth_date, c.sex HAVING count(*) > 1
      )
      SELECT count(*)::integer AS groups, coalesce(sum(n - 1), 0)::integer AS extra FROM g`.execute(this.db);
    return { groups: Number(r.rows[0]?.groups ?? 0), extraChildren: Number(r.rows[0]?.extra ?? 0) };
  }
}
