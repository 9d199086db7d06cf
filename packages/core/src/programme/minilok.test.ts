import { describe, expect, it } from "vitest";
import { checkConfig } from "./config.ts";
import {
  DEFAULT_MINILOK_CHECKLIST,
  MinilokChecklist,
  type MinilokRecommendation,
  recommendationsForMeeting,
  summarizeChecklist,
} from "./minilok.ts";

describe("minilok checklist", () => {
  it("ships 3 standar and 4 PASTI as an unconfirmed, valid default", () => {
    expect(checkConfig(MinilokChecklist, DEFAULT_MINILOK_CHECKLIST).ok).toBe(true);
    expect(DEFAULT_MINILOK_CHECKLIST.confidence).toBe("mem");
    const groups = DEFAULT_MINILOK_CHECKLIST.items.map((i) => i.group);
    expect(groups.filter((g) => g === "3_standar")).toHaveLength(3);
    expect(groups.filter((g) => g === "4_pasti")).toHaveLength(4);
  });

  it("refuses an edited list with a repeated code or an empty text", () => {
    const bad = {
      ...DEFAULT_MINILOK_CHECKLIST,
      items: [
        { code: "a", group: "lainnya", label: "Satu" },
        { code: "a", group: "lainnya", label: " " },
      ],
    };
    const r = checkConfig(MinilokChecklist, bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        "items.1.label: expected the item's text",
        "items: code 'a' appears more than once",
      ]);
  });

  it.each([
    // answers (group:met) → per group [items, met, notMet, notAssessed, metPct]
    [
      ["3_standar:1", "3_standar:1", "3_standar:0", "4_pasti:1", "4_pasti:-", "4_pasti:-", "4_pasti:0"],
      {
        "3_standar": [3, 2, 1, 0, (2 / 3) * 100],
        "4_pasti": [4, 1, 1, 2, 50],
        total: [7, 3, 2, 2, 60],
      },
    ],
    [["lainnya:-"], { lainnya: [1, 0, 0, 1, null], total: [1, 0, 0, 1, null] }],
  ])("summarises %j", (answers, expected) => {
    const parsed = answers.map((a, i) => {
      const [group, met] = a.split(":");
      return {
        code: `c${i}`,
        group: group as "3_standar",
        met: met === "-" ? null : met === "1",
      };
    });
    const rows = summarizeChecklist(parsed);
    expect(
      Object.fromEntries(rows.map((r) => [r.group, [r.items, r.met, r.notMet, r.notAssessed, r.metPct]])),
    ).toEqual(expected);
  });
});

describe("recommendations carried to the next meeting", () => {
  const rec = (
    id: string,
    meetingId: string,
    raisedOn: string,
    dueOn: string | null,
    status: MinilokRecommendation["status"],
    closedOn: string | null,
  ): MinilokRecommendation => ({ id, meetingId, raisedOn, dueOn, status, closedOn });
  const all = [
    rec("r1", "m1", "2026-03-10", "2026-04-30", "belum", null), // open, overdue by June
    rec("r2", "m1", "2026-03-10", "2026-06-30", "proses", null), // open, not yet due
    rec("r3", "m1", "2026-03-10", "2026-04-01", "selesai", "2026-05-02"), // closed before June
    rec("r4", "m1", "2026-03-10", "2026-04-01", "selesai", "2026-06-15"), // closed at the June meeting
    rec("r5", "m2", "2026-06-15", null, "belum", null), // raised in June
    rec("r6", "m3", "2026-09-01", null, "belum", null), // raised later
  ];

  it.each([
    // meeting → [id, carried, overdue] of what it reviews
    [
      { id: "m1", heldOn: "2026-03-10" },
      [
        ["r1", false, false],
        ["r2", false, false],
        ["r3", false, false],
        ["r4", false, false],
      ],
    ],
    [
      { id: "m2", heldOn: "2026-06-15" },
      [
        ["r1", true, true],
        ["r2", true, false],
        ["r4", true, false],
        ["r5", false, false],
      ],
    ],
    [
      { id: "m3", heldOn: "2026-09-01" },
      [
        ["r1", true, true],
        ["r2", true, true],
        ["r5", true, false],
        ["r6", false, false],
      ],
    ],
  ])("meeting %j reviews", (meeting, expected) => {
    expect(
      recommendationsForMeeting(meeting, all).map((r) => [r.recommendation.id, r.carried, r.overdue]),
    ).toEqual(expected);
  });
});
