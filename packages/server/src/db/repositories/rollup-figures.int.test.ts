import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FigureInputBuilder } from "@tumbuh/core";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { importMeasurements } from "../../import/import.ts";
import { loadRegions } from "../../services/regions.ts";
import { synthesizeDistrictFile } from "../../synth/district.ts";
import { keysFromMaster } from "../pii.ts";
import { describeEachEngine } from "../test-support.ts";
import { checkRollups } from "./rollup-check.ts";
import { loadFigureInput } from "./rollup-figures.ts";
import { lockRollups, refreshLockedRollups, refreshRollups } from "./rollup-refresh.ts";

const keys = keysFromMaster(Buffer.alloc(32, 5));
const dir = mkdtempSync(join(tmpdir(), "tumbuh-figures-"));

/** Every stored figure of the district, rounded where it is a sum of doubles (summed in another order). */
async function storedFigures(h: Parameters<typeof refreshRollups>[0], district: string) {
  // Tallies (bytes) compared as hex: one string each, not a deep comparison byte by byte.
  const round = (x: unknown) =>
    typeof x === "number" && !Number.isInteger(x)
      ? Number(x.toFixed(8))
      : Buffer.isBuffer(x)
        ? x.toString("hex")
        : x;
  const rows = async (table: string) =>
    (
      await sql
        .raw<Record<string, unknown>>(
          `SELECT * FROM ${table} WHERE ${table === "rollup_upper" ? "region_code" : "district_code"} LIKE '${district}%'
           ORDER BY 1, 2, 3${table === "rollup_upper" ? "" : ", 4"}`,
        )
        .execute(h.db)
    ).rows.map((r) => {
      const { refreshed_at: _, ...rest } = r;
      return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, round(v)]));
    });
  return {
    district: await rows("rollup_district"),
    skdn: await rows("rollup_skdn"),
    quality: await rows("rollup_quality"),
    upper: await rows("rollup_upper"),
  };
}

describeEachEngine("figures of an import", (t) => {
  it("computes a district written from nothing from the rows as written, as a full read-back does", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const file = join(dir, `messy-${t.engine}.csv`);
    // Messy rows: some children's later rows change details or repeat dates, and are staged.
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 120,
      seed: 11,
      out: file,
      messyRate: 0.05,
    });
    const r = await importMeasurements(t.database, file, { district: "35.03", keys, today: "2025-12-31" });
    expect(r.rowsStaged).toBeGreaterThan(0);
    // Those rows' children are read back; the rest are as written.
    expect(r.rowsWrittenDirectly).toBeGreaterThan(0);
    expect(r.figuresFromRows).toEqual(["35.03"]);
    const fromImport = await storedFigures(t.database, "35.03");
    expect(fromImport.district.length).toBeGreaterThan(0);
    expect(fromImport.quality.length).toBeGreaterThan(0);
    expect((await checkRollups(t.database)).ok).toBe(true);
    // A refresh that reads every row back stores the same figures.
    await t.database.db.transaction().execute((trx) => refreshRollups({ db: trx }, ["35.03"]));
    expect(await storedFigures(t.database, "35.03")).toEqual(fromImport);

    // A second file into the district (children now stored): its figures are read back.
    const second = join(dir, `second-${t.engine}.csv`);
    await synthesizeDistrictFile(t.database, {
      district: "35.03",
      children: 30,
      seed: 12,
      out: second,
      messyRate: 0,
    });
    const r2 = await importMeasurements(t.database, second, { district: "35.03", keys, today: "2025-12-31" });
    expect(r2.figuresFromRows).toEqual([]);
    expect((await checkRollups(t.database)).ok).toBe(true);
  }, 180_000);

  it("uses rows handed to the refresh only when the database holds as many, else reads the district", async () => {
    const all = await loadFigureInput(t.database, "35.03");
    expect(all.measurements.count).toBeGreaterThan(100);
    const before = await storedFigures(t.database, "35.03");
    // All rows: used as they are.
    const complete = await t.database.db.transaction().execute(async (trx) => {
      await lockRollups({ db: trx }, ["35.03"]);
      const rows = new FigureInputBuilder("35.03");
      rows.addInput(all);
      return refreshLockedRollups({ db: trx }, ["35.03"], { known: new Map([["35.03", { rows }]]) });
    });
    expect(complete.get("35.03")).toBe("known");
    expect(await storedFigures(t.database, "35.03")).toEqual(before);
    // One child short: not trusted, the district is read instead and the figures stay right.
    const short = new FigureInputBuilder("35.03");
    short.addInput(all);
    short.dropChildren(new Set([all.children.id[0]]));
    const partial = await t.database.db.transaction().execute(async (trx) => {
      await lockRollups({ db: trx }, ["35.03"]);
      return refreshLockedRollups({ db: trx }, ["35.03"], {
        known: new Map([["35.03", { rows: short }]]),
      });
    });
    expect(partial.get("35.03")).toBe("loaded");
    expect(await storedFigures(t.database, "35.03")).toEqual(before);
  }, 180_000);
});
