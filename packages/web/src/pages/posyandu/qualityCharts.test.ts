import { describe, expect, it } from "vitest";
import { histogramOption } from "./qualityCharts.ts";

describe("histogramOption", () => {
  it("draws one bar per category and the expected share as a dashed line", () => {
    const o = histogramOption(["0", "1"], [70, 30], {
      series: "%",
      expected: { value: 10, name: "10 %" },
    }) as {
      xAxis: { data: string[] };
      series: Array<{ data: number[]; markLine?: { data: Array<{ yAxis: number }> } }>;
    };
    expect(o.xAxis.data).toEqual(["0", "1"]);
    expect(o.series[0].data).toEqual([70, 30]);
    expect(o.series[0].markLine?.data).toEqual([{ yAxis: 10 }]);
  });

  it("has no line when no expectation is given", () => {
    const o = histogramOption(["a"], [1], { series: "n" }) as { series: Array<{ markLine?: unknown }> };
    expect(o.series[0].markLine).toBeUndefined();
  });
});
