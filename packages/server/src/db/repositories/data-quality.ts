/**
 * The rows of the data-quality report: every measurement of a region (or posyandu) in a date
 * range with its child's sex and birth date and whether the child has a NIK (never the NIK),
 * and the likely duplicate children of the region.
 */
import { sql } from "kysely";
import type { Db } from "../schema.ts";
import { regionFilter } from "./children.ts";

/** Where: a region's subtree, or one posyandu of a district. */
export type QualityScope = { region: string } | { district: string; posyanduId: string };

export class DataQualityRepository {
  constructor(private readonly db: Db) {}

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
