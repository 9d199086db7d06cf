/**
 * Table types of the posyandu referrals and the KBM variant choice (migrations 0090–0092), part of
 * the one database type `DB` in schema.ts.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A referral's status: referred by the posyandu, attended at the puskesmas, resolved. */
export type ReferralStatus = "referred" | "attended" | "resolved";

export interface ReferralsTable {
  district_code: string;
  id: string;
  child_id: string;
  village_code: string;
  posyandu_id: string | null;
  puskesmas_id: string | null;
  reasons: string[];
  alert_month: string;
  status: ReferralStatus;
  referred_on: string;
  note: string | null;
  status_by: string | null;
  status_by_name: string | null;
  status_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

interface ReferralEventsTable {
  district_code: string;
  referral_id: string;
  seq: number;
  status: ReferralStatus;
  note: string | null;
  user_id: string | null;
  username: string | null;
  at: Timestamp;
}

interface KbmChoiceTable {
  region_code: string;
  kbm_table: string;
  note: string | null;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Timestamp;
}

export interface PosyTables {
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  kbm_choice: KbmChoiceTable;
}
