/**
 * Audit Kasus Stunting: cycles with their team, cases, the follow-up plan, the pregnant families
 * case finding reads, and the aggregate summary. Every query filters by district code first.
 */
import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { Db } from "../schema.ts";
import type {
  AksCasesTable,
  AksCyclesTable,
  AksFollowupsTable,
  AksTeamRole,
  FamiliesTable,
} from "../schema-families.ts";

export type AksCycleRow = Selectable<AksCyclesTable>;
export type AksCaseRow = Selectable<AksCasesTable> & { village_name: string | null };
export type AksFollowupRow = Selectable<AksFollowupsTable>;
export type NewAksCaseRow = Insertable<AksCasesTable>;
export type NewAksFollowupRow = Insertable<AksFollowupsTable>;
export type AksTeamMemberRow = {
  user_id: string;
  team_role: AksTeamRole;
  username: string;
  display_name: string;
};

/** A catin or ibu hamil TPK target with the screenings of her visits, newest first. */
export interface ScreenedTargetRow {
  id: string;
  kind: "catin" | "ibu_hamil";
  village_code: string;
  name: string;
  family_id: string | null;
  screenings: {
    visited_on: string;
    lila_cm: number | null;
    hb_gdl: number | null;
    elsimil: "ideal" | "berisiko" | null;
  }[];
}

export class AuditKasusRepository {
  constructor(private readonly db: Db) {}

  async insertCycle(
    row: Insertable<AksCyclesTable>,
    team: readonly { user_id: string; team_role: AksTeamRole }[],
  ): Promise<void> {
    await this.db.insertInto("aks_cycles").values(row).execute();
    if (team.length)
      await this.db
        .insertInto("aks_team")
        .values(team.map((m) => ({ district_code: row.district_code, cycle_id: row.id, ...m })))
        .execute();
  }

  findCycle(id: string): Promise<AksCycleRow | undefined> {
    return this.db.selectFrom("aks_cycles").selectAll().where("id", "=", id).executeTakeFirst();
  }

  cycleBySemester(district: string, semester: string): Promise<AksCycleRow | undefined> {
    return this.db
      .selectFrom("aks_cycles")
      .selectAll()
      .where("district_code", "=", district)
      .where("semester", "=", semester)
      .executeTakeFirst();
  }

  cycles(district: string): Promise<AksCycleRow[]> {
    return this.db
      .selectFrom("aks_cycles")
      .selectAll()
      .where("district_code", "=", district)
      .orderBy("semester", "desc")
      .execute();
  }

  team(district: string, cycleId: string): Promise<AksTeamMemberRow[]> {
    return this.db
      .selectFrom("aks_team as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .select(["t.user_id", "t.team_role", "u.username", "u.display_name"])
      .where("t.district_code", "=", district)
      .where("t.cycle_id", "=", cycleId)
      .orderBy("u.username")
      .execute();
  }

  async updateCycle(
    district: string,
    id: string,
    version: number,
    set: Updateable<AksCyclesTable>,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("aks_cycles")
      .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
      .where("district_code", "=", district)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertCase(row: NewAksCaseRow): Promise<void> {
    await this.db.insertInto("aks_cases").values(row).execute();
  }

  private caseQuery() {
    return this.db
      .selectFrom("aks_cases as c")
      .leftJoin("regions as v", "v.code", "c.village_code")
      .selectAll("c")
      .select("v.name as village_name");
  }

  cases(district: string, cycleId: string): Promise<AksCaseRow[]> {
    return this.caseQuery()
      .where("c.district_code", "=", district)
      .where("c.cycle_id", "=", cycleId)
      .orderBy("c.village_code")
      .orderBy("c.person_name")
      .orderBy("c.id")
      .execute();
  }

  findCase(id: string): Promise<AksCaseRow | undefined> {
    return this.caseQuery().where("c.id", "=", id).executeTakeFirst();
  }

  async updateCase(
    district: string,
    id: string,
    version: number,
    set: Updateable<AksCasesTable>,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("aks_cases")
      .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
      .where("district_code", "=", district)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertFollowup(row: NewAksFollowupRow): Promise<void> {
    await this.db.insertInto("aks_followups").values(row).execute();
  }

  followups(district: string, cycleId: string): Promise<AksFollowupRow[]> {
    return this.db
      .selectFrom("aks_followups")
      .selectAll()
      .where("district_code", "=", district)
      .where("cycle_id", "=", cycleId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  }

  findFollowup(id: string): Promise<AksFollowupRow | undefined> {
    return this.db.selectFrom("aks_followups").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async updateFollowup(
    district: string,
    id: string,
    version: number,
    status: AksFollowupRow["status"],
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("aks_followups")
      .set({ status, updated_at: new Date(), version: sql`version + 1` })
      .where("district_code", "=", district)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * The district's catin and ibu hamil TPK targets (those whose accompaniment has ended too: the
   * semester may be past) with the screenings (LiLA, Hb, Elsimil)
   * recorded at their visits dated in `[from, to)`, newest first; a target without any is left out.
   */
  async screenedTargets(district: string, from: string, to: string): Promise<ScreenedTargetRow[]> {
    const rows = await this.db
      .selectFrom("tpk_targets as t")
      .innerJoin("tpk_visits as v", (j) =>
        j.onRef("v.district_code", "=", "t.district_code").onRef("v.target_id", "=", "t.id"),
      )
      .select([
        "t.id",
        "t.kind",
        "t.village_code",
        "t.name",
        "t.family_id",
        "v.visited_on",
        "v.lila_cm",
        "v.hb_gdl",
        "v.elsimil",
      ])
      .where("t.district_code", "=", district)
      .where("t.kind", "in", ["catin", "ibu_hamil"])
      .where("v.visited_on", ">=", from)
      .where("v.visited_on", "<", to)
      .where((eb) =>
        eb.or([
          eb("v.lila_cm", "is not", null),
          eb("v.hb_gdl", "is not", null),
          eb("v.elsimil", "is not", null),
        ]),
      )
      .orderBy("t.id")
      .orderBy("v.visited_on", "desc")
      .orderBy("v.created_at", "desc")
      .execute();
    const out = new Map<string, ScreenedTargetRow>();
    for (const r of rows) {
      let t = out.get(r.id);
      if (!t) {
        t = {
          id: r.id,
          kind: r.kind as ScreenedTargetRow["kind"],
          village_code: r.village_code,
          name: r.name,
          family_id: r.family_id,
          screenings: [],
        };
        out.set(r.id, t);
      }
      t.screenings.push({
        visited_on: r.visited_on,
        lila_cm: r.lila_cm,
        hb_gdl: r.hb_gdl,
        elsimil: r.elsimil,
      });
    }
    return [...out.values()];
  }

  /** The district's families recorded pregnant in a semester (case finding for ibu hamil). */
  pregnantFamilies(
    district: string,
    semester: string,
  ): Promise<
    Pick<
      Selectable<FamiliesTable>,
      "id" | "village_code" | "mother_name" | "head_name" | "address" | "krs_factors"
    >[]
  > {
    return this.db
      .selectFrom("families")
      .select(["id", "village_code", "mother_name", "head_name", "address", "krs_factors"])
      .where("district_code", "=", district)
      .where("semester", "=", semester)
      .where("pregnant", "=", true)
      .execute();
  }
}
