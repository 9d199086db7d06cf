import { describe, expect, it } from "vitest";
import {
  addMonths,
  completedMonths,
  completedYears,
  dateInRange,
  nextSemester,
  parseIsoDate,
  quarterOf,
  semesterDates,
  semesterOf,
} from "./calendar.ts";

describe("calendar", () => {
  it.each([
    // from, to, completed months
    ["2024-01-15", "2024-01-15", 0],
    ["2024-01-15", "2024-02-14", 0],
    ["2024-01-15", "2024-02-15", 1],
    ["2023-03-10", "2025-03-09", 23],
    ["2023-03-10", "2025-03-10", 24],
    // the 31st reaches its anniversary on the last day of a shorter month
    ["2024-01-31", "2024-02-28", 0],
    ["2024-01-31", "2024-02-29", 1],
    ["2023-01-31", "2023-02-28", 1],
    ["2024-01-31", "2024-04-30", 3],
    // earlier dates give negative or zero months
    ["2024-05-10", "2024-05-01", 0],
    ["2024-05-10", "2024-04-20", 0],
    ["2024-05-10", "2024-04-05", -1],
  ])("completedMonths(%s, %s) = %i", (from, to, months) => {
    expect(completedMonths(from, to)).toBe(months);
  });

  it.each([
    // birth, on, completed years
    ["2005-06-01", "2025-05-31", 19],
    ["2005-06-01", "2025-06-01", 20],
    ["1990-12-31", "2025-12-30", 34],
    ["1990-12-31", "2025-12-31", 35],
    // born on 29 February: a year older on 28 February of a common year
    ["2000-02-29", "2019-02-27", 18],
    ["2000-02-29", "2019-02-28", 19],
    ["2000-02-29", "2020-02-28", 19],
    ["2000-02-29", "2020-02-29", 20],
  ])("completedYears(%s, %s) = %i", (birth, on, years) => {
    expect(completedYears(birth, on)).toBe(years);
  });

  it.each([
    ["2025-06-15", -3, "2025-03-15"],
    ["2025-05-31", -3, "2025-02-28"],
    ["2024-05-31", -3, "2024-02-29"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2025-11-30", 2, "2026-01-30"],
    ["2025-02-10", -2, "2024-12-10"],
  ])("addMonths(%s, %i) = %s", (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ["2025-01-01", "2025-S1", "2025-Q1"],
    ["2025-03-31", "2025-S1", "2025-Q1"],
    ["2025-04-01", "2025-S1", "2025-Q2"],
    ["2025-06-30", "2025-S1", "2025-Q2"],
    ["2025-07-01", "2025-S2", "2025-Q3"],
    ["2025-10-01", "2025-S2", "2025-Q4"],
    ["2025-12-31", "2025-S2", "2025-Q4"],
  ])("%s lies in semester %s and quarter %s", (date, semester, quarter) => {
    expect(semesterOf(date)).toBe(semester);
    expect(quarterOf(date)).toBe(quarter);
  });

  it.each([
    ["2025-S1", "2025-01-01", "2025-07-01", "2025-S2"],
    ["2025-S2", "2025-07-01", "2026-01-01", "2026-S1"],
  ])("%s runs from %s to before %s; the next is %s", (semester, from, to, next) => {
    expect(semesterDates(semester)).toEqual({ from, to });
    expect(nextSemester(semester)).toBe(next);
    expect(dateInRange(from, { from, to })).toBe(true);
    expect(dateInRange(to, { from, to })).toBe(false);
  });

  it("names the value and the expected shape when a date or semester is malformed", () => {
    expect(() => parseIsoDate("2025-02-30")).toThrow(
      /found '2025-02-30', expected a calendar date YYYY-MM-DD/,
    );
    expect(() => parseIsoDate("17/08/2025")).toThrow(/found '17\/08\/2025'/);
    expect(() => semesterDates("2025-S3")).toThrow(/found '2025-S3', expected YYYY-S1 or YYYY-S2/);
  });
});
