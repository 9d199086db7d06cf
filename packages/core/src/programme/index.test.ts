import * as programme from "@tumbuh/core/programme";
import { describe, expect, it } from "vitest";

describe("@tumbuh/core/programme", () => {
  it("exports the rules through the package entry", () => {
    for (const name of [
      "aksiConfigForYear",
      "aksiProgress",
      "progressBand",
      "targetFor",
      "rankDesaLokus",
      "desaScorecard",
      "budgetSummary",
      "penilaianKinerja",
      "assessKeluargaBerisiko",
      "tpkCoverage",
      "selectAuditCases",
      "evaluateNextSemester",
    ])
      expect(typeof (programme as Record<string, unknown>)[name]).toBe("function");
  });
});
