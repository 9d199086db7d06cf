/** Map boundaries: one GeoJSON geometry per region code, with its attribution. */
import type { Db, RegionLevel } from "../schema.ts";

export interface BoundaryRow {
  region_code: string;
  geometry: unknown;
  attribution: string | null;
}

export class BoundariesRepository {
  constructor(private readonly db: Db) {}

  /** The stored shapes of these regions. */
  async byCodes(codes: readonly string[]): Promise<BoundaryRow[]> {
    const out: BoundaryRow[] = [];
    for (let i = 0; i < codes.length; i += 5000) {
      out.push(
        ...(await this.db
          .selectFrom("region_boundaries")
          .select(["region_code", "geometry", "attribution"])
          .where("region_code", "in", codes.slice(i, i + 5000))
          .execute()),
      );
    }
    return out;
  }

  /** Stores shapes (replacing earlier ones of the same regions). */
  async upsert(
    rows: ReadonlyArray<{ code: string; geometry: unknown }>,
    attribution: string | null,
    uploadedBy: string | null,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto("region_boundaries")
        .values(
          rows.slice(i, i + 500).map((s) => ({
            region_code: s.code,
            geometry: JSON.stringify(s.geometry),
            attribution,
            uploaded_by: uploadedBy,
          })),
        )
        .onConflict((oc) =>
          oc.column("region_code").doUpdateSet((eb) => ({
            geometry: eb.ref("excluded.geometry"),
            attribution: eb.ref("excluded.attribution"),
            uploaded_by: eb.ref("excluded.uploaded_by"),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
  }

  /** Regions at `level` under `parent` that have no shape, by code. */
  missing(level: RegionLevel, parent: string, limit: number): Promise<Array<{ code: string; name: string }>> {
    return this.db
      .selectFrom("regions as r")
      .leftJoin("region_boundaries as b", "b.region_code", "r.code")
      .select(["r.code", "r.name"])
      .where("r.level", "=", level)
      .where("r.code", "like", `${parent}.%`)
      .where("b.region_code", "is", null)
      .orderBy("r.code")
      .limit(limit)
      .execute();
  }
}
