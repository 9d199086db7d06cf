import type { PublicFigures } from "@tumbuh/core/api";
import { describe, expect, it } from "vitest";
import { toFigures } from "./figures.ts";
import {
  publicDistrictTable,
  publicFigures,
  SUPPRESS_BELOW,
  suppressDistrictTable,
} from "./public-figures.ts";

const counts = (o: Partial<Record<string, number>>) =>
  toFigures({
    measured: 0,
    haz_valid: 0,
    stunted: 0,
    severely_stunted: 0,
    whz_valid: 0,
    wasted: 0,
    severely_wasted: 0,
    overweight: 0,
    waz_valid: 0,
    underweight: 0,
    new_stunting: 0,
    target: null,
    ...o,
  });

describe("publicFigures", () => {
  it("publishes district and subdistrict figures in full", () => {
    const f = publicFigures(counts({ measured: 4, haz_valid: 3, stunted: 1 }), false);
    // The stunting rate's denominator is the children with a valid height-for-age (3), not all measured (4).
    expect(f).toMatchObject({ measured: 4, validHaz: 3, stunted: 1, stuntingRate: 33.3, suppressed: false });
  });

  it("suppresses a whole village with fewer than 5 children measured", () => {
    const f = publicFigures(counts({ measured: 4, haz_valid: 4, stunted: 0 }), true);
    expect(f).toEqual({
      measured: null,
      validHaz: null,
      stunted: null,
      severelyStunted: null,
      wasted: null,
      underweight: null,
      overweight: null,
      stuntingRate: null,
      wastingRate: null,
      underweightRate: null,
      overweightRate: null,
      suppressed: true,
    });
  });

  it("suppresses counts of 1–4 and their rates, keeps zeros and counts of 5 or more", () => {
    const f = publicFigures(
      counts({
        measured: 40,
        haz_valid: 40,
        stunted: 6,
        severely_stunted: 2,
        whz_valid: 40,
        wasted: 0,
        waz_valid: 40,
        underweight: 4,
      }),
      true,
    );
    expect(f).toMatchObject({
      measured: 40,
      stunted: 6,
      stuntingRate: 15,
      severelyStunted: null,
      wasted: 0,
      wastingRate: 0,
      underweight: null,
      underweightRate: null,
      suppressed: true,
    });
  });
});

const COUNT_KEYS = [
  "measured",
  "validHaz",
  "stunted",
  "severelyStunted",
  "wasted",
  "underweight",
  "overweight",
] as const;

/** A village or subdistrict row as the route builds it: measured children, valid HAZ = measured. */
const row = (measured: number, stunted: number, suppress = true) =>
  publicFigures(counts({ measured, haz_valid: measured, stunted }), suppress);

describe("suppressDistrictTable", () => {
  it("applies the small-count rule to subdistricts as to villages", () => {
    expect(row(40, 3)).toMatchObject({ measured: 40, stunted: null, stuntingRate: null, suppressed: true });
    expect(row(3, 0)).toMatchObject({ measured: null, suppressed: true });
  });

  it("hides the next-smallest village when exactly one village of a subdistrict hides a count", () => {
    const total = row(30, 8, false);
    const sub = { code: "A", ...row(30, 8) };
    const villages = [
      { subdistrictCode: "A", code: "A1", ...row(10, 2) }, // 2 stunted: hidden by the small-count rule
      { subdistrictCode: "A", code: "A2", ...row(12, 6) },
      { subdistrictCode: "A", code: "A3", ...row(8, 0) },
    ];
    // Without secondary suppression: 8 − 6 − 0 = 2 gives A1 back.
    suppressDistrictTable(total, [sub], villages);
    expect(villages.map((v) => v.stunted)).toEqual([null, null, 0]);
    expect(villages[1]).toMatchObject({ measured: 12, stuntingRate: null, suppressed: true });
    expect(villages[2]).toMatchObject({ stunted: 0, stuntingRate: 0, suppressed: false });
    expect(sub).toMatchObject({ stunted: 8, suppressed: false });
  });

  it("hides a second subdistrict when one subdistrict hides a count, preferring one its villages do not give back", () => {
    const total = row(60, 20, false);
    const subs = [
      { code: "A", ...row(20, 3) }, // hidden: 3
      { code: "B", ...row(20, 7) },
      { code: "C", ...row(20, 10) },
    ];
    const villages = [
      { subdistrictCode: "A", code: "A1", ...row(10, 3) },
      { subdistrictCode: "A", code: "A2", ...row(10, 0) },
      { subdistrictCode: "B", code: "B1", ...row(10, 0) },
      { subdistrictCode: "B", code: "B2", ...row(5, 5) },
      { subdistrictCode: "B", code: "B3", ...row(5, 2) },
      { subdistrictCode: "C", code: "C1", ...row(20, 10) },
    ];
    suppressDistrictTable(total, subs, villages);
    // Inside B, B3 (2) hid alone (7 − 0 − 5 would give it back), so B2 (5) is hidden with it.
    // A (3) hides alone among the subdistricts: B (7, not the sum of its visible villages) goes with it.
    // A's own villages need nothing more: A is hidden, so A − A2 gives nothing back.
    expect(subs.map((s) => s.stunted)).toEqual([null, null, 10]);
    const byCode = Object.fromEntries(villages.map((v) => [v.code, v.stunted]));
    expect(byCode).toEqual({ A1: null, A2: 0, B1: 0, B2: null, B3: null, C1: 10 });
  });

  it("hides two villages of a second subdistrict whose villages all show the count", () => {
    const total = row(60, 25, false);
    const subs = [
      { code: "A", ...row(20, 2) }, // hidden: 2
      { code: "B", ...row(20, 12) },
      { code: "C", ...row(20, 11) },
    ];
    const villages = [
      { subdistrictCode: "A", code: "A1", ...row(20, 2) },
      { subdistrictCode: "B", code: "B1", ...row(10, 5) },
      { subdistrictCode: "B", code: "B2", ...row(10, 7) },
      { subdistrictCode: "C", code: "C1", ...row(10, 0) },
      { subdistrictCode: "C", code: "C2", ...row(5, 5) },
      { subdistrictCode: "C", code: "C3", ...row(5, 6) },
    ];
    suppressDistrictTable(total, subs, villages);
    // C (11) is the next-smallest; as C1 + C2 + C3 would give it back, its two smallest positive
    // villages (5 and 6) are hidden too, and the zero stays.
    expect(subs.map((s) => s.stunted)).toEqual([null, 12, null]);
    const byCode = Object.fromEntries(villages.map((v) => [v.code, v.stunted]));
    expect(byCode).toEqual({ A1: null, B1: 5, B2: 7, C1: 0, C2: null, C3: null });
  });

  it("never leaves a hidden count that is its parent minus the visible rows (random districts)", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const subs: Array<PublicFigures & { code: string }> = [];
      const villages: Array<PublicFigures & { code: string; subdistrictCode: string }> = [];
      const raw = { measured: 0, stunted: 0 };
      for (let s = 0; s < 1 + rand(4); s++) {
        const sum = { measured: 0, stunted: 0 };
        for (let v = 0; v < 1 + rand(4); v++) {
          const measured = rand(3) === 0 ? rand(SUPPRESS_BELOW) : rand(30);
          const stunted = Math.min(measured, rand(3) === 0 ? rand(SUPPRESS_BELOW) : rand(10));
          sum.measured += measured;
          sum.stunted += stunted;
          villages.push({ code: `${s}.${v}`, subdistrictCode: `${s}`, ...row(measured, stunted) });
        }
        raw.measured += sum.measured;
        raw.stunted += sum.stunted;
        subs.push({ code: `${s}`, ...row(sum.measured, sum.stunted) });
      }
      const total = row(raw.measured, raw.stunted);
      suppressDistrictTable(total, subs, villages);
      for (const key of COUNT_KEYS) {
        const groups: Array<[PublicFigures, PublicFigures[]]> = [
          [total, subs],
          ...subs.map((s): [PublicFigures, PublicFigures[]] => [
            s,
            villages.filter((v) => v.subdistrictCode === s.code),
          ]),
        ];
        for (const [parent, parts] of groups) {
          if (parent[key] === null) continue;
          expect(parts.filter((p) => p[key] === null).length, `round ${round}, ${key}`).not.toBe(1);
        }
        // a hidden district total is never the sum of fully visible subdistricts
        if (total[key] === null)
          expect(
            subs.some((s) => s[key] === null),
            `round ${round}, ${key}`,
          ).toBe(true);
        // a hidden subdistrict is never the sum of fully visible villages
        for (const s of subs) {
          const parts = villages.filter((v) => v.subdistrictCode === s.code);
          if (s[key] === null)
            expect(
              parts.some((v) => v[key] === null),
              `round ${round}, ${key}`,
            ).toBe(true);
        }
      }
    }
  });
});

describe("publicDistrictTable: counts under 5 withheld at every level, the district total included", () => {
  /** A district table as the prevalence service gives it (figures per kecamatan and village). */
  const table = (
    subs: Array<[string, Record<string, number>]>,
    villages: Array<[string, string, Record<string, number>]>,
  ) => {
    const sum = (rows: Array<Record<string, number>>) => {
      const out: Record<string, number> = {};
      for (const r of rows) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
      return out;
    };
    return {
      period: "2026-11",
      total: counts(sum(subs.map(([, c]) => c))),
      subdistricts: subs.map(([code, c]) => ({ code, name: `Kec ${code}`, figures: counts(c) })),
      villages: villages.map(([code, subdistrictCode, c]) => ({
        code,
        name: `Desa ${code}`,
        subdistrictCode,
        figures: counts(c),
      })),
    };
  };

  it("withholds the whole district when fewer than 5 children were measured (measured 2, underweight 1)", () => {
    const t = table(
      [
        ["35.03.01", { measured: 1, haz_valid: 1, waz_valid: 1, underweight: 1 }],
        ["35.03.02", { measured: 1, haz_valid: 1, waz_valid: 1 }],
        ["35.03.03", {}],
      ],
      [
        ["35.03.01.2001", "35.03.01", { measured: 1, haz_valid: 1, waz_valid: 1, underweight: 1 }],
        ["35.03.02.2001", "35.03.02", { measured: 1, haz_valid: 1, waz_valid: 1 }],
      ],
    );
    const out = publicDistrictTable(t);
    expect(out.total).toMatchObject({
      measured: null,
      underweight: null,
      underweightRate: null,
      suppressed: true,
    });
    expect(Object.values(out.total).filter((v) => typeof v === "number")).toEqual([]);
    expect(out.subdistricts.map((s) => s.measured)).toEqual([null, null, null]);
  });

  it("withholds a small count of the district total with its rate, and shows the rest", () => {
    const t = table(
      [
        ["35.03.01", { measured: 60, haz_valid: 60, stunted: 12, waz_valid: 60, underweight: 3 }],
        ["35.03.02", { measured: 40, haz_valid: 40, stunted: 8, waz_valid: 40 }],
      ],
      [
        [
          "35.03.01.2001",
          "35.03.01",
          { measured: 60, haz_valid: 60, stunted: 12, waz_valid: 60, underweight: 3 },
        ],
        ["35.03.02.2001", "35.03.02", { measured: 40, haz_valid: 40, stunted: 8, waz_valid: 40 }],
      ],
    );
    const out = publicDistrictTable(t);
    expect(out.total).toMatchObject({
      measured: 100,
      stunted: 20,
      stuntingRate: 20,
      underweight: null,
      underweightRate: null,
      suppressed: true,
    });
    // the kecamatan with 3 underweight is withheld; the other shows 0, which gives nothing back
    expect(out.subdistricts.map((s) => s.underweight)).toEqual([null, 0]);
  });

  it("publishes nothing withheld when the district has no data at all", () => {
    const t = { ...table([["35.03.01", {}]], []), period: null };
    const out = publicDistrictTable(t);
    expect(out.total).toMatchObject({ measured: 0, suppressed: false });
  });

  it("never lets kecamatan give back a withheld district count, even from a table that does not add up", () => {
    // rows as they could come from a data fault: the district total is not the sum of its parts
    const total = row(3, 0);
    const subs = [
      { code: "A", ...row(10, 0) },
      { code: "B", ...row(20, 5) },
    ];
    const villages = [
      { subdistrictCode: "A", code: "A1", ...row(10, 0) },
      { subdistrictCode: "B", code: "B1", ...row(12, 5) },
      { subdistrictCode: "B", code: "B2", ...row(8, 0) },
    ];
    suppressDistrictTable(total, subs, villages);
    expect(total.measured).toBeNull();
    expect(subs.some((s) => s.measured === null)).toBe(true);
    for (const s of subs) {
      if (s.measured === null)
        expect(villages.some((v) => v.subdistrictCode === s.code && v.measured === null)).toBe(true);
    }
  });
});
