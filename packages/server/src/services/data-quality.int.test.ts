import { expect, it } from "vitest";
import { OPERATOR } from "../auth/access.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { seedQualityData } from "./data-quality.test-support.ts";
import { testServices } from "./test-support.ts";

// The data and the figures worked by hand: data-quality.test-support.ts.
describeEachEngine("data-quality report", (t) => {
  it("computes the figures of the district and of each kecamatan (worked by hand)", async () => {
    await seedQualityData(t.database);
    const r = await testServices(t.database).dataQuality.report(
      OPERATOR,
      { region: "35.03", period: "2025-03" },
      "2025-05-01",
    );
    expect(r.summary).toMatchObject({
      measurements: 5,
      children: 3,
      haz_n: 3,
      haz_sd: 2,
      whz_n: 2,
      haz_flagged_pct: 20,
      missing_nik_pct: 40,
    });
    expect(r.summary.whz_sd).toBeCloseTo(Math.SQRT2, 12);
    expect(r.likelyDuplicates).toEqual({ groups: 1, extraChildren: 1 });
    const kec = new Map(r.units.map((u) => [u.code, u]));
    expect(kec.get("35.03.01")).toMatchObject({ measurements: 4, haz_n: 2, haz_flagged_pct: 25 });
    expect(kec.get("35.03.01")?.haz_sd).toBeCloseTo(Math.SQRT2, 12);
    expect(kec.get("35.03.02")).toMatchObject({
      measurements: 1,
      haz_n: 1,
      haz_sd: null,
      haz_flagged_pct: 0,
    });
  });

  it("a kecamatan's own report equals its row in the district's table", async () => {
    const s = testServices(t.database);
    const own = await s.dataQuality.report(OPERATOR, { region: "35.03.01", period: "2025-03" }, "2025-05-01");
    const district = await s.dataQuality.report(
      OPERATOR,
      { region: "35.03", period: "2025-03" },
      "2025-05-01",
    );
    const { code: _c, name: _n, level: _l, ...row } = district.units.find((u) => u.code === "35.03.01")!;
    expect(own.summary).toEqual(row);
  });
});
