/**
 * TPPS teams: the teams of a region and below, one team with its seats, people (a person may
 * hold seats in several teams) and their seats.
 */
import { NATION_CODE } from "@tumbuh/core";
import type { Insertable, Selectable } from "kysely";
import type { Db } from "../schema.ts";
import type { TppsMembersTable, TppsTeamsTable } from "../schema-keluarga.ts";
import { escapeLike } from "./regions.ts";

export type TppsTeamRow = Selectable<TppsTeamsTable> & { region_name: string | null; members: number };
export type NewTppsTeamRow = Insertable<TppsTeamsTable>;
export type NewTppsMemberRow = Insertable<TppsMembersTable>;

export interface TppsSeatRow {
  id: string;
  team_id: string;
  person_id: string;
  person_name: string;
  role: TppsMembersTable["role"];
  bidang: string | null;
  position_title: string | null;
  agency: string;
  position: number;
  /** Seats this person holds on all teams. */
  seats: number;
}

export interface TppsPersonSeatRow {
  person_id: string;
  person_name: string;
  team_id: string;
  team_name: string;
  region_code: string;
  role: TppsMembersTable["role"];
}

export class TppsRepository {
  constructor(private readonly db: Db) {}

  /** Teams whose region is `region` or lies below it, by region code then name. */
  teams(region: string): Promise<TppsTeamRow[]> {
    let q = this.db
      .selectFrom("tpps_teams as t")
      .leftJoin("regions as r", "r.code", "t.region_code")
      .selectAll("t")
      .select("r.name as region_name")
      .select((eb) =>
        eb
          .selectFrom("tpps_members as m")
          .whereRef("m.team_id", "=", "t.id")
          .select(eb.fn.countAll<number>().as("n"))
          .as("members"),
      );
    if (region !== NATION_CODE)
      q = q.where((eb) =>
        eb.or([eb("t.region_code", "=", region), eb("t.region_code", "like", `${escapeLike(region)}.%`)]),
      );
    return q
      .orderBy("t.region_code")
      .orderBy("t.period_from", "desc")
      .orderBy("t.name")
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, members: Number(r.members ?? 0) })));
  }

  async team(id: string): Promise<TppsTeamRow | undefined> {
    const row = await this.db
      .selectFrom("tpps_teams as t")
      .leftJoin("regions as r", "r.code", "t.region_code")
      .selectAll("t")
      .select("r.name as region_name")
      .where("t.id", "=", id)
      .executeTakeFirst();
    return row ? { ...row, members: 0 } : undefined;
  }

  async insertTeam(row: NewTppsTeamRow): Promise<void> {
    await this.db.insertInto("tpps_teams").values(row).execute();
  }

  /** Changes a team's decree and period when its version matches; false when stale. */
  async updateTeam(
    id: string,
    version: number,
    row: Pick<NewTppsTeamRow, "name" | "decree_number" | "decree_date" | "period_from" | "period_to">,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("tpps_teams")
      .set((eb) => ({ ...row, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The seats of the teams given, each with how many seats its person holds in all. */
  seats(teamIds: readonly string[]): Promise<TppsSeatRow[]> {
    if (teamIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("tpps_members as m")
      .innerJoin("tpps_people as p", "p.id", "m.person_id")
      .select([
        "m.id",
        "m.team_id",
        "m.person_id",
        "p.name as person_name",
        "m.role",
        "m.bidang",
        "m.position_title",
        "m.agency",
        "m.position",
      ])
      .select((eb) =>
        eb
          .selectFrom("tpps_members as o")
          .whereRef("o.person_id", "=", "m.person_id")
          .select(eb.fn.countAll<number>().as("n"))
          .as("seats"),
      )
      .where("m.team_id", "in", [...teamIds])
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, seats: Number(r.seats ?? 0) })));
  }

  /** A person of `scope` with this name key, if one is recorded. */
  findPerson(scope: string, nameKey: string): Promise<{ id: string; name: string } | undefined> {
    return this.db
      .selectFrom("tpps_people")
      .select(["id", "name"])
      .where("scope_code", "=", scope)
      .where("name_key", "=", nameKey)
      .orderBy("created_at")
      .executeTakeFirst();
  }

  person(id: string): Promise<{ id: string; name: string; scope_code: string } | undefined> {
    return this.db
      .selectFrom("tpps_people")
      .select(["id", "name", "scope_code"])
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async insertPerson(row: { id: string; scope_code: string; name: string; name_key: string }): Promise<void> {
    await this.db.insertInto("tpps_people").values(row).execute();
  }

  async insertMember(row: NewTppsMemberRow): Promise<void> {
    await this.db.insertInto("tpps_members").values(row).execute();
  }

  member(id: string): Promise<{ id: string; team_id: string } | undefined> {
    return this.db
      .selectFrom("tpps_members")
      .select(["id", "team_id"])
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async deleteMember(id: string): Promise<void> {
    await this.db.deleteFrom("tpps_members").where("id", "=", id).execute();
  }

  /** The seats of the people of `scope` whose name contains `nameKey`, by name. */
  peopleSeats(scope: string, nameKey: string): Promise<TppsPersonSeatRow[]> {
    return this.db
      .selectFrom("tpps_people as p")
      .innerJoin("tpps_members as m", "m.person_id", "p.id")
      .innerJoin("tpps_teams as t", "t.id", "m.team_id")
      .select([
        "p.id as person_id",
        "p.name as person_name",
        "t.id as team_id",
        "t.name as team_name",
        "t.region_code",
        "m.role",
      ])
      .where("p.scope_code", "=", scope)
      .where("p.name_key", "like", `%${escapeLike(nameKey)}%`)
      .orderBy("p.name")
      .orderBy("t.region_code")
      .limit(200)
      .execute();
  }
}
