/**
 * What the F II Gizi report reads for one district (or a part of it) and month: its posyandu with
 * village, kecamatan and puskesmas names, and the posyandu rows of the SKDN and prevalence roll-ups.
 * Aggregates only; routed by district code.
 */
import type { NutritionCounts, SkdnCounts } from "@tumbuh/core";
import { SKDN_COUNT_KEYS } from "@tumbuh/core";
import { sql } from "kysely";
import type { Db } from "../schema.ts";
import { regionFilter } from "./children.ts";
import { SKDN_COLUMNS } from "./rollup-skdn.ts";

export interface F2GiziPosyanduRow {
  id: string;
  name: string;
  village_code: string;
  village_name: string | null;
  subdistrict_name: string | null;
  puskesmas_id: string | null;
  puskesmas_name: string | null;
}

export class F2GiziRepository {
  constructor(private readonly db: Db) {}

  /** The posyandu of a region of one district, with the names the report prints. */
  posyandu(region: string): Promise<F2GiziPosyanduRow[]> {
    const rf = regionFilter(region);
    let q = this.db
      .selectFrom("posyandu as p")
      .leftJoin("regions as v", "v.code", "p.village_code")
      .leftJoin("regions as s", (j) => j.on("s.code", "=", sql<string>`left(p.village_code, 8)`))
      .leftJoin("puskesmas as k", (j) =>
        j.onRef("k.district_code", "=", "p.district_code").onRef("k.id", "=", "p.puskesmas_id"),
      )
      .select([
        "p.id",
        "p.name",
        "p.village_code",
        "v.name as village_name",
        "s.name as subdistrict_name",
        "p.puskesmas_id",
        "k.name as puskesmas_name",
      ]);
    if (rf.district) q = q.where("p.district_code", "=", rf.district);
    if (rf.village) q = q.where("p.village_code", "=", rf.village);
    if (rf.villagePrefix) q = q.where("p.village_code", "like", `${rf.villagePrefix}%`);
    return q.limit(20000).execute();
  }

  /** The SKDN counts of the district's posyandu for a month, by posyandu id. */
  async skdn(district: string, period: string): Promise<Map<string, SkdnCounts>> {
    const cols = SKDN_COUNT_KEYS.map((k, i) => `${SKDN_COLUMNS[i]} AS "${k}"`).join(", ");
    const r = await sql<SkdnCounts & { unit_code: string }>`
      SELECT unit_code, ${sql.raw(cols)} FROM rollup_skdn
      WHERE district_code = ${district} AND unit_kind = 'posyandu' AND period = ${period}`.execute(this.db);
    return new Map(
      r.rows.map((x) => {
        const c = {} as SkdnCounts;
        for (const k of SKDN_COUNT_KEYS) c[k] = Number(x[k]);
        return [x.unit_code, c];
      }),
    );
  }

  /** The nutrition counts of the district's posyandu for a month, by posyandu id. */
  async nutrition(district: string, period: string): Promise<Map<string, NutritionCounts>> {
    const rows = await this.db
      .selectFrom("rollup_district")
      .select([
        "unit_code",
        "measured",
        "haz_valid",
        "stunted",
        "severely_stunted",
        "whz_valid",
        "wasted",
        "severely_wasted",
        "waz_valid",
        "underweight",
      ])
      .where("district_code", "=", district)
      .where("unit_kind", "=", "posyandu")
      .where("period", "=", period)
      .execute();
    return new Map(
      rows.map((x) => [
        x.unit_code,
        {
          measured: Number(x.measured),
          hazValid: Number(x.haz_valid),
          stunted: Number(x.stunted),
          severelyStunted: Number(x.severely_stunted),
          whzValid: Number(x.whz_valid),
          wasted: Number(x.wasted),
          severelyWasted: Number(x.severely_wasted),
          wazValid: Number(x.waz_valid),
          underweight: Number(x.underweight),
        },
      ]),
    );
  }
}
