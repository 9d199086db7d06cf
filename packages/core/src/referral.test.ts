import { describe, expect, it } from "vitest";
import type { FalteringAlert } from "./faltering.ts";
import {
  canMoveReferral,
  needsReferral,
  REFERRAL_STATUSES,
  type ReferralStatus,
  referralReasons,
} from "./referral.ts";

const T: FalteringAlert = { rule: "T", since: "2025-03" };
const TT: FalteringAlert = { rule: "2T", since: "2025-04" };
const BGM: FalteringAlert = { rule: "BGM", since: "2025-02" };

describe("which alerts call for a referral", () => {
  it.each([
    [[], false, undefined, undefined],
    [[], false, "ibu minta dirujuk", ["other"]],
    [[], false, "   ", undefined],
    [[T], false, null, ["T"]],
    [[T, TT], true, null, ["2T", "T"]],
    [[BGM], true, null, ["BGM"]],
    [[T, TT, BGM], true, "catatan", ["2T", "BGM", "T"]],
  ] as const)("alerts %j: alert %s, reasons with note %j → %j", (alerts, alert, note, reasons) => {
    expect(needsReferral(alerts)).toBe(alert);
    expect(referralReasons(alerts, note)).toEqual(reasons);
  });
});

describe("a referral's status moves forward only", () => {
  const table: Array<[ReferralStatus, ReferralStatus, boolean]> = [
    ["referred", "referred", false],
    ["referred", "attended", true],
    ["referred", "resolved", true],
    ["attended", "referred", false],
    ["attended", "attended", false],
    ["attended", "resolved", true],
    ["resolved", "referred", false],
    ["resolved", "attended", false],
    ["resolved", "resolved", false],
  ];
  it.each(table)("%s → %s: %s", (from, to, ok) => {
    expect(canMoveReferral(from, to)).toBe(ok);
  });
  it("covers every pair", () => {
    expect(table).toHaveLength(REFERRAL_STATUSES.length ** 2);
  });
});
