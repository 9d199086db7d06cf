/**
 * User accounts and their server-side sessions. Sessions are stored by the SHA-256 of their cookie
 * token; the session look-up, asked on most requests, runs as a prepared statement.
 */
import { NATION_CODE } from "@tumbuh/core";
import type { Insertable, Selectable, Updateable } from "kysely";
import { executePrepared } from "../prepared.ts";
import type { Db, SessionsTable, UsersTable } from "../schema.ts";
import { escapeLike } from "./regions.ts";

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type NewSessionRow = Insertable<SessionsTable>;

/** A session joined with its user. */
export type SessionWithUser = UserRow & {
  csrf_token: string;
  expires_at: Date;
  session_created_at: Date;
};

export class UsersRepository {
  constructor(private readonly db: Db) {}

  findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
  }

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async any(): Promise<boolean> {
    return (await this.db.selectFrom("users").select("id").limit(1).executeTakeFirst()) !== undefined;
  }

  insert(row: NewUserRow): Promise<UserRow> {
    return this.db.insertInto("users").values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Updates a user if its version is still `version`; undefined when it changed meanwhile. */
  updateIfVersion(id: string, version: number, set: Updateable<UsersTable>): Promise<UserRow | undefined> {
    return this.db
      .updateTable("users")
      .set({ ...set, updated_at: new Date(), version: version + 1 })
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Sets a user's password hash (own change), bumping the version. */
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable("users")
      .set((eb) => ({ password_hash: passwordHash, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .execute();
  }

  /** Users whose scope lies in `region`, whose username or name contains `q`, with their region's name. */
  list(region: string, q: string | undefined): Promise<Array<UserRow & { region_name: string | null }>> {
    let query = this.db
      .selectFrom("users")
      .leftJoin("regions", "regions.code", "users.region_code")
      .selectAll("users")
      .select("regions.name as region_name");
    if (region !== NATION_CODE) {
      query = query.where((eb) =>
        eb.or([eb("users.region_code", "=", region), eb("users.region_code", "like", `${region}.%`)]),
      );
    }
    if (q) {
      const like = `%${escapeLike(q.toLowerCase())}%`;
      query = query.where((eb) =>
        eb.or([eb("users.username", "like", like), eb("users.display_name", "ilike", like)]),
      );
    }
    return query.orderBy("users.username").limit(500).execute();
  }

  insertSession(row: NewSessionRow): Promise<unknown> {
    return this.db.insertInto("sessions").values(row).execute();
  }

  /** The session with this token hash and its user. */
  async session(tokenHash: string): Promise<SessionWithUser | undefined> {
    const [row] = await executePrepared(
      this.db,
      this.db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .selectAll("users")
        .select(["sessions.csrf_token", "sessions.expires_at", "sessions.created_at as session_created_at"])
        .where("sessions.token_hash", "=", tokenHash),
    );
    return row as SessionWithUser | undefined;
  }

  async touchSession(tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable("sessions")
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where("token_hash", "=", tokenHash)
      .execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
  }

  /** Ends every session of a user, but the one with `keepTokenHash` when given. */
  async deleteSessionsOf(userId: string, keepTokenHash?: string): Promise<void> {
    let q = this.db.deleteFrom("sessions").where("user_id", "=", userId);
    if (keepTokenHash) q = q.where("token_hash", "<>", keepTokenHash);
    await q.execute();
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    const res = await this.db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
