/** Target children (sasaran balita 0–59 months) per village and year: the denominator of coverage. */
import { sql } from "kysely";
import type { Db } from "../schema.ts";

export interface TargetRow {
  district: string;
  village: string;
  year: number;
  target: number;
}

export class TargetsRepository {
  constructor(private readonly db: Db) {}

  /** Saves targets, replacing a village's value for the year. */
  async upsert(rows: readonly TargetRow[], source: string): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      await this.db
        .insertInto("targets")
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            district_code: r.district,
            village_code: r.village,
            year: r.year,
            children_0_59: r.target,
            source,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["district_code", "village_code", "year"]).doUpdateSet({
            children_0_59: (eb) => eb.ref("excluded.children_0_59"),
            source: (eb) => eb.ref("excluded.source"),
            // The proposed row's default, now(): Citus allows only IMMUTABLE functions in DO UPDATE SET.
            updated_at: (eb) => eb.ref("excluded.updated_at"),
            version: sql`targets.version + 1`,
          }),
        )
        .execute();
    }
  }
}
