import { describe, expect, it } from "vitest";
import { QUALITY_TALLY_LENGTH } from "./data-quality-tally.ts";
import {
  type DistrictFigures,
  districtFigures,
  districtSkdnRows,
  duplicateGroups,
  FigureInputBuilder,
  FLAG_LEN,
  PREVALENCE_COUNTS,
  PREVALENCE_MOMENTS,
  skdnInput,
} from "./district-figures.ts";
import { DEFAULT_KBM } from "./kbm.ts";
import { childSkdnCounts, SKDN_COUNT_KEYS } from "./skdn-counts.ts";

const A = "35.03.01.2001";
const B = "35.03.01.2002";
const C = "35.03.02.2001";
const P = "00000000-0000-7000-8000-000000000001";
const day = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

interface M {
  on: string;
  haz?: number;
  whz?: number;
  waz?: number;
  weight?: number;
  flags?: number;
  village?: string;
  posyandu?: string | null;
}

function measure(b: FigureInputBuilder, child: number, village: string, posyandu: string | null, m: M): void {
  b.addMeasurement(child, m.village ?? village, m.posyandu === undefined ? posyandu : m.posyandu, {
    day: day(m.on),
    ageDays: day(m.on) - day("2023-01-10"),
    weight: m.weight ?? Number.NaN,
    lenhei: 80,
    measure: 1,
    oedema: false,
    hasKms: -1,
    zlen: m.haz ?? Number.NaN,
    zwei: m.waz ?? Number.NaN,
    zwfl: m.whz ?? Number.NaN,
    zbmi: Number.NaN,
    flags: m.flags ?? 0,
  });
}

function addChild(
  b: FigureInputBuilder,
  id: string,
  village: string,
  posyandu: string | null,
  history: M[],
  sex = 1,
): void {
  const c = b.addChild({
    id,
    sex,
    birthDate: "2023-01-10",
    village,
    posyandu,
    hasKms: null,
    hasNik: id !== "c3",
    nameKey: id === "c4" ? "sari" : id,
  });
  for (const m of history) measure(b, c, village, posyandu, m);
}

const row = (f: DistrictFigures, kind: string, code: string, period: string) => {
  const r = f.prevalence.find((x) => x.kind === kind && x.code === code && x.period === period);
  if (!r) return undefined;
  const named: Record<string, number> = {};
  for (const [i, n] of [...PREVALENCE_COUNTS, ...PREVALENCE_MOMENTS].entries()) named[n] = r.values[i];
  return named;
};

/** Children of a small district, their measurements in no particular order. */
function district(): FigureInputBuilder {
  const b = new FigureInputBuilder("35.03");
  // c1 (boy, posyandu P in A): not stunted, then stunted in March (new), moves to B in April.
  addChild(b, "c1", A, P, [
    { on: "2025-03-20", haz: -2.5, whz: -0.5, waz: -1.8, weight: 9.0 },
    { on: "2025-02-10", haz: -1.5, whz: 0.5, waz: -1.0, weight: 8.8 },
    { on: "2025-04-15", haz: -2.6, whz: -2.2, waz: -2.1, weight: 9.1, village: B, posyandu: null },
  ]);
  // c2 (girl, A, no posyandu): two measurements in March, the later one's HAZ flagged.
  addChild(
    b,
    "c2",
    A,
    null,
    [
      { on: "2025-03-05", haz: -3.2, whz: 2.5, waz: -2.5, weight: 8.0 },
      { on: "2025-03-25", haz: -1.0, whz: 1.0, waz: -2.0, weight: 8.1, flags: FLAG_LEN },
    ],
    2,
  );
  // c3 (boy, C): stunted at first measurement (not a new case: nothing valid before).
  addChild(b, "c3", C, null, [{ on: "2025-03-01", haz: -2.1, weight: 9.5 }]);
  // c4 and c5 share name key, birth date and sex: likely duplicates; c5 is never measured.
  addChild(b, "c4", C, null, [{ on: "2025-04-01", waz: 0.5, weight: 10 }]);
  b.addChild({
    id: "c5",
    sex: 1,
    birthDate: "2023-01-10",
    village: C,
    posyandu: null,
    hasKms: true,
    hasNik: true,
    nameKey: "sari",
  });
  return b;
}

describe("districtFigures — prevalence", () => {
  const f = districtFigures(district().build(), DEFAULT_KBM);

  it("counts each child once per month at its latest measurement with its latest valid z-scores", () => {
    // March in A: c1 (haz −2.5, whz −0.5, waz −1.8, new case) and c2 (latest valid haz −3.2 from the
    // 5th, since the 25th's is flagged; whz 1.0 and waz −2.0 from the 25th).
    const march = row(f, "village", A, "2025-03");
    expect(march).toMatchObject({
      measured: 2,
      haz_valid: 2,
      stunted: 2,
      severely_stunted: 1,
      whz_valid: 2,
      wasted: 0,
      overweight: 0,
      waz_valid: 2,
      underweight: 0,
      new_stunting: 1,
      boys: 1,
      girls: 1,
    });
    expect(march?.haz_s1).toBeCloseTo(-2.5 + -3.2, 12);
    expect(march?.haz_s2).toBeCloseTo(6.25 + 10.24, 12);
    expect(march?.haz_s3).toBeCloseTo(-15.625 + -32.768, 12);
    expect(march?.haz_s4).toBeCloseTo(39.0625 + 104.8576, 12);
    expect(march?.whz_s1).toBeCloseTo(-0.5 + 1.0, 12);
    expect(march?.waz_s1).toBeCloseTo(-1.8 + -2.0, 12);
  });

  it("counts a child in the year at its latest measurement's village, with new stunting found in the year", () => {
    // 2025: c1's latest is April in B (haz −2.6, whz −2.2 wasted, waz −2.1 underweight, new case in
    // March); c2 stays in A; c3 and c4 in C.
    expect(row(f, "village", B, "2025")).toMatchObject({
      measured: 1,
      stunted: 1,
      wasted: 1,
      underweight: 1,
      new_stunting: 1,
    });
    expect(row(f, "village", A, "2025")).toMatchObject({
      measured: 1,
      stunted: 1,
      severely_stunted: 1,
      new_stunting: 0,
      girls: 1,
    });
    expect(row(f, "village", C, "2025")).toMatchObject({
      measured: 2,
      haz_valid: 1,
      stunted: 1,
      new_stunting: 0,
      waz_valid: 1,
    });
    // April in B: still stunted (the previous valid HAZ was stunted): not new again.
    expect(row(f, "village", B, "2025-04")).toMatchObject({ new_stunting: 0 });
  });

  it("gives posyandu rows by the posyandu of the latest measurement", () => {
    expect(row(f, "posyandu", P, "2025-02")).toMatchObject({ measured: 1, haz_valid: 1, stunted: 0 });
    expect(row(f, "posyandu", P, "2025-03")).toMatchObject({ measured: 1, new_stunting: 1 });
    // In the year c1's latest measurement has no posyandu.
    expect(row(f, "posyandu", P, "2025")).toBeUndefined();
    expect(row(f, "posyandu", P, "2025-04")).toBeUndefined();
  });
});

describe("districtFigures — SKDN and quality", () => {
  const input = district().build();
  const f = districtFigures(input, DEFAULT_KBM);

  it("sums each child's SKDN counts into its registered village, kecamatan and district", () => {
    const months = ["2025-02", "2025-03", "2025-04"];
    const expected = new Map<string, number[]>();
    for (const c of ["c1", "c2", "c3", "c4", "c5"]) {
      const i = input.children.id.indexOf(c);
      // As stored: each weighing with its stored weight-for-age z (null when none).
      const weighings: { date: string; weight: number; zwei: number | null; zweiFlagged: boolean }[] = [];
      for (let k = 0; k < input.measurements.count; k++)
        if (input.measurements.child[k] === i && !Number.isNaN(input.measurements.weight[k]))
          weighings.push({
            date: new Date(input.measurements.day[k] * 86_400_000).toISOString().slice(0, 10),
            weight: input.measurements.weight[k],
            zwei: Number.isNaN(input.measurements.zwei[k]) ? null : input.measurements.zwei[k],
            zweiFlagged: false,
          });
      const counts = childSkdnCounts(
        {
          id: c,
          sex: input.children.sex[i] as 1 | 2,
          birthDate: "2023-01-10",
          weighings,
          hasKms: c === "c5" ? true : undefined,
        },
        months,
        DEFAULT_KBM,
      );
      for (const [month, k] of counts) {
        const sum = expected.get(month) ?? new Array(SKDN_COUNT_KEYS.length).fill(0);
        SKDN_COUNT_KEYS.forEach((key, j) => {
          sum[j] += k[key];
        });
        expected.set(month, sum);
      }
    }
    for (const month of months) {
      const d = f.skdn.find((r) => r.kind === "district" && r.month === month);
      expect([...(d?.counts ?? [])]).toEqual(expected.get(month));
      // Every child is in S (aged 0–59 months); D = N + T + O + B.
      const [s, , , dd, n, t, o, b] = [...(d?.counts ?? [])];
      expect(s).toBe(5);
      expect(dd).toBe(n + t + o + b);
    }
    // Weighed in February: c1 alone (its first weighing: B).
    const feb = f.skdn.find((r) => r.kind === "district" && r.month === "2025-02");
    expect(feb?.counts[SKDN_COUNT_KEYS.indexOf("d")]).toBe(1);
    expect(feb?.counts[SKDN_COUNT_KEYS.indexOf("b")]).toBe(1);
    // c1 is registered in A with posyandu P even when measured in B.
    const pApril = f.skdn.find((r) => r.kind === "posyandu" && r.code === P && r.month === "2025-04");
    expect(pApril?.counts[SKDN_COUNT_KEYS.indexOf("d")]).toBe(1);
    const kecamatan = f.skdn.filter((r) => r.kind === "subdistrict" && r.month === "2025-03");
    expect(kecamatan.map((r) => [r.code, r.counts[0]]).sort()).toEqual([
      ["35.03.01", 2],
      ["35.03.02", 3],
    ]);
  });

  it("computes the same SKDN rows from the SKDN columns alone", () => {
    expect(districtSkdnRows(skdnInput(input), DEFAULT_KBM)).toEqual(f.skdn);
  });

  it("tallies every measurement once, where it was taken, with likely duplicates per unit", () => {
    const q = (kind: string, code: string, period: string) =>
      f.quality.find((r) => r.kind === kind && r.code === code && r.period === period);
    for (const r of f.quality) expect(r.tally).toHaveLength(QUALITY_TALLY_LENGTH);
    // The first number of a tally counts rows: 7 measurements in the district in 2025.
    expect(q("district", "35.03", "2025")?.tally[0]).toBe(7);
    expect(q("village", A, "2025-03")?.tally[0]).toBe(3);
    expect(q("village", B, "2025-04")?.tally[0]).toBe(1);
    expect(q("posyandu", P, "2025")?.tally[0]).toBe(2);
    expect(q("subdistrict", "35.03.01", "2025")?.tally[0]).toBe(5);
    // c4 and c5 are one group of two: in C where c4 was measured, one child beyond the first.
    expect(q("village", C, "2025-04")).toMatchObject({ dupGroups: 1, dupExtra: 1 });
    expect(q("village", C, "2025-03")).toMatchObject({ dupGroups: 0, dupExtra: 0 });
    expect(q("district", "35.03", "2025")).toMatchObject({ dupGroups: 1, dupExtra: 1 });
  });
});

describe("FigureInputBuilder", () => {
  it("combines inputs, leaving out the children named, and finds duplicates across them", () => {
    const all = district().build();
    const b = new FigureInputBuilder("35.03");
    b.addInput(all, new Set(["c1", "c4"]));
    const other = new FigureInputBuilder("35.03");
    addChild(other, "c4", C, null, [{ on: "2025-05-01", waz: 0.1, weight: 10.2 }]);
    b.addInput(other.build());
    const combined = b.build();
    expect(combined.children.id).toEqual(["c2", "c3", "c5", "c4"]);
    expect(combined.measurements.count).toBe(2 + 1 + 1);
    const c4 = combined.children.id.indexOf("c4");
    const c5 = combined.children.id.indexOf("c5");
    expect(combined.children.dupGroup[c4]).toBe(combined.children.dupGroup[c5]);
    expect(combined.children.dupSize[c4]).toBe(2);
    const f = districtFigures(combined, DEFAULT_KBM);
    expect(f.prevalence.some((r) => r.period === "2025-05" && r.code === C)).toBe(true);
    expect(f.prevalence.some((r) => r.code === B)).toBe(false);
  });

  it("groups equal keys (ids from 0), a key alone in no group", () => {
    const g = duplicateGroups(["a", "b", "a", "c", "b", "a"]);
    expect([...g.group]).toEqual([0, 1, 0, -1, 1, 0]);
    expect([...g.size]).toEqual([3, 2, 3, 0, 2, 3]);
  });

  it("gives no rows for a district without measurements", () => {
    const b = new FigureInputBuilder("35.03");
    b.addChild({
      id: "x",
      sex: 2,
      birthDate: "2024-01-01",
      village: A,
      posyandu: null,
      hasKms: null,
      hasNik: false,
      nameKey: "x",
    });
    expect(districtFigures(b.build(), DEFAULT_KBM)).toEqual({ prevalence: [], skdn: [], quality: [] });
  });
});
