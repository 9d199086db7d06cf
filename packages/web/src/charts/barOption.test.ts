import { describe, expect, it } from "vitest";
import { rateBarOption } from "./barOption.ts";

describe("rateBarOption", () => {
  it("orders bars so the highest rate is at the top and leaves out unpublished rates", () => {
    const opt = rateBarOption(
      [
        { name: "Panggul", rate: 12.1 },
        { name: "Dongko", rate: 25.3 },
        { name: "Kampak", rate: null },
        { name: "Pule", rate: 14 },
      ],
      14,
      { series: "Stunting", target: "Target", percent: (v) => `${v}%` },
    ) as { yAxis: { data: string[] }; series: { data: { value: number; itemStyle: { color: string } }[] }[] };
    // ECharts draws the first category at the bottom, so ascending order puts the highest on top.
    expect(opt.yAxis.data).toEqual(["Panggul", "Pule", "Dongko"]);
    expect(opt.series[0].data.map((d) => d.value)).toEqual([12.1, 14, 25.3]);
    // above the target red, at or below it green
    expect(opt.series[0].data.map((d) => d.itemStyle.color)).toEqual(["#2e7d32", "#2e7d32", "#b3261e"]);
  });
});
