/**
 * Regions of Indonesia: loading the Kemendagri code list shipped by `idn-area-data` (data ODbL,
 * see README), and the regions a user may look at: one with its ancestors, its children, search by
 * name. Names and the hierarchy change only when the code list is reloaded, so they are kept in
 * memory once read.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { districtKind, NATION_CODE, searchKey, villageKind } from "@tumbuh/core";
import type { Region } from "@tumbuh/core/api";
import { type Actor, requireAccess } from "../auth/access.ts";
import type { Database } from "../db/connection.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { type RegionRow, type StoredRegion, upsertRegions } from "../db/repositories/regions.ts";
import type { RegionKind, RegionLevel } from "../db/schema.ts";
import { notFound } from "./errors.ts";

/** The nation as the API shows it. */
const NATION: Region = {
  code: NATION_CODE,
  name: "Indonesia",
  level: "nation",
  kind: null,
  parentCode: null,
};

/** A stored region as the API shows it (provinces' parent is the nation). */
function toApiRegion(r: StoredRegion): Region {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    parentCode: r.parentCode ?? NATION_CODE,
  };
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
function readRegionCodeSet(prefix?: string): { version: string; rows: RegionRow[] } {
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

export interface LoadRegionsResult {
  codeSet: string;
  inserted: number;
  updated: number;
  total: number;
  counts: Record<RegionLevel, number>;
}

/**
 * Loads (or refreshes) the regions from idn-area-data: running it again changes nothing.
 * `prefix` limits it to one subtree (used by tests and demos).
 */
export async function loadRegions(
  database: Database,
  opts: { prefix?: string } = {},
): Promise<LoadRegionsResult> {
  const { version, rows } = readRegionCodeSet(opts.prefix);
  const counts: Record<RegionLevel, number> = { province: 0, district: 0, subdistrict: 0, village: 0 };
  for (const r of rows) counts[r.level]++;
  const { inserted, updated } = await upsertRegions(database, rows, {
    version,
    source: "https://github.com/fityannugroho/idn-area-data",
    licence: "ODbL-1.0 (data), MIT (package)",
    counts,
  });
  return { codeSet: version, inserted, updated, total: rows.length, counts };
}

/** Loads the regions when none is stored (first start); returns whether it loaded. */
export async function ensureRegions(database: Database, repos: Repositories): Promise<boolean> {
  if (await repos.regions.any()) return false;
  await loadRegions(database);
  return true;
}

const MAX_CACHED = 20_000;

export class RegionService {
  private readonly paths = new Map<string, Promise<{ region: Region; ancestors: Region[] }>>();
  private readonly kids = new Map<string, Promise<Region[]>>();

  constructor(private readonly repos: Repositories) {}

  /** A region the user may see, with its ancestors (nation first); not found for an unknown code. */
  get(user: Actor, code: string): Promise<{ region: Region; ancestors: Region[] }> {
    requireAccess(user, "dashboard:read", code);
    return this.withAncestors(code);
  }

  /** The regions one level below a region the user may see. */
  async childrenOf(user: Actor, code: string): Promise<Region[]> {
    requireAccess(user, "dashboard:read", code);
    await this.withAncestors(code);
    return this.children(code);
  }

  /** Regions whose name contains `q` (case, accents and punctuation ignored) within `within`. */
  async search(
    user: Actor,
    q: string,
    opts: { within: string; level?: RegionLevel; limit: number },
  ): Promise<Region[]> {
    requireAccess(user, "dashboard:read", opts.within);
    const key = searchKey(q);
    if (!key) return [];
    return (await this.repos.regions.search(key, opts)).map(toApiRegion);
  }

  /**
   * A region and its ancestors, for views that checked access already (the public page, the
   * dashboard); not found for an unknown code. Failures are not kept.
   */
  withAncestors(code: string): Promise<{ region: Region; ancestors: Region[] }> {
    return memo(this.paths, code, async () => {
      if (code === NATION_CODE) return { region: NATION, ancestors: [] };
      const path = await this.repos.regions.path(code);
      const self = path[path.length - 1];
      if (!self || self.code !== code) throw notFound(`region ${code}`);
      return { region: toApiRegion(self), ancestors: [NATION, ...path.slice(0, -1).map(toApiRegion)] };
    });
  }

  /** The regions one level below a region (for views that checked access already). */
  children(code: string): Promise<Region[]> {
    return memo(this.kids, code, async () => (await this.repos.regions.children(code)).map(toApiRegion));
  }
}

function memo<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    if (map.size >= MAX_CACHED) map.clear();
    p = load();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}
