/**
 * The place of a file row: its district (from --district, its village code, or its Kab/Kota and
 * Prov names) and its village (by code, or by name within the district and kecamatan).
 */
import { districtOfCode, levelOfCode } from "@tumbuh/core";
import { text } from "./cells.ts";
import { type PlaceInfo, type RawRecord, type RowProblem, rowProblem } from "./checked-row.ts";
import type { PlaceResolver, Resolved } from "./places.ts";

export type RowPlace = ({ ok: true } & PlaceInfo) | ({ ok: false } & RowProblem);

/** A district named in the row, resolved (from memory when the same names came before). */
async function namedDistrict(places: PlaceResolver, rec: RawRecord, name: string): Promise<Resolved> {
  const province = text(rec.province);
  return places.knownDistrictByNames(name, province) ?? (await places.districtByNames(name, province));
}

/** The district and village of a row, or the field and reason it cannot be placed. */
export async function placeOfRow(
  rec: RawRecord,
  places: PlaceResolver,
  optionDistrict: string | undefined,
): Promise<RowPlace> {
  let districtCode = optionDistrict;
  const vcode = text(rec.villageCode);
  if (!districtCode && vcode && levelOfCode(vcode) === "village") districtCode = districtOfCode(vcode);
  const dname = text(rec.district);
  if (!districtCode) {
    if (!dname) return { ok: false, ...rowProblem("Kab/Kota", "row.noDistrict") };
    const r = await namedDistrict(places, rec, dname);
    if (!r.ok) return r;
    districtCode = r.code;
  } else if (optionDistrict && dname) {
    const r = await namedDistrict(places, rec, dname);
    if (r.ok && r.code !== optionDistrict) {
      return {
        ok: false,
        ...rowProblem("Kab/Kota", "row.otherDistrict", dname, { code: r.code, district: optionDistrict }),
      };
    }
  }
  const d = places.loadedDistrict(districtCode) ?? (await places.district(districtCode));
  if (!d)
    return {
      ok: false,
      ...rowProblem("Kode Desa", "row.unknownVillageCode", vcode ?? districtCode, { district: districtCode }),
    };
  const village = places.village(d, text(rec.village), text(rec.subdistrict), vcode);
  if (!village.ok) return village;
  return { ok: true, districtCode, villageCode: village.code };
}
