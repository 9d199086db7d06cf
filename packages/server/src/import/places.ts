/**
 * Resolving the places a file names (province, district, kecamatan, village, as names or codes)
 * to region codes. Names resolve within one district, ignoring case, punctuation and prefixes
 * such as "Kab." or "Desa".
 */

import { placeKey } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

interface DistrictPlaces {
  code: string;
  name: string;
  subdistrictByKey: Map<string, string>;
  /** village key -> codes (a name can repeat in two kecamatan of a district) */
  villagesByKey: Map<string, string[]>;
  villageCodes: Set<string>;
}

export type Resolved = { ok: true; code: string } | { ok: false; field: string; reason: string };

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

  constructor(private readonly database: { db: Kysely<DB> }) {}

  /** The regions of a district, loaded once; undefined when no such district exists. */
  async district(code: string): Promise<DistrictPlaces | undefined> {
    const cached = this.districts.get(code);
    if (cached) return cached;
    const rows = await this.database.db
      .selectFrom("regions")
      .select(["code", "name", "level"])
      .where((eb) => eb.or([eb("code", "=", code), eb("code", "like", `${code}.%`)]))
      .execute();
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
    const rows = await this.database.db
      .selectFrom("regions")
      .select(["code", "kind", "search_name"])
      .where("level", "=", "district")
      .where("search_name", "like", `%${key}`)
      .execute();
    let hits = rows.filter((r) => placeKey(r.search_name) === key);
    if (hits.length > 1 && (wantKota || wantKab))
      hits = hits.filter((r) => r.kind === (wantKota ? "kota" : "kabupaten"));
    if (hits.length > 1 && provinceName) {
      const prov = await this.database.db
        .selectFrom("regions")
        .select(["code", "search_name"])
        .where("level", "=", "province")
        .execute();
      const p = prov.find((r) => placeKey(r.search_name) === placeKey(provinceName));
      if (p) hits = hits.filter((h) => h.code.startsWith(`${p.code}.`));
    }
    const result: Resolved =
      hits.length === 1
        ? { ok: true, code: hits[0].code }
        : hits.length === 0
          ? { ok: false, field: "Kab/Kota", reason: `no district named "${districtName}"` }
          : {
              ok: false,
              field: "Kab/Kota",
              reason: `district name "${districtName}" is ambiguous (${hits.map((h) => h.code).join(", ")}); use --district`,
            };
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
        : {
            ok: false,
            field: "Kode Desa",
            reason: `no village with code "${villageCode}" in district ${d.code}`,
          };
    }
    if (!village)
      return {
        ok: false,
        field: "Desa/Kel",
        reason: "village is empty; expected the name of a village of the district",
      };
    let candidates = d.villagesByKey.get(placeKey(village)) ?? [];
    if (subdistrict) {
      const sd = d.subdistrictByKey.get(placeKey(subdistrict));
      if (!sd)
        return {
          ok: false,
          field: "Kec",
          reason: `no kecamatan named "${subdistrict}" in ${d.name} (${d.code})`,
        };
      candidates = candidates.filter((c) => c.startsWith(`${sd}.`));
      if (candidates.length === 0)
        return {
          ok: false,
          field: "Desa/Kel",
          reason: `no village named "${village}" in kecamatan ${subdistrict} of ${d.name}`,
        };
    }
    if (candidates.length === 1) return { ok: true, code: candidates[0] };
    if (candidates.length === 0)
      return {
        ok: false,
        field: "Desa/Kel",
        reason: `no village named "${village}" in ${d.name} (${d.code})`,
      };
    return {
      ok: false,
      field: "Desa/Kel",
      reason: `village name "${village}" is ambiguous in ${d.name} (${candidates.join(", ")}); give the kecamatan`,
    };
  }
}
