import type { ChartOption } from "./EChart.tsx";

/**
 * Horizontal bars of one rate per region, highest at the top, with the national target as a
 * dashed line; regions without a published rate are left out of the chart (they stay in the table).
 */
export function rateBarOption(
  rows: { name: string; rate: number | null }[],
  target: number,
  labels: { series: string; target: string; percent: (v: number) => string },
): ChartOption {
  const shown = rows.filter((r) => r.rate !== null).sort((a, b) => (a.rate as number) - (b.rate as number));
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: unknown) => labels.percent(Number(v)),
    },
    grid: { left: 8, right: 40, top: 24, bottom: 24, containLabel: true },
    xAxis: { type: "value", min: 0, axisLabel: { formatter: "{value}%" } },
    yAxis: {
      type: "category",
      data: shown.map((r) => r.name),
      axisLabel: { width: 110, overflow: "truncate" },
    },
    series: [
      {
        name: labels.series,
        type: "bar",
        data: shown.map((r) => ({
          value: r.rate,
          itemStyle: { color: (r.rate as number) > target ? "#b3261e" : "#2e7d32" },
        })),
        label: {
          show: true,
          position: "right",
          formatter: (p: { value: number }) => labels.percent(p.value),
        },
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { type: "dashed", color: "#1b5e20", width: 2 },
          label: { formatter: `${labels.target} ${labels.percent(target)}` },
          data: [{ xAxis: target }],
        },
      },
    ],
  };
}
