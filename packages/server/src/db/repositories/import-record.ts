/**
 * An import's transaction and its record: the file's rows are written in one transaction on one
 * pinned session (temporary tables and COPY share it), which ends by recording the import in
 * `imports`.
 */
import type { Insertable } from "kysely";
import type { Database, Session } from "../connection.ts";
import type { DB } from "../schema.ts";
import { roomForStaging } from "./import-stage.ts";

/**
 * Runs `fn` in one transaction on one session with room for staging tables; commits when it
 * returns, rolls back when it throws (and rethrows).
 */
export async function inImportTransaction<T>(database: Database, fn: (s: Session) => Promise<T>): Promise<T> {
  return database.withSession(async (s) => {
    await roomForStaging(s);
    return s.db.transaction().execute((trx) => fn({ ...s, db: trx }));
  });
}

export type ImportRecord = Insertable<DB["imports"]>;

/** Records a committed import (inside its transaction). */
export async function recordImport(s: Session, values: ImportRecord): Promise<void> {
  await s.db.insertInto("imports").values(values).execute();
}
