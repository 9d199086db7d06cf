/**
 * The staging tables of an import, temporary and dropped at commit: `import_stage` (one row per
 * staged file row, STAGE_COLUMNS) and `import_identifiers` (the ciphertext of each identifier
 * hash staged rows carry). Filled by CSV COPY while the file is read; merged by import-merge.ts.
 */
import { sql } from "kysely";
import type { Session } from "../connection.ts";
import { traced } from "../trace.ts";
import { copyTarget, STAGE_COLUMNS } from "./import-columns.ts";

const STAGE_TARGET = copyTarget("import_stage", STAGE_COLUMNS);
const IDENTIFIERS_TARGET = "import_identifiers (hash, enc)";

/** Creates the staging tables in the session's open transaction. */
export async function createStageTables(s: Session): Promise<void> {
  const columns = STAGE_COLUMNS.map((c) => `${c.name} ${c.type}`).join(", ");
  await sql.raw(`CREATE TEMP TABLE import_stage (${columns}) ON COMMIT DROP`).execute(s.db);
  // Identifier ciphertexts, once per identifier (staged rows carry the keyed hash only).
  await sql.raw("CREATE TEMP TABLE import_identifiers (hash text, enc text) ON COMMIT DROP").execute(s.db);
}

/** Adds staged rows: CSV lines in STAGE_COLUMNS order. */
export function copyStageRows(s: Session, csv: string): Promise<void> {
  return traced("COPY import_stage", () => s.copyCsv(STAGE_TARGET, csv));
}

/** Adds identifiers: CSV lines (hash, ciphertext). */
export function copyIdentifiers(s: Session, csv: string): Promise<void> {
  return traced("COPY import_identifiers", () => s.copyCsv(IDENTIFIERS_TARGET, csv));
}

/**
 * Gives the session's temporary tables room in memory, where the session still allows it (the
 * setting is fixed once a session has used a temporary table): a large file's staging tables
 * are scanned several times.
 */
export async function roomForStaging(s: Session): Promise<void> {
  await sql
    .raw("SET temp_buffers = '256MB'")
    .execute(s.db)
    .catch(() => {});
}
