/** Uploaded files awaiting confirmation (import_uploads): the web app's dry run → confirm lifecycle. */
import type { Insertable, Selectable } from "kysely";
import type { Db, ImportUploadsTable } from "../schema.ts";

export type UploadRow = Selectable<ImportUploadsTable>;

export class ImportUploadsRepository {
  constructor(private readonly db: Db) {}

  find(id: string): Promise<UploadRow | undefined> {
    return this.db.selectFrom("import_uploads").selectAll().where("id", "=", id).executeTakeFirst();
  }

  insert(row: Insertable<ImportUploadsTable>): Promise<UploadRow> {
    return this.db.insertInto("import_uploads").values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Marks an upload imported with its final report; its file is gone. */
  markImported(id: string, report: unknown): Promise<UploadRow> {
    return this.db
      .updateTable("import_uploads")
      .set({ status: "imported", file_path: null, report: JSON.stringify(report), updated_at: new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Ends a dry run without importing it (cancelled by its uploader); undefined if it was not pending. */
  markCancelled(id: string): Promise<UploadRow | undefined> {
    return this.db
      .updateTable("import_uploads")
      .set({ status: "cancelled", file_path: null, updated_at: new Date() })
      .where("id", "=", id)
      .where("status", "=", "dry_run")
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Expires the dry runs whose file is in `folder` (the paths start with it) and which are older
   * than `before`; returns their ids.
   */
  async expirePending(folder: string, before: Date): Promise<string[]> {
    const rows = await this.db
      .updateTable("import_uploads")
      .set({ status: "expired", file_path: null, updated_at: new Date() })
      .where("status", "=", "dry_run")
      .where("created_at", "<", before)
      .where("file_path", "like", `${folder.replace(/[\\%_]/g, "\\$&")}%`)
      .returning("id")
      .execute();
    return rows.map((r) => r.id);
  }

  /** The files of the dry runs still pending in `folder`. */
  async pendingFiles(folder: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("import_uploads")
      .select("file_path")
      .where("status", "=", "dry_run")
      .where("file_path", "like", `${folder.replace(/[\\%_]/g, "\\$&")}%`)
      .execute();
    return rows.flatMap((r) => (r.file_path ? [r.file_path] : []));
  }
}
