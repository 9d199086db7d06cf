/**
 * The regions table (provinces to villages, from the Kemendagri code list) and the record of the
 * code sets loaded: bulk load by COPY and an upsert, and look-ups by code, parent, subtree and name.
 */
import { NATION_CODE, parentRegionCode } from "@tumbuh/core";
import { sql } from "kysely";
import type { Database } from "../connection.ts";
import type { Db, RegionKind, RegionLevel } from "../schema.ts";

export interface StoredRegion {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  parentCode: string | null;
  codeSet: string;
}

/** A region as loaded from a code set, with its search key. */
export interface RegionRow extends StoredRegion {
  searchName: string;
}

export interface CodeSetInfo {
  version: string;
  source: string;
  licence: string;
  counts: Record<RegionLevel, number>;
}

const regionColumns = [
  "code",
  "name",
  "level",
  "kind",
  "parent_code as parentCode",
  "code_set as codeSet",
] as const;

/** A CSV field for COPY: quoted when it holds a quote, comma or line break. */
function copyField(v: string | null): string {
  if (v === null) return "";
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Loads (or refreshes) regions by bulk COPY into a temporary table and an upsert that changes only
 * rows that differ, and records the code set; returns how many rows were inserted and updated.
 */
export async function upsertRegions(
  database: Database,
  rows: readonly RegionRow[],
  codeSet: CodeSetInfo,
): Promise<{ inserted: number; updated: number }> {
  const csv = rows
    .map(
      (r) =>
        `${r.code},${copyField(r.name)},${r.level},${r.kind},${r.parentCode ?? ""},${r.codeSet},${copyField(r.searchName)}\n`,
    )
    .join("");
  return database.withSession(async (s) => {
    await sql`CREATE TEMP TABLE IF NOT EXISTS regions_load (
      code text, name text, level text, kind text, parent_code text, code_set text, search_name text
    )`.execute(s.db);
    await sql`TRUNCATE regions_load`.execute(s.db);
    return s.db.transaction().execute(async (trx) => {
      await s.copyCsv("regions_load (code, name, level, kind, parent_code, code_set, search_name)", csv);
      const res = await sql<{ inserted: boolean }>`
        INSERT INTO regions AS r (code, name, level, kind, parent_code, code_set, search_name)
        SELECT code, name, level, kind, NULLIF(parent_code, ''), code_set, search_name FROM regions_load
        ON CONFLICT (code) DO UPDATE SET
          name = EXCLUDED.name, level = EXCLUDED.level, kind = EXCLUDED.kind,
          parent_code = EXCLUDED.parent_code, code_set = EXCLUDED.code_set,
          search_name = EXCLUDED.search_name,
          -- The proposed row's default, now(): Citus allows only IMMUTABLE functions in DO UPDATE SET.
          updated_at = EXCLUDED.updated_at
        WHERE (r.name, r.level, r.kind, r.parent_code, r.code_set, r.search_name)
          IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.kind, EXCLUDED.parent_code, EXCLUDED.code_set, EXCLUDED.search_name)
        RETURNING (xmax = 0) AS inserted`.execute(trx);
      const c = codeSet.counts;
      await sql`
        INSERT INTO region_code_sets (version, source, licence, provinces, districts, subdistricts, villages)
        VALUES (${codeSet.version}, ${codeSet.source}, ${codeSet.licence},
          ${c.province}, ${c.district}, ${c.subdistrict}, ${c.village})
        ON CONFLICT (version) DO NOTHING`.execute(trx);
      await sql`TRUNCATE regions_load`.execute(trx);
      const inserted = res.rows.filter((r) => r.inserted).length;
      return { inserted, updated: res.rows.length - inserted };
    });
  });
}

export class RegionsRepository {
  constructor(private readonly db: Db) {}

  /** Whether any region is stored (false on a new database). */
  async any(): Promise<boolean> {
    return (await this.db.selectFrom("regions").select("code").limit(1).executeTakeFirst()) !== undefined;
  }

  /** The region with this code, or undefined. */
  get(code: string): Promise<StoredRegion | undefined> {
    return this.db.selectFrom("regions").select(regionColumns).where("code", "=", code).executeTakeFirst();
  }

  /** A region's name, "Indonesia" for the nation, or null for an unknown code. */
  async name(code: string): Promise<string | null> {
    if (code === NATION_CODE) return "Indonesia";
    return (await this.get(code))?.name ?? null;
  }

  /** The regions one level below `code` (provinces below the nation), by code. */
  children(code: string): Promise<StoredRegion[]> {
    let q = this.db.selectFrom("regions").select(regionColumns);
    q = code === NATION_CODE ? q.where("level", "=", "province") : q.where("parent_code", "=", code);
    return q.orderBy("code").execute();
  }

  /** The chain from the province down to this region (inclusive), e.g. 35, 35.03, 35.03.01. */
  async path(code: string): Promise<StoredRegion[]> {
    const codes: string[] = [];
    for (let c: string | null = code; c && c !== NATION_CODE; c = parentRegionCode(c)) codes.unshift(c);
    if (codes.length === 0) return [];
    const rows = await this.db
      .selectFrom("regions")
      .select(regionColumns)
      .where("code", "in", codes)
      .execute();
    return rows.sort((a, b) => a.code.length - b.code.length);
  }

  /** Every region under a code (its descendants), and the code itself and its province. */
  subtree(code: string): Promise<StoredRegion[]> {
    return this.db
      .selectFrom("regions")
      .select(regionColumns)
      .where((eb) => eb.or([eb("code", "like", `${code}.%`), eb("code", "in", [code, code.slice(0, 2)])]))
      .orderBy("code")
      .execute();
  }

  /** The villages of a district with their subdistrict, by code. */
  villagesOf(district: string): Promise<StoredRegion[]> {
    return this.db
      .selectFrom("regions")
      .select(regionColumns)
      .where("level", "=", "village")
      .where("code", "like", `${district}.%`)
      .orderBy("code")
      .execute();
  }

  /** The codes of every stored village. */
  async villageCodes(): Promise<Set<string>> {
    const rows = await this.db.selectFrom("regions").select("code").where("level", "=", "village").execute();
    return new Set(rows.map((r) => r.code));
  }

  /** The stored regions among these codes. */
  async byCodes(codes: readonly string[]): Promise<StoredRegion[]> {
    const out: StoredRegion[] = [];
    for (let i = 0; i < codes.length; i += 5000) {
      out.push(
        ...(await this.db
          .selectFrom("regions")
          .select(regionColumns)
          .where("code", "in", codes.slice(i, i + 5000))
          .execute()),
      );
    }
    return out;
  }

  /**
   * Regions whose search key contains `key` (already normalised), optionally within a code prefix
   * and at one level; exact and word matches first, then prefix matches, then higher levels.
   */
  search(
    key: string,
    opts: { within?: string; level?: RegionLevel; limit: number },
  ): Promise<StoredRegion[]> {
    const like = `%${escapeLike(key)}%`;
    let q = this.db.selectFrom("regions").select(regionColumns).where("search_name", "like", like);
    if (opts.within && opts.within !== NATION_CODE) q = q.where("code", "like", `${opts.within}.%`);
    if (opts.level) q = q.where("level", "=", opts.level);
    return q
      .orderBy(
        sql`CASE WHEN search_name = ${key} OR search_name LIKE ${`% ${escapeLike(key)}`} THEN 0 WHEN search_name LIKE ${`${escapeLike(key)}%`} THEN 1 ELSE 2 END`,
      )
      .orderBy(sql`length(code)`)
      .orderBy("code")
      .limit(opts.limit)
      .execute();
  }

  /**
   * Districts that have published (measured) roll-up data, with their province's name; those whose
   * search key contains `key` when given.
   */
  districtsWithData(
    key: string | undefined,
  ): Promise<Array<{ code: string; name: string; provinceName: string | null }>> {
    let q = this.db
      .selectFrom("regions as d")
      .leftJoin("regions as p", "p.code", "d.parent_code")
      .select(["d.code", "d.name", "p.name as provinceName"])
      .where("d.level", "=", "district")
      .where(({ exists, selectFrom }) =>
        exists(
          // The district rows kept in rollup_upper (rollup-refresh.ts): on Citus a reference table
          // like regions, so the look-up stays on the coordinator.
          selectFrom("rollup_upper as r")
            .select(sql`1`.as("one"))
            .whereRef("r.region_code", "=", "d.code")
            .where("r.measured", ">", 0),
        ),
      );
    if (key) q = q.where("d.search_name", "like", `%${escapeLike(key)}%`);
    return q.orderBy("d.code").limit(600).execute();
  }
}

/** A text for LIKE with its wildcards escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
