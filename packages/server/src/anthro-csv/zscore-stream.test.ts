import { storedMeasurement } from "@tumbuh/growth";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ZScoreCore } from "./zscore-stream.ts";

/** Scores CSV text through the stream's core and parses the output. */
function score(text: string): Record<string, string>[] {
  const core = new ZScoreCore({ ageUnit: "days", onRowError: () => {} });
  const out = [core.feed(text), core.end()].filter((b) => b !== undefined);
  return parse(Buffer.concat(out).toString("utf8"), { columns: true });
}

describe("ZScoreCore categories", () => {
  it("writes the categories Tumbuh stores: none for a flagged or missing z-score", () => {
    const rows = score(
      "sex,age,weight,lenhei,measure\n" +
        "1,592,9.6,75.5,h\n" + // plausible: every category
        "1,730,11,60,h\n" + // 60 cm at two years: zlen −8.87 flagged, no TB/U category
        "2,400,9,,\n", // weight only
    );
    expect(rows).toHaveLength(3);
    const inputs = [
      { sex: 1, ageDays: 592, weight: 9.6, lenhei: 75.5, measure: "h" },
      { sex: 1, ageDays: 730, weight: 11, lenhei: 60, measure: "h" },
      { sex: 2, ageDays: 400, weight: 9 },
    ] as const;
    rows.forEach((row, i) => {
      const s = storedMeasurement(inputs[i]);
      expect([row.status_tbu, row.status_bbu, row.status_bbtb, row.status_imtu]).toEqual(
        [s.status_tbu, s.status_bbu, s.status_bbtb, s.status_imtu].map((c) => c ?? ""),
      );
    });
    expect(rows[1]).toMatchObject({ zlen: "-8.87", flen: "1", status_tbu: "", status_bbu: "normal" });
    expect(rows[0].status_tbu).toBe("pendek");
    expect(rows[2]).toMatchObject({ zlen: "", status_tbu: "", status_bbu: "normal" });
  });
});
