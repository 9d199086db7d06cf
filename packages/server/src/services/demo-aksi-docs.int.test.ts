import { desaScorecardFromCounts, type ScorecardCounts, scorecardCountErrors } from "@tumbuh/core/programme";
import { expect, it } from "vitest";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { createDemoAksiDocs } from "./demo-aksi-docs.ts";
import { loadRegions } from "./regions.ts";

describeEachEngine("demo aksi documents", (ctx) => {
  it("gives the demo district a 2025 rembuk, Perbup, Perdes, KPM and believable scorecards", async () => {
    const repos = new Repositories(ctx.database.db);
    await loadRegions(ctx.database, { prefix: "35.03" });
    const villages = (await repos.regions.villagesOf("35.03")).slice(0, 3).map((r) => r.code);
    await createDemoAksiDocs(repos, "35.03", villages, null);
    const cycle = await repos.aksi.cycleOf("35.03", 2025);
    expect(cycle).toBeDefined();
    expect(await repos.aksiDocs.rembukOfCycle("35.03", cycle!.id)).toHaveLength(1);
    const regs = await repos.aksiDocs.regulationsIn("35.03", "35.03");
    expect(regs.map((r) => r.kind).sort()).toEqual(["perbup", "perdes"]);
    const kpm = await repos.aksiDocs.kpmIn("35.03", "35.03");
    expect(kpm.map((k) => k.village_code)).toEqual(villages);
    const cards = await repos.aksiDocs.scorecardsIn("35.03", "35.03", "2025");
    expect(cards).toHaveLength(6);
    for (const c of cards) {
      const input: ScorecardCounts = {
        targets: { ibu_hamil: c.targets_ibu_hamil, anak_0_23: c.targets_anak },
        counts: c.counts as ScorecardCounts["counts"],
      };
      expect(scorecardCountErrors(input), `${c.village_code} ${c.quarter}`).toEqual([]);
      const pct = desaScorecardFromCounts(c.quarter, input).level.pct!;
      expect(pct).toBeGreaterThan(35);
      expect(pct).toBeLessThan(100);
    }
  });
});
