/**
 * The places an import resolves rows to: regions (a district and everything under it, districts
 * by name, provinces) and the district's puskesmas and posyandu, with the binary COPY of those a
 * file names for the first time.
 */
import { type Kysely, sql } from "kysely";
import type { Session } from "../connection.ts";
import type { DB } from "../schema.ts";
import { traced } from "../trace.ts";

/** A session, or the database itself for look-ups outside a transaction. */
type HasDb = { db: Kysely<DB> };

export interface RegionRow {
  code: string;
  name: string;
  level: string;
}

/** The region `code` and every region under it. */
export function regionsUnder(h: HasDb, code: string): Promise<RegionRow[]> {
  return h.db
    .selectFrom("regions")
    .select(["code", "name", "level"])
    .where((eb) => eb.or([eb("code", "=", code), eb("code", "like", `${code}.%`)]))
    .execute();
}

/** Districts whose search name ends with `key` (a place key: candidates, compared by the caller). */
export function districtsEndingWith(
  h: HasDb,
  key: string,
): Promise<{ code: string; kind: string | null; search_name: string }[]> {
  return h.db
    .selectFrom("regions")
    .select(["code", "kind", "search_name"])
    .where("level", "=", "district")
    .where("search_name", "like", `%${key}`)
    .execute();
}

/** Every province's code and search name. */
export function provinces(h: HasDb): Promise<{ code: string; search_name: string }[]> {
  return h.db.selectFrom("regions").select(["code", "search_name"]).where("level", "=", "province").execute();
}

/** A district's puskesmas and posyandu (ids as text), with the search names they are known by. */
export interface StoredFacilities {
  puskesmas: { id: string; search_name: string }[];
  posyandu: { id: string; village_code: string; search_name: string }[];
}

/** The district's puskesmas and posyandu. */
export async function districtFacilities(s: Session, district: string): Promise<StoredFacilities> {
  return traced(`facilities of ${district}`, async () => {
    const pk = await sql<{ id: string; search_name: string }>`
      SELECT id, search_name FROM puskesmas WHERE district_code = ${district}`.execute(s.db);
    const py = await sql<{ id: string; village_code: string; search_name: string }>`
      SELECT id, village_code, search_name FROM posyandu WHERE district_code = ${district}`.execute(s.db);
    return { puskesmas: pk.rows, posyandu: py.rows };
  });
}

/** Columns of the puskesmas and posyandu an import creates, in binary COPY order. */
const PUSKESMAS_COPY_TARGET =
  "puskesmas (district_code, id, subdistrict_code, village_code, name, search_name)";
const POSYANDU_COPY_TARGET = "posyandu (district_code, id, village_code, puskesmas_id, name, search_name)";

/** Writes new puskesmas and posyandu (binary COPY data for the targets above; puskesmas first). */
export async function copyFacilities(
  s: Session,
  data: { puskesmas: Uint8Array | null; posyandu: Uint8Array | null },
): Promise<void> {
  if (data.puskesmas) await s.copyBinary(PUSKESMAS_COPY_TARGET, data.puskesmas);
  if (data.posyandu) await s.copyBinary(POSYANDU_COPY_TARGET, data.posyandu);
}
