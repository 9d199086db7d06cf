import { describe, expect, it } from "vitest";
import { todayInIndonesia } from "./dates.ts";

describe("todayInIndonesia", () => {
  it.each([
    // 2025-08-14 06:30 WIB (UTC+7) is 2025-08-13 23:30 UTC: the posyandu's today is the 14th.
    ["2025-08-13T23:30:00Z", "2025-08-14"],
    // 14:59 UTC is 23:59 WIT: still the 14th in Papua.
    ["2025-08-14T14:59:00Z", "2025-08-14"],
    // 15:00 UTC is 00:00 WIT on the 15th: the 15th has begun somewhere in Indonesia.
    ["2025-08-14T15:00:00Z", "2025-08-15"],
    ["2024-12-31T15:00:00Z", "2025-01-01"],
  ])("at %s it is %s", (now, date) => {
    expect(todayInIndonesia(new Date(now))).toBe(date);
  });
});
