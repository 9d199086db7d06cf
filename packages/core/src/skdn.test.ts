import { describe, expect, it } from "vitest";
import { KBM_A } from "./kbm.ts";
import { isInS, kmsInMonth, type SkdnChild, skdnChildMonth, skdnSummary } from "./skdn.ts";

const w = (date: string, weight: number) => ({ date, weight });

/**
 * A posyandu in March 2025 (KBM variant A). Each child's row in the table below was worked out by
 * hand from the rules of skdn.ts.
 */
const children: SkdnChild[] = [
  // first weighing ever, at 1 month
  { id: "baby", birthDate: "2025-02-10", hasKms: true, weighings: [w("2025-03-12", 4.0)] },
  // 22 months old, never weighed before: B, not O (B is decided first)
  { id: "first-at-22mo", birthDate: "2023-05-01", hasKms: true, weighings: [w("2025-03-05", 10.2)] },
  // weighed in January, not in February
  {
    id: "gap",
    birthDate: "2023-01-20",
    hasKms: true,
    weighings: [w("2025-01-15", 10), w("2025-03-14", 10.5)],
  },
  // 5 months on 10 March: KBM 500 g; gained 500 g
  {
    id: "naik",
    birthDate: "2024-10-05",
    hasKms: true,
    weighings: [w("2025-02-08", 6.5), w("2025-03-10", 7.0)],
  },
  // same child's age, gained 400 g < 500 g
  {
    id: "tidak",
    birthDate: "2024-10-05",
    hasKms: true,
    weighings: [w("2025-02-08", 6.5), w("2025-03-10", 6.9)],
  },
  // two weighings in March: the latest (25 March, +300 g ≥ 200 g at 21 months) counts, not the
  // first (+100 g, which would be T)
  {
    id: "two-in-march",
    birthDate: "2023-06-15",
    hasKms: false,
    weighings: [w("2025-03-25", 11.3), w("2025-02-10", 11.0), w("2025-03-03", 11.1)],
  },
  // registered, weighed in February only: in S, not in D
  { id: "absent", birthDate: "2022-01-01", weighings: [w("2025-02-01", 12)] },
  // 60 months on 15 February 2025: out of S from March
  { id: "aged-out", birthDate: "2020-02-15", hasKms: true, weighings: [w("2025-03-10", 17)] },
  // 59 months on 1 March, 60 on 20 March: in S for March, but the weighing of 25 March (60 months) is not in D
  { id: "turns-60", birthDate: "2020-03-20", weighings: [w("2025-02-20", 17), w("2025-03-25", 17.4)] },
  // born in April
  { id: "unborn", birthDate: "2025-04-02", hasKms: true, weighings: [] },
  // moved away on 20 February; a weighing recorded after that does not bring the child back
  {
    id: "moved",
    birthDate: "2023-01-01",
    registeredUntil: "2025-02-20",
    weighings: [w("2025-02-10", 11), w("2025-03-05", 11.5)],
  },
  // registered from April
  {
    id: "from-april",
    birthDate: "2022-05-05",
    registeredFrom: "2025-04-01",
    weighings: [w("2025-03-05", 13)],
  },
];

describe("SKDN per child, March 2025", () => {
  it.each([
    // id, in S, category, weighing date that counts, gain g, KBM g
    ["baby", true, "B", "2025-03-12", undefined, undefined],
    ["first-at-22mo", true, "B", "2025-03-05", undefined, undefined],
    ["gap", true, "O", "2025-03-14", undefined, undefined],
    ["naik", true, "N", "2025-03-10", 500, 500],
    ["tidak", true, "T", "2025-03-10", 400, 500],
    ["two-in-march", true, "N", "2025-03-25", 300, 200],
    ["absent", true, undefined, undefined, undefined, undefined],
    ["aged-out", false, undefined, undefined, undefined, undefined],
    ["turns-60", true, undefined, undefined, undefined, undefined],
    ["unborn", false, undefined, undefined, undefined, undefined],
    ["moved", false, undefined, undefined, undefined, undefined],
    ["from-april", false, undefined, undefined, undefined, undefined],
  ])("%s: in S %s, category %s", (id, inS, category, date, gain, kbm) => {
    const child = children.find((c) => c.id === id)!;
    const r = skdnChildMonth(child, "2025-03", KBM_A);
    expect(r.inS).toBe(inS);
    expect(r.category).toBe(category);
    expect(r.weighing?.date).toBe(date);
    expect(r.comparison?.gainGrams).toBe(gain);
    expect(r.comparison?.kbmGrams).toBe(kbm);
  });

  it("counts two weighings in a child's first month as B (no earlier month)", () => {
    const child = { id: "x", birthDate: "2024-01-01", weighings: [w("2025-03-02", 9), w("2025-03-28", 9.5)] };
    expect(skdnChildMonth(child, "2025-03").category).toBe("B");
    expect(skdnChildMonth(child, "2025-04").category).toBeUndefined();
  });

  it("ignores weighings without weight or before birth", () => {
    const child = {
      id: "x",
      birthDate: "2024-06-01",
      weighings: [w("2024-05-20", 3), w("2025-02-10", 0), w("2025-03-10", 9)],
    };
    expect(skdnChildMonth(child, "2025-03").category).toBe("B");
  });

  it.each([
    // birth date, month, in S
    ["2020-03-20", "2025-03", true], // 59 months on 1 March
    ["2020-03-01", "2025-03", false], // 60 months on 1 March
    ["2020-02-29", "2025-02", true], // 59 months on 1 February
    ["2020-02-29", "2025-03", false], // 60 months on 28 February 2025 (no 29th)
    ["2025-03-31", "2025-03", true], // born on the last day
    ["2025-04-01", "2025-03", false],
  ])("born %s: in S for %s: %s", (birthDate, month, inS) => {
    expect(isInS({ id: "x", birthDate }, month)).toBe(inS);
  });
});

describe("SKDN summary, March 2025", () => {
  it("counts S 8, K 5 (2 unknown), D 6 = N 2 + T 1 + O 1 + B 2", () => {
    expect(skdnSummary(children, "2025-03", KBM_A)).toEqual({
      month: "2025-03",
      S: 8, // baby, first-at-22mo, gap, naik, tidak, two-in-march, absent, turns-60
      K: 5, // baby, first-at-22mo, gap, naik, tidak (two-in-march has none; absent and turns-60 not recorded)
      kUnknown: 2,
      D: 6,
      N: 2,
      T: 1,
      O: 1,
      B: 2,
      consistent: true,
      ks: 5 / 8,
      dk: 6 / 5,
      ds: 6 / 8,
      nd: 2 / 6,
    });
  });

  it("gives null ratios for an empty set and a null K when no KMS is recorded", () => {
    const empty = skdnSummary([], "2025-03");
    expect([empty.S, empty.ks, empty.dk, empty.ds, empty.nd]).toEqual([0, null, null, null, null]);
    const noKms = skdnSummary(
      [{ id: "x", birthDate: "2024-01-01", weighings: [w("2025-03-02", 9)] }],
      "2025-03",
    );
    expect([noKms.S, noKms.K, noKms.kUnknown, noKms.ks, noKms.dk, noKms.ds, noKms.nd]).toEqual([
      1,
      null,
      1,
      null,
      null,
      1,
      0,
    ]);
  });
});

describe("K per month from the KMS / Buku KIA records", () => {
  const child = {
    hasKms: false,
    kmsRecords: [
      { date: "2025-03-20", hasKms: true },
      { date: "2025-05-02", hasKms: false },
      { date: "2025-05-02", hasKms: true },
    ],
  };
  it.each([
    ["2025-02", false, "before any weighing record: the child's own"],
    ["2025-03", true, "the record of 20 March"],
    ["2025-04", true, "no record in April: March's holds"],
    ["2025-05", true, "two records on one day: the later in the input"],
  ] as const)("%s → %s (%s)", (month, expected, _why) => {
    expect(kmsInMonth(child, month)).toBe(expected);
  });

  it("is unknown without any record", () => {
    expect(kmsInMonth({}, "2025-03")).toBeUndefined();
  });

  it("counts K and K/S by the month's record (2 of 3 with, 1 unknown)", () => {
    const children: SkdnChild[] = [
      { id: "a", birthDate: "2024-01-01", kmsRecords: [{ date: "2025-03-05", hasKms: true }], weighings: [] },
      { id: "b", birthDate: "2024-01-01", hasKms: true, weighings: [] },
      { id: "c", birthDate: "2024-01-01", weighings: [] },
    ];
    const s = skdnSummary(children, "2025-03");
    expect([s.S, s.K, s.kUnknown, s.ks]).toEqual([3, 2, 1, 2 / 3]);
    // February: a's record is later, so a is unknown too
    expect(skdnSummary(children, "2025-02")).toMatchObject({ K: 1, kUnknown: 2 });
  });
});
