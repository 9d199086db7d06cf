import { describe, expect, it } from "vitest";
import {
  desaScorecard,
  desaScorecardsByQuarter,
  SCORECARD_INDICATORS,
  type ScorecardMark,
  type ScorecardTarget,
} from "./scorecard.ts";

const IH = ["IH1", "IH2", "IH3", "IH4", "IH5", "IH6", "IH7", "IH8"];
const A = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10"];

/** A target whose marks are written in indicator order, e.g. "Y Y T TS …"; "-" leaves a cell blank. */
function target(id: string, group: ScorecardTarget["group"], marks: string): ScorecardTarget {
  const codes = group === "ibu_hamil" ? IH : A;
  const cells = marks.split(" ");
  if (cells.length !== codes.length)
    throw new Error(`${id}: ${cells.length} marks for ${codes.length} indicators`);
  return {
    id,
    group,
    marks: Object.fromEntries(
      codes.map((c, i) => [c, cells[i] === "-" ? undefined : (cells[i] as ScorecardMark)]),
    ),
  };
}

const coverage = (s: ReturnType<typeof desaScorecard>, code: string) =>
  s.indicators.find((i) => i.code === code)!.coveragePct;

describe("desa convergence scorecard", () => {
  it("has 18 indicators: 8 for pregnant women, 10 for children 0–23 months", () => {
    expect(SCORECARD_INDICATORS.filter((i) => i.group === "ibu_hamil").map((i) => i.code)).toEqual(IH);
    expect(SCORECARD_INDICATORS.filter((i) => i.group === "anak_0_23").map((i) => i.code)).toEqual(A);
  });

  it("gives 100 % when every applicable indicator is ticked (OpenSID#10263)", () => {
    const s = desaScorecard("2025-Q2", [
      target("ibu-1", "ibu_hamil", "Y Y Y Y Y Y Y Y"),
      target("ibu-2", "ibu_hamil", "Y Y Y Y Y Y Y Y"),
      target("anak-1", "anak_0_23", "Y Y Y Y Y Y Y Y Y Y"),
      target("anak-2", "anak_0_23", "Y Y Y Y Y Y Y Y Y Y"),
      // a child under 6 months: imunisasi, timbang, konseling and PAUD not applicable
      target("anak-3", "anak_0_23", "TS TS Y TS Y Y Y Y Y TS"),
    ]);
    // ΣY = 16 + 20 + 6 = 42; cells = 8 × 2 + 10 × 3 = 46; ΣTS = 4 → 42 ÷ 42.
    // (18 indicators × 5 targets − 4 = 86 would give 48.8 %: the complaint's arithmetic.)
    expect(s.level).toEqual({ y: 42, ts: 4, cells: 46, denominator: 42, pct: 100 });
    expect(s.groups.ibu_hamil).toMatchObject({ targets: 2, indicators: 8, y: 16, denominator: 16, pct: 100 });
    expect(s.groups.anak_0_23).toMatchObject({
      targets: 3,
      indicators: 10,
      y: 26,
      ts: 4,
      denominator: 26,
      pct: 100,
    });
    expect(s.indicators.every((i) => i.coveragePct === 100)).toBe(true);
    expect(s.unrecorded).toEqual([]);
  });

  it("computes a mixed quarter by the formula (worked by hand)", () => {
    const s = desaScorecard("2025-Q3", [
      target("ibu-1", "ibu_hamil", "Y T TS Y TS Y T Y"), // Y 4, T 2, TS 2
      target("anak-1", "anak_0_23", "Y Y T Y TS Y Y T Y T"), // Y 6, T 3, TS 1
      target("anak-2", "anak_0_23", "Y T T Y TS Y T Y Y TS"), // Y 5, T 3, TS 2
    ]);
    // ΣY = 15; cells = 8 + 20 = 28; ΣTS = 5 → 15 ÷ 23 = 65.217 %
    expect(s.level).toMatchObject({ y: 15, ts: 5, cells: 28, denominator: 23 });
    expect(s.level.pct).toBeCloseTo(65.217, 3);
    // indicator: Y ÷ (N − TS)
    const table: [string, number | null][] = [
      ["IH1", 100], // 1 ÷ 1
      ["IH2", 0], // 0 ÷ 1
      ["IH3", null], // N − TS = 0
      ["A1", 100], // 2 ÷ 2
      ["A2", 50], // 1 ÷ 2
      ["A3", 0], // 0 ÷ 2
      ["A5", null], // both TS
      ["A8", 50], // 1 ÷ 2
      ["A10", 0], // 0 ÷ (2 − 1)
    ];
    for (const [code, pct] of table) expect([code, coverage(s, code)]).toEqual([code, pct]);
    expect(s.groups.ibu_hamil.pct).toBeCloseTo((4 / 6) * 100, 9); // 4 ÷ (8 − 2)
    expect(s.groups.anak_0_23.pct).toBeCloseTo((11 / 17) * 100, 9); // 11 ÷ (20 − 3)
  });

  it("is null, not 0, when every cell is TS", () => {
    const s = desaScorecard("2025-Q1", [target("anak-1", "anak_0_23", "TS TS TS TS TS TS TS TS TS TS")]);
    expect(s.level).toEqual({ y: 0, ts: 10, cells: 10, denominator: 0, pct: null });
    expect(s.indicators.every((i) => i.coveragePct === null)).toBe(true);
    expect(s.groups.ibu_hamil).toMatchObject({ targets: 0, cells: 0, pct: null });
  });

  it("is null, not 0, for a village without targets", () => {
    const s = desaScorecard("2025-Q1", []);
    expect(s.level).toEqual({ y: 0, ts: 0, cells: 0, denominator: 0, pct: null });
    expect(s.indicators.map((i) => i.coveragePct)).toEqual(Array(18).fill(null));
  });

  it("counts a blank cell as T and lists it, so a level below 100 % can be explained", () => {
    const s = desaScorecard("2025-Q4", [
      target("ibu-1", "ibu_hamil", "Y - - - - - - -"),
      { id: "anak-1", group: "anak_0_23", marks: { A1: "Y", IH1: "Y" } },
    ]);
    // ibu-1: 1 Y of 8; anak-1: 1 Y of 10 (IH1 is not a child's indicator) → 2 ÷ 18
    expect(s.level).toMatchObject({ y: 2, ts: 0, cells: 18, denominator: 18 });
    expect(s.level.pct).toBeCloseTo(11.111, 3);
    expect(s.unrecorded).toHaveLength(7 + 9);
    expect(s.unrecorded[0]).toEqual({ targetId: "ibu-1", indicatorCode: "IH2" });
    expect(s.unknownMarks).toEqual([{ targetId: "anak-1", indicatorCode: "IH1" }]);
    expect(s.indicators.find((i) => i.code === "IH2")).toMatchObject({ t: 1, unrecorded: 1, coveragePct: 0 });
  });

  it("computes each quarter on its own", () => {
    const all = "Y Y Y Y Y Y Y Y";
    const none = "T T T T T T T T";
    const [q1, q2] = desaScorecardsByQuarter([
      { ...target("ibu-1", "ibu_hamil", none), quarter: "2025-Q2" },
      { ...target("ibu-1", "ibu_hamil", all), quarter: "2025-Q1" },
      { ...target("ibu-2", "ibu_hamil", all), quarter: "2025-Q2" },
    ]);
    expect([q1.quarter, q1.level.pct]).toEqual(["2025-Q1", 100]);
    expect([q2.quarter, q2.level.pct]).toEqual(["2025-Q2", 50]); // 8 ÷ 16
  });
});
