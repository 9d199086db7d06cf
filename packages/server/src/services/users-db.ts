/**
 * Kysely types of the users, sessions, audit log, boundary and upload tables
 * (migrations 0050–0099), added to the data platform's `DB`.
 */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

/** A timestamptz column: read as Date; optional on insert (database default). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type UsersTable = {
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
};

export type SessionsTable = {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
};

export type AuditLogTable = {
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
};

export type RegionBoundariesTable = {
  region_code: string;
  geometry: Json;
  attribution: string | null;
  uploaded_by: string | null;
  updated_at: Timestamp;
};

export type ImportUploadsTable = {
  id: string;
  file_name: string;
  file_path: string | null;
  district_code: string;
  status: "dry_run" | "imported";
  report: Json;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type AppSettingsTable = {
  key: string;
  value: Json;
  updated_at: Timestamp;
};

export type AppTables = {
  app_settings: AppSettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  region_boundaries: RegionBoundariesTable;
  import_uploads: ImportUploadsTable;
};

export type AppDB = DB & AppTables;

/** The same connection typed with the application tables as well. */
export function appDb(db: Kysely<DB>): Kysely<AppDB> {
  return db.withTables<AppTables>();
}
