import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDataDir } from "../../db/test-support.ts";
import { seedQualityData } from "../../services/data-quality.test-support.ts";
import { runCli } from "../run-cli.test-support.ts";

describe("tumbuh quality (embedded database)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-quality-"));
  const saved = { data: process.env.TUMBUH_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(async () => {
    const database = await openTestDataDir(dir);
    await seedQualityData(database);
    await database.close();
    process.env.TUMBUH_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    if (saved.data === undefined) delete process.env.TUMBUH_DATA_DIR;
    else process.env.TUMBUH_DATA_DIR = saved.data;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the region's row and its kecamatan's rows as CSV (figures of data-quality.test-support.ts)", async () => {
    const out = join(dir, "q.csv");
    const res = await runCli(["quality", "--region", "35.03", "--period", "2025-03", "--out", out]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split(/\r?\n/);
    const header = lines[0].split(",");
    expect(header.slice(0, 12)).toEqual([
      "region_code",
      "region_name",
      "level",
      "measurements",
      "children",
      "haz_n",
      "haz_sd",
      "waz_n",
      "waz_sd",
      "whz_n",
      "whz_sd",
      "haz_flagged_pct",
    ]);
    const row = (code: string) => {
      const cells = lines.find((l) => l.startsWith(`${code},`))!.split(",");
      return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    };
    expect(row("35.03")).toMatchObject({
      haz_n: "3",
      haz_sd: "2",
      whz_n: "2",
      whz_sd: "1.4142",
      haz_flagged_pct: "20",
    });
    expect(row("35.03.01")).toMatchObject({ haz_n: "2", haz_sd: "1.4142", haz_flagged_pct: "25" });
    expect(row("35.03.02")).toMatchObject({ haz_n: "1", haz_sd: "", haz_flagged_pct: "0" });
  });

  it("refuses a missing period and an unknown region", async () => {
    expect((await runCli(["quality", "--region", "35.03"])).stderr).toContain("--period");
    const unknown = await runCli(["quality", "--region", "99.99", "--period", "2025-03"]);
    expect([unknown.code, unknown.stderr.includes('no region with code "99.99"')]).toEqual([1, true]);
  });
});
