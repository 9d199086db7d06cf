import { zPreview } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import type { SessionChild } from "../api/types.ts";
import { evaluateEntry } from "./entryEngine.ts";

const girl = {
  id: "c",
  name: "Bunga",
  sex: 2,
  birthDate: "2025-04-05",
  lastMeasurement: { date: "2026-11-05", ageDays: 579, weight: 9.0, height: 81.5, zlen: null, tbu: null },
} as SessionChild;
const at = { date: "2026-12-05", today: "2026-12-05", measure: "l" as const, oedema: false };

describe("evaluateEntry", () => {
  it("gives the z-scores the server stores for plausible values, with no finding", () => {
    const r = evaluateEntry(girl, { ...at, weight: 9.2, height: 82.5 });
    expect(r.check).toEqual({ errors: [], warnings: [] });
    // the same engine as the server's preview: the WHO z-scores of these values
    expect(r.preview).toEqual(
      zPreview(
        { sex: 2, birthDate: "2025-04-05", date: "2026-12-05", weight: 9.2, height: 82.5, measure: "l" },
        at.today,
      ),
    );
    expect(r.preview?.ageDays).toBe(609);
  });

  it("refuses a typing error (92 kg) and shows no z-scores for it", () => {
    const r = evaluateEntry(girl, { ...at, weight: 92, height: 82.5 });
    expect(r.check.errors).toEqual([
      { code: "out_of_limits", field: "weight", params: { value: 92, min: 0.5, max: 60, unit: "kg" } },
    ]);
    expect(r.preview).toBeNull();
  });

  it("warns about a loss against the last measurement (a month: at most 0.3 kg + 10 %)", () => {
    const r = evaluateEntry(girl, { ...at, weight: 7.6, height: 82 });
    expect(r.check.warnings.map((w) => w.code)).toContain("weight_loss");
  });
});
