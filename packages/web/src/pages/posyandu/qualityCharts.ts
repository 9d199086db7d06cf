import type { ChartOption } from "../../charts/EChart.tsx";

/**
 * Vertical bars of counts or percents by category (terminal digit 0–9, month of age 0–59), with
 * an optional dashed line at the value every bar would have without preference or heaping.
 */
export function histogramOption(
  categories: readonly string[],
  values: readonly number[],
  labels: { series: string; expected?: { value: number; name: string } },
): ChartOption {
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 16, top: 24, bottom: 24, containLabel: true },
    xAxis: { type: "category", data: [...categories] },
    yAxis: { type: "value", min: 0 },
    series: [
      {
        name: labels.series,
        type: "bar",
        data: [...values],
        itemStyle: { color: "#1565c0" },
        ...(labels.expected
          ? {
              markLine: {
                symbol: "none",
                lineStyle: { type: "dashed", color: "#b3261e" },
                label: { formatter: labels.expected.name },
                data: [{ yAxis: labels.expected.value }],
              },
            }
          : {}),
      },
    ],
  };
}
