/**
 * Regions of Indonesia: loading the Kemendagri code list shipped by `idn-area-data` (data ODbL,
 * see README), and lookups by code, by parent and by name.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { districtKind, NATION_CODE, parentRegionCode, searchKey, villageKind } from "@tumbuh/core";
import { sql } from "kysely";
import type { Database } from "../db/connection.ts";
import type { RegionKind, RegionLevel } from "../db/schema.ts";

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  parentCode: string | null;
  codeSet: string;
}

export interface RegionRow extends Region {
  searchName: string;
}

function idnAreaDataDir(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("idn-area-data/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { version: string };
  return { dir: join(dirname(pkgPath), "data"), version: `idn-area-data@${pkg.version}` };
}

/** Reads one of idn-area-data's CSVs: code, parent code (absent for provinces), name (last field, may hold stray quotes). */
function readAreaCsv(path: string, withParent: boolean): [string, string | null, string][] {
  const lines = readFileSync(path, "utf8").split("\n");
  const out: [string, string | null, string][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (!line) continue;
    const a = line.indexOf(",");
    if (!withParent) {
      out.push([line.slice(0, a), null, line.slice(a + 1).trim()]);
      continue;
    }
    const b = line.indexOf(",", a + 1);
    out.push([line.slice(0, a), line.slice(a + 1, b), line.slice(b + 1).trim()]);
  }
  return out;
}

/** All regions of the bundled code set, optionally only those under a code prefix. */
export function readRegionCodeSet(prefix?: string): { version: string; rows: RegionRow[] } {
  const { dir, version } = idnAreaDataDir();
  const keep = (code: string) =>
    !prefix || code === prefix || code.startsWith(`${prefix}.`) || prefix.startsWith(`${code}.`);
  const rows: RegionRow[] = [];
  const add = (code: string, parent: string | null, name: string, level: RegionLevel, kind: RegionKind) => {
    if (keep(code))
      rows.push({
        code,
        name,
        level,
        kind,
        parentCode: parent,
        codeSet: version,
        searchName: searchKey(name),
      });
  };
  for (const [c, , n] of readAreaCsv(join(dir, "provinces.csv"), false))
    add(c, null, n, "province", "provinsi");
  for (const [c, p, n] of readAreaCsv(join(dir, "regencies.csv"), true))
    add(c, p, n, "district", districtKind(c, n));
  for (const [c, p, n] of readAreaCsv(join(dir, "districts.csv"), true))
    add(c, p, n, "subdistrict", "kecamatan");
  for (const [c, p, n] of readAreaCsv(join(dir, "villages.csv"), true))
    add(c, p, n, "village", villageKind(c));
  return { version, rows };
}

function csvField(v: string | null): string {
  if (v === null) return "";
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface LoadRegionsResult {
  codeSet: string;
  inserted: number;
  updated: number;
  total: number;
  counts: Record<RegionLevel, number>;
}

/**
 * Loads (or refreshes) the regions from idn-area-data by bulk COPY and an upsert: running it
 * again changes nothing. `prefix` limits it to one subtree (used by tests and demos).
 */
export async function loadRegions(
  database: Database,
  opts: { prefix?: string } = {},
): Promise<LoadRegionsResult> {
  const { version, rows } = readRegionCodeSet(opts.prefix);
  const counts: Record<RegionLevel, number> = { province: 0, district: 0, subdistrict: 0, village: 0 };
  const csv: string[] = [];
  for (const r of rows) {
    counts[r.level]++;
    csv.push(
      `${r.code},${csvField(r.name)},${r.level},${r.kind},${r.parentCode ?? ""},${version},${csvField(r.searchName)}\n`,
    );
  }
  return database.withSession(async (s) => {
    await sql`CREATE TEMP TABLE IF NOT EXISTS regions_load (
      code text, name text, level text, kind text, parent_code text, code_set text, search_name text
    )`.execute(s.db);
    await sql`TRUNCATE regions_load`.execute(s.db);
    return s.db.transaction().execute(async (trx) => {
      await s.copyCsv(
        "regions_load (code, name, level, kind, parent_code, code_set, search_name)",
        csv.join(""),
      );
      const res = await sql<{ inserted: boolean }>`
        INSERT INTO regions AS r (code, name, level, kind, parent_code, code_set, search_name)
        SELECT code, name, level, kind, NULLIF(parent_code, ''), code_set, search_name FROM regions_load
        ON CONFLICT (code) DO UPDATE SET
          name = EXCLUDED.name, level = EXCLUDED.level, kind = EXCLUDED.kind,
          parent_code = EXCLUDED.parent_code, code_set = EXCLUDED.code_set,
          search_name = EXCLUDED.search_name, updated_at = now()
        WHERE (r.name, r.level, r.kind, r.parent_code, r.code_set, r.search_name)
          IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.kind, EXCLUDED.parent_code, EXCLUDED.code_set, EXCLUDED.search_name)
        RETURNING (xmax = 0) AS inserted`.execute(trx);
      const inserted = res.rows.filter((r) => r.inserted).length;
      await sql`
        INSERT INTO region_code_sets (version, source, licence, provinces, districts, subdistricts, villages)
        VALUES (${version}, 'https://github.com/fityannugroho/idn-area-data', 'ODbL-1.0 (data), MIT (package)',
          ${counts.province}, ${counts.district}, ${counts.subdistrict}, ${counts.village})
        ON CONFLICT (version) DO NOTHING`.execute(trx);
      await sql`TRUNCATE regions_load`.execute(trx);
      return { codeSet: version, inserted, updated: res.rows.length - inserted, total: rows.length, counts };
    });
  });
}

/** Loads the regions when the table is empty (first start); returns whether it loaded. */
export async function ensureRegions(database: Database): Promise<boolean> {
  const any = await database.db.selectFrom("regions").select("code").limit(1).executeTakeFirst();
  if (any) return false;
  await loadRegions(database);
  return true;
}

const regionColumns = [
  "code",
  "name",
  "level",
  "kind",
  "parent_code as parentCode",
  "code_set as codeSet",
] as const;

/** The region with this code, or undefined. */
export async function getRegion(database: Database, code: string): Promise<Region | undefined> {
  return database.db.selectFrom("regions").select(regionColumns).where("code", "=", code).executeTakeFirst();
}

/** The regions one level below `code` (provinces when `code` is the nation, "ID"), by code. */
export async function childRegions(database: Database, code: string): Promise<Region[]> {
  let q = database.db.selectFrom("regions").select(regionColumns);
  q = code === NATION_CODE ? q.where("level", "=", "province") : q.where("parent_code", "=", code);
  return q.orderBy("code").execute();
}

/** The chain from the province down to this region (inclusive), e.g. 35, 35.03, 35.03.01. */
export async function regionPath(database: Database, code: string): Promise<Region[]> {
  const codes: string[] = [];
  for (let c: string | null = code; c && c !== NATION_CODE; c = parentRegionCode(c)) codes.unshift(c);
  if (codes.length === 0) return [];
  const rows = await database.db
    .selectFrom("regions")
    .select(regionColumns)
    .where("code", "in", codes)
    .execute();
  return rows.sort((a, b) => a.code.length - b.code.length);
}

/**
 * Regions whose name contains the query, ignoring case, accents and punctuation ("trenggalek"
 * finds KABUPATEN TRENGGALEK and Kecamatan Trenggalek); optionally within a code prefix and at
 * one level. Exact and prefix matches come first, then higher levels.
 */
export async function searchRegions(
  database: Database,
  query: string,
  opts: { within?: string; level?: RegionLevel; limit?: number } = {},
): Promise<Region[]> {
  const key = searchKey(query);
  if (!key) return [];
  const like = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let q = database.db.selectFrom("regions").select(regionColumns).where("search_name", "like", like);
  if (opts.within && opts.within !== NATION_CODE) q = q.where("code", "like", `${opts.within}.%`);
  if (opts.level) q = q.where("level", "=", opts.level);
  return q
    .orderBy(
      sql`CASE WHEN search_name = ${key} OR search_name LIKE ${`% ${key}`} THEN 0 WHEN search_name LIKE ${`${key}%`} THEN 1 ELSE 2 END`,
    )
    .orderBy(sql`length(code)`)
    .orderBy("code")
    .limit(opts.limit ?? 20)
    .execute();
}
