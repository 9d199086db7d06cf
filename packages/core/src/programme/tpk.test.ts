import { describe, expect, it } from "vitest";
import {
  TPK_TARGET_GROUPS,
  type TpkPerson,
  type TpkTarget,
  tpkCoverage,
  tpkTargetFromPosyandu,
  tpkTargetKind,
} from "./tpk.ts";

describe("TPK", () => {
  it("lists the five target groups", () => {
    expect(TPK_TARGET_GROUPS.map((g) => g.kind)).toEqual([
      "catin",
      "ibu_hamil",
      "ibu_pascasalin",
      "baduta",
      "balita",
    ]);
  });

  it.each([
    // person, date → group
    [{ type: "catin", weddingDate: "2025-09-20" }, "2025-06-19", null],
    [{ type: "catin", weddingDate: "2025-09-20" }, "2025-06-20", "catin"], // 3 months before
    [{ type: "catin", weddingDate: "2025-09-20" }, "2025-09-20", "catin"], // the wedding day
    [{ type: "catin", weddingDate: "2025-09-20" }, "2025-09-21", null],
    [{ type: "ibu", pregnant: true, deliveryDate: null }, "2025-08-01", "ibu_hamil"],
    [{ type: "ibu", pregnant: false, deliveryDate: "2025-07-01" }, "2025-08-12", "ibu_pascasalin"], // day 42
    [{ type: "ibu", pregnant: false, deliveryDate: "2025-07-01" }, "2025-08-13", null], // day 43
    [{ type: "ibu", pregnant: false, deliveryDate: null }, "2025-08-01", null],
    [{ type: "anak", birthDate: "2023-08-02" }, "2025-08-01", "baduta"], // 23 months
    [{ type: "anak", birthDate: "2023-08-01" }, "2025-08-01", "balita"], // 24 months
    [{ type: "anak", birthDate: "2020-08-02" }, "2025-08-01", "balita"], // 59 months
    [{ type: "anak", birthDate: "2020-08-01" }, "2025-08-01", null], // 60 months
    [{ type: "anak", birthDate: "2025-09-01" }, "2025-08-01", null], // not born yet
  ] as [TpkPerson, string, string | null][])("%j on %s: %s", (person, on, kind) => {
    expect(tpkTargetKind(person, on)).toBe(kind);
  });

  const targets: TpkTarget[] = [
    { id: "T1", kind: "catin", villageCode: "V1", teamId: "A" },
    { id: "T2", kind: "ibu_hamil", villageCode: "V1", teamId: "A" },
    { id: "T3", kind: "baduta", villageCode: "V1", teamId: "A" },
    { id: "T4", kind: "baduta", villageCode: "V2", teamId: "B" },
    { id: "T5", kind: "balita", villageCode: "V2", teamId: "B" },
    { id: "T6", kind: "ibu_pascasalin", villageCode: "V2", teamId: "A" },
  ];
  const visits = [
    { targetId: "T1", date: "2025-07-05" },
    { targetId: "T2", date: "2025-06-30" }, // before the period
    { targetId: "T2", date: "2025-10-01" }, // the period ends before 1 October
    { targetId: "T3", date: "2025-08-10" },
    { targetId: "T3", date: "2025-09-10" }, // a second visit counts once
    { targetId: "T4", date: "2025-09-30", teamId: "A" }, // by another team: still assisted
    { targetId: "T6", date: "2025-07-01" }, // first day of the period
    { targetId: "T9", date: "2025-08-01" }, // not a listed target
  ];

  it("coverage of a quarter: assisted (≥ 1 visit in the period) ÷ targets", () => {
    const c = tpkCoverage(targets, visits, { from: "2025-07-01", to: "2025-10-01" });
    expect(c.total).toEqual({
      key: "total",
      targets: 6,
      assisted: 4,
      coveragePct: expect.closeTo(66.667, 3),
    });
    expect(c.byTeam).toEqual([
      { key: "A", targets: 4, assisted: 3, coveragePct: 75 }, // T1, T3, T6 of T1, T2, T3, T6
      { key: "B", targets: 2, assisted: 1, coveragePct: 50 }, // T4 of T4, T5
    ]);
    expect(c.byVillage.map((r) => [r.key, r.targets, r.assisted])).toEqual([
      ["V1", 3, 2],
      ["V2", 3, 2],
    ]);
    expect(c.byKind.map((r) => [r.key, r.targets, r.assisted, r.coveragePct])).toEqual([
      ["catin", 1, 1, 100],
      ["ibu_hamil", 1, 0, 0],
      ["ibu_pascasalin", 1, 1, 100],
      ["baduta", 2, 2, 100],
      ["balita", 1, 0, 0],
    ]);
    expect(c.notAssisted).toEqual(["T2", "T5"]);
    expect(c.unknownVisits).toEqual([{ targetId: "T9", date: "2025-08-01" }]);
  });

  it("coverage without targets is null, not 0", () => {
    const c = tpkCoverage([], visits, { from: "2025-07-01", to: "2025-10-01" });
    expect(c.total.coveragePct).toBeNull();
    expect(c.byTeam).toEqual([]);
  });

  it.each([
    // birth date, flags → target from the posyandu (on 2025-08-01)
    ["2024-08-01", { stunted: true }, { kind: "baduta", reasons: ["stunted"] }],
    ["2022-08-01", { stunted: true, faltering: true }, { kind: "balita", reasons: ["stunted", "faltering"] }],
    ["2024-08-01", { faltering: true, stunted: false }, { kind: "baduta", reasons: ["faltering"] }],
    ["2024-08-01", { stunted: false, faltering: null }, null],
    ["2024-08-01", { wasted: true }, null], // not a trigger by default
    ["2020-07-01", { stunted: true }, null], // 61 months: not a TPK target
  ] as const)("a child born %s with %j becomes %j", (birthDate, flags, expected) => {
    expect(tpkTargetFromPosyandu({ birthDate, flags }, "2025-08-01")).toEqual(expected);
  });

  it("takes other trigger flags when configured", () => {
    expect(
      tpkTargetFromPosyandu({ birthDate: "2024-08-01", flags: { wasted: true } }, "2025-08-01", {
        triggers: ["stunted", "faltering", "wasted"],
      }),
    ).toEqual({ kind: "baduta", reasons: ["wasted"] });
  });
});
