/**
 * The aksi documents (migrations 0100–0104): rembuk stunting, regulations on village roles, KPM,
 * the desa convergence scorecard and the annual review. Every query names the district, so it
 * routes to one shard. Date columns come back as YYYY-MM-DD text on either engine.
 */
import type { Insertable, Selectable } from "kysely";
import { sql } from "kysely";
import type { Db } from "../schema.ts";
import type {
  AksiKpmTable,
  AksiRegulationsTable,
  AksiRembukTable,
  AksiReviewsTable,
  DesaScorecardsTable,
} from "../schema-aksi-docs.ts";

export type RembukRow = Selectable<AksiRembukTable>;
export type RegulationRow = Selectable<AksiRegulationsTable>;
export type KpmRow = Selectable<AksiKpmTable>;
export type ScorecardRow = Selectable<DesaScorecardsTable>;
export type ReviewRow = Selectable<AksiReviewsTable>;

/** A date as YYYY-MM-DD whether the driver gives text or a Date. */
function dateText(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}
const optDate = (v: unknown) => (v === null || v === undefined ? null : dateText(v));

const within = (column: string, region: string) =>
  sql<boolean>`(${sql.ref(column)} = ${region} OR ${sql.ref(column)} LIKE ${`${region}.%`})`;

export class AksiDocsRepository {
  constructor(private readonly db: Db) {}

  // --- rembuk stunting

  async rembukOfCycle(districtCode: string, cycleId: string): Promise<RembukRow[]> {
    const rows = await this.db
      .selectFrom("aksi_rembuk")
      .selectAll()
      .where("district_code", "=", districtCode)
      .where("cycle_id", "=", cycleId)
      .orderBy("held_on")
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({ ...r, held_on: dateText(r.held_on) }));
  }

  async rembuk(id: string): Promise<RembukRow | undefined> {
    const r = await this.db.selectFrom("aksi_rembuk").selectAll().where("id", "=", id).executeTakeFirst();
    return r && { ...r, held_on: dateText(r.held_on) };
  }

  async insertRembuk(row: Insertable<AksiRembukTable>): Promise<void> {
    await this.db.insertInto("aksi_rembuk").values(row).execute();
  }

  /** Replaces the meeting's fields when its version is still `version`; the new row, or undefined. */
  async updateRembuk(
    id: string,
    districtCode: string,
    version: number,
    change: Omit<Insertable<AksiRembukTable>, "id" | "cycle_id" | "district_code" | "created_by">,
  ): Promise<RembukRow | undefined> {
    const r = await this.db
      .updateTable("aksi_rembuk")
      .set({ ...change, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
      .where("id", "=", id)
      .where("district_code", "=", districtCode)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
    return r && { ...r, held_on: dateText(r.held_on) };
  }

  async deleteRembuk(id: string, districtCode: string): Promise<void> {
    await this.db
      .deleteFrom("aksi_rembuk")
      .where("id", "=", id)
      .where("district_code", "=", districtCode)
      .execute();
  }

  // --- regulations

  async regulationsIn(districtCode: string, region: string): Promise<RegulationRow[]> {
    const rows = await this.db
      .selectFrom("aksi_regulations")
      .selectAll()
      .where("district_code", "=", districtCode)
      .where(within("region_code", region))
      .orderBy("region_code")
      .orderBy("issued_on", "desc")
      .execute();
    return rows.map((r) => ({ ...r, issued_on: dateText(r.issued_on) }));
  }

  async regulation(id: string): Promise<RegulationRow | undefined> {
    const r = await this.db
      .selectFrom("aksi_regulations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return r && { ...r, issued_on: dateText(r.issued_on) };
  }

  async insertRegulation(row: Insertable<AksiRegulationsTable>): Promise<void> {
    await this.db.insertInto("aksi_regulations").values(row).execute();
  }

  async updateRegulation(
    id: string,
    districtCode: string,
    change: Partial<
      Pick<
        RegulationRow,
        "number" | "issued_on" | "title" | "file_name" | "media_type" | "size_bytes" | "sha256"
      >
    >,
    by: string,
  ): Promise<RegulationRow | undefined> {
    const r = await this.db
      .updateTable("aksi_regulations")
      .set({ ...change, updated_by: by, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
      .where("id", "=", id)
      .where("district_code", "=", districtCode)
      .returningAll()
      .executeTakeFirst();
    return r && { ...r, issued_on: dateText(r.issued_on) };
  }

  async deleteRegulation(id: string, districtCode: string): Promise<void> {
    await this.db
      .deleteFrom("aksi_regulations")
      .where("id", "=", id)
      .where("district_code", "=", districtCode)
      .execute();
  }

  // --- KPM

  async kpmIn(districtCode: string, region: string): Promise<KpmRow[]> {
    const rows = await this.db
      .selectFrom("aksi_kpm")
      .selectAll()
      .where("district_code", "=", districtCode)
      .where(within("village_code", region))
      .orderBy("village_code")
      .orderBy("name")
      .execute();
    return rows.map((r) => ({
      ...r,
      appointed_on: optDate(r.appointed_on),
      trained_on: optDate(r.trained_on),
    }));
  }

  async kpm(id: string): Promise<KpmRow | undefined> {
    const r = await this.db.selectFrom("aksi_kpm").selectAll().where("id", "=", id).executeTakeFirst();
    return r && { ...r, appointed_on: optDate(r.appointed_on), trained_on: optDate(r.trained_on) };
  }

  async insertKpm(row: Insertable<AksiKpmTable>): Promise<void> {
    await this.db.insertInto("aksi_kpm").values(row).execute();
  }

  async updateKpm(
    id: string,
    districtCode: string,
    version: number,
    change: Pick<
      Insertable<AksiKpmTable>,
      "name" | "appointed_on" | "trained_on" | "training" | "contact" | "active"
    >,
    by: string,
  ): Promise<KpmRow | undefined> {
    const r = await this.db
      .updateTable("aksi_kpm")
      .set({ ...change, updated_by: by, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
      .where("id", "=", id)
      .where("district_code", "=", districtCode)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
    return r && { ...r, appointed_on: optDate(r.appointed_on), trained_on: optDate(r.trained_on) };
  }

  async deleteKpm(id: string, districtCode: string): Promise<void> {
    await this.db
      .deleteFrom("aksi_kpm")
      .where("id", "=", id)
      .where("district_code", "=", districtCode)
      .execute();
  }

  // --- scorecards

  scorecard(districtCode: string, villageCode: string, quarter: string): Promise<ScorecardRow | undefined> {
    return this.db
      .selectFrom("desa_scorecards")
      .selectAll()
      .where("district_code", "=", districtCode)
      .where("village_code", "=", villageCode)
      .where("quarter", "=", quarter)
      .executeTakeFirst();
  }

  /** The scorecards of the villages in a region (within one district), of one quarter or a year's. */
  scorecardsIn(districtCode: string, region: string, quarterOrYear: string): Promise<ScorecardRow[]> {
    let q = this.db
      .selectFrom("desa_scorecards")
      .selectAll()
      .where("district_code", "=", districtCode)
      .where(within("village_code", region));
    q = /^\d{4}$/.test(quarterOrYear)
      ? q.where("quarter", "like", `${quarterOrYear}-Q%`)
      : q.where("quarter", "=", quarterOrYear);
    return q.orderBy("village_code").orderBy("quarter").execute();
  }

  /** Inserts or replaces a village's quarter (an insert when `version` is 0); the row, or undefined when stale. */
  async saveScorecard(
    row: Omit<Insertable<DesaScorecardsTable>, "version" | "updated_at">,
    version: number,
  ): Promise<ScorecardRow | undefined> {
    if (version === 0)
      return this.db
        .insertInto("desa_scorecards")
        .values({ ...row, updated_at: new Date() })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
    return this.db
      .updateTable("desa_scorecards")
      .set({
        targets_ibu_hamil: row.targets_ibu_hamil,
        targets_anak: row.targets_anak,
        counts: row.counts,
        source: row.source,
        updated_by: row.updated_by,
        updated_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
      })
      .where("district_code", "=", row.district_code)
      .where("village_code", "=", row.village_code)
      .where("quarter", "=", row.quarter)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Inserts or overwrites many quarters at once (an import). */
  async upsertScorecards(
    rows: readonly Omit<Insertable<DesaScorecardsTable>, "version" | "updated_at">[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto("desa_scorecards")
      .values(rows.map((r) => ({ ...r, updated_at: new Date() })))
      .onConflict((oc) =>
        oc.columns(["district_code", "village_code", "quarter"]).doUpdateSet((eb) => ({
          targets_ibu_hamil: eb.ref("excluded.targets_ibu_hamil"),
          targets_anak: eb.ref("excluded.targets_anak"),
          counts: eb.ref("excluded.counts"),
          source: eb.ref("excluded.source"),
          updated_by: eb.ref("excluded.updated_by"),
          updated_at: sql<Date>`now()`,
          version: sql<number>`desa_scorecards.version + 1`,
        })),
      )
      .execute();
  }

  // --- review

  review(districtCode: string, cycleId: string): Promise<ReviewRow | undefined> {
    return this.db
      .selectFrom("aksi_reviews")
      .selectAll()
      .where("district_code", "=", districtCode)
      .where("cycle_id", "=", cycleId)
      .executeTakeFirst();
  }

  /** Inserts (version 0) or updates the review when its version is still `version`. */
  async saveReview(
    row: Omit<Insertable<AksiReviewsTable>, "version" | "updated_at">,
    version: number,
  ): Promise<ReviewRow | undefined> {
    if (version === 0)
      return this.db
        .insertInto("aksi_reviews")
        .values({ ...row, updated_at: new Date() })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
    return this.db
      .updateTable("aksi_reviews")
      .set({
        ...(row.publication_comment !== undefined ? { publication_comment: row.publication_comment } : {}),
        ...(row.indicators !== undefined ? { indicators: row.indicators } : {}),
        ...(row.lessons !== undefined ? { lessons: row.lessons } : {}),
        ...(row.prefilled_cycle_id !== undefined ? { prefilled_cycle_id: row.prefilled_cycle_id } : {}),
        ...(row.publication_published_at !== undefined
          ? {
              publication_published_at: row.publication_published_at,
              publication_published_by: row.publication_published_by,
            }
          : {}),
        updated_by: row.updated_by,
        updated_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
      })
      .where("district_code", "=", row.district_code)
      .where("cycle_id", "=", row.cycle_id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  /** The district's published commentary (aksi 7) of its cycle of `year`; undefined when none is published. */
  publishedCommentary(
    districtCode: string,
    year: number,
  ): Promise<{ text: string; published_at: Date } | undefined> {
    return this.db
      .selectFrom("aksi_reviews as r")
      .innerJoin("aksi_cycles as c", "c.id", "r.cycle_id")
      .select(["r.publication_comment as text", "r.publication_published_at as published_at"])
      .where("r.district_code", "=", districtCode)
      .where("c.district_code", "=", districtCode)
      .where("c.year", "=", year)
      .where("r.publication_published_at", "is not", null)
      .where("r.publication_comment", "<>", "")
      .executeTakeFirst() as Promise<{ text: string; published_at: Date } | undefined>;
  }
}
