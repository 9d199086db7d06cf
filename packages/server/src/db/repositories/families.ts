/**
 * Keluarga sasaran: target families with their children and stored at-risk assessment, the
 * named list of a region, one family, the per-village counts analisis situasi reads, and the
 * matching of a family's children to child records. Queries filter by district code first.
 */
import { KRS_FACTORS } from "@tumbuh/core/programme";
import { type Insertable, type Selectable, sql } from "kysely";
import type { Db } from "../schema.ts";
import type { FamiliesTable, FamilyChildrenTable } from "../schema-families.ts";
import { regionFilter } from "./children.ts";
import { escapeLike } from "./regions.ts";

export type NewFamilyRow = Insertable<FamiliesTable>;
export type NewFamilyChildRow = Insertable<FamilyChildrenTable>;
export type FamilyChildRow = Selectable<FamilyChildrenTable>;
export type FamilyRow = Selectable<FamiliesTable> & { village_name: string | null };
export type FamilyListRow = FamilyRow & { children_count: number };

export interface FamilyFilter {
  region: string;
  semester?: string;
  verdict?: string;
  /** Part of the head's or mother's name, lower case. */
  nameKey?: string;
  limit: number;
  offset: number;
}

export interface FamilyCountDbRow {
  village_code: string;
  village_name: string | null;
  families: number;
  berisiko: number;
  tidak_berisiko: number;
  tidak_diketahui: number;
  factors: Record<string, number>;
}

export class FamiliesRepository {
  constructor(private readonly db: Db) {}

  private base() {
    return this.db
      .selectFrom("families as f")
      .leftJoin("regions as v", "v.code", "f.village_code")
      .selectAll("f")
      .select("v.name as village_name");
  }

  /** The families of a region (newest semester first, then by head's name) and their total. */
  async search(f: FamilyFilter): Promise<{ rows: FamilyListRow[]; total: number }> {
    const r = regionFilter(f.region);
    let q = this.base();
    if (r.district) q = q.where("f.district_code", "=", r.district);
    if (r.village) q = q.where("f.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("f.village_code", "like", `${r.villagePrefix}%`);
    if (f.semester) q = q.where("f.semester", "=", f.semester);
    if (f.verdict) q = q.where("f.krs_verdict", "=", f.verdict as FamiliesTable["krs_verdict"]);
    if (f.nameKey) {
      const like = `%${escapeLike(f.nameKey)}%`;
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn("lower", ["f.head_name"]), "like", like),
          eb(eb.fn("lower", ["f.mother_name"]), "like", like),
        ]),
      );
    }
    const rows = await q
      .select((eb) =>
        eb
          .selectFrom("family_children as fc")
          .whereRef("fc.district_code", "=", "f.district_code")
          .whereRef("fc.family_id", "=", "f.id")
          .select(eb.fn.countAll<number>().as("n"))
          .as("children_count"),
      )
      .orderBy("f.semester", "desc")
      .orderBy("f.head_name")
      .orderBy("f.id")
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const count = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return {
      rows: rows.map((row) => ({ ...row, children_count: Number(row.children_count ?? 0) })),
      total: Number(count.n),
    };
  }

  /** One family by id (any district), or undefined. */
  find(id: string): Promise<FamilyRow | undefined> {
    return this.base().where("f.id", "=", id).executeTakeFirst();
  }

  children(district: string, familyId: string): Promise<FamilyChildRow[]> {
    return this.db
      .selectFrom("family_children")
      .selectAll()
      .where("district_code", "=", district)
      .where("family_id", "=", familyId)
      .orderBy("position")
      .execute();
  }

  /** The families a child record is linked to. */
  familiesOfChild(district: string, childId: string): Promise<FamilyRow[]> {
    return this.base()
      .where("f.district_code", "=", district)
      .where("f.id", "in", (eb) =>
        eb
          .selectFrom("family_children")
          .select("family_id")
          .where("district_code", "=", district)
          .where("child_id", "=", childId),
      )
      .orderBy("f.semester", "desc")
      .execute();
  }

  /** Stores a family and its children. */
  async insert(row: NewFamilyRow, children: readonly NewFamilyChildRow[]): Promise<void> {
    await this.db.insertInto("families").values(row).execute();
    if (children.length)
      await this.db
        .insertInto("family_children")
        .values([...children])
        .execute();
  }

  /** Replaces a family's facts and children when its version matches; false when stale. */
  async update(
    district: string,
    id: string,
    version: number,
    row: Omit<NewFamilyRow, "district_code" | "id" | "created_at">,
    children: readonly NewFamilyChildRow[],
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("families")
      .set({ ...row, version: sql`version + 1` })
      .where("district_code", "=", district)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await this.db
      .deleteFrom("family_children")
      .where("district_code", "=", district)
      .where("family_id", "=", id)
      .execute();
    if (children.length)
      await this.db
        .insertInto("family_children")
        .values([...children])
        .execute();
    return true;
  }

  /** A child record of the village with this NIK hash, or this name key and birth date. */
  async matchChild(
    district: string,
    village: string,
    m: { nikHash?: string; nameKey: string; birthDate: string | null },
  ): Promise<string | undefined> {
    if (m.nikHash) {
      const byNik = await this.db
        .selectFrom("children")
        .select("id")
        .where("district_code", "=", district)
        .where("nik_hash", "=", m.nikHash)
        .executeTakeFirst();
      if (byNik) return byNik.id;
    }
    if (!m.birthDate) return undefined;
    const rows = await this.db
      .selectFrom("children")
      .select("id")
      .where("district_code", "=", district)
      .where("name_key", "=", m.nameKey)
      .where("birth_date", "=", m.birthDate)
      .where("village_code", "=", village)
      .limit(2)
      .execute();
    return rows.length === 1 ? rows[0].id : undefined;
  }

  /** Families of a semester per village in a region: verdicts and each factor's count. */
  async counts(region: string, semester: string): Promise<FamilyCountDbRow[]> {
    const r = regionFilter(region);
    let q = this.db
      .selectFrom("families as f")
      .leftJoin("regions as v", "v.code", "f.village_code")
      .where("f.semester", "=", semester);
    if (r.district) q = q.where("f.district_code", "=", r.district);
    if (r.village) q = q.where("f.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("f.village_code", "like", `${r.villagePrefix}%`);
    const rows = await q
      .select((eb) => [
        "f.village_code",
        eb.fn.max("v.name").as("village_name"),
        eb.fn.countAll<number>().as("families"),
        sql<number>`count(*) filter (where f.krs_verdict = 'berisiko')`.as("berisiko"),
        sql<number>`count(*) filter (where f.krs_verdict = 'tidak_berisiko')`.as("tidak_berisiko"),
        sql<number>`count(*) filter (where f.krs_verdict = 'tidak_diketahui')`.as("tidak_diketahui"),
        ...KRS_FACTORS.map((k) =>
          sql<number>`count(*) filter (where f.krs_factors -> ${k} ->> 'value' = 'true')`.as(`factor_${k}`),
        ),
      ])
      .groupBy("f.village_code")
      .orderBy("f.village_code")
      .execute();
    return rows.map((row) => {
      const x = row as unknown as Record<string, unknown>;
      return {
        village_code: row.village_code,
        village_name: (row.village_name as string | null) ?? null,
        families: Number(row.families),
        berisiko: Number(row.berisiko),
        tidak_berisiko: Number(row.tidak_berisiko),
        tidak_diketahui: Number(row.tidak_diketahui),
        factors: Object.fromEntries(KRS_FACTORS.map((k) => [k, Number(x[`factor_${k}`])])),
      };
    });
  }

  /** A family of the same village and semester with this head and mother (names compared in lower case), for an import to replace. */
  findSame(
    district: string,
    village: string,
    semester: string,
    headName: string,
    motherName: string | null,
  ): Promise<{ id: string; version: number } | undefined> {
    let q = this.db
      .selectFrom("families")
      .select(["id", "version"])
      .where("district_code", "=", district)
      .where("village_code", "=", village)
      .where("semester", "=", semester)
      .where(sql`lower(head_name)`, "=", headName.toLowerCase());
    q =
      motherName === null
        ? q.where("mother_name", "is", null)
        : q.where(sql`lower(mother_name)`, "=", motherName.toLowerCase());
    return q.orderBy("created_at").executeTakeFirst();
  }

  /**
   * Families and at-risk families per village and semester in a region (every semester recorded,
   * or those given): the counts analisis situasi reads beside the measurements.
   */
  async villageSemesterCounts(
    region: string,
    semesters?: readonly string[],
  ): Promise<{ village_code: string; semester: string; families: number; berisiko: number }[]> {
    const r = regionFilter(region);
    let q = this.db.selectFrom("families as f");
    if (r.district) q = q.where("f.district_code", "=", r.district);
    if (r.village) q = q.where("f.village_code", "=", r.village);
    if (r.villagePrefix) q = q.where("f.village_code", "like", `${r.villagePrefix}%`);
    if (semesters?.length) q = q.where("f.semester", "in", [...semesters]);
    const rows = await q
      .select((eb) => [
        "f.village_code",
        "f.semester",
        eb.fn.countAll<number>().as("families"),
        sql<number>`count(*) filter (where f.krs_verdict = 'berisiko')`.as("berisiko"),
      ])
      .groupBy(["f.village_code", "f.semester"])
      .orderBy("f.village_code")
      .orderBy("f.semester")
      .execute();
    return rows.map((x) => ({
      village_code: x.village_code,
      semester: x.semester,
      families: Number(x.families),
      berisiko: Number(x.berisiko),
    }));
  }
}
