import { describe, expect, it } from "vitest";
import {
  addMonths,
  completedMonthsOfAge,
  completedMonthsOnFirstDay,
  daysInMonth,
  monthBounds,
  monthOf,
  monthsBetween,
} from "./months.ts";

describe("calendar months", () => {
  it("counts the days of every month of 1896–2104 as the calendar (Date) does", () => {
    for (let y = 1896; y <= 2104; y++)
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, "0")}`;
        expect(daysInMonth(month)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }
  });

  it.each([
    ["2025-01", 1, "2025-02"],
    ["2025-12", 1, "2026-01"],
    ["2025-01", -1, "2024-12"],
    ["2025-03", -15, "2023-12"],
    ["2025-03", 0, "2025-03"],
  ])("%s + %i months = %s", (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it.each([
    ["2025-01", "2025-02", 1],
    ["2024-11", "2025-02", 3],
    ["2025-02", "2024-02", -12],
  ])("from %s to %s: %i months", (from, to, n) => {
    expect(monthsBetween(from, to)).toBe(n);
  });

  it.each([
    ["2024-02", 29],
    ["2025-02", 28],
    ["2025-04", 30],
    ["2025-12", 31],
  ])("%s has %i days", (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });

  it("gives a month's first and last day and a date's month", () => {
    expect(monthBounds("2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(monthOf("2025-08-17")).toBe("2025-08");
  });
});

describe("completed months of age (calendar, as the KMS counts)", () => {
  it.each([
    // birth date, date, completed months
    ["2024-03-15", "2024-03-15", 0],
    ["2024-03-15", "2024-04-14", 0],
    ["2024-03-15", "2024-04-15", 1],
    ["2024-03-15", "2025-03-14", 11],
    ["2024-03-15", "2025-03-15", 12],
    ["2020-03-15", "2025-03-14", 59],
    ["2020-03-15", "2025-03-15", 60],
    // born on the 31st: the month is completed on the last day of a shorter month
    ["2025-01-31", "2025-02-27", 0],
    ["2025-01-31", "2025-02-28", 1],
    ["2024-01-31", "2024-02-29", 1],
    ["2025-01-31", "2025-04-30", 3],
    ["2025-01-31", "2025-05-30", 3],
    ["2025-01-31", "2025-05-31", 4],
    ["2024-03-15", "2024-03-01", -1],
  ])("born %s, on %s: %i months", (birth, date, months) => {
    expect(completedMonthsOfAge(birth, date)).toBe(months);
  });

  it.each([
    // birth date, month, completed months on its first day: born on the 1st, the month is completed that day
    ["2024-03-01", "2024-04", 1],
    ["2024-03-02", "2024-04", 0],
    ["2024-01-31", "2024-03", 1],
    ["2020-03-01", "2025-03", 60],
    ["2020-03-15", "2025-03", 59],
    ["2024-03-15", "2024-03", -1],
  ])("born %s, on the first of %s: %i months", (birth, month, months) => {
    expect(completedMonthsOnFirstDay(birth, month)).toBe(months);
    expect(completedMonthsOfAge(birth, `${month}-01`)).toBe(months);
  });
});
