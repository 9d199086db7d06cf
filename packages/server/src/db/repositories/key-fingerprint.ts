/** The fingerprint of the key protecting NIK and No. KK (migration 0055), and a sample to check it. */
import type { Db } from "../schema.ts";

export class KeyFingerprintRepository {
  constructor(private readonly db: Db) {}

  /** The stored fingerprint, or undefined before the first process with a key ran. */
  async stored(): Promise<string | undefined> {
    const row = await this.db.selectFrom("pii_key_fingerprint").select("fingerprint").executeTakeFirst();
    return row?.fingerprint;
  }

  /** Stores `fingerprint` unless one is there already; returns the one stored (first writer wins). */
  async record(fingerprint: string): Promise<string> {
    await this.db
      .insertInto("pii_key_fingerprint")
      .values({ fingerprint })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    return (await this.stored()) ?? fingerprint;
  }

  /** One identifier ciphertext stored under the key (NIK, No. KK or mother's NIK), if any. */
  async sampleSealedIdentifier(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("children")
      .select((eb) => eb.fn.coalesce("nik_enc", "kk_enc", "mother_nik_enc").as("sealed"))
      .where((eb) =>
        eb.or([
          eb("nik_enc", "is not", null),
          eb("kk_enc", "is not", null),
          eb("mother_nik_enc", "is not", null),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    return row?.sealed ?? undefined;
  }
}
