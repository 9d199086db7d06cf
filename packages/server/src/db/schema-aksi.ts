/**
 * Table types of the aksi konvergensi and penilaian kinerja (migrations 0065 and 0066), part of the
 * one database type in schema.ts.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;
type AksiStatusColumn = "belum" | "proses" | "selesai" | "direviu";

interface AksiConfigsTable {
  version: string;
  valid_from: number;
  config: Json;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AksiCyclesTable {
  id: string;
  district_code: string;
  year: number;
  config_version: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface AksiEntriesTable {
  cycle_id: string;
  district_code: string;
  aksi_code: string;
  status: ColumnType<AksiStatusColumn, AksiStatusColumn | undefined, AksiStatusColumn>;
  notes: Generated<string>;
  outputs_done: Json;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AksiEvidenceTable {
  id: string;
  cycle_id: string;
  district_code: string;
  aksi_code: string;
  output_code: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: Generated<Date>;
  removed_at: Timestamp | null;
  removed_by: string | null;
}

export interface PkAssessmentsTable {
  id: string;
  province_code: string;
  year: number;
  instrument: Json;
  status: ColumnType<"draft" | "published", "draft" | "published" | undefined, "draft" | "published">;
  decree_number: string | null;
  result: Json;
  published_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
}

interface PkPanelistsTable {
  assessment_id: string;
  user_id: string;
  role: "ketua" | "anggota";
}

interface PkDistrictsTable {
  assessment_id: string;
  district_code: string;
  recommendation: Generated<string>;
}

export interface PkGradesTable {
  assessment_id: string;
  district_code: string;
  item_code: string;
  panelist_id: string;
  grade: string | null;
  note: Generated<string>;
  updated_at: Timestamp;
}

export interface PkValuesTable {
  assessment_id: string;
  district_code: string;
  item_code: string;
  value: number | null;
  source: string;
  updated_at: Timestamp;
  prevalence_before: ColumnType<number | null, number | null | undefined, number | null>;
  prevalence_after: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The aksi and penilaian tables, spread into the DB type of schema.ts. */
export interface AksiTables {
  aksi_configs: AksiConfigsTable;
  aksi_cycles: AksiCyclesTable;
  aksi_entries: AksiEntriesTable;
  aksi_evidence: AksiEvidenceTable;
  pk_assessments: PkAssessmentsTable;
  pk_panelists: PkPanelistsTable;
  pk_districts: PkDistrictsTable;
  pk_grades: PkGradesTable;
  pk_values: PkValuesTable;
}
