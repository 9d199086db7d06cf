import { describe, expect, it } from "vitest";
import { falteringSummary } from "./faltering.ts";
import { KBM_A } from "./kbm.ts";
import { skdnSummary } from "./skdn.ts";
import {
  addSkdnCounts,
  childSkdnCounts,
  emptySkdnCounts,
  type SkdnCounts,
  type SkdnCountsChild,
  skdnRates,
} from "./skdn-counts.ts";

const w = (date: string, weight: number) => ({ date, weight });
const months = ["2025-01", "2025-02", "2025-03"];

/** Three children, January to March 2025 (KBM variant A); every count below worked out by hand. */
const children: SkdnCountsChild[] = [
  // 7, 8, 9 months: B; +100 g < 300 g (8 months) T; +100 g < 300 g (9 months) T, the second: 2T
  {
    id: "p",
    sex: 1,
    birthDate: "2024-06-15",
    weighings: [w("2025-01-15", 8.0), w("2025-02-15", 8.1), w("2025-03-15", 8.2)],
  },
  // no KMS; B in January, not weighed in February, O in March
  {
    id: "q",
    sex: 2,
    birthDate: "2023-01-10",
    hasKms: false,
    weighings: [w("2025-01-20", 10), w("2025-03-20", 10.5)],
  },
  // with KMS; not weighed in January; 13 months at 6.5 kg: B and below the red line (WAZ < −3);
  // 14 months, +300 g ≥ 200 g: N, still below the red line
  {
    id: "r",
    sex: 1,
    birthDate: "2024-01-01",
    hasKms: true,
    weighings: [w("2025-02-01", 6.5), w("2025-03-01", 6.8)],
  },
];

const row = (c: Partial<SkdnCounts>): SkdnCounts => ({ ...emptySkdnCounts(), ...c });

function total(month: string): SkdnCounts {
  const sum = emptySkdnCounts();
  for (const child of children) {
    const c = childSkdnCounts(child, months, KBM_A).get(month);
    if (c) addSkdnCounts(sum, c);
  }
  return sum;
}

describe("SKDN counts that add up", () => {
  it.each([
    ["2025-01", row({ s: 3, k: 1, kUnknown: 1, d: 2, b: 2 })],
    ["2025-02", row({ s: 3, k: 1, kUnknown: 1, d: 2, t: 1, b: 1, bgm: 1 })],
    ["2025-03", row({ s: 3, k: 1, kUnknown: 1, d: 3, n: 1, t: 1, o: 1, twoT: 1, bgm: 1 })],
  ])("%s", (month, expected) => {
    expect(total(month)).toEqual(expected);
  });

  it("agrees with skdnSummary and falteringSummary month by month", () => {
    for (const month of months) {
      const t = total(month);
      const s = skdnSummary(children, month, KBM_A);
      const f = falteringSummary(children, month, KBM_A);
      expect([t.s, t.k, t.kUnknown, t.d, t.n, t.t, t.o, t.b]).toEqual([
        s.S,
        s.K,
        s.kUnknown,
        s.D,
        s.N,
        s.T,
        s.O,
        s.B,
      ]);
      expect([t.twoT, t.bgm]).toEqual([f.twoT, f.bgm]);
    }
  });

  it("leaves out the months a child is not in S (born later, 60 months or more)", () => {
    const baby = { id: "b", sex: 2 as const, birthDate: "2025-02-10", weighings: [w("2025-03-01", 4)] };
    expect([...childSkdnCounts(baby, months).keys()]).toEqual(["2025-02", "2025-03"]);
    const old = { id: "o", sex: 1 as const, birthDate: "2020-01-05", weighings: [w("2025-01-02", 17)] };
    // 59 months on 1 January; the weighing of 2 January is before the 60th birthday (5 January)
    expect(childSkdnCounts(old, months).get("2025-01")).toEqual(row({ s: 1, kUnknown: 1, d: 1, b: 1 }));
    expect(childSkdnCounts(old, months).has("2025-02")).toBe(false);
  });
});

describe("SKDN indicators", () => {
  it("March: D/S 3/3, N/D 1/3, K/S 1/3, D/K 3/1, 2T/D 1/3", () => {
    const r = skdnRates(total("2025-03"));
    expect(r).toEqual({ ks: 1 / 3, dk: 3, ds: 1, nd: 1 / 3, twoTd: 1 / 3, bgmD: 1 / 3, consistent: true });
  });

  it("K/S and D/K are unknown when no child of S has its KMS recorded; nothing divides by 0", () => {
    expect(skdnRates(row({ s: 2, kUnknown: 2, d: 1, b: 1 }))).toMatchObject({ ks: null, dk: null, ds: 0.5 });
    expect(skdnRates(emptySkdnCounts())).toMatchObject({ ks: null, ds: null, nd: null, consistent: true });
    expect(skdnRates(row({ s: 1, d: 1 })).consistent).toBe(false);
  });
});
