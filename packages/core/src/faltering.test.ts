import { lmsRow, measureAtSd } from "@tumbuh/growth";
import { describe, expect, it } from "vitest";
import { BGM_WAZ, type FalteringChild, falteringSummary, growthAlerts, weighedMonths } from "./faltering.ts";
import { KBM_A } from "./kbm.ts";

const w = (date: string, weight: number) => ({ date, weight });

/**
 * A boy of 24–31 months (KBM 200 g a month), weighed on the 12th, not in March. His weight-for-age
 * stays between −2.4 and −1.5 SD, so never BGM.
 */
const slow: FalteringChild = {
  id: "slow",
  sex: 1,
  birthDate: "2023-01-10",
  weighings: [
    w("2025-01-12", 10.0),
    w("2025-02-12", 10.1),
    w("2025-04-12", 10.2),
    w("2025-05-12", 10.5),
    w("2025-06-12", 10.5),
    w("2025-07-12", 10.6),
    w("2025-08-12", 10.7),
  ],
};

/**
 * A boy born 15 January 2024, weighed on the 15th, not in March. The WHO weight-for-age −3 SD
 * weight (boys) is 6.93 kg at 366 days (15 Jan 2025), 7.10 at 397 (15 Feb), 7.39 at 456 (15 Apr),
 * 7.54 at 486 (15 May) and 7.68 at 517 (15 Jun); checked below from the LMS table.
 */
const thin: FalteringChild = {
  id: "thin",
  sex: 1,
  birthDate: "2024-01-15",
  weighings: [
    w("2025-01-15", 7.3), // above −3 SD
    w("2025-02-15", 7.0), // below: BGM; −300 g: T
    w("2025-04-15", 7.2), // below: BGM; +200 g over 2 months < 200 + 200 g: T, so 2T
    w("2025-05-15", 7.6), // above; +400 g ≥ 200 g: N
    w("2025-06-15", 7.5), // below: BGM again; −100 g: T
  ],
};

describe("the WHO −3 SD weights behind the worked cases", () => {
  it.each([
    [366, 6.93],
    [397, 7.1],
    [456, 7.39],
    [486, 7.54],
    [517, 7.68],
  ])("boys, day %i: −3 SD at %s kg", (day, kg) => {
    const r = lmsRow("wei", 1, day)!;
    expect(measureAtSd(r.l, r.m, r.s, BGM_WAZ)).toBeCloseTo(kg, 2);
  });
});

describe("weighed months: N/T across skipped months, 2T, BGM", () => {
  it.each([
    // child, month, verdict, gain g, KBM g, months elapsed, 2T, BGM
    [slow, "2025-01", undefined, undefined, undefined, undefined, false, false],
    [slow, "2025-02", "T", 100, 200, 1, false, false],
    [slow, "2025-04", "T", 100, 400, 2, true, false], // March skipped: KBM 200 + 200 over the gap
    [slow, "2025-05", "N", 300, 200, 1, false, false],
    [slow, "2025-06", "T", 0, 200, 1, false, false],
    [slow, "2025-07", "T", 100, 200, 1, true, false],
    [slow, "2025-08", "T", 100, 200, 1, true, false],
    [thin, "2025-01", undefined, undefined, undefined, undefined, false, false],
    [thin, "2025-02", "T", -300, 200, 1, false, true],
    [thin, "2025-04", "T", 200, 400, 2, true, true],
    [thin, "2025-05", "N", 400, 200, 1, false, false],
    [thin, "2025-06", "T", -100, 200, 1, false, true],
  ] as const)("%s in %s: %s", (child, month, verdict, gain, kbm, elapsed, twoT, bgm) => {
    const m = weighedMonths(child, KBM_A).find((x) => x.month === month)!;
    expect(m.comparison?.verdict).toBe(verdict);
    expect(m.comparison?.gainGrams).toBe(gain);
    expect(m.comparison?.kbmGrams).toBe(kbm);
    expect(m.comparison?.monthsElapsed).toBe(elapsed);
    expect(m.twoT).toBe(twoT);
    expect(m.bgm).toBe(bgm);
  });

  it("skips months without a weighing (no March) and keeps the latest weighing of a month", () => {
    const child = { ...slow, weighings: [...slow.weighings, w("2025-02-27", 10.3)] };
    const months = weighedMonths(child, KBM_A);
    expect(months.map((m) => m.month)).toEqual([
      "2025-01",
      "2025-02",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
    ]);
    // 27 February counts for February: +300 g, N; April is then −100 g, T, but not 2T
    expect(months[1].comparison?.verdict).toBe("N");
    expect(months[2].comparison?.verdict).toBe("T");
    expect(months[2].twoT).toBe(false);
  });

  it("is not BGM when the weight-for-age z is implausible (flagged) or missing (oedema)", () => {
    const flagged = weighedMonths({ sex: 1, birthDate: "2024-01-15", weighings: [w("2025-05-15", 2.0)] })[0];
    expect([flagged.zweiFlagged, flagged.zwei, flagged.bgm]).toEqual([true, undefined, false]);
    const oedema = weighedMonths({
      sex: 1,
      birthDate: "2024-01-15",
      weighings: [{ date: "2025-05-15", weight: 6.0, oedema: true }],
    })[0];
    expect([oedema.zweiFlagged, oedema.zwei, oedema.bgm]).toEqual([false, undefined, false]);
  });

  it("uses a weight-for-age z stored with the weighing instead of computing it", () => {
    const child = (zwei: number | null, zweiFlagged?: boolean) => ({
      sex: 1 as const,
      birthDate: "2024-01-15",
      weighings: [{ date: "2025-05-15", weight: 10, zwei, zweiFlagged }],
    });
    // 10 kg at 16 months is about the median; the stored −3.4 (another age reckoning, say) decides
    expect(weighedMonths(child(-3.4))[0]).toMatchObject({ zwei: -3.4, bgm: true });
    expect(weighedMonths(child(-3.4, true))[0]).toMatchObject({
      zwei: undefined,
      zweiFlagged: true,
      bgm: false,
    });
    expect(weighedMonths(child(null))[0]).toMatchObject({ zwei: undefined, bgm: false });
  });

  it("leaves out weighings from 60 months on", () => {
    const old = {
      sex: 2 as const,
      birthDate: "2020-03-20",
      weighings: [w("2025-02-20", 15), w("2025-03-20", 15.1)],
    };
    expect(weighedMonths(old).map((m) => m.month)).toEqual(["2025-02"]);
  });
});

describe("growth alerts: which rule fired, since when", () => {
  it.each([
    // child, as of, last weighed, alerts
    [slow, "2024-12", undefined, []],
    [slow, "2025-01", "2025-01", []],
    [slow, "2025-02", "2025-02", [{ rule: "T", since: "2025-02" }]],
    // March not weighed: the February alert stands, as of the last weighing
    [slow, "2025-03", "2025-02", [{ rule: "T", since: "2025-02" }]],
    [
      slow,
      "2025-04",
      "2025-04",
      [
        { rule: "T", since: "2025-02" },
        { rule: "2T", since: "2025-04" },
      ],
    ],
    [slow, "2025-05", "2025-05", []],
    [
      slow,
      "2025-08",
      "2025-08",
      [
        { rule: "T", since: "2025-06" },
        { rule: "2T", since: "2025-07" },
      ],
    ],
    [
      thin,
      "2025-04",
      "2025-04",
      [
        { rule: "T", since: "2025-02" },
        { rule: "2T", since: "2025-04" },
        { rule: "BGM", since: "2025-02" }, // February and April, March skipped
      ],
    ],
    [
      thin,
      "2025-06",
      "2025-06",
      [
        { rule: "T", since: "2025-06" },
        { rule: "BGM", since: "2025-06" }, // May was above the line
      ],
    ],
  ] as const)("%s as of %s", (child, asOf, lastWeighed, alerts) => {
    expect(growthAlerts(child, asOf, KBM_A)).toEqual({ childId: child.id, asOf, lastWeighed, alerts });
  });
});

describe("2T and BGM among the children weighed in a month", () => {
  const absent: FalteringChild = {
    id: "absent",
    sex: 2,
    birthDate: "2023-05-05",
    weighings: [w("2025-01-05", 11)],
  };
  it.each([
    // month, weighed, 2T, BGM, 2T/D, BGM/D
    ["2025-02", 2, 0, 1, 0, 0.5],
    ["2025-04", 2, 2, 1, 1, 0.5],
    ["2025-05", 2, 0, 0, 0, 0],
    ["2025-03", 0, 0, 0, null, null],
  ])("%s: weighed %i, 2T %i, BGM %i", (month, weighed, twoT, bgm, twoTRate, bgmRate) => {
    expect(falteringSummary([slow, thin, absent], month, KBM_A)).toEqual({
      month,
      weighed,
      twoT,
      bgm,
      twoTRate,
      bgmRate,
    });
  });
});
