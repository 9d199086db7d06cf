/**
 * The key bound to the database (issue 12, item 5): the same database reached with another key —
 * another TUMBUH_KEY, another data folder's key file, or none — is refused on both engines.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { bindPiiKeys, KeyMismatchError } from "./key-binding.ts";
import { encryptIdentifier, KEY_FILE, keyFingerprint, keysFromMaster } from "./pii.ts";
import { describeEachEngine } from "./test-support.ts";

const KEY_A = "a1".repeat(32);
const KEY_B = "b2".repeat(32);
const root = mkdtempSync(join(tmpdir(), "tumbuh-keybind-"));
const saved = { key: process.env.TUMBUH_KEY, dir: process.env.TUMBUH_DATA_DIR };
let n = 0;

/** Points TUMBUH_DATA_DIR at a new folder, with a key file holding `key` unless it is undefined. */
function dataFolder(key?: string): string {
  const path = join(root, `d${n++}`);
  mkdirSync(path);
  if (key) writeFileSync(join(path, KEY_FILE), `${key}\n`);
  process.env.TUMBUH_DATA_DIR = path;
  return path;
}

function restoreEnv() {
  if (saved.key === undefined) delete process.env.TUMBUH_KEY;
  else process.env.TUMBUH_KEY = saved.key;
  if (saved.dir === undefined) delete process.env.TUMBUH_DATA_DIR;
  else process.env.TUMBUH_DATA_DIR = saved.dir;
}
afterEach(restoreEnv);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KeyMismatchError);
  return (err as Error).message;
}

describeEachEngine("the key bound to the database", (ctx) => {
  it("stores a fingerprint of the first key used, never the key, and accepts that key again", async () => {
    process.env.TUMBUH_KEY = KEY_A;
    dataFolder();
    const keys = await bindPiiKeys(ctx.database);
    const rows = await ctx.database.db.selectFrom("pii_key_fingerprint").selectAll().execute();
    expect(rows.map((r) => r.fingerprint)).toEqual([keyFingerprint(keys)]);
    const stored = rows[0].fingerprint;
    for (const secret of [KEY_A, keys.hmacKey.toString("hex"), keys.aesKey.toString("hex")])
      expect(stored).not.toContain(secret.slice(0, 16));
    expect((await bindPiiKeys(ctx.database)).hmacKey.equals(keys.hmacKey)).toBe(true);
  });

  it("refuses another TUMBUH_KEY, saying what happened and what to do, in both languages", async () => {
    process.env.TUMBUH_KEY = KEY_B;
    const message = await refusal(bindPiiKeys(ctx.database));
    expect(message).toContain("Kunci di TUMBUH_KEY bukan kunci basis data ini");
    expect(message).toContain("The key in TUMBUH_KEY is not this database's key");
    expect(message).toContain(
      "Set TUMBUH_KEY to this database's key, or restore its key file from the backup",
    );
    expect(message).toContain(keyFingerprint(keysFromMaster(Buffer.from(KEY_A, "hex"))).slice(0, 12));
  });

  it("refuses another data folder without a key file (same database), creating no new key", async () => {
    delete process.env.TUMBUH_KEY;
    const dir = dataFolder();
    const message = await refusal(bindPiiKeys(ctx.database));
    expect(message).toContain(
      `No key found: TUMBUH_KEY is not set and ${join(dir, KEY_FILE)} does not exist`,
    );
    expect(message).toContain("Kunci tidak ditemukan");
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
  });

  it("refuses a key file holding another key, naming the file, and accepts the one holding this database's key", async () => {
    delete process.env.TUMBUH_KEY;
    const wrong = dataFolder(KEY_B);
    expect(await refusal(bindPiiKeys(ctx.database))).toContain(
      `The key file ${join(wrong, KEY_FILE)} is not this database's key`,
    );
    dataFolder(KEY_A);
    const keys = await bindPiiKeys(ctx.database);
    expect(keyFingerprint(keys)).toBe(keyFingerprint(keysFromMaster(Buffer.from(KEY_A, "hex"))));
  });

  it("checks a database from before fingerprints against a stored identifier, then records the key", async () => {
    await ctx.database.db.deleteFrom("pii_key_fingerprint").execute();
    await ctx.database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id: randomUUID(),
        village_code: "35.03.01.2001",
        nik_hash: "x",
        nik_enc: encryptIdentifier(keysFromMaster(Buffer.from(KEY_A, "hex")), "3503010101010001"),
        name: "Anak",
        name_key: "anak",
        sex: 1,
        birth_date: "2024-01-01",
      })
      .execute();
    delete process.env.TUMBUH_KEY;
    const fresh = dataFolder();
    await refusal(bindPiiKeys(ctx.database)); // no key file: no new key for protected identifiers
    expect(existsSync(join(fresh, KEY_FILE))).toBe(false);
    process.env.TUMBUH_KEY = KEY_B;
    expect(await refusal(bindPiiKeys(ctx.database))).toContain(
      "The key in TUMBUH_KEY is not this database's key",
    );
    expect(await ctx.database.db.selectFrom("pii_key_fingerprint").selectAll().execute()).toEqual([]);
    process.env.TUMBUH_KEY = KEY_A;
    const keys = await bindPiiKeys(ctx.database);
    const row = await sql<{ fingerprint: string }>`SELECT fingerprint FROM pii_key_fingerprint`.execute(
      ctx.database.db,
    );
    expect(row.rows[0].fingerprint).toBe(keyFingerprint(keys));
  });
});

// A fresh database without identifiers gets a new key file on first use (the first start).
describeEachEngine("the first start of a database", (ctx) => {
  beforeAll(() => {
    delete process.env.TUMBUH_KEY;
  });
  it("creates the key file and binds it", async () => {
    delete process.env.TUMBUH_KEY;
    const dir = dataFolder();
    const keys = await bindPiiKeys(ctx.database);
    expect(existsSync(join(dir, KEY_FILE))).toBe(true);
    const stored = await ctx.database.db.selectFrom("pii_key_fingerprint").select("fingerprint").execute();
    expect(stored).toEqual([{ fingerprint: keyFingerprint(keys) }]);
  });
});
