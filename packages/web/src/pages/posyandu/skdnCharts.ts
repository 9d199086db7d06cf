import type { ChartOption } from "../../charts/EChart.tsx";

/** One month of the SKDN trend: the indicators as shares (0–1), null when the denominator was 0. */
export interface SkdnTrendPoint {
  period: string;
  ds: number | null;
  nd: number | null;
  ks: number | null;
}

export interface SkdnTrendLabels {
  ds: string;
  nd: string;
  ks: string;
  target: string;
  periodName: (p: string) => string;
  percent: (v: number) => string;
}

/** The programme targets drawn as dashed lines (workflows.md §3.1): D/S 85 %, N/D 80 %, K/S 80 %. */
export const SKDN_TARGETS = { ds: 85, nd: 80, ks: 80 } as const;

const COLOURS = { ds: "#1565c0", nd: "#2e7d32", ks: "#6d4c9f" };

/**
 * The SKDN trend chart: D/S, N/D and K/S in percent per month (oldest first), a missing rate left
 * as a gap, each with its target as a dashed line in the same colour.
 */
export function skdnTrendOption(trend: readonly SkdnTrendPoint[], labels: SkdnTrendLabels): ChartOption {
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const series = (["ds", "nd", "ks"] as const).map((k) => ({
    name: labels[k],
    type: "line" as const,
    data: trend.map((p) => pct(p[k])),
    connectNulls: false,
    symbolSize: 6,
    lineStyle: { width: 2 },
    itemStyle: { color: COLOURS[k] },
    markLine: {
      silent: true,
      symbol: "none",
      lineStyle: { type: "dashed" as const, color: COLOURS[k], width: 1 },
      label: {
        formatter: `${labels.target} ${labels.percent(SKDN_TARGETS[k])}`,
        position: "insideEndTop" as const,
      },
      data: [{ yAxis: SKDN_TARGETS[k] }],
    },
  }));
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
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    series,
  };
}
