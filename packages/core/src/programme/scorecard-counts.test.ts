import { describe, expect, it } from "vitest";
import {
  desaScorecardFromCounts,
  readScorecardRows,
  type ScorecardCounts,
  scorecardCountErrors,
  scorecardSheetRows,
} from "./scorecard-counts.ts";

const IH = ["IH1", "IH2", "IH3", "IH4", "IH5", "IH6", "IH7", "IH8"];
const A = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10"];

/** Counts written "Y/TS" in indicator order; "-" leaves an indicator blank. */
function counts(ibu: number | null, anak: number | null, ih: string, a: string): ScorecardCounts {
  const cells = (codes: string[], s: string) =>
    codes.map((c, i) => {
      const cell = s.split(" ")[i];
      if (cell === "-") return [c, { y: null, ts: null }] as const;
      const [y, ts] = cell.split("/").map(Number);
      return [c, { y, ts }] as const;
    });
  return {
    targets: { ibu_hamil: ibu, anak_0_23: anak },
    counts: Object.fromEntries([...cells(IH, ih), ...cells(A, a)]),
  };
}

const cov = (s: ReturnType<typeof desaScorecardFromCounts>, code: string) =>
  s.indicators.find((i) => i.code === code)!.coveragePct;

describe("desa scorecard from a quarter's counts", () => {
  it("works a quarter with TS by hand", () => {
    // 4 pregnant women, 5 children 0–23 months.
    const s = desaScorecardFromCounts(
      "2025-Q3",
      counts(4, 5, "4/0 3/0 1/2 2/0 0/3 4/0 2/0 3/0", "3/2 5/0 4/0 2/2 1/4 5/0 3/0 5/0 4/0 1/2"),
    );
    // Indicator coverage Y ÷ (N − TS):
    const table: [string, number | null][] = [
      ["IH1", 100], // 4 ÷ 4
      ["IH2", 75], // 3 ÷ 4
      ["IH3", 50], // 1 ÷ (4 − 2)
      ["IH5", 0], // 0 ÷ (4 − 3)
      ["A1", 100], // 3 ÷ (5 − 2)
      ["A4", (2 / 3) * 100], // 2 ÷ (5 − 2)
      ["A5", 100], // 1 ÷ (5 − 4)
      ["A10", (1 / 3) * 100], // 1 ÷ (5 − 2)
    ];
    for (const [code, pct] of table)
      pct === null ? expect(cov(s, code), code).toBeNull() : expect(cov(s, code), code).toBeCloseTo(pct, 9);
    // ΣY ibu = 4+3+1+2+0+4+2+3 = 19, ΣTS ibu = 5, cells 8 × 4 = 32 → 19 ÷ 27
    expect(s.groups.ibu_hamil).toMatchObject({
      y: 19,
      ts: 5,
      cells: 32,
      denominator: 27,
      targets: 4,
      indicators: 8,
    });
    // ΣY anak = 3+5+4+2+1+5+3+5+4+1 = 33, ΣTS = 10, cells 10 × 5 = 50 → 33 ÷ 40
    expect(s.groups.anak_0_23).toMatchObject({ y: 33, ts: 10, cells: 50, denominator: 40 });
    // village: ΣY 52 ÷ (8×4 + 10×5 − 15) = 52 ÷ 67 = 77.61 %
    expect(s.level).toMatchObject({ y: 52, ts: 15, cells: 82, denominator: 67 });
    expect(s.level.pct).toBeCloseTo(77.612, 3);
    expect(s.unrecorded).toEqual([]);
  });

  it("gives 100 % when every applicable target received every indicator", () => {
    const s = desaScorecardFromCounts(
      "2025-Q2",
      counts(2, 3, "2/0 2/0 2/0 2/0 2/0 2/0 2/0 2/0", "2/1 2/1 3/0 2/1 3/0 3/0 3/0 3/0 3/0 2/1"),
    );
    expect(s.level).toEqual({ y: 42, ts: 4, cells: 46, denominator: 42, pct: 100 });
  });

  it("is null, not 0, when there is nobody to count (no targets; all TS)", () => {
    const empty = desaScorecardFromCounts("2025-Q1", {
      targets: { ibu_hamil: null, anak_0_23: null },
      counts: {},
    });
    expect(empty.level).toEqual({ y: 0, ts: 0, cells: 0, denominator: 0, pct: null });
    expect(empty.indicators.every((i) => i.coveragePct === null)).toBe(true);
    expect(empty.unrecorded).toEqual([]);
    // No pregnant women this quarter: their group is null, the children's still count.
    const noIbu = desaScorecardFromCounts(
      "2025-Q1",
      counts(0, 1, "0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/0", "1/0 1/0 1/0 1/0 0/1 1/0 1/0 1/0 1/0 0/0"),
    );
    expect(noIbu.groups.ibu_hamil.pct).toBeNull();
    expect(noIbu.level).toMatchObject({ y: 8, ts: 1, cells: 10, denominator: 9 });
    // A5 all TS → null
    expect(cov(noIbu, "A5")).toBeNull();
  });

  it("counts a blank indicator as not received and lists it", () => {
    const s = desaScorecardFromCounts(
      "2025-Q4",
      counts(2, 0, "2/0 - 1/1 2/0 0/2 2/0 2/0 2/0", "- - - - - - - - - -"),
    );
    // IH2 blank: 0 ÷ 2; the children's blanks have N = 0 and are not listed.
    expect(cov(s, "IH2")).toBe(0);
    expect(s.unrecorded).toEqual([{ targetId: "*", indicatorCode: "IH2" }]);
    // ΣY = 2+0+1+2+0+2+2+2 = 11; cells 16; ΣTS 3 → 11 ÷ 13
    expect(s.level).toMatchObject({ y: 11, ts: 3, denominator: 13 });
  });

  it("names each impossible count", () => {
    expect(
      scorecardCountErrors(
        counts(2, 1, "3/0 1/2 0/0 0/0 0/0 0/0 0/0 0/0", "0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/0"),
      ),
    ).toEqual([
      {
        field: "counts.IH1",
        reason: "Y 3 + TS 0 = 3 is more than the 2 targets of the group",
        userMessage: { key: "aksi.scorecardOverTarget", params: { indicator: "IH1", used: 3, targets: 2 } },
      },
      {
        field: "counts.IH2",
        reason: "Y 1 + TS 2 = 3 is more than the 2 targets of the group",
        userMessage: { key: "aksi.scorecardOverTarget", params: { indicator: "IH2", used: 3, targets: 2 } },
      },
    ]);
    const bad = scorecardCountErrors({
      targets: { ibu_hamil: -1, anak_0_23: 1.5 },
      counts: { X9: { y: 0, ts: 0 } },
    });
    expect(bad.map((e) => e.field)).toEqual(["targets.ibu_hamil", "targets.anak_0_23", "counts.X9"]);
  });
});

describe("scorecard spreadsheet rows", () => {
  it("reads back what the export writes", () => {
    const input = counts(4, 5, "4/0 3/0 1/2 2/0 0/3 4/0 2/0 3/0", "3/2 5/0 4/0 2/2 1/4 5/0 3/0 5/0 4/0 1/2");
    const card = desaScorecardFromCounts("2025-Q3", input);
    const rows = scorecardSheetRows("35.03.01.2001", card).map((r, i) => ({
      rowNo: i + 2,
      village: r[0],
      quarter: r[1],
      code: r[2],
      n: r[4],
      y: r[5],
      ts: r[6],
    }));
    const { entries, errors } = readScorecardRows(rows);
    expect(errors).toEqual([]);
    expect(entries).toEqual([{ villageCode: "35.03.01.2001", quarter: "2025-Q3", input }]);
  });

  it("reports each wrong cell with its row and column, and leaves that village's quarter out", () => {
    const { entries, errors } = readScorecardRows([
      { rowNo: 2, village: "35.03.01.2001", quarter: "2025-Q3", code: "IH1", n: 4, y: 4, ts: 0 },
      { rowNo: 3, village: "35.03.01.2001", quarter: "2025-Q3", code: "IH2", n: 5, y: 1, ts: 0 },
      { rowNo: 4, village: "35.03.01.2002", quarter: "2025-Q5", code: "A1", n: 3, y: 1, ts: 0 },
      { rowNo: 5, village: "35.03.01.2003", quarter: "2025-q3", code: "a1", n: "3", y: "", ts: "1" },
      { rowNo: 6, village: "35.03.01.2003", quarter: "2025-Q3", code: "A2", n: 3, y: 2.5, ts: 0 },
      { rowNo: 7, village: "35.03.01.2004", quarter: "2025-Q3", code: "Z1", n: 3, y: 4, ts: 0 },
      { rowNo: 8, village: "35.03.01.2005", quarter: "2025-Q3", code: "A3", n: 3, y: 3, ts: 1 },
      { rowNo: 9, village: "35.03.01.2006", quarter: "2025-Q3", code: "A3", n: 3, y: 3, ts: 0 },
    ]);
    expect(errors).toEqual([
      {
        rowNo: 3,
        field: "Sasaran (N)",
        reason: "found 5, but row 2 gives 4 for the same group of 35.03.01.2001 2025-Q3",
        userMessage: {
          key: "aksi.scorecardRowNDiffers",
          params: { value: 5, row: 2, previous: 4, village: "35.03.01.2001", quarter: "2025-Q3" },
        },
      },
      {
        rowNo: 4,
        field: "Triwulan",
        reason: 'found "2025-Q5", expected a quarter such as 2025-Q3',
        userMessage: { key: "aksi.scorecardRowQuarter", params: { value: "2025-Q5" } },
      },
      {
        rowNo: 6,
        field: "Y",
        reason: 'found "2.5", expected a whole number ≥ 0 or an empty cell',
        userMessage: { key: "aksi.scorecardRowNotCountOrEmpty", params: { value: "2.5" } },
      },
      {
        rowNo: 7,
        field: "Kode Indikator",
        reason: expect.stringContaining('found "Z1"'),
        userMessage: {
          key: "aksi.scorecardRowIndicator",
          params: { value: "Z1", expected: expect.stringContaining("IH1, IH2") },
        },
      },
      {
        rowNo: 8,
        field: "Y",
        reason: "Y 3 + TS 1 is more than N 3",
        userMessage: { key: "aksi.scorecardRowOverN", params: { y: 3, ts: 1, n: 3 } },
      },
    ]);
    expect(entries).toEqual([
      {
        villageCode: "35.03.01.2006",
        quarter: "2025-Q3",
        input: { targets: { ibu_hamil: null, anak_0_23: 3 }, counts: { A3: { y: 3, ts: 0 } } },
      },
    ]);
  });

  it("names a village code, an empty N and an indicator given twice with their catalogue codes", () => {
    const { errors } = readScorecardRows([
      { rowNo: 2, village: "3503012001", quarter: "2025-Q3", code: "IH1", n: "", y: 1, ts: 0 },
      { rowNo: 3, village: "35.03.01.2001", quarter: "2025-Q3", code: "IH1", n: 4, y: 1, ts: 0 },
      { rowNo: 4, village: "35.03.01.2001", quarter: "2025-Q3", code: "ih1", n: 4, y: 2, ts: 0 },
    ]);
    expect(errors.map((e) => [e.rowNo, e.field, e.userMessage])).toEqual([
      [2, "Kode Desa", { key: "aksi.scorecardRowVillageCode", params: { value: "3503012001" } }],
      [2, "Sasaran (N)", { key: "aksi.scorecardRowNotCount", params: { value: "" } }],
      [
        4,
        "Kode Indikator",
        {
          key: "aksi.scorecardRowIndicatorTwice",
          params: { indicator: "IH1", village: "35.03.01.2001", quarter: "2025-Q3" },
        },
      ],
    ]);
  });
});
