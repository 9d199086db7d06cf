import type { TbuCode } from "@tumbuh/growth";
import { describe, expect, it } from "vitest";
import {
  type AuditCandidate,
  DEFAULT_AUDIT_CRITERIA,
  evaluateNextSemester,
  latestScreening,
  selectAuditCases,
  type TbuMeasurement,
} from "./audit.ts";

/** Measurements written "date:category", "-" for no valid TB/U. */
const m = (...cells: string[]): TbuMeasurement[] =>
  cells.map((c) => {
    const [date, tbu] = c.split(":");
    return { date, tbu: tbu === "-" ? null : (tbu as TbuCode) };
  });

const CANDIDATES: AuditCandidate[] = [
  { kind: "anak", id: "C1", villageCode: "V1", measurements: m("2024-11-02:normal", "2025-02-10:pendek") },
  {
    kind: "anak",
    id: "C2",
    villageCode: "V1",
    measurements: m("2024-10-01:pendek", "2025-03-05:sangat_pendek"),
  },
  {
    kind: "anak",
    id: "C3",
    villageCode: "V2",
    measurements: m("2025-02-01:pendek", "2025-05-01:normal"),
    faltering: true,
  },
  { kind: "anak", id: "C4", villageCode: "V2", measurements: m("2025-02-01:pendek") },
  { kind: "anak", id: "C5", villageCode: "V2", measurements: m("2024-12-01:normal", "2025-02-01:-") },
  { kind: "anak", id: "C6", villageCode: "V2", measurements: m("2025-08-01:pendek") },
  { kind: "ibu_hamil", id: "I1", villageCode: "V1", lilaCm: 22.9 },
  { kind: "ibu_hamil", id: "I2", villageCode: "V1", lilaCm: 23.5, hbGdl: 10.9 },
  { kind: "ibu_hamil", id: "I3", villageCode: "V2", risti: true, empatTerlalu: true },
  { kind: "ibu_hamil", id: "I4", villageCode: "V2", lilaCm: 25, hbGdl: 11, kek: false, risti: null },
  { kind: "catin", id: "K1", villageCode: "V1", elsimilBerisiko: true },
  { kind: "catin", id: "K2", villageCode: "V2", hbGdl: 11.9 },
  { kind: "catin", id: "K3", villageCode: "V2", lilaCm: 23.5, hbGdl: 12 },
];

describe("Audit Kasus Stunting case finding", () => {
  it("selects the semester's cases with their reasons (worked by hand)", () => {
    const s = selectAuditCases(CANDIDATES, "2025-S1");
    expect(
      s.cases.map((c) => [c.villageCode, c.id, c.reasons.map((r) => `${r.reason}: ${r.detail}`)]),
    ).toEqual([
      [
        "V1",
        "C1",
        [
          "kasus_baru: TB/U pendek on 2025-02-10, normal on 2024-11-02",
          "stunting: TB/U pendek on 2025-02-10",
        ],
      ],
      ["V1", "C2", ["stunting: TB/U sangat_pendek on 2025-03-05"]], // stunted before too: not new
      ["V1", "I1", ["ibu_hamil_berisiko: KEK (LiLA 22.9 cm)"]],
      ["V1", "I2", ["ibu_hamil_berisiko: anaemia (Hb 10.9 g/dL)"]], // LiLA 23.5 is not KEK
      ["V1", "K1", ["catin_berisiko: Elsimil berisiko"]],
      ["V2", "C4", ["stunting: TB/U pendek on 2025-02-01"]], // no earlier measurement: not a new case
      ["V2", "C3", ["gagal_tumbuh: flagged faltering at the posyandu"]], // latest in S1 is normal
      ["V2", "I3", ["ibu_hamil_berisiko: risti, 4 Terlalu"]],
      ["V2", "K2", ["catin_berisiko: Hb 11.9 g/dL"]],
    ]);
    // not selected: C5 (no valid TB/U in S1), C6 (measured in S2), I4 and K3 (under no cut-off)
    expect(s.outsideVillages).toEqual([]);
  });

  it("keeps to the villages and reasons of the criteria", () => {
    const s = selectAuditCases(CANDIDATES, "2025-S1", {
      ...DEFAULT_AUDIT_CRITERIA,
      reasons: ["kasus_baru", "stunting"],
      villages: ["V1"],
    });
    expect(s.cases.map((c) => c.id)).toEqual(["C1", "C2"]);
    expect(s.outsideVillages).toEqual(["C4"]);
  });

  it("looks at the second semester's measurements for 2025-S2", () => {
    expect(selectAuditCases(CANDIDATES, "2025-S2").cases.map((c) => c.id)).toEqual([
      "I1",
      "I2",
      "K1",
      "C6",
      "C3",
      "I3",
      "K2",
    ]);
  });

  it.each([
    // measurements (audit semester 2025-S1, next 2025-S2) → outcome, changed
    [["2025-03-01:pendek", "2025-09-01:normal"], "tidak_stunting_lagi", true],
    [["2025-03-01:sangat_pendek", "2025-09-01:pendek"], "membaik", true],
    [["2025-03-01:pendek", "2025-09-01:sangat_pendek"], "memburuk", true],
    [["2025-03-01:pendek", "2025-09-01:pendek"], "tetap", false],
    [["2025-03-01:normal", "2025-09-01:pendek"], "menjadi_stunting", true],
    [["2025-03-01:normal", "2025-09-01:tinggi"], "tetap_tidak_stunting", true],
    [["2025-03-01:pendek"], "tidak_diukur", null],
    [["2025-03-01:pendek", "2026-01-05:normal"], "tidak_diukur", null], // 2026-S1 is too late
    [["2025-03-01:-", "2025-09-01:normal"], "tidak_ada_data_awal", null],
    [["2025-03-01:pendek", "2025-08-01:normal", "2025-11-01:pendek"], "tetap", false], // the latest counts
    [["2025-03-01:pendek", "2025-08-01:normal", "2025-11-01:-"], "tidak_stunting_lagi", true],
  ])("%j: %s", (cells, outcome, changed) => {
    const e = evaluateNextSemester(m(...cells), "2025-S1");
    expect([e.next, e.outcome, e.changed]).toEqual(["2025-S2", outcome, changed]);
  });

  it("evaluates a second-semester audit in the next year's first semester", () => {
    const e = evaluateNextSemester(m("2025-10-01:pendek", "2026-02-01:normal"), "2025-S2");
    expect(e).toEqual({
      semester: "2025-S2",
      next: "2026-S1",
      before: { date: "2025-10-01", tbu: "pendek" },
      after: { date: "2026-02-01", tbu: "normal" },
      changed: true,
      outcome: "tidak_stunting_lagi",
    });
  });
});

describe("audit facts", () => {
  it("keeps each finding as a code with its values, and words them in English for the detail", () => {
    const sel = selectAuditCases(
      [
        {
          kind: "anak",
          id: "A",
          villageCode: "V1",
          measurements: m("2024-11-02:normal", "2025-02-10:pendek"),
        },
        { kind: "ibu_hamil", id: "I", villageCode: "V1", kek: true, hbGdl: 10.2, empatTerlalu: true },
        { kind: "catin", id: "K", villageCode: "V1", elsimilBerisiko: true, lilaCm: 22.1 },
      ],
      "2025-S1",
    );
    expect(sel.cases.flatMap((c) => c.reasons.map((r) => [r.reason, r.facts, r.detail]))).toEqual([
      [
        "kasus_baru",
        [
          { code: "tbu", tbu: "pendek", date: "2025-02-10" },
          { code: "tbuBefore", tbu: "normal", date: "2024-11-02" },
        ],
        "TB/U pendek on 2025-02-10, normal on 2024-11-02",
      ],
      ["stunting", [{ code: "tbu", tbu: "pendek", date: "2025-02-10" }], "TB/U pendek on 2025-02-10"],
      [
        "ibu_hamil_berisiko",
        [{ code: "kek", lilaCm: null }, { code: "anaemia", hbGdl: 10.2 }, { code: "empatTerlalu" }],
        "KEK, anaemia (Hb 10.2 g/dL), 4 Terlalu",
      ],
      [
        "catin_berisiko",
        [{ code: "elsimil" }, { code: "lila", lilaCm: 22.1 }],
        "Elsimil berisiko, LiLA 22.1 cm",
      ],
    ]);
  });
});

describe("latestScreening", () => {
  const s = (
    date: string,
    lilaCm: number | null,
    hbGdl: number | null,
    elsimil: "ideal" | "berisiko" | null,
  ) => ({
    date,
    lilaCm,
    hbGdl,
    elsimil,
  });
  it.each([
    // screenings (in any order) → the latest value of each field
    { name: "none", in: [], out: { lilaCm: null, hbGdl: null, elsimilBerisiko: null } },
    {
      name: "one full screening",
      in: [s("2025-03-01", 22.5, 11.4, "berisiko")],
      out: { lilaCm: 22.5, hbGdl: 11.4, elsimilBerisiko: true },
    },
    {
      name: "a later Hb keeps the earlier LiLA",
      in: [s("2025-05-01", null, 12.6, null), s("2025-03-01", 22.5, 11.4, "berisiko")],
      out: { lilaCm: 22.5, hbGdl: 12.6, elsimilBerisiko: true },
    },
    {
      name: "a later Elsimil ideal replaces berisiko, whatever the order given",
      in: [s("2025-02-01", 24, null, "berisiko"), s("2025-06-30", null, null, "ideal")],
      out: { lilaCm: 24, hbGdl: null, elsimilBerisiko: false },
    },
  ])("$name", ({ in: screenings, out }) => {
    expect(latestScreening(screenings)).toEqual(out);
  });

  it("feeds the catin rule: the latest Hb below 12 g/dL selects her, a recovered one does not", () => {
    const recovered = latestScreening([s("2025-02-01", 24, 11.2, null), s("2025-05-01", null, 12.1, null)]);
    const anaemic = latestScreening([s("2025-02-01", 24, 12.4, null), s("2025-05-01", null, 11.9, null)]);
    const sel = selectAuditCases(
      [
        { kind: "catin", id: "R", villageCode: "V1", ...recovered },
        { kind: "catin", id: "A", villageCode: "V1", ...anaemic },
      ],
      "2025-S1",
    );
    expect(sel.cases.map((c) => [c.id, c.reasons])).toEqual([
      ["A", [{ reason: "catin_berisiko", detail: "Hb 11.9 g/dL", facts: [{ code: "hb", hbGdl: 11.9 }] }]],
    ]);
  });
});
