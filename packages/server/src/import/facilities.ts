/**
 * The puskesmas and posyandu a file names, resolved to ids as rows are read: those the database
 * has (loaded once per district) and those the file names for the first time, created under
 * their village from the first row naming them (a posyandu with that row's puskesmas). New ones
 * are handed out as binary COPY data to be written before the rows that refer to them.
 */

import { placeKey } from "@tumbuh/core";
import { sql } from "kysely";
import { PgBinaryRows, uuid7Into, uuidBytes } from "../db/pg-binary.ts";
import type { HasDb } from "../db/schema.ts";

/** A posyandu or puskesmas: its 16-byte id. One object per facility, so identity compares them. */
export interface Facility {
  id: Buffer;
}

interface DistrictFacilities {
  puskesmas: Map<string, Facility>;
  /** by `<village code>|<posyandu key>` */
  posyandu: Map<string, Facility>;
  /** Answers by village code, posyandu and puskesmas as written. */
  answers: Map<string, Map<string, Map<string, Facility | undefined>>>;
}

function nested<V>(parent: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = parent.get(key);
  if (!m) {
    m = new Map();
    parent.set(key, m);
  }
  return m;
}

/** Memoised placeKey of the names that repeat row after row. */
const keys = new Map<string, string>();
function keyOf(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    if (keys.size > 100_000) keys.clear();
    k = placeKey(name);
    keys.set(name, k);
  }
  return k;
}

export const FACILITY_TARGETS = {
  puskesmas: "puskesmas (district_code, id, subdistrict_code, village_code, name, search_name)",
  posyandu: "posyandu (district_code, id, village_code, puskesmas_id, name, search_name)",
};

export class Facilities {
  private readonly districts = new Map<string, DistrictFacilities>();
  private readonly newPuskesmas = new PgBinaryRows(1 << 14);
  private readonly newPosyandu = new PgBinaryRows(1 << 14);
  puskesmasCreated = 0;
  posyanduCreated = 0;

  /** Loads the district's puskesmas and posyandu (once). */
  async load(h: HasDb, district: string): Promise<void> {
    if (this.districts.has(district)) return;
    const pk = await sql<{ id: string; search_name: string }>`
      SELECT id, search_name FROM puskesmas WHERE district_code = ${district}`.execute(h.db);
    const py = await sql<{ id: string; village_code: string; search_name: string }>`
      SELECT id, village_code, search_name FROM posyandu WHERE district_code = ${district}`.execute(h.db);
    this.districts.set(district, {
      puskesmas: new Map(pk.rows.map((r) => [r.search_name, { id: uuidBytes(r.id) }])),
      posyandu: new Map(py.rows.map((r) => [`${r.village_code}|${r.search_name}`, { id: uuidBytes(r.id) }])),
      answers: new Map(),
    });
  }

  /**
   * The posyandu of a row (undefined when it names none), creating its puskesmas and posyandu
   * on first sight. The district must have been loaded.
   */
  resolve(
    district: string,
    village: string,
    puskesmas: string | undefined,
    posyandu: string | undefined,
  ): Facility | undefined {
    const d = this.districts.get(district);
    if (!d) throw new Error(`facilities of district ${district} not loaded`);
    // Rows repeat the same few combinations: each is resolved once, by the names as written.
    const byVillage = nested(nested(d.answers, village), posyandu ?? "");
    const known = byVillage.get(puskesmas ?? "");
    if (known !== undefined || byVillage.has(puskesmas ?? "")) return known;
    const answer = this.resolveNew(d, district, village, puskesmas, posyandu);
    byVillage.set(puskesmas ?? "", answer);
    return answer;
  }

  private resolveNew(
    d: DistrictFacilities,
    district: string,
    village: string,
    puskesmas: string | undefined,
    posyandu: string | undefined,
  ): Facility | undefined {
    let pkm: Facility | undefined;
    if (puskesmas) {
      const k = keyOf(puskesmas);
      pkm = d.puskesmas.get(k);
      if (!pkm) {
        pkm = { id: Buffer.allocUnsafe(16) };
        uuid7Into(pkm.id);
        d.puskesmas.set(k, pkm);
        this.puskesmasCreated++;
        // puskesmas (district_code, id, subdistrict_code, village_code, name, search_name)
        this.newPuskesmas
          .row(6)
          .text(district)
          .uuid(pkm.id)
          .text(village.slice(0, 8))
          .text(village)
          .text(puskesmas)
          .text(k);
      }
    }
    if (!posyandu) return undefined;
    const yk = keyOf(posyandu);
    const key = `${village}|${yk}`;
    let py = d.posyandu.get(key);
    if (!py) {
      py = { id: Buffer.allocUnsafe(16) };
      uuid7Into(py.id);
      d.posyandu.set(key, py);
      this.posyanduCreated++;
      // posyandu (district_code, id, village_code, puskesmas_id, name, search_name)
      this.newPosyandu.row(6).text(district).uuid(py.id).text(village).uuid(pkm?.id).text(posyandu).text(yk);
    }
    return py;
  }

  /** The facilities created since the last call, as binary COPY data for FACILITY_TARGETS. */
  take(): { puskesmas: Buffer | null; posyandu: Buffer | null } {
    return { puskesmas: this.newPuskesmas.take(), posyandu: this.newPosyandu.take() };
  }
}
