/** The KBM table variant chosen nationally and per district (migration 0091). */

import type { KbmChoices } from "@tumbuh/core";
import { NATION_CODE } from "@tumbuh/core";
import type { Db } from "../schema.ts";

export class KbmChoiceRepository {
  constructor(private readonly db: Db) {}

  /** Every stored choice, with who made it and when. */
  rows() {
    return this.db
      .selectFrom("kbm_choice")
      .select(["region_code", "kbm_table", "note", "changed_by_name", "changed_at"])
      .orderBy("region_code")
      .execute();
  }

  /** The stored choices as core reads them. */
  async choices(): Promise<KbmChoices> {
    const rows = await this.rows();
    const districts: Record<string, string> = {};
    let national: string | null = null;
    for (const r of rows) {
      if (r.region_code === NATION_CODE) national = r.kbm_table;
      else districts[r.region_code] = r.kbm_table;
    }
    return { national, districts };
  }

  /** Stores the choice of a region (the nation or a district), replacing what was there. */
  async set(
    regionCode: string,
    kbmTable: string,
    note: string | null,
    by: { id: string; username: string },
  ): Promise<void> {
    const values = {
      region_code: regionCode,
      kbm_table: kbmTable,
      note,
      changed_by: by.id,
      changed_by_name: by.username,
      changed_at: new Date(),
    };
    await this.db
      .insertInto("kbm_choice")
      .values(values)
      .onConflict((oc) => oc.column("region_code").doUpdateSet(values))
      .execute();
  }

  /** Removes a district's own choice (it follows the national default again). */
  async clear(regionCode: string): Promise<void> {
    await this.db.deleteFrom("kbm_choice").where("region_code", "=", regionCode).execute();
  }
}
