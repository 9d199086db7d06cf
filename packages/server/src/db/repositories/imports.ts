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
}
