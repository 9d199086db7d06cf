import { describe, expect, it } from "vitest";
import { recentSemesters, semesterOfDate } from "./semester.ts";

describe("semesters", () => {
  it.each([
    ["2025-01-01", "2025-S1"],
    ["2025-06-30", "2025-S1"],
    ["2025-07-01", "2025-S2"],
    ["2025-12-31", "2025-S2"],
  ])("%s is in %s", (date, semester) => expect(semesterOfDate(date)).toBe(semester));

  it("lists the recent semesters newest first across a year", () => {
    expect(recentSemesters("2025-03-10", 3)).toEqual(["2025-S1", "2024-S2", "2024-S1"]);
    expect(recentSemesters("2025-08-10", 2)).toEqual(["2025-S2", "2025-S1"]);
  });
});
