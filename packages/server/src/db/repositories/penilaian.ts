/**
 * Penilaian kinerja: a province's assessment of a year (instrument, status, decree, the published
 * snapshot), its panel, the districts assessed with their recommendations, each panelist's grades
 * and the number items' values.
 */
import type { Insertable, Selectable } from "kysely";
import { sql } from "kysely";
import type { Db } from "../schema.ts";
import type { PkAssessmentsTable, PkGradesTable, PkValuesTable } from "../schema-aksi.ts";

export type PkAssessmentRow = Selectable<PkAssessmentsTable>;
export type PkGradeRow = Selectable<PkGradesTable>;
export type PkValueRow = Selectable<PkValuesTable>;

export interface PkPanelistRow {
  userId: string;
  role: "ketua" | "anggota";
  username: string;
  displayName: string;
}

export class PenilaianRepository {
  constructor(private readonly db: Db) {}

  assessment(id: string): Promise<PkAssessmentRow | undefined> {
    return this.db.selectFrom("pk_assessments").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** The assessments of a province (or of the provinces in scope when `regionCode` is the nation). */
  assessmentsIn(provinceCode: string | null): Promise<PkAssessmentRow[]> {
    let q = this.db.selectFrom("pk_assessments").selectAll();
    if (provinceCode !== null) q = q.where("province_code", "=", provinceCode);
    return q.orderBy("year", "desc").orderBy("province_code").execute();
  }

  /** Creates an assessment over `districts`. */
  async insertAssessment(row: Insertable<PkAssessmentsTable>, districts: readonly string[]): Promise<void> {
    await this.db.insertInto("pk_assessments").values(row).execute();
    if (districts.length === 0) return;
    await this.db
      .insertInto("pk_districts")
      .values(districts.map((d) => ({ assessment_id: row.id, district_code: d })))
      .execute();
  }

  /** The assessments `userId` sits on the panel of, with the seat. */
  assessmentsOfPanelist(userId: string): Promise<(PkAssessmentRow & { seat: "ketua" | "anggota" })[]> {
    return this.db
      .selectFrom("pk_assessments as a")
      .innerJoin("pk_panelists as p", "p.assessment_id", "a.id")
      .selectAll("a")
      .select("p.role as seat")
      .where("p.user_id", "=", userId)
      .orderBy("a.year", "desc")
      .orderBy("a.province_code")
      .execute();
  }

  /** Replaces the instrument when the stored version is `version` (a draft only); the new row or undefined. */
  updateInstrument(id: string, version: number, instrument: unknown): Promise<PkAssessmentRow | undefined> {
    return this.db
      .updateTable("pk_assessments")
      .set({
        instrument: JSON.stringify(instrument),
        updated_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
      })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("status", "=", "draft")
      .returningAll()
      .executeTakeFirst();
  }

  /** Grades with the panelist's user name, optionally of one panelist only. */
  gradesWithNames(assessmentId: string, panelistId?: string) {
    let q = this.db
      .selectFrom("pk_grades as g")
      .innerJoin("users as u", "u.id", "g.panelist_id")
      .select([
        "g.district_code as districtCode",
        "g.item_code as itemCode",
        "g.panelist_id as panelistId",
        "u.username",
        "g.grade",
        "g.note",
        "g.updated_at as updatedAt",
      ])
      .where("g.assessment_id", "=", assessmentId);
    if (panelistId) q = q.where("g.panelist_id", "=", panelistId);
    return q.orderBy("g.district_code").orderBy("g.item_code").orderBy("u.username").execute();
  }

  /** Sets status, decree and result when the stored version is `version`; the new row or undefined. */
  updateAssessment(
    id: string,
    version: number,
    change: {
      status?: "draft" | "published";
      decreeNumber?: string | null;
      result?: unknown;
      publishedAt?: Date | null;
    },
  ): Promise<PkAssessmentRow | undefined> {
    return this.db
      .updateTable("pk_assessments")
      .set({
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.decreeNumber !== undefined ? { decree_number: change.decreeNumber } : {}),
        ...(change.result !== undefined ? { result: JSON.stringify(change.result) } : {}),
        ...(change.publishedAt !== undefined ? { published_at: change.publishedAt } : {}),
        updated_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
      })
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  panel(assessmentId: string): Promise<PkPanelistRow[]> {
    return this.db
      .selectFrom("pk_panelists as p")
      .innerJoin("users as u", "u.id", "p.user_id")
      .select(["p.user_id as userId", "p.role", "u.username", "u.display_name as displayName"])
      .where("p.assessment_id", "=", assessmentId)
      .orderBy("p.role", "desc")
      .orderBy("u.username")
      .execute();
  }

  /** The active provincial assessors of a province: who may sit on its panel. */
  assessorsOf(provinceCode: string) {
    return this.db
      .selectFrom("users")
      .select(["id as userId", "username", "display_name as displayName"])
      .where("role", "=", "provincial_assessor")
      .where("region_code", "=", provinceCode)
      .where("disabled", "=", false)
      .orderBy("username")
      .execute();
  }

  /** Replaces the panel. */
  async setPanel(assessmentId: string, members: readonly { userId: string; role: "ketua" | "anggota" }[]) {
    await this.db.deleteFrom("pk_panelists").where("assessment_id", "=", assessmentId).execute();
    if (members.length === 0) return;
    await this.db
      .insertInto("pk_panelists")
      .values(members.map((m) => ({ assessment_id: assessmentId, user_id: m.userId, role: m.role })))
      .execute();
  }

  districts(assessmentId: string): Promise<{ districtCode: string; recommendation: string }[]> {
    return this.db
      .selectFrom("pk_districts")
      .select(["district_code as districtCode", "recommendation"])
      .where("assessment_id", "=", assessmentId)
      .orderBy("district_code")
      .execute();
  }

  async setRecommendation(assessmentId: string, districtCode: string, text: string): Promise<void> {
    await this.db
      .updateTable("pk_districts")
      .set({ recommendation: text })
      .where("assessment_id", "=", assessmentId)
      .where("district_code", "=", districtCode)
      .execute();
  }

  /** Grades of the assessment, optionally of one district or one panelist only. */
  grades(
    assessmentId: string,
    f: { districtCode?: string; panelistId?: string } = {},
  ): Promise<PkGradeRow[]> {
    let q = this.db.selectFrom("pk_grades").selectAll().where("assessment_id", "=", assessmentId);
    if (f.districtCode) q = q.where("district_code", "=", f.districtCode);
    if (f.panelistId) q = q.where("panelist_id", "=", f.panelistId);
    return q.orderBy("district_code").orderBy("item_code").execute();
  }

  grade(assessmentId: string, districtCode: string, itemCode: string, panelistId: string) {
    return this.db
      .selectFrom("pk_grades")
      .selectAll()
      .where("assessment_id", "=", assessmentId)
      .where("district_code", "=", districtCode)
      .where("item_code", "=", itemCode)
      .where("panelist_id", "=", panelistId)
      .executeTakeFirst();
  }

  async upsertGrade(row: Omit<Insertable<PkGradesTable>, "updated_at">): Promise<void> {
    await this.db
      .insertInto("pk_grades")
      .values({ ...row, updated_at: new Date() })
      .onConflict((oc) =>
        oc.columns(["assessment_id", "district_code", "item_code", "panelist_id"]).doUpdateSet({
          grade: (eb) => eb.ref("excluded.grade"),
          note: (eb) => eb.ref("excluded.note"),
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  }

  values(assessmentId: string): Promise<PkValueRow[]> {
    return this.db.selectFrom("pk_values").selectAll().where("assessment_id", "=", assessmentId).execute();
  }

  async upsertValues(rows: readonly Omit<Insertable<PkValuesTable>, "updated_at">[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto("pk_values")
      .values(rows.map((r) => ({ ...r, updated_at: new Date() })))
      .onConflict((oc) =>
        oc.columns(["assessment_id", "district_code", "item_code"]).doUpdateSet({
          value: (eb) => eb.ref("excluded.value"),
          source: (eb) => eb.ref("excluded.source"),
          prevalence_before: (eb) => eb.ref("excluded.prevalence_before"),
          prevalence_after: (eb) => eb.ref("excluded.prevalence_after"),
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  }
}
