import { describe, expect, it } from "vitest";
import { SKDN_TARGETS, skdnTrendOption } from "./skdnCharts.ts";

const labels = {
  ds: "D/S",
  nd: "N/D",
  ks: "K/S",
  target: "Target",
  periodName: (p: string) => `M${p}`,
  percent: (v: number) => `${v}%`,
};

describe("SKDN trend chart", () => {
  const option = skdnTrendOption(
    [
      { period: "2025-02", ds: 0.8, nd: 0.625, ks: null },
      { period: "2025-03", ds: 0.8333, nd: null, ks: 0.5 },
    ],
    labels,
  );
  const series = option.series as Array<{
    name: string;
    data: Array<number | null>;
    markLine: { data: Array<{ yAxis: number }> };
  }>;

  it("draws D/S, N/D and K/S in percent (one decimal), a missing rate as a gap", () => {
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ["D/S", [80, 83.3]],
      ["N/D", [62.5, null]],
      ["K/S", [null, 50]],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(["M2025-02", "M2025-03"]);
  });

  it("marks each indicator's target", () => {
    expect(series.map((s) => s.markLine.data[0].yAxis)).toEqual([
      SKDN_TARGETS.ds,
      SKDN_TARGETS.nd,
      SKDN_TARGETS.ks,
    ]);
    expect(SKDN_TARGETS).toEqual({ ds: 85, nd: 80, ks: 80 });
  });
});
