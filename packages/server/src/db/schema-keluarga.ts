/**
 * Table types of TPPS teams and mini lokakarya kecamatan (migrations 0110–0111), part of the one
 * database type in schema.ts.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export interface TppsTeamsTable {
  id: string;
  region_code: string;
  level: "province" | "district" | "subdistrict" | "village";
  name: string;
  decree_number: string | null;
  decree_date: string | null;
  period_from: string;
  period_to: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

interface TppsPeopleTable {
  id: string;
  scope_code: string;
  name: string;
  name_key: string;
  created_at: Timestamp;
}

export interface TppsMembersTable {
  id: string;
  team_id: string;
  person_id: string;
  role: "pengarah" | "ketua" | "wakil_ketua" | "sekretaris" | "bidang" | "anggota";
  bidang: string | null;
  position_title: string | null;
  agency: string;
  position: Generated<number>;
  created_at: Timestamp;
}

export interface MinilokMeetingsTable {
  id: string;
  district_code: string;
  subdistrict_code: string;
  held_on: string;
  place: string | null;
  review_from: string;
  review_to: string;
  semester: string;
  participants: Json;
  notes: string | null;
  checklist_version: string;
  checklist_source: string;
  checklist_confidence: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MinilokVillageReviewsTable {
  meeting_id: string;
  village_code: string;
  problems: string | null;
  follow_up: string | null;
}

export interface MinilokChecklistTable {
  meeting_id: string;
  position: number;
  code: string;
  item_group: "3_standar" | "4_pasti" | "lainnya";
  label: string;
  met: boolean | null;
  note: string | null;
}

export interface MinilokVerificationsTable {
  meeting_id: string;
  kind: "kasus" | "keluarga";
  entity_id: string;
  verdict: "valid" | "tidak_valid";
  note: string | null;
}

export interface MinilokRecommendationsTable {
  id: string;
  meeting_id: string;
  subdistrict_code: string;
  village_code: string | null;
  action: string;
  owner: string;
  due_on: string | null;
  status: Generated<"belum" | "proses" | "selesai" | "batal">;
  status_note: string | null;
  closed_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface KeluargaTables {
  tpps_teams: TppsTeamsTable;
  tpps_people: TppsPeopleTable;
  tpps_members: TppsMembersTable;
  minilok_meetings: MinilokMeetingsTable;
  minilok_village_reviews: MinilokVillageReviewsTable;
  minilok_checklist: MinilokChecklistTable;
  minilok_verifications: MinilokVerificationsTable;
  minilok_recommendations: MinilokRecommendationsTable;
}
