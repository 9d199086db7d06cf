import { describe, expect, it } from "vitest";
import { localToday } from "./today.ts";

describe("localToday", () => {
  it("gives the local calendar date, padded", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(localToday(new Date(2026, 11, 31, 0, 1))).toBe("2026-12-31");
  });

  it("follows the local date where the UTC date differs", () => {
    // 00:30 local on 6 December: in any zone east of UTC the UTC date is still the 5th
    const d = new Date(2026, 11, 6, 0, 30);
    expect(localToday(d)).toBe("2026-12-06");
    if (d.getTimezoneOffset() < 0) expect(d.toISOString().slice(0, 10)).toBe("2026-12-05");
  });
});
