/**
 * Table types of keluarga sasaran, TPK, Audit Kasus Stunting, mini lokakarya and TPPS (migrations
 * 0070–0074), part of the one database type `DB` in schema.ts.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

interface Mutable {
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FamiliesTable extends Mutable {
  district_code: string;
  id: string;
  village_code: string;
  semester: string;
  data_source: string;
  head_name: string;
  mother_name: string | null;
  mother_birth_date: string | null;
  pregnant: boolean | null;
  children_recorded: Generated<boolean>;
  water_source: string | null;
  latrine: string | null;
  rt: string | null;
  rw: string | null;
  address: string | null;
  assessed_on: string;
  krs_rule: string;
  krs_verdict: "berisiko" | "tidak_berisiko" | "tidak_diketahui";
  krs_factors: Json;
}

export interface FamilyChildrenTable {
  district_code: string;
  id: string;
  family_id: string;
  position: number;
  name: string;
  birth_date: string | null;
  child_id: string | null;
}

interface TpkTeamsTable extends Mutable {
  district_code: string;
  id: string;
  name: string;
  bidan_name: string | null;
  pkk_name: string | null;
  kb_name: string | null;
}

interface TpkTeamVillagesTable {
  district_code: string;
  team_id: string;
  village_code: string;
}

export interface TpkTargetsTable extends Mutable {
  district_code: string;
  id: string;
  village_code: string;
  kind: "catin" | "ibu_hamil" | "ibu_pascasalin" | "baduta" | "balita";
  name: string;
  family_id: string | null;
  child_id: string | null;
  source: "manual" | "posyandu" | "keluarga";
  reasons: Json;
  since: string;
  /** A bride-to-be's wedding date (she is a target from 3 months before it). */
  wedding_date: string | null;
  active: Generated<boolean>;
}

export interface TpkVisitsTable extends Mutable {
  district_code: string;
  id: string;
  target_id: string;
  team_id: string | null;
  village_code: string;
  visited_on: string;
  visit_type: "penyuluhan" | "rujukan" | "bansos";
  findings: string | null;
  follow_up: string | null;
  follow_up_due: string | null;
  /** Screening of a catin or a pregnant woman at the visit: LiLA (cm), Hb (g/dL), Elsimil result. */
  lila_cm: number | null;
  hb_gdl: number | null;
  elsimil: "ideal" | "berisiko" | null;
  created_by: string | null;
}

export interface AksCyclesTable extends Mutable {
  district_code: string;
  id: string;
  semester: string;
  panel: Json;
  dissemination_on: string | null;
  dissemination_participants: string | null;
  dissemination_notes: string | null;
  created_by: string | null;
}

export type AksTeamRole = "ketua" | "tim_teknis" | "tim_pakar" | "sekretariat";

interface AksTeamTable {
  district_code: string;
  cycle_id: string;
  user_id: string;
  team_role: AksTeamRole;
}

type AksCaseStatus = "terpilih" | "dikaji" | "direkomendasikan" | "ditindaklanjuti" | "selesai";

export interface AksCasesTable extends Mutable {
  district_code: string;
  id: string;
  cycle_id: string;
  village_code: string;
  kind: "anak" | "ibu_hamil" | "catin";
  child_id: string | null;
  family_id: string | null;
  /** A case found among the TPK targets (a catin, or a pregnant woman not linked to a family). */
  tpk_target_id: string | null;
  person_name: string;
  address: string | null;
  reasons: Json;
  selection_note: string;
  status: Generated<AksCaseStatus>;
  worksheet: Json;
  review: string | null;
  recommendations: string | null;
  reviewed_on: string | null;
  selected_by: string | null;
}

export interface AksFollowupsTable extends Mutable {
  district_code: string;
  id: string;
  cycle_id: string;
  case_id: string | null;
  agency: string;
  action: string;
  due_on: string | null;
  status: Generated<"rencana" | "berjalan" | "selesai" | "batal">;
}

/** The tables of migrations 0070–0074. */
export interface FamilyTables {
  families: FamiliesTable;
  family_children: FamilyChildrenTable;
  tpk_teams: TpkTeamsTable;
  tpk_team_villages: TpkTeamVillagesTable;
  tpk_targets: TpkTargetsTable;
  tpk_visits: TpkVisitsTable;
  aks_cycles: AksCyclesTable;
  aks_team: AksTeamTable;
  aks_cases: AksCasesTable;
  aks_followups: AksFollowupsTable;
}
