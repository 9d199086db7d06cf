import { Readable } from "node:stream";
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/access.ts";
import { describeEachEngine } from "../db/test-support.ts";
import type { Services } from "./index.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

type Caller = Actor & { username: string };
const bappeda: Caller = {
  id: "00000000-0000-4000-8000-0000000000d1",
  username: "bappeda",
  role: "district_tpps",
  regionCode: "35.03",
};
const desa: Caller = {
  id: "00000000-0000-4000-8000-0000000000d2",
  username: "desa",
  role: "village_tpps",
  regionCode: "35.03.01.2001",
};
const jatim: Caller = {
  id: "00000000-0000-4000-8000-0000000000d3",
  username: "jatim",
  role: "provincial_admin",
  regionCode: "35",
};
const V = "35.03.01.2001";

describeEachEngine("aksi village documents service", (ctx) => {
  let s: Services;
  beforeAll(async () => {
    await loadRegions(ctx.database, { prefix: "35.03" });
    s = testServices(ctx.database);
  });

  it("shows an empty quarter as version 0 with no level (null, not 0)", async () => {
    const card = await s.aksiVillage.scorecard(desa, V, "2025-Q1");
    expect(card).toMatchObject({ version: 0, canEdit: true, unrecorded: [], level: { pct: null, cells: 0 } });
    expect(card.indicators).toHaveLength(18);
    expect((await s.aksiVillage.scorecard(jatim, V, "2025-Q1")).canEdit).toBe(false);
    await expect(s.aksiVillage.scorecard(desa, "35.03.01", "2025-Q1")).rejects.toMatchObject({
      details: { field: "village" },
    });
  });

  it("saves blank indicators as not received and lists them", async () => {
    const card = await s.aksiVillage.saveScorecard(desa, V, "2025-Q2", {
      targets: { ibu_hamil: 1, anak_0_23: 0 },
      counts: { IH1: { y: 1, ts: 0 } },
      version: 0,
    });
    // ΣY 1 ÷ (8 × 1 + 10 × 0 − 0) = 12.5 %; IH2–IH8 blank
    expect(card.level).toMatchObject({ y: 1, cells: 8, denominator: 8, pct: 12.5 });
    expect(card.unrecorded).toEqual(["IH2", "IH3", "IH4", "IH5", "IH6", "IH7", "IH8"]);
    await expect(
      s.aksiVillage.saveScorecard(desa, V, "2025-Q2", {
        targets: { ibu_hamil: 1, anak_0_23: 0 },
        counts: {},
        version: 0,
      }),
    ).rejects.toMatchObject({ code: "stale_version" });
  });

  it("imports a CSV: a file without the columns is refused naming them", async () => {
    const csv = Readable.from([Buffer.from("Desa;Jumlah\n1;2\n")]);
    await expect(s.aksiVillage.importScorecards(bappeda, "x.csv", csv)).rejects.toMatchObject({
      details: { field: "file" },
      message: expect.stringContaining(
        "missing column Kode Desa, Triwulan, Kode Indikator, Sasaran (N), Y, TS",
      ),
    });
    const ok = Readable.from([
      Buffer.from("Kode Desa;Triwulan;Kode Indikator;Sasaran (N);Y;TS\n35.03.01.2002;2025-Q3;A1;2;1;1\n"),
    ]);
    expect(await s.aksiVillage.importScorecards(bappeda, "ok.csv", ok)).toEqual({
      rowsRead: 1,
      saved: 1,
      errors: [],
    });
    const [summary] = await s.aksiVillage.scorecards(jatim, "35.03.01.2002", "2025-Q3");
    // ΣY 1 ÷ (10 × 2 − 1) with A2–A10 blank
    expect(summary.levelPct).toBeCloseTo(100 / 19, 9);
    expect(summary.unrecorded).toBe(9);
  });

  it("hides a KPM's contact from the province and keeps Perdes to villages", async () => {
    await s.aksiVillage.addKpm(desa, {
      villageCode: V,
      name: "KPM sintetis",
      appointedOn: null,
      trainedOn: null,
      training: "",
      contact: "0812",
      active: true,
    });
    expect((await s.aksiVillage.kpmList(jatim, V)).map((k) => k.contact)).toEqual([null]);
    expect((await s.aksiVillage.kpmList(bappeda, "35.03")).map((k) => k.contact)).toEqual(["0812"]);
    await expect(
      s.aksiVillage.addRegulation(bappeda, {
        kind: "perdes",
        regionCode: "35.03",
        number: "1",
        issuedOn: "2025-01-01",
        title: "x",
      }),
    ).rejects.toMatchObject({ details: { field: "regionCode" } });
    await expect(
      s.aksiVillage.addRegulation(desa, {
        kind: "perbup",
        regionCode: "35.03",
        number: "1",
        issuedOn: "2025-01-01",
        title: "x",
      }),
    ).rejects.toMatchObject({ reason: "permission" });
  });
});
