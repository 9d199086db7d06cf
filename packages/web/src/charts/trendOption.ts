import type { ChartOption } from "./EChart.tsx";

export interface TrendPoint {
  period: string;
  stuntingRate: number | null;
  wastingRate: number | null;
  underweightRate: number | null;
  overweightRate: number | null;
}

export interface TrendLabels {
  stunting: string;
  wasting: string;
  underweight: string;
  overweight: string;
  target: string;
  periodName: (p: string) => string;
  percent: (v: number) => string;
}

/** Line colours, chosen to stay apart for common colour-vision deficiencies. */
const TREND_COLOURS = {
  stunting: "#b3261e",
  wasting: "#e08a00",
  underweight: "#2f5eb5",
  overweight: "#6d4c9f",
};

/**
 * The trend chart: one line per indicator over the periods (oldest first), a missing rate
 * left as a gap, and the national stunting target drawn as a dashed horizontal line.
 */
export function trendOption(trend: TrendPoint[], targetStunting: number, labels: TrendLabels): ChartOption {
  const series = (["stunting", "wasting", "underweight", "overweight"] as const).map((k) => ({
    name: labels[k],
    type: "line" as const,
    data: trend.map((p) => p[`${k}Rate`]),
    connectNulls: false,
    symbolSize: 6,
    lineStyle: { width: k === "stunting" ? 3 : 2 },
    itemStyle: { color: TREND_COLOURS[k] },
    ...(k === "stunting"
      ? {
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { type: "dashed" as const, color: "#1b5e20", width: 2 },
            label: {
              formatter: `${labels.target} ${labels.percent(targetStunting)}`,
              position: "insideEndTop" as const,
            },
            data: [{ yAxis: targetStunting, name: labels.target }],
          },
        }
      : {}),
  }));
  const maxRate = Math.max(
    targetStunting,
    ...trend
      .flatMap((p) => [p.stuntingRate, p.wastingRate, p.underweightRate, p.overweightRate])
      .map((v) => v ?? 0),
  );
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? labels.percent(v) : "–"),
    },
    legend: { top: 0, type: "scroll" },
    grid: { left: 44, right: 16, top: 40, bottom: 40 },
    xAxis: {
      type: "category",
      data: trend.map((p) => labels.periodName(p.period)),
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: Math.ceil((maxRate * 1.15) / 5) * 5 || 5,
      axisLabel: { formatter: "{value}%" },
    },
    series,
  };
}
