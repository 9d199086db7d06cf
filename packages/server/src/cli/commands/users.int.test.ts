import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../auth/password.ts";
import { openDatabase } from "../../db/connection.ts";
import { Repositories } from "../../db/repositories/index.ts";
import { openTestDataDir } from "../../db/test-support.ts";
import { runCli } from "../run-cli.test-support.ts";
import { FIRST_ADMIN_HINT, PASSWORD_ENV } from "./users.ts";

/** The arguments of the command line shown in the first-admin hint (quotes respected). */
function hintArgs(): string[] {
  const line = FIRST_ADMIN_HINT.split("\n").find((l) => l.includes("tumbuh users create"))!;
  const words = line
    .trim()
    .match(/'[^']*'|\S+/g)!
    .map((w) => w.replace(/^'|'$/g, ""));
  return words.slice(words.indexOf("tumbuh") + 1);
}

// The command opens the configured embedded database: point it at a fresh one (migrated, no data).
describe("tumbuh users create (embedded database)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-users-"));
  const saved = {
    data: process.env.TUMBUH_DATA_DIR,
    url: process.env.DATABASE_URL,
    pw: process.env[PASSWORD_ENV],
  };
  beforeAll(async () => {
    await (await openTestDataDir(dir)).close();
    process.env.TUMBUH_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    delete process.env[PASSWORD_ENV];
  });
  afterAll(() => {
    if (saved.data === undefined) delete process.env.TUMBUH_DATA_DIR;
    else process.env.TUMBUH_DATA_DIR = saved.data;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    if (saved.pw !== undefined) process.env[PASSWORD_ENV] = saved.pw;
    rmSync(dir, { recursive: true, force: true });
  });

  async function storedUser(username: string) {
    const database = await openDatabase({ dataDir: dir });
    try {
      return await new Repositories(database.db).users.findByUsername(username);
    } finally {
      await database.close();
    }
  }

  it("creates the first national admin with the command serve prints, and a generated password shown once", async () => {
    const before = await openDatabase({ dataDir: dir });
    expect(await new Repositories(before.db).users.any()).toBe(false);
    await before.close();
    const res = await runCli(hintArgs());
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("created admin (national_admin, ID)");
    const password = res.stdout.match(/password \(shown once[^)]*\): (\S+)/)![1];
    expect(password).toHaveLength(20);
    const row = await storedUser("admin");
    expect(row).toMatchObject({ role: "national_admin", region_code: "ID", display_name: "Admin Nasional" });
    expect(await verifyPassword(password, row!.password_hash)).toBe(true);
    expect(row!.password_hash).not.toContain(password);
  }, 180_000); // two first opens of a new embedded database (migrations), slow on a busy machine

  it("takes the password from TUMBUH_ADMIN_PASSWORD and does not print it", async () => {
    process.env[PASSWORD_ENV] = "rahasia-nasional-2";
    const res = await runCli([
      "users",
      "create",
      "--username",
      "kedua",
      "--role",
      "national_admin",
      "--scope",
      "ID",
    ]);
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain("rahasia-nasional-2");
    expect(res.stdout).not.toContain("password");
    const row = await storedUser("kedua");
    expect(row?.display_name).toBe("kedua");
    expect(await verifyPassword("rahasia-nasional-2", row!.password_hash)).toBe(true);
  });

  it("names the wrong option: missing, taken, a scope at the wrong level, a short or common password", async () => {
    const missing = await runCli(["users", "create", "--username", "x1", "--role", "national_admin"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--scope is required");
    const taken = await runCli([
      "users",
      "create",
      "--username",
      "admin",
      "--role",
      "national_admin",
      "--scope",
      "ID",
    ]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("the username admin is taken");
    const level = await runCli([
      "users",
      "create",
      "--username",
      "prov",
      "--role",
      "national_admin",
      "--scope",
      "35",
    ]);
    expect(level.code).toBe(1);
    expect(level.stderr).toContain("--scope: the role national_admin works at nation level, got 35");
    const role = await runCli(["users", "create", "--username", "prov", "--role", "raja", "--scope", "ID"]);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain("--role:");
    process.env[PASSWORD_ENV] = "pendek";
    const short = await runCli([
      "users",
      "create",
      "--username",
      "prov",
      "--role",
      "national_admin",
      "--scope",
      "ID",
    ]);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain(`${PASSWORD_ENV}: expected at least 10 characters`);
    expect(await storedUser("prov")).toBeUndefined();
    process.env[PASSWORD_ENV] = "password123";
    const common = await runCli([
      "users",
      "create",
      "--username",
      "prov",
      "--role",
      "national_admin",
      "--scope",
      "ID",
    ]);
    expect(common.code).toBe(1);
    expect(common.stderr).toContain(`${PASSWORD_ENV}: this password is one of the most common`);
    expect(await storedUser("prov")).toBeUndefined();
  });
});
