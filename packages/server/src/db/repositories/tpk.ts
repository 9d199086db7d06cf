/**
 * TPK family assistance: teams and their villages, the people they accompany (targets), visits,
 * the rows coverage is computed from, and the children the posyandu flagged (stunted, faltering)
 * that become targets. Queries filter by district code first.
 */
import { type Insertable, type Selectable, sql } from "kysely";
import type { Db } from "../schema.ts";
import type { TpkTargetsTable, TpkVisitsTable } from "../schema-families.ts";
import { regionFilter } from "./children.ts";
import { escapeLike } from "./regions.ts";

export type NewTpkTargetRow = Insertable<TpkTargetsTable>;
export type NewTpkVisitRow = Insertable<TpkVisitsTable>;
export type TpkVisitRow = Selectable<TpkVisitsTable>;

export interface TpkTeamRow {
  id: string;
  district_code: string;
  name: string;
  bidan_name: string | null;
  pkk_name: string | null;
  kb_name: string | null;
  villages: { code: string; name: string | null }[];
}

export interface TpkTargetRow extends Selectable<TpkTargetsTable> {
  village_name: string | null;
  family_verdict: string | null;
  family_factors: unknown;
  last_visit: string | null;
  visits: number;
}

/** A child of the region with its valid weighings and TB/U categories, oldest first. */
export interface ChildGrowthRow {
  id: string;
  name: string;
  sex: 1 | 2;
  birth_date: string;
  village_code: string;
  measurements: { date: string; weight: number | null; tbu: string | null; fwei: boolean; flen: boolean }[];
}

type Filtered = { district?: string; village?: string; villagePrefix?: string };

export class TpkRepository {
  constructor(private readonly db: Db) {}

  async insertTeam(
    row: {
      district_code: string;
      id: string;
      name: string;
      bidan_name: string | null;
      pkk_name: string | null;
      kb_name: string | null;
    },
    villages: readonly string[],
  ): Promise<void> {
    await this.db.insertInto("tpk_teams").values(row).execute();
    await this.db
      .insertInto("tpk_team_villages")
      .values(villages.map((v) => ({ district_code: row.district_code, team_id: row.id, village_code: v })))
      .execute();
  }

  /** Teams with a village in the region, each with all its villages. */
  async teams(region: string): Promise<TpkTeamRow[]> {
    const r: Filtered = regionFilter(region);
    let q = this.db
      .selectFrom("tpk_teams as t")
      .innerJoin("tpk_team_villages as tv", (j) =>
        j.onRef("tv.district_code", "=", "t.district_code").onRef("tv.team_id", "=", "t.id"),
      )
      .leftJoin("regions as v", "v.code", "tv.village_code")
      .select([
        "t.id",
        "t.district_code",
        "t.name",
        "t.bidan_name",
        "t.pkk_name",
        "t.kb_name",
        "tv.village_code",
        "v.name as village_name",
      ]);
    if (r.district) q = q.where("t.district_code", "=", r.district);
    if (r.village || r.villagePrefix)
      q = q.where("t.id", "in", (eb) => {
        let s = eb.selectFrom("tpk_team_villages").select("team_id");
        if (r.district) s = s.where("district_code", "=", r.district);
        if (r.village) s = s.where("village_code", "=", r.village);
        if (r.villagePrefix) s = s.where("village_code", "like", `${r.villagePrefix}%`);
        return s;
      });
    const rows = await q.orderBy("t.name").orderBy("t.id").orderBy("tv.village_code").execute();
    const byId = new Map<string, TpkTeamRow>();
    for (const row of rows) {
      let team = byId.get(row.id);
      if (!team) {
        team = {
          id: row.id,
          district_code: row.district_code,
          name: row.name,
          bidan_name: row.bidan_name,
          pkk_name: row.pkk_name,
          kb_name: row.kb_name,
          villages: [],
        };
        byId.set(row.id, team);
      }
      team.villages.push({ code: row.village_code, name: row.village_name });
    }
    return [...byId.values()];
  }

  /** The team assigned to a village (the first by name when several are), or undefined. */
  async teamOfVillage(district: string, village: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("tpk_team_villages as tv")
      .innerJoin("tpk_teams as t", (j) =>
        j.onRef("t.district_code", "=", "tv.district_code").onRef("t.id", "=", "tv.team_id"),
      )
      .select("t.id")
      .where("tv.district_code", "=", district)
      .where("tv.village_code", "=", village)
      .orderBy("t.name")
      .orderBy("t.id")
      .executeTakeFirst();
    return row?.id;
  }

  async insertTarget(row: NewTpkTargetRow): Promise<void> {
    await this.db.insertInto("tpk_targets").values(row).execute();
  }

  /** Active targets of a region with their family's verdict and visits (all time). */
  async targets(
    region: string,
    f: { kind?: string; nameKey?: string; id?: string } = {},
  ): Promise<TpkTargetRow[]> {
    const r: Filtered = regionFilter(region);
    let q = this.db
      .selectFrom("tpk_targets as t")
      .leftJoin("regions as v", "v.code", "t.village_code")
      .leftJoin("families as f", (j) =>
        j.onRef("f.district_code", "=", "t.district_code").onRef("f.id", "=", "t.family_id"),
      )
      .selectAll("t")
      .select([
        "v.name as village_name",
        "f.krs_verdict as family_verdict",
        "f.krs_factors as family_factors",
        (eb) =>
          eb
            .selectFrom("tpk_visits as x")
            .whereRef("x.district_code", "=", "t.district_code")
            .whereRef("x.target_id", "=", "t.id")
            .select(sql<string | null>`max(x.visited_on)::text`.as("m"))
            .as("last_visit"),
        (eb) =>
          eb
            .selectFrom("tpk_visits as x")
            .whereRef("x.district_code", "=", "t.district_code")
            .whereRef("x.target_id", "=", "t.id")
            .select(eb.fn.countAll<number>().as("n"))
            .as("visits"),
      ])
      .where("t.active", "=", true);
    if (r.district) q = q.where("t.district_code", "=", r.district);
    if (r.village) q = q.where("t.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("t.village_code", "like", `${r.villagePrefix}%`);
    if (f.kind) q = q.where("t.kind", "=", f.kind as TpkTargetsTable["kind"]);
    if (f.id) q = q.where("t.id", "=", f.id);
    if (f.nameKey) q = q.where(sql`lower(t.name)`, "like", `%${escapeLike(f.nameKey)}%`);
    const rows = await q.orderBy("t.village_code").orderBy("t.name").orderBy("t.id").execute();
    // a child target without a family of its own takes the latest family that lists the child
    const unlinked = rows.filter((row) => row.family_id === null && row.child_id !== null);
    const latest = new Map<string, { id: string; verdict: string; factors: unknown }>();
    if (unlinked.length) {
      const fams = await this.db
        .selectFrom("family_children as fc")
        .innerJoin("families as f", (j) =>
          j.onRef("f.district_code", "=", "fc.district_code").onRef("f.id", "=", "fc.family_id"),
        )
        .select(["fc.child_id", "f.id", "f.krs_verdict", "f.krs_factors"])
        .where("fc.district_code", "in", [...new Set(unlinked.map((u) => u.district_code))])
        .where(
          "fc.child_id",
          "in",
          unlinked.map((u) => u.child_id as string),
        )
        .orderBy("f.semester")
        .orderBy("f.updated_at")
        .execute();
      for (const f of fams)
        latest.set(f.child_id as string, { id: f.id, verdict: f.krs_verdict, factors: f.krs_factors });
    }
    return rows.map((row) => {
      const fam = row.family_id === null && row.child_id !== null ? latest.get(row.child_id) : undefined;
      return {
        ...row,
        family_id: row.family_id ?? fam?.id ?? null,
        family_verdict: row.family_verdict ?? fam?.verdict ?? null,
        family_factors: row.family_factors ?? fam?.factors ?? null,
        visits: Number(row.visits ?? 0),
        last_visit: row.last_visit ?? null,
      };
    });
  }

  /** One target by id (any district), for the access check. */
  findTarget(id: string) {
    return this.db.selectFrom("tpk_targets").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** Whether the child is an active target. */
  async isChildTarget(district: string, childId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("tpk_targets")
      .select("id")
      .where("district_code", "=", district)
      .where("child_id", "=", childId)
      .where("active", "=", true)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The child ids of the district's active targets. */
  async childTargets(district: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom("tpk_targets")
      .select("child_id")
      .where("district_code", "=", district)
      .where("active", "=", true)
      .where("child_id", "is not", null)
      .execute();
    return new Set(rows.map((r) => r.child_id as string));
  }

  async insertVisit(row: NewTpkVisitRow): Promise<void> {
    await this.db.insertInto("tpk_visits").values(row).execute();
  }

  visitsOfTarget(district: string, targetId: string): Promise<TpkVisitRow[]> {
    return this.db
      .selectFrom("tpk_visits")
      .selectAll()
      .where("district_code", "=", district)
      .where("target_id", "=", targetId)
      .orderBy("visited_on", "desc")
      .orderBy("created_at", "desc")
      .execute();
  }

  /** Targets of a region with their team (the village's), for coverage. */
  async coverageTargets(
    region: string,
  ): Promise<{ id: string; kind: string; village_code: string; team_id: string | null }[]> {
    const r: Filtered = regionFilter(region);
    let q = this.db
      .selectFrom("tpk_targets as t")
      .select([
        "t.id",
        "t.kind",
        "t.village_code",
        (eb) =>
          eb
            .selectFrom("tpk_team_villages as tv")
            .innerJoin("tpk_teams as tt", (j) =>
              j.onRef("tt.district_code", "=", "tv.district_code").onRef("tt.id", "=", "tv.team_id"),
            )
            .whereRef("tv.district_code", "=", "t.district_code")
            .whereRef("tv.village_code", "=", "t.village_code")
            .select("tt.id")
            .orderBy("tt.name")
            .orderBy("tt.id")
            .limit(1)
            .as("team_id"),
      ])
      .where("t.active", "=", true);
    if (r.district) q = q.where("t.district_code", "=", r.district);
    if (r.village) q = q.where("t.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("t.village_code", "like", `${r.villagePrefix}%`);
    return q.execute();
  }

  /** Visits of a region dated in `[from, to)`. */
  async visitsIn(
    region: string,
    from: string,
    to: string,
  ): Promise<{ target_id: string; visited_on: string; team_id: string | null }[]> {
    const r: Filtered = regionFilter(region);
    let q = this.db
      .selectFrom("tpk_visits")
      .select(["target_id", "visited_on", "team_id"])
      .where("visited_on", ">=", from)
      .where("visited_on", "<", to);
    if (r.district) q = q.where("district_code", "=", r.district);
    if (r.village) q = q.where("village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("village_code", "like", `${r.villagePrefix}%`);
    return q.execute();
  }

  /** Names of teams by id. */
  async teamNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("tpk_teams")
      .select(["id", "name"])
      .where("id", "in", [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The children of a region (under 60 months on `on`) with their measurements, for the posyandu flags. */
  async childrenGrowth(region: string, on: string, childId?: string): Promise<ChildGrowthRow[]> {
    const r: Filtered = regionFilter(region);
    let q = this.db
      .selectFrom("children as c")
      .leftJoin("measurements as m", (j) =>
        j.onRef("m.district_code", "=", "c.district_code").onRef("m.child_id", "=", "c.id"),
      )
      .select([
        "c.id",
        "c.name",
        "c.sex",
        "c.birth_date",
        "c.village_code",
        "m.measured_on",
        "m.weight",
        "m.status_tbu",
        "m.fwei",
        "m.flen",
      ])
      .where("c.birth_date", ">", sql<string>`(${on}::date - interval '60 months')::date`)
      .where("c.birth_date", "<=", on);
    if (r.district) q = q.where("c.district_code", "=", r.district);
    if (r.village) q = q.where("c.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("c.village_code", "like", `${r.villagePrefix}%`);
    if (childId) q = q.where("c.id", "=", childId);
    const rows = await q.orderBy("c.id").orderBy("m.measured_on").execute();
    const out = new Map<string, ChildGrowthRow>();
    for (const row of rows) {
      let c = out.get(row.id);
      if (!c) {
        c = {
          id: row.id,
          name: row.name,
          sex: row.sex as 1 | 2,
          birth_date: row.birth_date,
          village_code: row.village_code,
          measurements: [],
        };
        out.set(row.id, c);
      }
      if (row.measured_on && row.measured_on <= on)
        c.measurements.push({
          date: row.measured_on,
          weight: row.weight,
          tbu: row.status_tbu,
          fwei: row.fwei ?? false,
          flen: row.flen ?? false,
        });
    }
    return [...out.values()];
  }
}
