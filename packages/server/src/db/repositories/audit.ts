/** The audit log: appended in the transaction of the write it describes, read newest first. */
import { NATION_CODE } from "@tumbuh/core";
import type { Insertable, Selectable } from "kysely";
import type { AuditLogTable, Db } from "../schema.ts";

export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;

export interface AuditFilter {
  region: string;
  entity?: string;
  entityId?: string;
  userId?: string;
  /** Entries older than this id (the page cursor). */
  before?: string;
  limit: number;
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewAuditRow): Promise<void> {
    await this.db.insertInto("audit_log").values(row).execute();
  }

  /** Entries in the region (entries without a region only for the nation), newest first. */
  list(f: AuditFilter): Promise<AuditRow[]> {
    let q = this.db.selectFrom("audit_log").selectAll();
    if (f.region !== NATION_CODE) {
      q = q.where((eb) =>
        eb.or([eb("region_code", "=", f.region), eb("region_code", "like", `${f.region}.%`)]),
      );
    }
    if (f.entity) q = q.where("entity", "=", f.entity);
    if (f.entityId) q = q.where("entity_id", "=", f.entityId);
    if (f.userId) q = q.where("user_id", "=", f.userId);
    if (f.before) q = q.where("id", "<", f.before);
    return q.orderBy("id", "desc").limit(f.limit).execute();
  }
}
