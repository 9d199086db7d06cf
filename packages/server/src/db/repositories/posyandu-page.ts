/** The rows of a posyandu page: its registered children (names only) and their measurements. */
import type { Db } from "../schema.ts";

export class PosyanduPageRepository {
  constructor(private readonly db: Db) {}

  /** The children registered at a posyandu, by name (no identifiers). */
  children(district: string, posyanduId: string) {
    return this.db
      .selectFrom("children")
      .select(["id", "name", "sex", "birth_date"])
      .where("district_code", "=", district)
      .where("posyandu_id", "=", posyanduId)
      .orderBy("name")
      .orderBy("id")
      .limit(5000)
      .execute();
  }

  /** Every measurement of the children registered at a posyandu (wherever they were measured). */
  measurements(district: string, posyanduId: string) {
    return this.db
      .selectFrom("measurements as m")
      .innerJoin("children as c", (j) =>
        j.onRef("c.district_code", "=", "m.district_code").onRef("c.id", "=", "m.child_id"),
      )
      .select([
        "m.child_id",
        "m.measured_on",
        "m.weight",
        "m.lenhei",
        "m.oedema",
        "m.zlen",
        "m.flen",
        "m.zwei",
        "m.fwei",
        "m.zwfl",
        "m.fwfl",
      ])
      .where("m.district_code", "=", district)
      .where("c.posyandu_id", "=", posyanduId)
      .execute();
  }
}
