/**
 * Kysely table types for the database (mirrors `migrations/*.sql`). Columns with a database
 * default are `Generated`; `date` columns are read as `YYYY-MM-DD` strings (see connection.ts).
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD', written as the same. */
type DateText = string;
/** bigint/numeric aggregates come back from pg as strings. */

export type RegionLevel = "province" | "district" | "subdistrict" | "village";
export type RegionKind = "provinsi" | "kabupaten" | "kota" | "kecamatan" | "desa" | "kelurahan" | "desa_adat";
export type MeasurementSource = "posyandu" | "eppgbm_import" | "serentak";

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  applied_at: Generated<Date>;
}

export interface RegionCodeSetsTable {
  version: string;
  source: string;
  licence: string;
  loaded_at: Generated<Date>;
  provinces: number;
  districts: number;
  subdistricts: number;
  villages: number;
}

export interface RegionsTable {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  parent_code: string | null;
  code_set: string;
  search_name: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

interface Mutable {
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface PuskesmasTable extends Mutable {
  district_code: string;
  id: string;
  subdistrict_code: string | null;
  village_code: string | null;
  code: string | null;
  name: string;
  search_name: string;
}

export interface PosyanduTable extends Mutable {
  district_code: string;
  id: string;
  village_code: string;
  puskesmas_id: string | null;
  name: string;
  search_name: string;
}

export interface ChildrenTable extends Mutable {
  district_code: string;
  id: string;
  village_code: string;
  posyandu_id: string | null;
  nik_hash: string | null;
  nik_enc: string | null;
  kk_hash: string | null;
  kk_enc: string | null;
  name: string;
  name_key: string;
  sex: 1 | 2;
  birth_date: DateText;
  birth_weight: number | null;
  birth_length: number | null;
  mother_name: string | null;
  mother_nik_hash: string | null;
  mother_nik_enc: string | null;
  rt: string | null;
  rw: string | null;
  address: string | null;
}

export interface MeasurementsTable extends Mutable {
  district_code: string;
  id: string;
  child_id: string;
  village_code: string;
  posyandu_id: string | null;
  measured_on: DateText;
  age_days: number;
  weight: number | null;
  lenhei: number | null;
  measure: "l" | "h" | null;
  oedema: Generated<boolean>;
  headc: number | null;
  armc: number | null;
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  zbmi: number | null;
  zhc: number | null;
  zac: number | null;
  flen: Generated<boolean>;
  fwei: Generated<boolean>;
  fwfl: Generated<boolean>;
  fbmi: Generated<boolean>;
  status_tbu: string | null;
  status_bbu: string | null;
  status_bbtb: string | null;
  status_imtu: string | null;
  source: MeasurementSource;
  import_id: string | null;
}

export interface ImportsTable {
  id: string;
  district_code: string | null;
  file_name: string;
  file_sha256: string | null;
  status: "dry_run" | "committed" | "failed";
  started_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
  rows_read: Generated<number>;
  rows_rejected: Generated<number>;
  children_created: Generated<number>;
  children_updated: Generated<number>;
  measurements_added: Generated<number>;
  measurements_updated: Generated<number>;
  measurements_unchanged: Generated<number>;
  report: ColumnType<unknown, string | undefined, string>;
  created_by: string | null;
}

export interface TargetsTable extends Mutable {
  district_code: string;
  village_code: string;
  year: number;
  children_0_59: number;
  source: Generated<string>;
}

/** Counts shared by every roll-up row. */
export interface RollupCounts {
  measured: number;
  haz_valid: number;
  stunted: number;
  severely_stunted: number;
  whz_valid: number;
  wasted: number;
  severely_wasted: number;
  overweight: number;
  waz_valid: number;
  underweight: number;
  new_stunting: number;
  target: number | null;
}

export interface RollupDistrictTable extends RollupCounts {
  district_code: string;
  unit_kind: "village" | "subdistrict" | "district" | "posyandu";
  unit_code: string;
  period: string;
  refreshed_at: Generated<Timestamp>;
}

export interface RollupUpperTable extends RollupCounts {
  region_code: string;
  period: string;
  refreshed_at: Generated<Timestamp>;
}

/** Districts whose roll-ups wait for the refresh that follows an import (migration 0008). */
export interface RollupPendingTable {
  district_code: string;
  version: Generated<number>;
  since: Generated<Timestamp>;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  region_code_sets: RegionCodeSetsTable;
  regions: RegionsTable;
  puskesmas: PuskesmasTable;
  posyandu: PosyanduTable;
  children: ChildrenTable;
  measurements: MeasurementsTable;
  imports: ImportsTable;
  targets: TargetsTable;
  rollup_district: RollupDistrictTable;
  rollup_upper: RollupUpperTable;
  rollup_pending: RollupPendingTable;
}
