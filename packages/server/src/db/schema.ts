/**
 * The one set of Kysely table types for the whole database (mirrors `migrations/*.sql`). Columns
 * with a database default are `Generated`; `date` columns are read as `YYYY-MM-DD` strings and
 * counts (bigint) as numbers (see connection.ts).
 */
import type { RegionLevel as AnyRegionLevel, RegionKind } from "@tumbuh/core";
import type { ColumnType, Generated, Kysely } from "kysely";
import type { MomentColumn } from "./repositories/rollup-counts.ts";
import type { AksiTables } from "./schema-aksi.ts";
import type { AksiDocsTables } from "./schema-aksi-docs.ts";
import type { AksiPlanTables } from "./schema-aksi-plan.ts";
import type { FamilyTables } from "./schema-families.ts";
import type { KeluargaTables } from "./schema-keluarga.ts";
import type { PosyTables } from "./schema-posy.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'YYYY-MM-DD', written as the same. */
type DateText = string;
/** A json/jsonb column: read as parsed JSON, written as JSON text. */
type Json = ColumnType<unknown, string | null | undefined, string | null>;

/** The levels a stored region has (the nation is not a row). */
export type RegionLevel = Exclude<AnyRegionLevel, "nation">;
export type { RegionKind };

type MeasurementSource = "posyandu" | "eppgbm_import" | "serentak";

interface SchemaMigrationsTable {
  version: string;
  name: string;
  applied_at: Generated<Date>;
}

interface RegionCodeSetsTable {
  version: string;
  source: string;
  licence: string;
  loaded_at: Timestamp;
  provinces: number;
  districts: number;
  subdistricts: number;
  villages: number;
}

interface RegionsTable {
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
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

interface PuskesmasTable extends Mutable {
  district_code: string;
  id: string;
  subdistrict_code: string | null;
  village_code: string | null;
  code: string | null;
  name: string;
  search_name: string;
}

interface PosyanduTable extends Mutable {
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
  /** The id an offline device gave the record (migration 0075); null for imports and online entry. */
  client_id: string | null;
  /** KMS / Buku KIA (migration 0092): null when not recorded. */
  has_kms: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
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
  /** The id an offline device gave the measurement (migration 0075); a replay finds it. */
  client_id: string | null;
  /** KMS / Buku KIA seen at this weighing (migration 0092): null when not recorded. */
  has_kms: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
}

interface ImportsTable {
  id: string;
  district_code: string | null;
  file_name: string;
  file_sha256: string | null;
  status: "dry_run" | "committed" | "failed";
  started_at: Timestamp;
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

interface TargetsTable extends Mutable {
  district_code: string;
  village_code: string;
  year: number;
  children_0_59: number;
  source: Generated<string>;
}

/** Counts shared by every roll-up row (their one list: repositories/rollup-counts.ts). */
interface RollupCounts {
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

interface RollupDistrictTable extends RollupCounts, Record<MomentColumn, Generated<number>> {
  district_code: string;
  unit_kind: "village" | "subdistrict" | "district" | "posyandu";
  unit_code: string;
  period: string;
  refreshed_at: Timestamp;
}

/** The data-quality tally of a unit's measurements in a period (migration 0114, core data-quality-tally.ts). */
interface RollupQualityTable {
  district_code: string;
  unit_kind: "village" | "subdistrict" | "district" | "posyandu";
  unit_code: string;
  period: string;
  /** QUALITY_TALLY_LENGTH counts, packed (core tally-packing.ts, migration 0116). */
  tally: Buffer;
  dup_groups: number;
  dup_extra: number;
  refreshed_at: Generated<Timestamp>;
}

interface RollupUpperTable extends RollupCounts {
  region_code: string;
  period: string;
  refreshed_at: Timestamp;
}

/** SKDN and growth-faltering counts of a unit and month (migration 0060). */
interface RollupSkdnTable {
  district_code: string;
  unit_kind: "village" | "subdistrict" | "district" | "posyandu";
  unit_code: string;
  period: string;
  s: number;
  k: number;
  k_unknown: number;
  d: number;
  n: number;
  t: number;
  o: number;
  b: number;
  two_t: number;
  bgm: number;
  kbm_table: string;
  refreshed_at: Generated<Timestamp>;
}

/** Districts whose roll-ups wait for the refresh that follows an import (migration 0008). */
interface RollupPendingTable {
  district_code: string;
  version: Generated<number>;
  since: Timestamp;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  region_code: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  region_code: string | null;
  before: Json;
  after: Json;
  ip: string | null;
}

interface RegionBoundariesTable {
  region_code: string;
  geometry: Json;
  attribution: string | null;
  uploaded_by: string | null;
  updated_at: Timestamp;
}

export interface ImportUploadsTable {
  id: string;
  file_name: string;
  file_path: string | null;
  district_code: string;
  status: "dry_run" | "imported" | "cancelled" | "expired";
  report: Json;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface AppSettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

/** One row: the fingerprint of the key that protects NIK and No. KK (migration 0055). */
interface PiiKeyFingerprintTable {
  id: Generated<boolean>;
  fingerprint: string;
  created_at: Generated<Timestamp>;
}

export interface DB
  extends FamilyTables,
    AksiTables,
    KeluargaTables,
    PosyTables,
    AksiDocsTables,
    AksiPlanTables {
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
  rollup_skdn: RollupSkdnTable;
  rollup_quality: RollupQualityTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  region_boundaries: RegionBoundariesTable;
  import_uploads: ImportUploadsTable;
  app_settings: AppSettingsTable;
  pii_key_fingerprint: PiiKeyFingerprintTable;
}

/** Anything holding a database handle: a Database, a Session, or `{ db: trx }` inside a transaction. */
export interface HasDb {
  db: Db;
}

/** A handle on the database: the pool, or one transaction. Only the data layer queries through it. */
export type Db = Kysely<DB>;
