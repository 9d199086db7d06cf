/**
 * Analisis situasi and the integrated plan of an aksi cycle: the district's own indicator targets,
 * indicator values per region and period, the desa lokus decision, the activities, and the
 * roll-up figures per village an analysis starts from. Every query names the district (or a cycle,
 * which belongs to one district), so it routes to one shard.
 */
import type { Insertable, Selectable } from "kysely";
import { sql } from "kysely";
import type { Db } from "../schema.ts";
import type {
  AksiActivitiesTable,
  AksiIndicatorTargetsTable,
  AksiIndicatorValuesTable,
  AksiLokusDecisionsTable,
} from "../schema-aksi-plan.ts";

export type IndicatorTargetRow = Selectable<AksiIndicatorTargetsTable>;
export type IndicatorValueRow = Selectable<AksiIndicatorValuesTable>;
export type LokusDecisionRow = Selectable<AksiLokusDecisionsTable>;
export type ActivityRow = Selectable<AksiActivitiesTable>;
export type NewActivityRow = Insertable<AksiActivitiesTable>;

/** A village's roll-up counts for a year (children measured, TB/U valid, stunted, sasaran). */
export interface VillageYearCounts {
  code: string;
  measured: number;
  haz_valid: number;
  stunted: number;
  severely_stunted: number;
  target: number | null;
}

export class AksiPlanRepository {
  constructor(private readonly db: Db) {}

  targets(district: string): Promise<IndicatorTargetRow[]> {
    return this.db
      .selectFrom("aksi_indicator_targets")
      .selectAll()
      .where("district_code", "=", district)
      .orderBy("indicator_code")
      .orderBy("year")
      .execute();
  }

  target(district: string, indicator: string, year: number): Promise<IndicatorTargetRow | undefined> {
    return this.db
      .selectFrom("aksi_indicator_targets")
      .selectAll()
      .where("district_code", "=", district)
      .where("indicator_code", "=", indicator)
      .where("year", "=", year)
      .executeTakeFirst();
  }

  async upsertTarget(row: Insertable<AksiIndicatorTargetsTable>): Promise<void> {
    await this.db
      .insertInto("aksi_indicator_targets")
      .values(row)
      .onConflict((oc) =>
        oc.columns(["district_code", "indicator_code", "year"]).doUpdateSet({
          value: (eb) => eb.ref("excluded.value"),
          source: (eb) => eb.ref("excluded.source"),
          updated_by: (eb) => eb.ref("excluded.updated_by"),
          updated_at: (eb) => eb.ref("excluded.updated_at"),
          version: sql`aksi_indicator_targets.version + 1`,
        }),
      )
      .execute();
  }

  /** The values entered for a district's regions in a period. */
  values(district: string, period: string): Promise<IndicatorValueRow[]> {
    return this.db
      .selectFrom("aksi_indicator_values")
      .selectAll()
      .where("district_code", "=", district)
      .where("period", "=", period)
      .orderBy("region_code")
      .orderBy("indicator_code")
      .execute();
  }

  /** Saves values, replacing a region's value of an indicator for the period. */
  async upsertValues(rows: readonly Insertable<AksiIndicatorValuesTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto("aksi_indicator_values")
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.columns(["district_code", "region_code", "indicator_code", "period"]).doUpdateSet({
            numerator: (eb) => eb.ref("excluded.numerator"),
            denominator: (eb) => eb.ref("excluded.denominator"),
            value: (eb) => eb.ref("excluded.value"),
            source: (eb) => eb.ref("excluded.source"),
            entry: (eb) => eb.ref("excluded.entry"),
            updated_by: (eb) => eb.ref("excluded.updated_by"),
            updated_at: (eb) => eb.ref("excluded.updated_at"),
            version: sql`aksi_indicator_values.version + 1`,
          }),
        )
        .execute();
    }
  }

  /** Each village's roll-up counts of a year (villages without a row are absent). */
  async villageYear(district: string, year: number): Promise<VillageYearCounts[]> {
    return this.db
      .selectFrom("rollup_district")
      .select(["unit_code as code", "measured", "haz_valid", "stunted", "severely_stunted", "target"])
      .where("district_code", "=", district)
      .where("unit_kind", "=", "village")
      .where("period", "=", String(year))
      .execute();
  }

  /** Each village's SKDN D and S summed over the months of a year (growth-monitoring coverage). */
  async villageSkdnYear(district: string, year: number): Promise<{ code: string; d: number; s: number }[]> {
    const rows = await this.db
      .selectFrom("rollup_skdn")
      .select((eb) => ["unit_code as code", eb.fn.sum<number>("d").as("d"), eb.fn.sum<number>("s").as("s")])
      .where("district_code", "=", district)
      .where("unit_kind", "=", "village")
      .where("period", "like", `${year}-%`)
      .groupBy("unit_code")
      .execute();
    return rows.map((r) => ({ code: r.code, d: Number(r.d), s: Number(r.s) }));
  }

  lokusDecision(cycleId: string): Promise<LokusDecisionRow | undefined> {
    return this.db
      .selectFrom("aksi_lokus_decisions")
      .selectAll()
      .where("cycle_id", "=", cycleId)
      .executeTakeFirst();
  }

  /**
   * Records the decision: a new one, or a change of the stored one when its version is still
   * `version` (undefined when someone changed it first).
   */
  async saveLokusDecision(
    row: Insertable<AksiLokusDecisionsTable>,
    version: number | null,
  ): Promise<LokusDecisionRow | undefined> {
    if (version === null)
      return this.db.insertInto("aksi_lokus_decisions").values(row).returningAll().executeTakeFirst();
    return this.db
      .updateTable("aksi_lokus_decisions")
      .set({
        data_year: row.data_year,
        villages: row.villages,
        reason: row.reason,
        rule: row.rule,
        ranking: row.ranking,
        evidence_id: row.evidence_id ?? null,
        decided_by: row.decided_by ?? null,
        updated_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
      })
      .where("cycle_id", "=", row.cycle_id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  activities(cycleId: string): Promise<ActivityRow[]> {
    return this.db
      .selectFrom("aksi_activities")
      .selectAll()
      .where("cycle_id", "=", cycleId)
      .orderBy("opd")
      .orderBy("sub_kegiatan_code")
      .orderBy("created_at")
      .execute();
  }

  activity(id: string): Promise<ActivityRow | undefined> {
    return this.db.selectFrom("aksi_activities").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async insertActivities(rows: readonly NewActivityRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await this.db
        .insertInto("aksi_activities")
        .values(rows.slice(i, i + 200))
        .execute();
  }

  /** Replaces an activity's fields when its version is still `version`; undefined otherwise. */
  updateActivity(
    id: string,
    version: number,
    change: Omit<NewActivityRow, "id" | "cycle_id" | "district_code" | "created_by">,
  ): Promise<ActivityRow | undefined> {
    return this.db
      .updateTable("aksi_activities")
      .set({ ...change, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteActivity(id: string): Promise<void> {
    await this.db.deleteFrom("aksi_activities").where("id", "=", id).execute();
  }
}
