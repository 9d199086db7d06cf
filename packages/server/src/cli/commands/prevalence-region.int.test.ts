import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDataDir } from "../../db/test-support.ts";
import { runCli } from "../run-cli.test-support.ts";

// The command opens the configured embedded database: point it at a fresh one (migrated, no data).
describe("tumbuh prevalence --region (embedded database)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-prev-region-"));
  const saved = { data: process.env.TUMBUH_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(async () => {
    await (await openTestDataDir(dir)).close();
    process.env.TUMBUH_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    if (saved.data === undefined) delete process.env.TUMBUH_DATA_DIR;
    else process.env.TUMBUH_DATA_DIR = saved.data;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the nation's table for a bulan timbang period, zero when nothing is stored", async () => {
    const res = await runCli(["prevalence", "--region", "ID", "--period", "2025-08"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Indonesia (ID), 2025-08 (bulan timbang)");
    expect(res.stdout).toMatch(/^code\s+name\s+measured/m);
  });

  it("refuses an unknown region, a malformed period, and a half-given pair", async () => {
    const unknown = await runCli(["prevalence", "--region", "99.99", "--period", "2025-08"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--region: no region with code "99.99"');
    const period = await runCli(["prevalence", "--region", "ID", "--period", "Agustus"]);
    expect(period.code).toBe(1);
    expect(period.stderr).toContain("Agustus");
    const half = await runCli(["prevalence", "--region", "ID"]);
    expect(half.code).toBe(1);
    expect(half.stderr).toContain("--region and --period go together");
  });
});
