/**
 * Commands refuse to run with a key that is not the database's (issue 12, item 5): the same
 * DATABASE_URL reached from another data folder (PostgreSQL), or the embedded database's folder
 * with another TUMBUH_KEY.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { KEY_FILE } from "../../db/pii.ts";
import { testEngines } from "../../db/test-support.ts";
import { runCli } from "../run-cli.test-support.ts";
import { freePort } from "../spawn-cli.test-support.ts";

const root = mkdtempSync(join(tmpdir(), "tumbuh-keycheck-"));
const saved = { ...process.env };
afterEach(() => {
  for (const k of ["TUMBUH_KEY", "TUMBUH_DATA_DIR", "DATABASE_URL", "TUMBUH_ADMIN_PASSWORD"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CREATE = ["users", "create", "--username", "admin", "--role", "national_admin", "--scope", "ID"];

/** A new database on the test server, dropped by the returned function. */
async function freshServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `tumbuh_keycheck_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe.runIf(testEngines().includes("postgres"))(
  "the same DATABASE_URL from another data folder [postgres]",
  () => {
    it("is refused by every command, serve included, and no key file is created there", async () => {
      const server = await freshServerDatabase();
      try {
        delete process.env.TUMBUH_KEY;
        process.env.DATABASE_URL = server.url;
        process.env.TUMBUH_ADMIN_PASSWORD = "rahasia-nasional-1";
        process.env.TUMBUH_DATA_DIR = join(root, "first");
        expect((await runCli(CREATE)).code).toBe(0);
        const other = join(root, "other");
        process.env.TUMBUH_DATA_DIR = other;
        for (const args of [
          ["check"],
          ["import", join(root, "none.csv")],
          ["db", "migrate"],
          ["serve", "--no-demo", "--api-only", "--port", String(await freePort())],
        ]) {
          const res = await runCli(args);
          expect(res.code, args.join(" ")).toBe(1);
          expect(res.stderr).toContain(
            `No key found: TUMBUH_KEY is not set and ${join(other, KEY_FILE)} does not exist`,
          );
        }
        expect(existsSync(join(other, KEY_FILE))).toBe(false);
        process.env.TUMBUH_DATA_DIR = join(root, "first");
        expect((await runCli(["check"])).code).toBe(0);
      } finally {
        await server.drop();
      }
    }, 240_000);
  },
);

describe("the embedded database with another TUMBUH_KEY [pglite]", () => {
  it("is refused by every command, serve included, and the folder is left unlocked", async () => {
    delete process.env.TUMBUH_KEY;
    delete process.env.DATABASE_URL;
    process.env.TUMBUH_ADMIN_PASSWORD = "rahasia-nasional-1";
    const dir = join(root, "embedded");
    process.env.TUMBUH_DATA_DIR = dir;
    expect((await runCli(CREATE)).code).toBe(0);
    process.env.TUMBUH_KEY = "c3".repeat(32);
    for (const args of [
      ["check"],
      ["serve", "--no-demo", "--api-only", "--port", String(await freePort())],
    ]) {
      const res = await runCli(args);
      expect(res.code, args.join(" ")).toBe(1);
      expect(res.stderr).toContain("The key in TUMBUH_KEY is not this database's key");
      expect(res.stderr).toContain("Kunci di TUMBUH_KEY bukan kunci basis data ini");
    }
    expect(existsSync(join(dir, "tumbuh.lock"))).toBe(false);
    delete process.env.TUMBUH_KEY;
    expect((await runCli(["check"])).code).toBe(0);
  }, 240_000);
});
