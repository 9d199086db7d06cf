import { describe, expect, it } from "vitest";
import { toFigures } from "../services/dashboard.ts";
import { publicFigures } from "./public-figures.ts";

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
