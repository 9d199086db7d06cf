/**
 * Mini lokakarya kecamatan: meetings, their per-village review, checklist, verification of the
 * case and at-risk-family lists, and the kecamatan's recommendations (carried between meetings).
 */
import { NATION_CODE } from "@tumbuh/core";
import type { Insertable, Selectable } from "kysely";
import type { Db } from "../schema.ts";
import type {
  MinilokChecklistTable,
  MinilokMeetingsTable,
  MinilokRecommendationsTable,
  MinilokVerificationsTable,
  MinilokVillageReviewsTable,
} from "../schema-keluarga.ts";
import { escapeLike } from "./regions.ts";

export type MinilokMeetingRow = Selectable<MinilokMeetingsTable> & { subdistrict_name: string | null };
export type NewMinilokMeetingRow = Insertable<MinilokMeetingsTable>;
export type MinilokChecklistRow = Selectable<MinilokChecklistTable>;
export type MinilokReviewRow = Selectable<MinilokVillageReviewsTable>;
export type MinilokVerificationRow = Selectable<MinilokVerificationsTable>;
export type MinilokRecommendationRow = Selectable<MinilokRecommendationsTable> & { raised_on: string };
export type NewMinilokRecommendationRow = Insertable<MinilokRecommendationsTable>;

export class MinilokRepository {
  constructor(private readonly db: Db) {}

  private meetingQuery() {
    return this.db
      .selectFrom("minilok_meetings as m")
      .leftJoin("regions as r", "r.code", "m.subdistrict_code")
      .selectAll("m")
      .select("r.name as subdistrict_name");
  }

  /** Meetings of the kecamatan of `region` or below it (a district, a province), newest first. */
  meetings(region: string): Promise<MinilokMeetingRow[]> {
    let q = this.meetingQuery();
    if (region !== NATION_CODE)
      q = q.where((eb) =>
        eb.or([
          eb("m.subdistrict_code", "=", region),
          eb("m.subdistrict_code", "like", `${escapeLike(region)}.%`),
        ]),
      );
    return q.orderBy("m.held_on", "desc").orderBy("m.id").limit(200).execute();
  }

  meeting(id: string): Promise<MinilokMeetingRow | undefined> {
    return this.meetingQuery().where("m.id", "=", id).executeTakeFirst();
  }

  /** The kecamatan's latest meeting before `heldOn`, if any. */
  previousMeeting(subdistrict: string, heldOn: string): Promise<MinilokMeetingRow | undefined> {
    return this.meetingQuery()
      .where("m.subdistrict_code", "=", subdistrict)
      .where("m.held_on", "<", heldOn)
      .orderBy("m.held_on", "desc")
      .executeTakeFirst();
  }

  async insertMeeting(row: NewMinilokMeetingRow): Promise<void> {
    await this.db.insertInto("minilok_meetings").values(row).execute();
  }

  /** Changes a meeting's place, participants and notes when its version matches; false when stale. */
  async updateMeeting(
    id: string,
    version: number,
    row: Pick<NewMinilokMeetingRow, "place" | "participants" | "notes">,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("minilok_meetings")
      .set((eb) => ({ ...row, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  reviews(meetingId: string): Promise<MinilokReviewRow[]> {
    return this.db
      .selectFrom("minilok_village_reviews")
      .selectAll()
      .where("meeting_id", "=", meetingId)
      .orderBy("village_code")
      .execute();
  }

  async upsertReview(row: MinilokReviewRow): Promise<void> {
    await this.db
      .insertInto("minilok_village_reviews")
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(["meeting_id", "village_code"])
          .doUpdateSet({ problems: row.problems, follow_up: row.follow_up }),
      )
      .execute();
  }

  checklist(meetingId: string): Promise<MinilokChecklistRow[]> {
    return this.db
      .selectFrom("minilok_checklist")
      .selectAll()
      .where("meeting_id", "=", meetingId)
      .orderBy("position")
      .execute();
  }

  /** Replaces a meeting's checklist (items and answers). */
  async replaceChecklist(meetingId: string, rows: readonly MinilokChecklistRow[]): Promise<void> {
    await this.db.deleteFrom("minilok_checklist").where("meeting_id", "=", meetingId).execute();
    if (rows.length)
      await this.db
        .insertInto("minilok_checklist")
        .values([...rows])
        .execute();
  }

  verifications(meetingId: string): Promise<MinilokVerificationRow[]> {
    return this.db
      .selectFrom("minilok_verifications")
      .selectAll()
      .where("meeting_id", "=", meetingId)
      .execute();
  }

  async upsertVerification(row: MinilokVerificationRow): Promise<void> {
    await this.db
      .insertInto("minilok_verifications")
      .values(row)
      .onConflict((oc) =>
        oc.columns(["meeting_id", "kind", "entity_id"]).doUpdateSet({ verdict: row.verdict, note: row.note }),
      )
      .execute();
  }

  /** Every recommendation of a kecamatan with the date of the meeting that raised it. */
  recommendations(subdistrict: string): Promise<MinilokRecommendationRow[]> {
    return this.db
      .selectFrom("minilok_recommendations as r")
      .innerJoin("minilok_meetings as m", "m.id", "r.meeting_id")
      .selectAll("r")
      .select("m.held_on as raised_on")
      .where("r.subdistrict_code", "=", subdistrict)
      .orderBy("m.held_on")
      .orderBy("r.id")
      .execute();
  }

  recommendation(id: string): Promise<MinilokRecommendationRow | undefined> {
    return this.db
      .selectFrom("minilok_recommendations as r")
      .innerJoin("minilok_meetings as m", "m.id", "r.meeting_id")
      .selectAll("r")
      .select("m.held_on as raised_on")
      .where("r.id", "=", id)
      .executeTakeFirst();
  }

  async insertRecommendation(row: NewMinilokRecommendationRow): Promise<void> {
    await this.db.insertInto("minilok_recommendations").values(row).execute();
  }

  /** Sets a recommendation's status when its version matches; false when stale. */
  async updateRecommendation(
    id: string,
    version: number,
    row: Pick<NewMinilokRecommendationRow, "status" | "status_note" | "closed_on" | "owner" | "due_on">,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("minilok_recommendations")
      .set((eb) => ({ ...row, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
