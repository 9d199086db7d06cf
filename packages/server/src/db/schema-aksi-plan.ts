/**
 * Table types of analisis situasi and the integrated activity plan (migration 0095), part of the one
 * database type in schema.ts.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
type Numeric = number;
type NullableNumeric = number | null;

export interface AksiIndicatorTargetsTable {
  district_code: string;
  indicator_code: string;
  year: number;
  value: Numeric;
  source: string;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AksiIndicatorValuesTable {
  district_code: string;
  region_code: string;
  indicator_code: string;
  period: string;
  numerator: NullableNumeric;
  denominator: NullableNumeric;
  value: Numeric;
  source: string;
  entry: "form" | "import";
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AksiLokusDecisionsTable {
  cycle_id: string;
  district_code: string;
  data_year: number;
  villages: Json;
  reason: string;
  rule: Json;
  ranking: Json;
  evidence_id: string | null;
  decided_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AksiActivitiesTable {
  id: string;
  cycle_id: string;
  district_code: string;
  opd: string;
  program_code: string;
  program_name: string;
  kegiatan_code: string;
  kegiatan_name: string;
  sub_kegiatan_code: string;
  sub_kegiatan_name: string;
  name: string;
  intervention: "spesifik" | "sensitif" | "koordinatif";
  indicator_code: string | null;
  pillar: number;
  villages: Json;
  volume: NullableNumeric;
  unit: string;
  pagu: Json;
  realisasi: Json;
  volume_done: NullableNumeric;
  start_month: number;
  end_month: number;
  created_by: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The analisis situasi and plan tables, spread into the DB type of schema.ts. */
export interface AksiPlanTables {
  aksi_indicator_targets: AksiIndicatorTargetsTable;
  aksi_indicator_values: AksiIndicatorValuesTable;
  aksi_lokus_decisions: AksiLokusDecisionsTable;
  aksi_activities: AksiActivitiesTable;
}
