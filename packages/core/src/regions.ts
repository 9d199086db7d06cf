/**
 * Kemendagri region codes: province `35`, district `35.03`, subdistrict (kecamatan) `35.03.01`,
 * village `35.03.01.2001`, and `ID` for the nation. A code's prefix is its subtree. The one home
 * of every rule about the shape of a code, used by the server and the web app alike.
 */
import { searchKey } from "./normalize.ts";

/** The nation's pseudo region code: its scope covers every region. */
export const NATION_CODE = "ID";

/** The levels of the region tree, from the nation down. */
export const REGION_LEVELS = ["nation", "province", "district", "subdistrict", "village"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Kinds of region the code list names (idn-area-data calls districts "regencies"). */
export type RegionKind = "provinsi" | "kabupaten" | "kota" | "kecamatan" | "desa" | "kelurahan" | "desa_adat";

const SHAPES: ReadonlyArray<[RegExp, RegionLevel]> = [
  [/^\d{2}$/, "province"],
  [/^\d{2}\.\d{2}$/, "district"],
  [/^\d{2}\.\d{2}\.\d{2}$/, "subdistrict"],
  [/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "village"],
];

/** The shape of a region code or `ID` (one pattern for schemas; levelOfCode tells the level). */
export const REGION_CODE_PATTERN = /^(ID|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/;

/** What a code looks like, for error messages. */
export const REGION_CODE_EXPECTED = "ID (nation) or a code such as 35, 35.03, 35.03.01 or 35.03.01.2001";

/** The level a code names by its shape, or undefined when it is not a region code. */
export function levelOfCode(code: string): RegionLevel | undefined {
  if (code === NATION_CODE) return "nation";
  for (const [shape, level] of SHAPES) if (shape.test(code)) return level;
  return undefined;
}

/** True when `code` is `ID` or a well-formed Kemendagri code. */
export function isRegionCode(code: string): boolean {
  return levelOfCode(code) !== undefined;
}

/** The level of a region code; throws an error naming the code for anything else. */
export function regionLevelOf(code: string): RegionLevel {
  const level = levelOfCode(code);
  if (!level) throw new Error(`region: found '${code}', expected ${REGION_CODE_EXPECTED}`);
  return level;
}

/** The level one step below (posyandu below a village; nothing below a posyandu). */
export function childLevelOf(level: RegionLevel): Exclude<RegionLevel, "nation"> | "posyandu" {
  const below = ["province", "district", "subdistrict", "village", "posyandu"] as const;
  return below[REGION_LEVELS.indexOf(level)];
}

/** The parent of a region code: `35.03.01` → `35.03`, `35` → `ID`, `ID` → null. */
export function parentRegionCode(code: string): string | null {
  if (code === NATION_CODE) return null;
  const i = code.lastIndexOf(".");
  return i < 0 ? NATION_CODE : code.slice(0, i);
}

/** Every code from the nation down to the code itself: `35.03` → [`ID`, `35`, `35.03`]. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let c: string | null = code; c !== null; c = parentRegionCode(c)) out.unshift(c);
  return out;
}

/** The district (`35.03`) of a code at district level or below; throws for any other code. */
export function districtOfCode(code: string): string {
  const level = levelOfCode(code);
  if (level === "district" || level === "subdistrict" || level === "village") return code.slice(0, 5);
  throw new Error(`region: found '${code}', expected a district code such as 35.03 or a code below one`);
}

/** The province (`35`) of any code below the nation; undefined for the nation. */
export function provinceOfCode(code: string): string | undefined {
  const level = levelOfCode(code);
  return level && level !== "nation" ? code.slice(0, 2) : undefined;
}

/** Whether `code` lies inside the subtree of `scope` (a region covers itself and its descendants). */
export function regionWithin(code: string, scope: string): boolean {
  if (scope === NATION_CODE) return true;
  return code === scope || code.startsWith(`${scope}.`);
}

/**
 * Kind of a district: kabupaten for codes 01–69, kota for 71–99; the name ("KOTA ...",
 * "KABUPATEN ...") decides when it says so.
 */
export function districtKind(code: string, name: string): "kabupaten" | "kota" {
  const n = searchKey(name);
  if (n.startsWith("kota ")) return "kota";
  if (n.startsWith("kabupaten ") || n.startsWith("kab ")) return "kabupaten";
  return Number(code.slice(3, 5)) >= 70 ? "kota" : "kabupaten";
}

/** Kind of a village from the first digit of its own part: 1 kelurahan, 2 desa, 3 desa adat. */
export function villageKind(code: string): "desa" | "kelurahan" | "desa_adat" {
  const d = code.slice(9, 10);
  return d === "1" ? "kelurahan" : d === "3" ? "desa_adat" : "desa";
}
