/** Installation settings (app_settings): small JSON values by key, such as the demo facts. */
import type { Db } from "../schema.ts";

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  /** The value stored under `key`, or undefined. */
  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db
      .selectFrom("app_settings")
      .select("value")
      .where("key", "=", key)
      .executeTakeFirst();
    return row?.value as T | undefined;
  }

  /** Stores `value` under `key`, replacing what was there. */
  async set(key: string, value: unknown): Promise<void> {
    await this.db
      .insertInto("app_settings")
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => ({ value: eb.ref("excluded.value"), updated_at: new Date() })),
      )
      .execute();
  }
}
