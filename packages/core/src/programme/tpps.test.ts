import { describe, expect, it } from "vitest";
import { compareSeats, tppsLevelOf, tppsPeriodCovers } from "./tpps.ts";

describe("TPPS", () => {
  it.each([
    ["nation", null],
    ["province", "province"],
    ["district", "district"],
    ["subdistrict", "subdistrict"],
    ["village", "village"],
  ] as const)("a team for a %s region is at level %s", (level, expected) => {
    expect(tppsLevelOf(level)).toBe(expected);
  });

  it.each([
    // from, to, on → covered
    ["2025-01-01", "2026-12-31", "2024-12-31", false],
    ["2025-01-01", "2026-12-31", "2025-01-01", true],
    ["2025-01-01", "2026-12-31", "2026-12-31", true],
    ["2025-01-01", "2026-12-31", "2027-01-01", false],
    ["2025-01-01", null, "2030-06-01", true],
  ])("a period %s to %s covers %s: %s", (from, to, on, covered) => {
    expect(tppsPeriodCovers({ from, to }, on)).toBe(covered);
  });

  it("lists seats as a decree does: ketua before sekretaris before bidang, then by position", () => {
    const seats = [
      { role: "bidang" as const, position: 2 },
      { role: "sekretaris" as const, position: 1 },
      { role: "bidang" as const, position: 1 },
      { role: "ketua" as const, position: 9 },
    ];
    expect([...seats].sort(compareSeats)).toEqual([
      { role: "ketua", position: 9 },
      { role: "sekretaris", position: 1 },
      { role: "bidang", position: 1 },
      { role: "bidang", position: 2 },
    ]);
  });
});
