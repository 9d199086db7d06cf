import { describe, expect, it } from "vitest";
import { choroplethOption } from "./choroplethOption.ts";

describe("choroplethOption", () => {
  const labels = { series: "Stunting", noData: "no data", percent: (v: number) => `${v}%` };
  it("keys regions by code and keeps missing rates out of the colour scale", () => {
    const opt = choroplethOption(
      "m",
      [
        { code: "35.03.01", name: "Panggul", value: 21.4 },
        { code: "35.03.02", name: "Munjungan", value: null },
      ],
      labels,
    ) as {
      series: { nameProperty: string; data: { name: string; value: number }[] }[];
      visualMap: { max: number };
    };
    expect(opt.series[0].nameProperty).toBe("code");
    expect(opt.series[0].data[0]).toMatchObject({ name: "35.03.01", regionName: "Panggul", value: 21.4 });
    expect(Number.isNaN(opt.series[0].data[1].value)).toBe(true);
    expect(opt.visualMap.max).toBe(40);
  });
  it("widens the fixed scale when a rate exceeds 40%", () => {
    const opt = choroplethOption("m", [{ code: "a", name: "A", value: 47.2 }], labels) as {
      visualMap: { max: number };
    };
    expect(opt.visualMap.max).toBe(50);
  });
});
