/**
 * Children, their measurements and the posyandu they belong to: the queries of the children
 * service (search within a region, one record, posyandu lists, the rows of data entry, the
 * measurement export). Every query on the large tables is filtered by district code first, so it
 * can be answered from one district's rows.
 */
import { districtOfCode, NATION_CODE, regionLevelOf } from "@tumbuh/core";
import type { Insertable, Selectable } from "kysely";
import type { ChildrenTable, Db, MeasurementsTable } from "../schema.ts";
import { escapeLike } from "./regions.ts";

export type MeasurementRow = Selectable<MeasurementsTable>;
export type NewChildRow = Insertable<ChildrenTable>;
export type NewMeasurementRow = Insertable<MeasurementsTable>;

/** How to restrict district-keyed tables to a region's subtree (district first, for routing). */
export function regionFilter(region: string): {
  district?: string;
  villagePrefix?: string;
  village?: string;
} {
  if (region === NATION_CODE) return {};
  const level = regionLevelOf(region);
  if (level === "province") return { villagePrefix: `${region}.` };
  if (level === "district") return { district: region };
  if (level === "village") return { district: districtOfCode(region), village: region };
  return { district: districtOfCode(region), villagePrefix: `${region}.` };
}

/** A child with its village's and posyandu's names, as records and lists read it. */
export interface ChildRow {
  id: string;
  district_code: string;
  name: string;
  sex: 1 | 2;
  birth_date: string;
  nik_enc: string | null;
  kk_enc: string | null;
  village_code: string;
  village_name: string | null;
  posyandu_id: string | null;
  posyandu_name: string | null;
  mother_name: string | null;
  birth_weight: number | null;
  birth_length: number | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** The last measurement of a child as lists show it. */
export interface LastMeasurement {
  date: string;
  ageDays: number;
  weight: number | null;
  height: number | null;
  zlen: number | null;
  tbu: string | null;
}

export interface ChildSearchFilter {
  region: string;
  /** Part of the name key (already normalised), or undefined. */
  nameKey?: string;
  /** The keyed hash of a full NIK, or undefined. */
  nikHash?: string;
  posyanduId?: string;
  limit: number;
  offset: number;
}

export class ChildrenRepository {
  constructor(private readonly db: Db) {}

  private childQuery() {
    // Columns as ChildRow lists them.
    return this.db
      .selectFrom("children as c")
      .leftJoin("regions as v", "v.code", "c.village_code")
      .leftJoin("posyandu as p", (j) =>
        j.onRef("p.district_code", "=", "c.district_code").onRef("p.id", "=", "c.posyandu_id"),
      )
      .select([
        "c.id",
        "c.district_code",
        "c.name",
        "c.sex",
        "c.birth_date",
        "c.nik_enc",
        "c.kk_enc",
        "c.village_code",
        "v.name as village_name",
        "c.posyandu_id",
        "p.name as posyandu_name",
        "c.mother_name",
        "c.birth_weight",
        "c.birth_length",
        "c.created_at",
        "c.updated_at",
        "c.version",
      ]);
  }

  /** Children matching the filter, by name, with the total count. */
  async search(f: ChildSearchFilter): Promise<{ rows: ChildRow[]; total: number }> {
    const r = regionFilter(f.region);
    let q = this.childQuery();
    if (r.district) q = q.where("c.district_code", "=", r.district);
    if (r.village) q = q.where("c.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("c.village_code", "like", `${r.villagePrefix}%`);
    if (f.nikHash) q = q.where("c.nik_hash", "=", f.nikHash);
    else if (f.nameKey) q = q.where("c.name_key", "like", `%${escapeLike(f.nameKey)}%`);
    if (f.posyanduId) q = q.where("c.posyandu_id", "=", f.posyanduId);
    const [rows, count] = await Promise.all([
      q.orderBy("c.name").orderBy("c.id").limit(f.limit).offset(f.offset).execute(),
      q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  /**
   * One child by id, or undefined. `scope` (the caller's region) narrows the look-up to its
   * district when it lies within one, so that on Citus it reads one shard; a province or nation
   * scope looks in every district.
   */
  find(id: string, scope?: string): Promise<ChildRow | undefined> {
    const district = scope ? regionFilter(scope).district : undefined;
    let q = this.childQuery().where("c.id", "=", id);
    if (district) q = q.where("c.district_code", "=", district);
    return q.executeTakeFirst();
  }

  /** A child's stored identifiers (ciphertexts). */
  identifiers(district: string, id: string) {
    return this.db
      .selectFrom("children")
      .select(["nik_enc", "kk_enc", "mother_nik_enc"])
      .where("district_code", "=", district)
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  }

  /** The child of a district registered with this NIK hash, if any. */
  findByNikHash(district: string, nikHash: string) {
    return this.db
      .selectFrom("children")
      .select(["id", "village_code"])
      .where("district_code", "=", district)
      .where("nik_hash", "=", nikHash)
      .executeTakeFirst();
  }

  insertChild(row: NewChildRow): Promise<unknown> {
    return this.db.insertInto("children").values(row).execute();
  }

  /** Every measurement of a child, oldest first. */
  measurements(district: string, childId: string): Promise<MeasurementRow[]> {
    return this.db
      .selectFrom("measurements")
      .selectAll()
      .where("district_code", "=", district)
      .where("child_id", "=", childId)
      .orderBy("measured_on")
      .execute();
  }

  /** The last measurement of each of these children. */
  async lastMeasurements(
    rows: ReadonlyArray<{ id: string; district_code: string }>,
  ): Promise<Map<string, LastMeasurement>> {
    const out = new Map<string, LastMeasurement>();
    if (rows.length === 0) return out;
    const districts = [...new Set(rows.map((r) => r.district_code))];
    const found = await this.db
      .selectFrom("measurements")
      .select(["child_id", "measured_on", "age_days", "weight", "lenhei", "zlen", "status_tbu"])
      .distinctOn("child_id")
      .where("district_code", "in", districts)
      .where(
        "child_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("child_id")
      .orderBy("measured_on", "desc")
      .execute();
    for (const m of found) {
      out.set(m.child_id, {
        date: m.measured_on,
        ageDays: m.age_days,
        weight: m.weight,
        height: m.lenhei,
        zlen: m.zlen,
        tbu: m.status_tbu,
      });
    }
    return out;
  }

  /** A child's measurement on a date, if any (one per child and date). */
  measurementOn(district: string, childId: string, date: string): Promise<MeasurementRow | undefined> {
    return this.db
      .selectFrom("measurements")
      .selectAll()
      .where("district_code", "=", district)
      .where("child_id", "=", childId)
      .where("measured_on", "=", date)
      .executeTakeFirst();
  }

  /** The measurement of a district an offline device sent with this client id, if stored. */
  measurementByClientId(district: string, clientId: string): Promise<MeasurementRow | undefined> {
    return this.db
      .selectFrom("measurements")
      .selectAll()
      .where("district_code", "=", district)
      .where("client_id", "=", clientId)
      .executeTakeFirst();
  }

  /** The id of the child of a district an offline device registered with this client id, if stored. */
  async childIdByClientId(district: string, clientId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("children")
      .select("id")
      .where("district_code", "=", district)
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    return row?.id;
  }

  /** Overwrites a child's measurement of a date with new values (same key), its version bumped. */
  replaceMeasurement(row: NewMeasurementRow): Promise<MeasurementRow> {
    const { district_code, child_id, measured_on, ...values } = row;
    return this.db
      .updateTable("measurements")
      .set((eb) => ({ ...values, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("district_code", "=", district_code)
      .where("child_id", "=", child_id)
      .where("measured_on", "=", measured_on)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Which of these children of a district have a measurement on the date. */
  async measuredOn(district: string, childIds: readonly string[], date: string): Promise<Set<string>> {
    if (childIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom("measurements")
      .select("child_id")
      .where("district_code", "=", district)
      .where("measured_on", "=", date)
      .where("child_id", "in", childIds)
      .execute();
    return new Set(rows.map((r) => r.child_id));
  }

  insertMeasurement(row: NewMeasurementRow): Promise<MeasurementRow> {
    return this.db.insertInto("measurements").values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** A posyandu of the district by id, with its village. */
  posyanduIn(district: string, id: string) {
    return this.db
      .selectFrom("posyandu")
      .select(["id", "village_code"])
      .where("district_code", "=", district)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** A posyandu by id (any district) with its village's name. */
  posyandu(id: string) {
    return this.db
      .selectFrom("posyandu as p")
      .leftJoin("regions as v", "v.code", "p.village_code")
      .select(["p.id", "p.name", "p.district_code", "p.village_code as villageCode", "v.name as villageName"])
      .where("p.id", "=", id)
      .executeTakeFirst();
  }

  /** Posyandu inside a region with their village names, by village and name. */
  listPosyandu(region: string) {
    const r = regionFilter(region);
    let q = this.db
      .selectFrom("posyandu as p")
      .leftJoin("regions as v", "v.code", "p.village_code")
      .select(["p.id", "p.name", "p.village_code as villageCode", "v.name as villageName"]);
    if (r.district) q = q.where("p.district_code", "=", r.district);
    if (r.village) q = q.where("p.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("p.village_code", "like", `${r.villagePrefix}%`);
    return q.orderBy("p.village_code").orderBy("p.name").limit(5000).execute();
  }

  /** The children registered at a posyandu, by name. */
  childrenOfPosyandu(district: string, posyanduId: string): Promise<ChildRow[]> {
    return this.childQuery()
      .where("c.district_code", "=", district)
      .where("c.posyandu_id", "=", posyanduId)
      .orderBy("c.name")
      .limit(2000)
      .execute();
  }

  /** Measurements inside a region (and dates) with the child's name, sex and birth date; no identifiers. */
  exportMeasurements(region: string, dates: { from: string; to: string } | undefined, limit: number) {
    const r = regionFilter(region);
    let q = this.db
      .selectFrom("measurements as m")
      .innerJoin("children as c", (j) =>
        j.onRef("c.district_code", "=", "m.district_code").onRef("c.id", "=", "m.child_id"),
      )
      .leftJoin("posyandu as p", (j) =>
        j.onRef("p.district_code", "=", "m.district_code").onRef("p.id", "=", "m.posyandu_id"),
      )
      .leftJoin("regions as v", "v.code", "m.village_code")
      .select([
        "c.name as child_name",
        "c.sex",
        "c.birth_date",
        "m.village_code",
        "v.name as village_name",
        "p.name as posyandu_name",
        "m.measured_on",
        "m.age_days",
        "m.weight",
        "m.lenhei as height",
        "m.measure",
        "m.zlen",
        "m.zwei",
        "m.zwfl",
        "m.flen",
        "m.fwei",
        "m.fwfl",
        "m.status_tbu",
        "m.status_bbu",
        "m.status_bbtb",
        "m.source",
      ]);
    if (r.district) q = q.where("m.district_code", "=", r.district);
    if (r.village) q = q.where("m.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("m.village_code", "like", `${r.villagePrefix}%`);
    if (dates) q = q.where("m.measured_on", ">=", dates.from).where("m.measured_on", "<", dates.to);
    // each child's newest measurement first, as the child's history shows them
    return q
      .orderBy("m.village_code")
      .orderBy("c.name")
      .orderBy("m.child_id")
      .orderBy("m.measured_on", "desc")
      .limit(limit)
      .execute();
  }

  /** Whether any child is stored. */
  async any(): Promise<boolean> {
    return (await this.db.selectFrom("children").select("id").limit(1).executeTakeFirst()) !== undefined;
  }

  /** The village of a district with the most children (the demo's busiest), if any. */
  async busiestVillage(district: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("children")
      .select(["village_code"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("district_code", "=", district)
      .groupBy("village_code")
      .orderBy("n", "desc")
      .orderBy("village_code")
      .limit(1)
      .executeTakeFirst();
    return row?.village_code;
  }
}
