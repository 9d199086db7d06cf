/**
 * Referrals of faltering children (migration 0090) and their status history. Lists name the child
 * (personal data): the service checks access and audits every read.
 */
import type { Insertable, Selectable } from "kysely";
import type { Db } from "../schema.ts";
import type { ReferralStatus, ReferralsTable } from "../schema-posy.ts";
import { regionFilter } from "./children.ts";

export type ReferralRow = Selectable<ReferralsTable>;

/** A referral as lists show it: with the child's name, sex and birth date, the posyandu and puskesmas names. */
export interface ReferralListRow extends ReferralRow {
  child_name: string;
  child_sex: 1 | 2;
  child_birth_date: string;
  posyandu_name: string | null;
  puskesmas_name: string | null;
  village_name: string | null;
}

export interface ReferralFilter {
  /** Region scope (a code prefix, `ID` for all). */
  region: string;
  posyanduId?: string;
  puskesmasId?: string;
  status?: ReferralStatus;
  /** One referral only. */
  id?: string;
  /** Newest first; at most this many. */
  limit: number;
}

export class ReferralsRepository {
  constructor(private readonly db: Db) {}

  /** Inserts a referral and its first event ('referred'). */
  async insert(row: Insertable<ReferralsTable>, username: string | null): Promise<ReferralRow> {
    const r = await this.db.insertInto("referrals").values(row).returningAll().executeTakeFirstOrThrow();
    await this.db
      .insertInto("referral_events")
      .values({
        district_code: r.district_code,
        referral_id: r.id,
        seq: 1,
        status: r.status,
        note: r.note,
        user_id: r.status_by,
        username,
      })
      .execute();
    return r;
  }

  /** A referral by id (any district). */
  find(id: string): Promise<ReferralRow | undefined> {
    return this.db.selectFrom("referrals").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** The child's open (not resolved) referral, if any. */
  openOfChild(district: string, childId: string): Promise<ReferralRow | undefined> {
    return this.db
      .selectFrom("referrals")
      .selectAll()
      .where("district_code", "=", district)
      .where("child_id", "=", childId)
      .where("status", "<>", "resolved")
      .executeTakeFirst();
  }

  /** The latest referral of each of these children (open or not), by child id. */
  async latestOfChildren(district: string, childIds: readonly string[]): Promise<Map<string, ReferralRow>> {
    if (childIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("referrals")
      .selectAll()
      .where("district_code", "=", district)
      .where("child_id", "in", childIds)
      .orderBy("created_at")
      .execute();
    return new Map(rows.map((r) => [r.child_id, r]));
  }

  /**
   * Moves a referral to `status` when its version is still `version`; returns the updated row, or
   * undefined when somebody changed it first. Appends the event.
   */
  async setStatus(
    current: ReferralRow,
    version: number,
    change: { status: ReferralStatus; note: string | null; userId: string; username: string },
  ): Promise<ReferralRow | undefined> {
    const at = new Date();
    const r = await this.db
      .updateTable("referrals")
      .set((eb) => ({
        status: change.status,
        note: change.note,
        status_by: change.userId,
        status_by_name: change.username,
        status_at: at,
        updated_at: at,
        version: eb("version", "+", 1),
      }))
      .where("district_code", "=", current.district_code)
      .where("id", "=", current.id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
    if (!r) return undefined;
    const last = await this.db
      .selectFrom("referral_events")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .where("district_code", "=", current.district_code)
      .where("referral_id", "=", current.id)
      .executeTakeFirst();
    await this.db
      .insertInto("referral_events")
      .values({
        district_code: current.district_code,
        referral_id: current.id,
        seq: Number(last?.seq ?? 0) + 1,
        status: change.status,
        note: change.note,
        user_id: change.userId,
        username: change.username,
        at,
      })
      .execute();
    return r;
  }

  /** A referral's history, oldest first. */
  events(district: string, referralId: string) {
    return this.db
      .selectFrom("referral_events")
      .select(["seq", "status", "note", "username", "at"])
      .where("district_code", "=", district)
      .where("referral_id", "=", referralId)
      .orderBy("seq")
      .execute();
  }

  /** Referrals in a region (by the child's village), newest first, with names. */
  list(f: ReferralFilter): Promise<ReferralListRow[]> {
    const rf = regionFilter(f.region);
    let q = this.db
      .selectFrom("referrals as r")
      .innerJoin("children as c", (j) =>
        j.onRef("c.district_code", "=", "r.district_code").onRef("c.id", "=", "r.child_id"),
      )
      .leftJoin("posyandu as p", (j) =>
        j.onRef("p.district_code", "=", "r.district_code").onRef("p.id", "=", "r.posyandu_id"),
      )
      .leftJoin("puskesmas as k", (j) =>
        j.onRef("k.district_code", "=", "r.district_code").onRef("k.id", "=", "r.puskesmas_id"),
      )
      .leftJoin("regions as v", "v.code", "r.village_code")
      .selectAll("r")
      .select([
        "c.name as child_name",
        "c.sex as child_sex",
        "c.birth_date as child_birth_date",
        "p.name as posyandu_name",
        "k.name as puskesmas_name",
        "v.name as village_name",
      ]);
    if (rf.district) q = q.where("r.district_code", "=", rf.district);
    if (rf.village) q = q.where("r.village_code", "=", rf.village);
    if (rf.villagePrefix) q = q.where("r.village_code", "like", `${rf.villagePrefix}%`);
    if (f.posyanduId) q = q.where("r.posyandu_id", "=", f.posyanduId);
    if (f.puskesmasId) q = q.where("r.puskesmas_id", "=", f.puskesmasId);
    if (f.status) q = q.where("r.status", "=", f.status);
    if (f.id) q = q.where("r.id", "=", f.id);
    return q.orderBy("r.created_at", "desc").orderBy("r.id").limit(f.limit).execute() as Promise<
      ReferralListRow[]
    >;
  }

  /** The puskesmas of a posyandu (null when it has none). */
  async puskesmasOfPosyandu(district: string, posyanduId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom("posyandu")
      .select("puskesmas_id")
      .where("district_code", "=", district)
      .where("id", "=", posyanduId)
      .executeTakeFirst();
    return r?.puskesmas_id ?? null;
  }

  /** The puskesmas of a region (district first, for routing), by name. */
  puskesmasIn(region: string) {
    const rf = regionFilter(region);
    let q = this.db.selectFrom("puskesmas").select(["id", "name", "subdistrict_code"]);
    if (rf.district) q = q.where("district_code", "=", rf.district);
    if (rf.village) q = q.where("subdistrict_code", "=", rf.village.slice(0, 8));
    if (rf.villagePrefix && rf.villagePrefix.length > 6)
      q = q.where("subdistrict_code", "=", rf.villagePrefix.slice(0, 8));
    return q.orderBy("name").limit(1000).execute();
  }
}
