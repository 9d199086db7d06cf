import { ageDaysFromMonths, lmsRow } from "@tumbuh/growth";
import { describe, expect, it } from "vitest";
import {
  checkEntry,
  ENTRY_LIMITS,
  type EntryChild,
  type EntryMeasurement,
  LENHEI_GAIN_PER_MONTH,
  type PreviousMeasurement,
  WEIGHT_GAIN_PER_MONTH,
} from "./entry-rules.ts";

const boy: EntryChild = { sex: 1, birthDate: "2023-01-10" }; // 24 months on 10 January 2025 (731 days)
const today = "2025-06-20";
const codes = (r: { code: string; field: string }[]) => r.map((f) => `${f.field}:${f.code}`);

describe("errors: what the server refuses", () => {
  it.each([
    // case, child, measurement, previous, errors
    ["date after today", boy, { date: "2025-06-21", weight: 12 }, null, ["date:date_in_future"]],
    ["date before birth", boy, { date: "2023-01-09", weight: 3 }, null, ["date:date_before_birth"]],
    // born 1 June 2020: 1826 days on 1 June 2025 (59.99 WHO months), 1827 the next day (60.02)
    ["59.99 months", { sex: 2, birthDate: "2020-06-01" }, { date: "2025-06-01", weight: 17 }, null, []],
    [
      "60.02 months",
      { sex: 2, birthDate: "2020-06-01" },
      { date: "2025-06-02", weight: 17 },
      null,
      ["date:age_60_months_or_more"],
    ],
    [
      "no weight, no length/height",
      boy,
      { date: "2025-06-10", armc: 14 },
      null,
      ["weight:no_weight_or_lenhei"],
    ],
    [
      "85 kg (8.5 without its point)",
      boy,
      { date: "2025-06-10", weight: 85 },
      null,
      ["weight:out_of_limits"],
    ],
    ["0.4 kg", boy, { date: "2025-06-10", weight: 0.4 }, null, ["weight:out_of_limits"]],
    [
      "250 cm",
      boy,
      { date: "2025-06-10", weight: 12, lenhei: 250, measure: "h" },
      null,
      ["lenhei:out_of_limits"],
    ],
    [
      "24 cm",
      boy,
      { date: "2025-06-10", weight: 12, lenhei: 24, measure: "h" },
      null,
      ["lenhei:out_of_limits"],
    ],
    ["LiLA 1.2 cm", boy, { date: "2025-06-10", weight: 12, armc: 1.2 }, null, ["armc:out_of_limits"]],
    ["LiLA 41 cm", boy, { date: "2025-06-10", weight: 12, armc: 41 }, null, ["armc:out_of_limits"]],
    ["head 75 cm", boy, { date: "2025-06-10", weight: 12, headc: 75 }, null, ["headc:out_of_limits"]],
    ["head 17 cm", boy, { date: "2025-06-10", weight: 12, headc: 17 }, null, ["headc:out_of_limits"]],
    ["weight not a number", boy, { date: "2025-06-10", weight: Number.NaN }, null, ["weight:not_a_number"]],
    [
      "on the previous one's date",
      boy,
      { date: "2025-06-10", weight: 12 },
      { date: "2025-06-10", weight: 12 },
      ["date:same_date_as_previous"],
    ],
    [
      "two at once",
      boy,
      { date: "2025-07-01", weight: 250 },
      null,
      ["date:date_in_future", "weight:out_of_limits"],
    ],
  ] as [string, EntryChild, EntryMeasurement, PreviousMeasurement | null, string[]][])(
    "%s",
    (_case, child, m, previous, expected) => {
      expect(codes(checkEntry(child, today, m, previous).errors)).toEqual(expected);
    },
  );

  it("gives the parameters, not prose", () => {
    const r = checkEntry(boy, today, { date: "2025-06-21", weight: 85 });
    expect(r.errors).toEqual([
      { code: "date_in_future", field: "date", params: { date: "2025-06-21", today } },
      { code: "out_of_limits", field: "weight", params: { value: 85, min: 0.5, max: 60, unit: "kg" } },
    ]);
    expect(
      checkEntry({ sex: 2, birthDate: "2020-06-01" }, today, { date: "2025-06-02", weight: 17 }).errors,
    ).toEqual([{ code: "age_60_months_or_more", field: "date", params: { ageMonths: 60 } }]);
  });

  it.each([
    ["weight", 0.5],
    ["weight", 60],
    ["lenhei", 25],
    ["lenhei", 150],
    ["armc", 5],
    ["armc", 40],
    ["headc", 18],
    ["headc", 70],
  ] as const)("accepts %s %d (the limit itself)", (field, value) => {
    const m: EntryMeasurement = { date: "2025-06-10", weight: 12, [field]: value };
    expect(checkEntry(boy, today, m).errors).toEqual([]);
    expect(ENTRY_LIMITS[field].min <= value && value <= ENTRY_LIMITS[field].max).toBe(true);
  });
});

describe("warnings that scale with the interval", () => {
  // Each limit worked by hand: months = days / 30.4375; the rates at 12–59 months are 0.8 kg and
  // (from 24 months) 1.5 cm a month; tolerances 0.3 kg and 1.5 cm.
  it.each([
    // case, previous, new, warnings
    [
      // 13 → 29 months, 486 days = 15.97 months: limit 0.3 + 0.8 · 15.97 = 13.07 kg. The old form
      // warned (3.6 kg is more than a third of 8.9 kg).
      "3.6 kg gained in 16 months",
      { date: "2024-02-10", weight: 8.9 },
      { date: "2025-06-10", weight: 12.5 },
      [],
    ],
    [
      // 31 days = 1.0185 months: limit 0.3 + 0.8 · 1.0185 = 1.115 kg
      "1.5 kg gained in a month at 24 months",
      { date: "2025-01-10", weight: 11.0 },
      { date: "2025-02-10", weight: 12.5 },
      ["weight:weight_gain_fast"],
    ],
    [
      "1.1 kg gained in a month at 24 months",
      { date: "2025-01-10", weight: 11.0 },
      { date: "2025-02-10", weight: 12.1 },
      [],
    ],
    [
      // loss limit 0.3 + 11.5 · 0.1 · 1.0185 = 1.471 kg
      "1.5 kg lost in a month",
      { date: "2025-01-10", weight: 11.5 },
      { date: "2025-02-10", weight: 10.0 },
      ["weight:weight_loss"],
    ],
    [
      "1.0 kg lost in a month",
      { date: "2025-01-10", weight: 11.5 },
      { date: "2025-02-10", weight: 10.5 },
      [],
    ],
    [
      // 365 days = 11.99 months: the share is capped at 20 %: 0.3 + 0.2 · 11.5 = 2.6 kg
      "2.5 kg lost in a year",
      { date: "2024-06-10", weight: 11.5 },
      { date: "2025-06-10", weight: 9.0 },
      [],
    ],
    [
      "2.7 kg lost in a year",
      { date: "2024-06-10", weight: 11.5 },
      { date: "2025-06-10", weight: 8.8 },
      ["weight:weight_loss"],
    ],
    [
      // lying 86.0 at 731 days is 85.3 as height; standing 84.0 a month later: −1.3 cm, within 1.5
      // (the old form compared 86.0 with 84.0 and warned)
      "lying 86.0, then standing 84.0",
      { date: "2025-01-10", weight: 11, lenhei: 86.0, measure: "l" },
      { date: "2025-02-10", weight: 11.2, lenhei: 84.0, measure: "h" },
      [],
    ],
    [
      "lying 86.0, then standing 83.5 (−1.8 cm)",
      { date: "2025-01-10", weight: 11, lenhei: 86.0, measure: "l" },
      { date: "2025-02-10", weight: 11.2, lenhei: 83.5, measure: "h" },
      ["lenhei:lenhei_decrease"],
    ],
    [
      // limit 1.5 + 1.5 · 1.0185 = 3.03 cm
      "3.5 cm taller in a month at 24 months",
      { date: "2025-01-10", weight: 11, lenhei: 85.0, measure: "h" },
      { date: "2025-02-10", weight: 11.2, lenhei: 88.5, measure: "h" },
      ["lenhei:lenhei_gain_fast"],
    ],
    [
      "2.5 cm taller in a month at 24 months",
      { date: "2025-01-10", weight: 11, lenhei: 85.0, measure: "h" },
      { date: "2025-02-10", weight: 11.2, lenhei: 87.5, measure: "h" },
      [],
    ],
    [
      "head 1.2 cm smaller",
      { date: "2025-01-10", headc: 47.0 },
      { date: "2025-02-10", weight: 11, headc: 45.8 },
      ["headc:headc_decrease"],
    ],
    [
      "head 0.8 cm smaller",
      { date: "2025-01-10", headc: 47.0 },
      { date: "2025-02-10", weight: 11, headc: 46.2 },
      [],
    ],
    [
      // entered late: the previous one (March) is after it; in date order 10.3 → 12.0 kg in 28 days
      // (0.92 months): limit 0.3 + 0.8 · 0.92 = 1.04 kg
      "a late entry before the previous measurement",
      { date: "2025-03-10", weight: 12.0 },
      { date: "2025-02-10", weight: 10.3 },
      ["weight:weight_gain_fast"],
    ],
  ] as [string, PreviousMeasurement, EntryMeasurement, string[]][])("%s", (_case, previous, m, expected) => {
    const r = checkEntry(boy, today, m, previous);
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(expected);
  });

  it("gives the numbers of a weight warning", () => {
    const r = checkEntry(
      boy,
      today,
      { date: "2025-02-10", weight: 12.5 },
      { date: "2025-01-10", weight: 11.0 },
    );
    expect(r.warnings).toEqual([
      {
        code: "weight_gain_fast",
        field: "weight",
        params: { previousDate: "2025-01-10", days: 31, previous: 11, change: 1.5, limit: 1.115 },
      },
    ]);
  });

  it("compares nothing after a date error", () => {
    const r = checkEntry(boy, today, { date: "2025-07-10", weight: 30 }, { date: "2025-01-10", weight: 11 });
    expect(r.warnings).toEqual([]);
  });
});

describe("warnings from the WHO rules and the position", () => {
  it("flags an implausible weight-for-age (30 kg at 29 months) with its z", () => {
    const r = checkEntry(boy, today, { date: "2025-06-10", weight: 30 });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({
      code: "implausible_z",
      field: "weight",
      params: { indicator: "zwei" },
    });
    expect(r.warnings[0].params.z).toBeGreaterThan(5);
  });

  it("warns on standing under 9 months and on a length without position", () => {
    const baby: EntryChild = { sex: 2, birthDate: "2025-01-10" };
    expect(codes(checkEntry(baby, today, { date: "2025-06-10", lenhei: 64, measure: "h" }).warnings)).toEqual(
      ["measure:standing_under_9_months"],
    );
    expect(codes(checkEntry(baby, today, { date: "2025-06-10", lenhei: 64 }).warnings)).toEqual([
      "measure:measure_missing",
    ]);
  });

  it("leaves a value outside the limits out of the WHO rules (an error already)", () => {
    const r = checkEntry(boy, today, { date: "2025-06-10", weight: 75 });
    expect(codes(r.errors)).toEqual(["weight:out_of_limits"]);
    expect(r.warnings).toEqual([]);
  });
});

describe("the velocity limits against the WHO standards' median gains", () => {
  /** The largest median monthly gain in the band, over both sexes, from the M column of the WHO table. */
  const largestMedianGain = (table: "wei" | "len", fromMonth: number, toMonth: number) => {
    let largest = 0;
    for (let k = fromMonth; k <= Math.min(toMonth, 59); k++) {
      for (const sex of [1, 2] as const) {
        const m0 = lmsRow(table, sex, ageDaysFromMonths(k))!.m;
        const m1 = lmsRow(table, sex, Math.min(ageDaysFromMonths(k + 1), 1826))!.m;
        largest = Math.max(largest, m1 - m0);
      }
    }
    return largest;
  };
  it.each(WEIGHT_GAIN_PER_MONTH.map((b) => [b.fromMonth, b.toMonth, b.kg]))(
    "weight, %i–%i months: %d kg a month is at least 1.75 times the median gain",
    (from, to, kg) => {
      expect(kg).toBeGreaterThanOrEqual(1.75 * largestMedianGain("wei", from, to));
    },
  );
  it.each(LENHEI_GAIN_PER_MONTH.map((b) => [b.fromMonth, b.toMonth, b.cm]))(
    "length/height, %i–%i months: %d cm a month is at least 1.25 times the median gain",
    (from, to, cm) => {
      expect(cm).toBeGreaterThanOrEqual(1.25 * largestMedianGain("len", from, to));
    },
  );
});
