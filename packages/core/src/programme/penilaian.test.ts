import { describe, expect, it } from "vitest";
import { checkConfig } from "./config.ts";
import { type PanelGrade, penilaianKinerja, prevalenceChangeScore } from "./penilaian.ts";
import { PenilaianInstrument, TEMPLATE_INSTRUMENT } from "./penilaian-instrument.ts";

const ABCD = { A: "a", B: "b", C: "c", D: "d" };
const grade = (code: string, weight = 1) => ({
  code,
  name: code,
  aksi: "1",
  weight,
  scoring: "grade" as const,
  descriptors: ABCD,
});

const INSTRUMENT: PenilaianInstrument = {
  ...TEMPLATE_INSTRUMENT,
  version: "test",
  regionCode: "35",
  components: [
    { code: "K", name: "Aksi", weight: 0.6, items: [grade("1.1"), grade("1.2"), grade("2.1", 2)] },
    {
      code: "P",
      name: "Pengisian",
      weight: 0.2,
      items: [{ code: "web", name: "web", aksi: null, weight: 1, scoring: "number", descriptors: {} }],
    },
    { code: "Q", name: "Paparan", weight: 0.2, items: [grade("paparan")] },
  ],
  awards: {
    terbaik: 3,
    kategoriKhusus: [
      { code: "paparan", name: "Kategori khusus paparan", basis: "Q", excludeTerbaik: true },
      { code: "pengisian", name: "Kategori khusus pengisian", basis: "web", excludeTerbaik: false },
    ],
  },
};

const PANEL = ["P1", "P2", "P3"];

/** Grades of one district: item → the three panelists' letters ("-" = not given). */
function gradesOf(district: string, table: Record<string, string>): PanelGrade[] {
  return Object.entries(table).flatMap(([itemCode, letters]) =>
    letters
      .split(" ")
      .map((g, i) => ({ districtCode: district, itemCode, panelist: PANEL[i], grade: g === "-" ? null : g })),
  );
}

const INPUT = {
  districts: ["35.01", "35.02", "35.03", "35.04", "35.05"].map((code) => ({ code })),
  panelists: PANEL,
  grades: [
    ...gradesOf("35.01", { "1.1": "A A A", "1.2": "A B A", "2.1": "B B B", paparan: "A A B" }),
    ...gradesOf("35.02", { "1.1": "B B B", "1.2": "B B B", "2.1": "A A A", paparan: "B B B" }),
    ...gradesOf("35.03", { "1.1": "A A A", "1.2": "C C C", "2.1": "A A A", paparan: "A B C" }),
    ...gradesOf("35.04", { "1.1": "A A -", "1.2": "B B B", "2.1": "B B C", paparan: "C C C" }),
    ...gradesOf("35.05", { "1.1": "A A A", "1.2": "A A A", paparan: "A A A" }),
  ],
  values: [
    { districtCode: "35.01", itemCode: "web", value: 90 },
    { districtCode: "35.02", itemCode: "web", value: 80 },
    { districtCode: "35.03", itemCode: "web", value: 80 },
    { districtCode: "35.04", itemCode: "web", value: 60 },
    { districtCode: "35.05", itemCode: "web", value: 100 },
  ],
};

describe("penilaian kinerja", () => {
  const result = penilaianKinerja(INSTRUMENT, INPUT);
  const byCode = (code: string) => result.districts.find((d) => d.code === code)!;

  it("averages panelists per item, then weights items and components (worked by hand)", () => {
    // 35.01: items 1.1 100, 1.2 (100+75+100)/3 = 91.667, 2.1 75 (weight 2), web 90, paparan 91.667
    //   aksi (100 + 91.667 + 2 × 75) ÷ 4 = 85.417; total 0.6 × 85.417 + 0.2 × 90 + 0.2 × 91.667 = 87.583
    // 35.02: aksi (75 + 75 + 200) ÷ 4 = 87.5; total 52.5 + 16 + 15 = 83.5
    // 35.03: aksi (100 + 50 + 200) ÷ 4 = 87.5; paparan (100+75+50)/3 = 75; total 83.5 — the same
    // 35.04: 1.1 from two panelists: 100; 2.1 (75+75+50)/3 = 66.667
    //   aksi (100 + 75 + 133.333) ÷ 4 = 77.083; total 46.25 + 12 + 10 = 68.25
    //   (counting the missing grade as 0 would give 1.1 = 66.667 and a total of 63.25)
    const d1 = byCode("35.01");
    expect(d1.items.map((i) => i.score)).toEqual([
      100,
      expect.closeTo(91.667, 3),
      75,
      90,
      expect.closeTo(91.667, 3),
    ]);
    expect(d1.components.map((c) => c.score)).toEqual([
      expect.closeTo(85.417, 3),
      90,
      expect.closeTo(91.667, 3),
    ]);
    expect(result.districts.map((d) => [d.code, d.total, d.rank, d.complete])).toEqual([
      ["35.01", 87.58, 1, true],
      ["35.02", 83.5, 2, true],
      ["35.03", 83.5, 2, true],
      ["35.04", 68.25, 4, true],
      ["35.05", 100, null, false],
    ]);
  });

  it("leaves a missing grade out of the mean and flags it", () => {
    const item = byCode("35.04").items.find((i) => i.itemCode === "1.1")!;
    expect(item.missingPanelists).toEqual(["P3"]);
    expect(item.scores.map((s) => s.panelist)).toEqual(["P1", "P2"]);
    expect(result.flags.filter((f) => f.districtCode === "35.04")).toEqual([
      { districtCode: "35.04", itemCode: "1.1", panelist: "P3", kind: "missing", detail: "no grade" },
    ]);
  });

  it("shows an incomplete district's total but does not rank it", () => {
    // 35.05: item 2.1 graded by nobody → aksi over 1.1 and 1.2 = 100; total 100, unranked
    const d5 = byCode("35.05");
    expect(d5.items.find((i) => i.itemCode === "2.1")).toMatchObject({
      score: null,
      missingPanelists: PANEL,
    });
    expect(result.flags.filter((f) => f.districtCode === "35.05").map((f) => f.kind)).toEqual([
      "missing",
      "missing",
      "missing",
      "no_score",
    ]);
    expect(d5.awards).toEqual([]);
  });

  it("shares ranks and awards on equal totals: 1, 2, 2, 4 and no Terbaik III", () => {
    expect(result.districts.map((d) => [d.code, d.awards])).toEqual([
      ["35.01", ["Terbaik I", "Kategori khusus pengisian"]],
      ["35.02", ["Terbaik II"]],
      ["35.03", ["Terbaik II"]],
      ["35.04", ["Kategori khusus paparan"]],
      ["35.05", []],
    ]);
  });

  it("ranks an incomplete district when the instrument says so", () => {
    const r = penilaianKinerja({ ...INSTRUMENT, rankIncomplete: true }, INPUT);
    expect(r.districts.map((d) => [d.code, d.rank, d.awards.filter((a) => a.startsWith("Terbaik"))])).toEqual(
      [
        ["35.05", 1, ["Terbaik I"]],
        ["35.01", 2, ["Terbaik II"]],
        ["35.02", 3, ["Terbaik III"]],
        ["35.03", 3, ["Terbaik III"]],
        ["35.04", 5, []],
      ],
    );
  });

  it.each([
    // totals (one number item, weight 1) → ranks and Terbaik awards (3 given); ties share and skip
    ["all different", [90, 80, 70, 60], [1, 2, 3, 4], ["Terbaik I", "Terbaik II", "Terbaik III", ""]],
    ["three tie first", [80, 80, 80, 70], [1, 1, 1, 4], ["Terbaik I", "Terbaik I", "Terbaik I", ""]],
    ["tie third", [90, 80, 70, 70], [1, 2, 3, 3], ["Terbaik I", "Terbaik II", "Terbaik III", "Terbaik III"]],
    ["all tie", [50, 50, 50, 50], [1, 1, 1, 1], ["Terbaik I", "Terbaik I", "Terbaik I", "Terbaik I"]],
    // 70.004 and 70.001 round to 70.00 at 2 decimals: ranked on the rounded (announced) total
    [
      "equal after rounding",
      [70.004, 70.001, 69.99, 0],
      [1, 1, 3, 4],
      ["Terbaik I", "Terbaik I", "Terbaik III", ""],
    ],
  ])("ranks %s", (_name, totals, ranks, awards) => {
    const codes = ["35.01", "35.02", "35.03", "35.04"];
    const r = penilaianKinerja(
      {
        ...INSTRUMENT,
        components: [
          {
            code: "P",
            name: "P",
            weight: 1,
            items: [{ code: "web", name: "web", aksi: null, weight: 1, scoring: "number", descriptors: {} }],
          },
        ],
        awards: { terbaik: 3, kategoriKhusus: [] },
      },
      {
        districts: codes.map((code) => ({ code })),
        panelists: [],
        grades: [],
        values: codes.map((districtCode, i) => ({ districtCode, itemCode: "web", value: totals[i] })),
      },
    );
    const byCode = new Map(r.districts.map((d) => [d.code, d]));
    expect(codes.map((c) => byCode.get(c)?.rank)).toEqual(ranks);
    expect(codes.map((c) => byCode.get(c)?.awards.join(", "))).toEqual(awards);
  });

  it("takes a prevalence-change item as a value and checks its bands", () => {
    const prev = {
      code: "prev",
      name: "Penurunan prevalensi",
      aksi: null,
      weight: 1,
      scoring: "prevalence" as const,
      descriptors: {},
      bands: [
        { minDropPp: 3, score: 100 },
        { minDropPp: 0, score: 50 },
      ],
    };
    const ins = { ...INSTRUMENT, components: [{ code: "O", name: "Outcome", weight: 1, items: [prev] }] };
    expect(checkConfig(PenilaianInstrument, { ...ins, awards: { terbaik: 1, kategoriKhusus: [] } }).ok).toBe(
      true,
    );
    const r = penilaianKinerja(ins, {
      districts: [{ code: "35.01" }],
      panelists: [],
      grades: [],
      values: [
        { districtCode: "35.01", itemCode: "prev", value: prevalenceChangeScore(24.4, 21, prev.bands) },
      ],
    });
    expect(r.districts[0].total).toBe(100);
    const bad = checkConfig(PenilaianInstrument, {
      ...ins,
      awards: { terbaik: 1, kategoriKhusus: [] },
      components: [{ ...ins.components[0], items: [{ ...prev, bands: [...prev.bands].reverse() }] }],
    });
    expect(bad.ok ? [] : bad.errors).toEqual([
      "components.0.items.0.bands.1.minDropPp: item prev: expected bands from the largest drop down",
    ]);
  });

  it("flags invalid, duplicate and unknown grades and values without counting them", () => {
    const r = penilaianKinerja(INSTRUMENT, {
      districts: [{ code: "35.01" }],
      panelists: PANEL,
      grades: [
        ...gradesOf("35.01", { "1.1": "A E B", "1.2": "B B B", "2.1": "B B B", paparan: "B B B" }),
        { districtCode: "35.01", itemCode: "1.2", panelist: "P1", grade: "D" },
        { districtCode: "35.99", itemCode: "1.2", panelist: "P1", grade: "A" },
        { districtCode: "35.01", itemCode: "web", panelist: "P1", grade: "A" },
      ],
      values: [{ districtCode: "35.01", itemCode: "web", value: 120 }],
    });
    expect(r.flags.map((f) => [f.itemCode, f.panelist ?? "", f.kind])).toEqual([
      ["1.2", "P1", "duplicate"],
      ["1.2", "P1", "unknown"],
      ["web", "P1", "unknown"],
      ["1.1", "P2", "invalid"],
      ["web", "", "invalid"],
      ["web", "", "no_score"],
    ]);
    const d = r.districts[0];
    // 1.1 = (100 + 75) ÷ 2 = 87.5; 1.2 = (25 + 75 + 75) ÷ 3 = 58.333 (the last grade of P1 counts)
    expect(d.items.slice(0, 2).map((i) => i.score)).toEqual([87.5, expect.closeTo(58.333, 3)]);
    expect(d.complete).toBe(false);
  });

  it("checks an instrument", () => {
    expect(checkConfig(PenilaianInstrument, TEMPLATE_INSTRUMENT).ok).toBe(true);
    expect(checkConfig(PenilaianInstrument, INSTRUMENT).ok).toBe(true);
    const bad = {
      ...INSTRUMENT,
      gradeScale: [
        { grade: "A", score: 75 },
        { grade: "B", score: 100 },
      ],
      components: [{ ...INSTRUMENT.components[0], items: [{ ...grade("1.1"), descriptors: { A: "a" } }] }],
    };
    const check = checkConfig(PenilaianInstrument, bad);
    expect(check.ok ? [] : check.errors).toEqual([
      "gradeScale.1.score: grade B scores above A: expected best first",
      "components.0.items.0.descriptors: item 1.1 has no descriptor for grade B",
      "awards.kategoriKhusus.0.basis: found 'Q', expected a component or item code of the instrument",
      "awards.kategoriKhusus.1.basis: found 'web', expected a component or item code of the instrument",
    ]);
    // the same problems as catalogue messages, for the user's language
    expect(check.ok ? [] : check.messages).toEqual([
      { key: "penilaian.gradeOrder", params: { grade: "B", above: "A" } },
      { key: "penilaian.descriptorMissing", params: { item: "1.1", grade: "B" } },
      { key: "penilaian.awardBasis", params: { value: "Q" } },
      { key: "penilaian.awardBasis", params: { value: "web" } },
    ]);
  });

  it.each([
    // before, after → score with bands ≥ 3 pp: 100, ≥ 1.5: 75, ≥ 0: 50
    [24.4, 21.0, 100],
    [24.4, 21.4, 100], // exactly 3 points
    [20, 18.5, 75],
    [20, 19, 50],
    [20, 20, 50],
    [20, 21, 0],
    [null, 20, null],
  ])("prevalence %s → %s scores %s", (before, after, score) => {
    const bands = [
      { minDropPp: 3, score: 100 },
      { minDropPp: 1.5, score: 75 },
      { minDropPp: 0, score: 50 },
    ];
    expect(prevalenceChangeScore(before, after, bands)).toBe(score);
  });
});

describe("configuration messages", () => {
  it("gives each problem a catalogue message: refinements their own, zod checks a field message", () => {
    const dup = checkConfig(PenilaianInstrument, {
      ...INSTRUMENT,
      gradeScale: [
        { grade: "A", score: 100 },
        { grade: "A", score: 75 },
      ],
      scoreDecimals: 9,
    });
    expect(dup.ok ? [] : dup.messages).toEqual(
      expect.arrayContaining([
        { key: "validation.tooBig", params: { field: "scoreDecimals", max: 6 } },
        { key: "config.duplicate", params: { field: "gradeScale", value: "A" } },
      ]),
    );
    expect(dup.ok ? 0 : dup.messages.length).toBe(dup.ok ? 0 : dup.errors.length);
  });
});
