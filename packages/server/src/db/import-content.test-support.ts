/**
 * Test support for the import's tests: what the tables an import writes hold, without ids and
 * times, in a stable order — two databases that imported the same files by different paths
 * must hold the same.
 */
import { sql } from "kysely";
import type { Database } from "./connection.ts";

/** Children and measurements as the tables hold them, without ids and times, in a stable order. */
export async function importedContent(database: Database) {
  const children = await sql<Record<string, unknown>>`
    SELECT c.village_code, p.search_name AS posyandu, c.nik_hash, c.nik_enc IS NOT NULL AS has_nik_enc, c.kk_hash,
      c.name, c.name_key, c.sex, c.birth_date, c.birth_weight, c.birth_length, c.mother_name, c.rt, c.rw, c.address,
      (SELECT count(*)::int FROM measurements m WHERE m.district_code = c.district_code AND m.child_id = c.id) AS n
    FROM children c LEFT JOIN posyandu p ON p.district_code = c.district_code AND p.id = c.posyandu_id
    ORDER BY c.name_key, c.birth_date, c.village_code, c.nik_hash NULLS FIRST`.execute(database.db);
  const measurements = await sql<Record<string, unknown>>`
    SELECT c.name_key, c.birth_date, c.nik_hash, m.village_code, p.search_name AS posyandu, m.measured_on, m.age_days,
      m.weight, m.lenhei, m.measure, m.oedema, m.zlen, m.zwei, m.zwfl, m.zbmi, m.flen, m.fwei, m.fwfl, m.fbmi,
      m.status_tbu, m.status_bbu, m.status_bbtb, m.status_imtu, m.source
    FROM measurements m JOIN children c ON c.district_code = m.district_code AND c.id = m.child_id
    LEFT JOIN posyandu p ON p.district_code = m.district_code AND p.id = m.posyandu_id
    ORDER BY c.name_key, c.birth_date, c.nik_hash NULLS FIRST, m.measured_on, m.village_code`.execute(
    database.db,
  );
  const rollups = await sql<Record<string, unknown>>`
    SELECT unit_kind, unit_code, period, measured, haz_valid, stunted, severely_stunted, whz_valid, wasted,
      severely_wasted, overweight, waz_valid, underweight, new_stunting
    FROM rollup_district WHERE unit_kind <> 'posyandu' ORDER BY unit_kind, unit_code, period`.execute(
    database.db,
  );
  const facilities = await sql<Record<string, unknown>>`
    SELECT p.village_code, p.name, p.search_name, k.search_name AS puskesmas
    FROM posyandu p LEFT JOIN puskesmas k ON k.district_code = p.district_code AND k.id = p.puskesmas_id
    ORDER BY 1, 3`.execute(database.db);
  return {
    children: children.rows,
    measurements: measurements.rows,
    rollups: rollups.rows,
    facilities: facilities.rows,
  };
}
