import { describe, expect, it } from "vitest";
import { type ActionChild, childActionStatus, latestSessionMonth } from "./action-lists.ts";
import { KBM_A } from "./kbm.ts";

const m = (
  date: string,
  weight: number | null,
  z: Partial<{ zlen: number; flen: boolean; zwei: number; zwfl: number }> = {},
) => ({
  date,
  weight,
  ...z,
});

// A posyandu on 10 April 2025; its latest session was in April (child "ok" weighed on 8 April).
// Every list below worked out by hand from the rules of action-lists.ts and faltering.ts (KBM A).
const children: ActionChild[] = [
  // weighed in March and April, +500 g at 14 months (KBM 200 g): N; normal z-scores: on no list
  {
    id: "ok",
    sex: 1,
    birthDate: "2024-02-01",
    measurements: [
      m("2025-03-08", 9.5, { zlen: 0, zwei: 0, zwfl: 0 }),
      m("2025-04-08", 10.0, { zlen: 0.1, zwei: 0.1, zwfl: 0 }),
    ],
  },
  // 8 months: +100 g in February (< 300 g) and +100 g in April over the 2-month gap (< 600 g):
  // T twice in a row across the skipped March: faltering and 2T
  {
    id: "slow",
    sex: 1,
    birthDate: "2024-07-20",
    measurements: [m("2025-01-21", 8.0), m("2025-02-21", 8.1), m("2025-04-05", 8.2)],
  },
  // HAZ −1.5 in January, −2.3 in March (not weighed in April): stunted, new stunting, missed;
  // +600 g over 2 months at 30 months (KBM 400 g): N
  {
    id: "newly",
    sex: 2,
    birthDate: "2022-09-15",
    measurements: [
      m("2025-01-16", 11.0, { zlen: -1.5, zwei: -1, zwfl: -0.5 }),
      m("2025-03-16", 11.6, { zlen: -2.3, zwei: -1.2, zwfl: -2.1 }),
    ],
  },
  // stunted both times (not new); the latest HAZ flagged implausible is left out: −2.6 stands.
  // Weighed in April, weight unchanged at 26 months: T; WAZ −2.4: underweight
  {
    id: "long",
    sex: 1,
    birthDate: "2023-02-01",
    measurements: [
      m("2025-03-02", 10.0, { zlen: -2.5, zwei: -2.2 }),
      m("2025-04-02", 10.0, { zlen: -2.6, zwei: -2.4 }),
      m("2025-04-09", 10.0, { zlen: -7, flen: true }),
    ],
  },
  // 61 months: aged out, on no other list though stunted and not weighed
  { id: "old", sex: 2, birthDate: "2020-03-01", measurements: [m("2025-01-10", 15, { zlen: -2.5 })] },
  // born on 5 April, not weighed yet: in S for April (born during it), so missed
  { id: "newborn", sex: 2, birthDate: "2025-04-05", measurements: [] },
];

describe("action lists of a posyandu", () => {
  const today = "2025-04-10";
  const session = latestSessionMonth(children, today);

  it("finds the latest session month up to today", () => {
    expect(session).toBe("2025-04");
    expect(latestSessionMonth(children, "2025-03-31")).toBe("2025-03");
    expect(latestSessionMonth([], today)).toBeNull();
  });

  it.each([
    ["ok", []],
    ["slow", ["faltering", "twoT"]],
    ["newly", ["stunted", "newStunting", "wasted", "missed"]],
    ["long", ["faltering", "stunted", "underweight"]],
    ["old", ["agedOut"]],
    ["newborn", ["missed"]],
  ])("%s: %j", (id, lists) => {
    const child = children.find((c) => c.id === id)!;
    expect(childActionStatus(child, today, session, KBM_A).lists).toEqual(lists);
  });

  it("keeps the latest valid z-scores and the alerts with since when they hold", () => {
    const long = childActionStatus(children[3], today, session, KBM_A);
    expect([long.haz, long.waz, long.ageMonths]).toEqual([-2.6, -2.4, 26]);
    const slow = childActionStatus(children[1], today, session, KBM_A);
    expect(slow.alerts).toEqual([
      { rule: "T", since: "2025-02" },
      { rule: "2T", since: "2025-04" },
    ]);
  });

  it("does not list as missed a child born after the latest session's month", () => {
    const baby = { id: "b", sex: 1 as const, birthDate: "2025-04-05", measurements: [] };
    expect(childActionStatus(baby, "2025-05-02", "2025-03", KBM_A).lists).toEqual([]);
  });

  it("ignores measurements dated after today", () => {
    const later = { ...children[0], measurements: [...children[0].measurements, m("2025-06-01", 9.0)] };
    expect(childActionStatus(later, today, session, KBM_A).lists).toEqual([]);
  });
});
