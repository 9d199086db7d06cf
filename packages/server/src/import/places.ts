/**
 * Resolving the places a file names (province, district, kecamatan, village, as names or codes)
 * to region codes. Names resolve within one district, ignoring case, punctuation and prefixes
 * such as "Kab." or "Desa".
 */

import { placeKey } from "@tumbuh/core";
import type { Session } from "../db/connection.ts";
import { districtsEndingWith, provinces, regionsUnder } from "../db/repositories/import-places.ts";
import { type RowProblem, rowProblem } from "./checked-row.ts";

interface DistrictPlaces {
  code: string;
  name: string;
  subdistrictByKey: Map<string, string>;
  /** village key -> codes (a name can repeat in two kecamatan of a district) */
  villagesByKey: Map<string, string[]>;
  villageCodes: Set<string>;
}

export type Resolved = { ok: true; code: string } | ({ ok: false } & RowProblem);

/** A place that does not resolve: the row problem. */
function unresolved(
  field: string,
  code: RowProblem["code"],
  value = "",
  params: Record<string, string | number> = {},
): Resolved {
  return { ok: false, ...rowProblem(field, code, value, params) };
}

/** The map under `key` in `parent`, created when missing. */
function child<V>(parent: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = parent.get(key);
  if (!m) {
    m = new Map();
    parent.set(key, m);
  }
  return m;
}

/** Caches the regions of the districts a file touches. */
export class PlaceResolver {
  private districts = new Map<string, DistrictPlaces>();
  private districtByName = new Map<string, Resolved>();
  /** Answers per district, village code, village name and kecamatan name (nested: no key strings to build per row). */
  private villageAnswers = new Map<string, Map<string, Map<string, Map<string, Resolved>>>>();
  private villageAnswerCount = 0;

  /** `database`: a Database or a Session (look-ups then run in its transaction). */
  constructor(private readonly database: Pick<Session, "db">) {}

  /** The regions of a district, loaded once; undefined when no such district exists. */
  async district(code: string): Promise<DistrictPlaces | undefined> {
    const cached = this.districts.get(code);
    if (cached) return cached;
    const rows = await regionsUnder(this.database, code);
    const d = rows.find((r) => r.code === code && r.level === "district");
    if (!d) return undefined;
    const places: DistrictPlaces = {
      code,
      name: d.name,
      subdistrictByKey: new Map(),
      villagesByKey: new Map(),
      villageCodes: new Set(),
    };
    for (const r of rows) {
      if (r.level === "subdistrict") places.subdistrictByKey.set(placeKey(r.name), r.code);
      if (r.level === "village") {
        places.villageCodes.add(r.code);
        const k = placeKey(r.name);
        const list = places.villagesByKey.get(k);
        if (list) list.push(r.code);
        else places.villagesByKey.set(k, [r.code]);
      }
    }
    this.districts.set(code, places);
    return places;
  }

  /** The district's regions when already loaded by `district` (no query), else undefined. */
  loadedDistrict(code: string): DistrictPlaces | undefined {
    return this.districts.get(code);
  }

  /** The answer of an earlier `districtByNames` for the same names (no query), else undefined. */
  knownDistrictByNames(districtName: string, provinceName?: string): Resolved | undefined {
    return this.districtByName.get(`${provinceName ?? ""}|${districtName}`);
  }

  /** A district named in a file ("KABUPATEN TRENGGALEK", "Kab. Trenggalek", "TRENGGALEK"), within a province when named. */
  async districtByNames(districtName: string, provinceName?: string): Promise<Resolved> {
    const cacheKey = `${provinceName ?? ""}|${districtName}`;
    const cached = this.districtByName.get(cacheKey);
    if (cached) return cached;
    const key = placeKey(districtName);
    const wantKota = /^\s*kota\b/i.test(districtName);
    const wantKab = /^\s*kab/i.test(districtName);
    const rows = await districtsEndingWith(this.database, key);
    let hits = rows.filter((r) => placeKey(r.search_name) === key);
    if (hits.length > 1 && (wantKota || wantKab))
      hits = hits.filter((r) => r.kind === (wantKota ? "kota" : "kabupaten"));
    if (hits.length > 1 && provinceName) {
      const prov = await provinces(this.database);
      const p = prov.find((r) => placeKey(r.search_name) === placeKey(provinceName));
      if (p) hits = hits.filter((h) => h.code.startsWith(`${p.code}.`));
    }
    const result: Resolved =
      hits.length === 1
        ? { ok: true, code: hits[0].code }
        : hits.length === 0
          ? unresolved("Kab/Kota", "row.unknownDistrict", districtName)
          : unresolved("Kab/Kota", "row.ambiguousDistrict", districtName, {
              codes: hits.map((h) => h.code).join(", "),
            });
    this.districtByName.set(cacheKey, result);
    return result;
  }

  /**
   * The village code for a row: a village code column wins; else the village name, within the
   * kecamatan when one is named.
   */
  village(
    d: DistrictPlaces,
    village: string | undefined,
    subdistrict: string | undefined,
    villageCode: string | undefined,
  ): Resolved {
    // Rows repeat the same few hundred places: answers are kept per district and names.
    if (this.villageAnswerCount > 100_000) {
      this.villageAnswers.clear();
      this.villageAnswerCount = 0;
    }
    const byCode = child(child(child(this.villageAnswers, d.code), villageCode ?? ""), village ?? "");
    let r = byCode.get(subdistrict ?? "");
    if (!r) {
      r = this.resolveVillage(d, village, subdistrict, villageCode);
      byCode.set(subdistrict ?? "", r);
      this.villageAnswerCount++;
    }
    return r;
  }

  private resolveVillage(
    d: DistrictPlaces,
    village: string | undefined,
    subdistrict: string | undefined,
    villageCode: string | undefined,
  ): Resolved {
    if (villageCode) {
      return d.villageCodes.has(villageCode)
        ? { ok: true, code: villageCode }
        : unresolved("Kode Desa", "row.unknownVillageCode", villageCode, {
            district: `${d.name} (${d.code})`,
          });
    }
    if (!village) return unresolved("Desa/Kel", "row.empty");
    let candidates = d.villagesByKey.get(placeKey(village)) ?? [];
    if (subdistrict) {
      const sd = d.subdistrictByKey.get(placeKey(subdistrict));
      if (!sd)
        return unresolved("Kec", "row.unknownSubdistrict", subdistrict, {
          district: `${d.name} (${d.code})`,
        });
      candidates = candidates.filter((c) => c.startsWith(`${sd}.`));
      if (candidates.length === 0)
        return unresolved("Desa/Kel", "row.unknownVillageIn", village, { subdistrict });
    }
    if (candidates.length === 1) return { ok: true, code: candidates[0] };
    if (candidates.length === 0)
      return unresolved("Desa/Kel", "row.unknownVillage", village, { district: `${d.name} (${d.code})` });
    return unresolved("Desa/Kel", "row.ambiguousVillage", village, { codes: candidates.join(", ") });
  }
}
