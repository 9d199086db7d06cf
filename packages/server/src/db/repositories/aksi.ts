/**
 * Aksi konvergensi: a district's yearly cycle, one entry per aksi (status, notes, the outputs marked
 * done, the province's review) and the evidence files' records. Every query names the district (or
 * the cycle, which belongs to one district), so it routes to one shard.
 */

import type { AksiRecordKind } from "@tumbuh/core/programme";
import type { Insertable, Selectable } from "kysely";
import { sql } from "kysely";
import type { Db } from "../schema.ts";
import type { AksiCyclesTable, AksiEntriesTable, AksiEvidenceTable } from "../schema-aksi.ts";

export type AksiCycleRow = Selectable<AksiCyclesTable>;
export type AksiEntryRow = Selectable<AksiEntriesTable>;
export type AksiEvidenceRow = Selectable<AksiEvidenceTable>;

/** The editable part of an entry. */
export interface AksiEntryChange {
  status?: AksiEntryRow["status"];
  notes?: string;
  outputsDone?: readonly string[];
  reviewComment?: string | null;
  reviewedBy?: string | null;
  reviewedAt?: Date | null;
}

export class AksiRepository {
  constructor(private readonly db: Db) {}

  /** Configurations a national admin added, oldest first. */
  configs(): Promise<{ version: string; config: unknown }[]> {
    return this.db.selectFrom("aksi_configs").select(["version", "config"]).orderBy("created_at").execute();
  }

  async insertConfig(version: string, validFrom: number, config: unknown, by: string): Promise<void> {
    await this.db
      .insertInto("aksi_configs")
      .values({ version, valid_from: validFrom, config: JSON.stringify(config), created_by: by })
      .execute();
  }

  cycle(id: string): Promise<AksiCycleRow | undefined> {
    return this.db.selectFrom("aksi_cycles").selectAll().where("id", "=", id).executeTakeFirst();
  }

  cycleOf(districtCode: string, year: number): Promise<AksiCycleRow | undefined> {
    return this.db
      .selectFrom("aksi_cycles")
      .selectAll()
      .where("district_code", "=", districtCode)
      .where("year", "=", year)
      .executeTakeFirst();
  }

  /** The cycles of the districts in a region (a province or one district), optionally of one year. */
  cyclesIn(regionCode: string, year?: number): Promise<AksiCycleRow[]> {
    let q = this.db
      .selectFrom("aksi_cycles")
      .selectAll()
      .where((eb) =>
        eb.or([eb("district_code", "=", regionCode), eb("district_code", "like", `${regionCode}.%`)]),
      );
    if (year !== undefined) q = q.where("year", "=", year);
    return q.orderBy("district_code").orderBy("year", "desc").execute();
  }

  /** Creates a cycle with one `belum` entry per aksi code. */
  async insertCycle(cycle: Insertable<AksiCyclesTable>, aksiCodes: readonly string[]): Promise<void> {
    await this.db.insertInto("aksi_cycles").values(cycle).execute();
    if (aksiCodes.length === 0) return;
    await this.db
      .insertInto("aksi_entries")
      .values(
        aksiCodes.map((code) => ({
          cycle_id: cycle.id,
          district_code: cycle.district_code,
          aksi_code: code,
          outputs_done: "[]",
          updated_by: cycle.created_by ?? null,
          updated_at: new Date(),
        })),
      )
      .execute();
  }

  entries(cycleId: string): Promise<AksiEntryRow[]> {
    return this.db
      .selectFrom("aksi_entries")
      .selectAll()
      .where("cycle_id", "=", cycleId)
      .orderBy("aksi_code")
      .execute();
  }

  /** The entries of many cycles (a province's Pantau Aksi). */
  entriesOf(cycleIds: readonly string[]): Promise<AksiEntryRow[]> {
    if (cycleIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom("aksi_entries").selectAll().where("cycle_id", "in", cycleIds).execute();
  }

  entry(cycleId: string, aksiCode: string): Promise<AksiEntryRow | undefined> {
    return this.db
      .selectFrom("aksi_entries")
      .selectAll()
      .where("cycle_id", "=", cycleId)
      .where("aksi_code", "=", aksiCode)
      .executeTakeFirst();
  }

  /**
   * Applies a change when the stored version is still `version`; returns the new row, or undefined
   * when someone else changed it first.
   */
  updateEntry(
    cycleId: string,
    aksiCode: string,
    version: number,
    change: AksiEntryChange,
    by: string,
  ): Promise<AksiEntryRow | undefined> {
    return this.db
      .updateTable("aksi_entries")
      .set({
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.notes !== undefined ? { notes: change.notes } : {}),
        ...(change.outputsDone !== undefined ? { outputs_done: JSON.stringify(change.outputsDone) } : {}),
        ...(change.reviewComment !== undefined ? { review_comment: change.reviewComment } : {}),
        ...(change.reviewedBy !== undefined ? { reviewed_by: change.reviewedBy } : {}),
        ...(change.reviewedAt !== undefined ? { reviewed_at: change.reviewedAt } : {}),
        updated_by: by,
        updated_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
      })
      .where("cycle_id", "=", cycleId)
      .where("aksi_code", "=", aksiCode)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Evidence still in place (not removed) of a cycle, or of the cycles given. */
  evidence(cycleIds: readonly string[]): Promise<AksiEvidenceRow[]> {
    if (cycleIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("aksi_evidence")
      .selectAll()
      .where("cycle_id", "in", cycleIds)
      .where("removed_at", "is", null)
      .orderBy("created_at")
      .execute();
  }

  evidenceById(id: string): Promise<AksiEvidenceRow | undefined> {
    return this.db.selectFrom("aksi_evidence").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async insertEvidence(row: Insertable<AksiEvidenceTable>): Promise<void> {
    await this.db.insertInto("aksi_evidence").values(row).execute();
  }

  async removeEvidence(id: string, by: string): Promise<void> {
    await this.db
      .updateTable("aksi_evidence")
      .set({ removed_at: sql<Date>`now()`, removed_by: by })
      .where("id", "=", id)
      .where("removed_at", "is", null)
      .execute();
  }

  /**
   * The records the district holds for a cycle that fulfil aksi outputs (see AksiRecordKind): the
   * lokus decision, an activity with a positive pagu, a district-level rembuk (its berita acara is
   * generated from it), a Perbup/Perwali issued by the end of the year, an active KPM, a scorecard
   * quarter of the year, the annual review with indicators or lessons, the published commentary.
   */
  async recordsHeld(cycle: {
    id: string;
    district_code: string;
    year: number;
  }): Promise<Set<AksiRecordKind>> {
    const d = cycle.district_code;
    const yearEnd = `${cycle.year}-12-31`;
    const r = await sql<Record<AksiRecordKind, boolean>>`
      SELECT
        EXISTS (SELECT 1 FROM aksi_lokus_decisions WHERE district_code = ${d} AND cycle_id = ${cycle.id}) AS lokus,
        EXISTS (
          SELECT 1 FROM aksi_activities a, jsonb_each_text(a.pagu) p
          WHERE a.district_code = ${d} AND a.cycle_id = ${cycle.id} AND p.value::numeric > 0
        ) AS rencana,
        EXISTS (
          SELECT 1 FROM aksi_rembuk
          WHERE district_code = ${d} AND cycle_id = ${cycle.id} AND level = 'district'
        ) AS rembuk,
        EXISTS (
          SELECT 1 FROM aksi_regulations
          WHERE district_code = ${d} AND region_code = ${d} AND kind IN ('perbup', 'perwali')
            AND issued_on <= ${yearEnd}::date
        ) AS regulasi,
        EXISTS (
          SELECT 1 FROM aksi_kpm
          WHERE district_code = ${d} AND active AND (appointed_on IS NULL OR appointed_on <= ${yearEnd}::date)
        ) AS kpm,
        EXISTS (
          SELECT 1 FROM desa_scorecards WHERE district_code = ${d} AND quarter LIKE ${`${cycle.year}-Q%`}
        ) AS scorecard,
        EXISTS (
          SELECT 1 FROM aksi_reviews
          WHERE district_code = ${d} AND cycle_id = ${cycle.id} AND (lessons <> '' OR indicators <> '[]'::jsonb)
        ) AS reviu,
        EXISTS (
          SELECT 1 FROM aksi_reviews
          WHERE district_code = ${d} AND cycle_id = ${cycle.id}
            AND publication_published_at IS NOT NULL AND publication_comment <> ''
        ) AS publikasi
    `.execute(this.db);
    const row = r.rows[0];
    return new Set((Object.keys(row) as AksiRecordKind[]).filter((k) => row[k] === true));
  }
}
