/**
 * Table types of the aksi documents (migrations 0100–0104): rembuk stunting, regulations on
 * village roles, KPM, the desa convergence scorecard and the annual review. Part of the one
 * database type in schema.ts.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;
/** A date column: read as YYYY-MM-DD text (the connection's date parser), written as text. */
type DateText = ColumnType<string, string, string>;

export interface AksiRembukTable {
  id: string;
  cycle_id: string;
  district_code: string;
  level: "district" | "subdistrict" | "village";
  region_code: string;
  held_on: DateText;
  place: string;
  agenda: Json;
  commitment: Generated<string>;
  participants: Json;
  activities: Json;
  follow_ups: Json;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AksiRegulationsTable {
  id: string;
  district_code: string;
  region_code: string;
  kind: "perbup" | "perwali" | "perdes" | "perkades";
  number: string;
  issued_on: DateText;
  title: string;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AksiKpmTable {
  id: string;
  district_code: string;
  village_code: string;
  name: string;
  appointed_on: DateText | null;
  trained_on: DateText | null;
  training: Generated<string>;
  contact: Generated<string>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface DesaScorecardsTable {
  district_code: string;
  village_code: string;
  quarter: string;
  targets_ibu_hamil: number | null;
  targets_anak: number | null;
  counts: Json;
  source: Generated<string>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AksiReviewsTable {
  cycle_id: string;
  district_code: string;
  publication_comment: Generated<string>;
  publication_published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  publication_published_by: string | null;
  indicators: Json;
  lessons: Generated<string>;
  prefilled_cycle_id: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The aksi document tables, spread into the DB type of schema.ts. */
export interface AksiDocsTables {
  aksi_rembuk: AksiRembukTable;
  aksi_regulations: AksiRegulationsTable;
  aksi_kpm: AksiKpmTable;
  desa_scorecards: DesaScorecardsTable;
  aksi_reviews: AksiReviewsTable;
}
