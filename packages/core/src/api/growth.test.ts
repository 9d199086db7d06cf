import { describe, expect, it } from "vitest";
import { growthReference, zPreview } from "./growth.ts";

describe("growthReference", () => {
  // Expected values hand-computed from the WHO tables (shared/who-growth) as M·(1 + L·S·sd)^(1/L).
  it("length-for-age, boys, day 0: L=1, M=49.8842, S=0.03795", () => {
    const ref = growthReference("lhfa", 1);
    expect(ref.xUnit).toBe("days");
    expect(ref.lines["-2"][0]).toEqual([0, 46.1]); // 49.8842 × (1 − 2·0.03795) = 46.098
    expect(ref.lines["0"][0]).toEqual([0, 49.88]);
    expect(ref.lines["3"][0]).toEqual([0, 55.56]); // 49.8842 × 1.11385 = 55.5635
  });

  it("ends on the last day of the table (1826): boys' +2 SD height 119.23 cm", () => {
    const plus2 = growthReference("lhfa", 1).lines["2"];
    expect(plus2[plus2.length - 1]).toEqual([1826, 119.23]); // 109.9593 × 1.08428
  });

  it("weight-for-height, boys, 80 cm: L=−0.3521, M=10.5781, S=0.08298 → −2 SD 9.00 kg", () => {
    const ref = growthReference("wflh", 1, "h");
    expect(ref.xUnit).toBe("cm");
    const at80 = ref.lines["-2"].find(([x]) => x === 80);
    expect(at80).toEqual([80, 9]);
    expect(ref.lines["0"].find(([x]) => x === 80)).toEqual([80, 10.58]);
    expect(ref.lines["0"][0][0]).toBe(65);
  });

  it("weight-for-length starts at 45 cm; lines are ordered −3 < … < +3 everywhere", () => {
    const ref = growthReference("wflh", 2, "l");
    expect(ref.lines["0"][0][0]).toBe(45);
    for (let i = 0; i < ref.lines["0"].length; i++) {
      const ys = (["-3", "-2", "-1", "0", "1", "2", "3"] as const).map((k) => ref.lines[k][i][1]);
      expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    }
  });
});

describe("zPreview", () => {
  const boy = { sex: 1 as const, birthDate: "2024-08-01", date: "2025-08-01" }; // 365 days

  it("the WHO median length at 365 days (75.7391 cm) is z 0, normal", () => {
    const p = zPreview({ ...boy, height: 75.7391, weight: 9.646, measure: "l" }, "2025-08-02");
    expect(p.ageDays).toBe(365);
    expect(p.zlen).toBe(0);
    expect(p.zwei).toBe(0);
    expect(p.status.tbu?.code).toBe("normal");
    expect(p.status.bbu?.code).toBe("normal");
    expect(p.warnings).toEqual([]);
  });

  it("69.80 cm at 365 days is z −2.50: pendek (stunted)", () => {
    const p = zPreview({ ...boy, height: 69.8, measure: "l" }, "2025-08-02");
    expect(p.zlen).toBe(-2.5);
    expect(p.status.tbu).toEqual({ code: "pendek", label: "Pendek", labelEn: "Stunted" });
    expect(p.zwei).toBeNull();
  });

  it("warns on an implausible weight and leaves its category out", () => {
    const p = zPreview({ ...boy, height: 75, weight: 30, measure: "l" }, "2025-08-02");
    expect(p.fwei).toBe(true);
    expect(p.status.bbu).toBeNull();
    expect(p.warnings.map((w) => w.code)).toContain("implausible_zwei");
    expect(p.warnings.find((w) => w.code === "implausible_zwei")?.field).toBe("weight");
  });

  it("shows an implausible length's z-score and flag, but no category (as it is stored)", () => {
    const p = zPreview({ ...boy, height: 50, weight: 9.6, measure: "l" }, "2025-08-02");
    expect(p.zlen).toBeLessThan(-6);
    expect(p.flen).toBe(true);
    expect(p.status.tbu).toBeNull();
    expect(p.status.bbu?.code).toBe("normal");
    expect(p.warnings.map((w) => w.code)).toContain("implausible_zlen");
  });

  it("warns on a date before birth, in the future, and past 59 months", () => {
    expect(
      zPreview({ ...boy, date: "2024-07-01", weight: 5 }, "2025-08-02").warnings.map((w) => w.code),
    ).toEqual(["before_birth"]);
    expect(zPreview({ ...boy, weight: 9 }, "2025-07-01").warnings.map((w) => w.code)).toEqual([
      "future_date",
    ]);
    expect(
      zPreview({ ...boy, date: "2029-08-01", weight: 18 }, "2030-01-01").warnings.map((w) => w.code),
    ).toContain("over_59_months");
  });

  it("warns when a child under 9 months is measured standing", () => {
    const p = zPreview(
      { sex: 2, birthDate: "2025-03-01", date: "2025-08-01", height: 62, measure: "h" },
      "2025-08-01",
    );
    expect(p.warnings.map((w) => w.code)).toContain("standing_under_9_months");
  });
});
