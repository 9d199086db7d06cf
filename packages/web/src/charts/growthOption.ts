import type { GrowthReference, Measurement } from "../api/types.ts";
import type { ChartOption } from "./EChart.tsx";

/** Days per month in the WHO standards (365.25 / 12). */
const DAYS_PER_MONTH = 30.4375;

const lineStyle: Record<string, { color: string; type: "solid" | "dashed" }> = {
  "-3": { color: "#111111", type: "solid" },
  "-2": { color: "#c62828", type: "solid" },
  "-1": { color: "#ef8f00", type: "dashed" },
  "0": { color: "#2e7d32", type: "solid" },
  "1": { color: "#ef8f00", type: "dashed" },
  "2": { color: "#c62828", type: "solid" },
  "3": { color: "#111111", type: "solid" },
};

const SD_ORDER = ["-3", "-2", "-1", "0", "1", "2", "3"] as const;

/** The child's own points for an indicator: [x, y] pairs, leaving out measurements that lack either. */
export function childPoints(
  indicator: GrowthReference["indicator"],
  measurements: Pick<Measurement, "ageDays" | "weight" | "height" | "date">[],
): [number, number][] {
  const out: [number, number][] = [];
  for (const m of measurements) {
    let x: number | null = null;
    let y: number | null = null;
    if (indicator === "lhfa") [x, y] = [m.ageDays === null ? null : m.ageDays / DAYS_PER_MONTH, m.height];
    else if (indicator === "wfa") [x, y] = [m.ageDays === null ? null : m.ageDays / DAYS_PER_MONTH, m.weight];
    else [x, y] = [m.height, m.weight];
    if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) out.push([round2(x), y]);
  }
  return out;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export interface GrowthLabels {
  x: string;
  y: string;
  child: string;
  sd: (line: string) => string;
}

/**
 * A growth chart: the seven WHO lines (−3 … +3 SD; median green, ±2 red, ±3 black) and the
 * child's measurements as points. Age axes are shown in months; the reference comes in days.
 */
export function growthOption(
  ref: GrowthReference,
  points: [number, number][],
  labels: GrowthLabels,
): ChartOption {
  const toX = (x: number) => (ref.xUnit === "days" ? round2(x / DAYS_PER_MONTH) : x);
  const refSeries = SD_ORDER.map((k) => ({
    name: labels.sd(k),
    type: "line" as const,
    showSymbol: false,
    silent: true,
    data: ref.lines[k].map(([x, y]) => [toX(x), y]),
    lineStyle: { color: lineStyle[k].color, type: lineStyle[k].type, width: k === "0" ? 2 : 1.5 },
    itemStyle: { color: lineStyle[k].color },
    endLabel: {
      show: true,
      formatter: k === "0" ? "0" : k.startsWith("-") ? k : `+${k}`,
      color: lineStyle[k].color,
    },
    z: 1,
  }));
  const xs = [...ref.lines["0"].map(([x]) => toX(x)), ...points.map(([x]) => x)];
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: "item" },
    legend: { show: false },
    grid: { left: 48, right: 36, top: 16, bottom: 44 },
    xAxis: {
      type: "value",
      name: labels.x,
      nameLocation: "middle",
      nameGap: 28,
      min: Math.floor(Math.min(...xs)),
      max: Math.ceil(Math.max(...xs)),
    },
    yAxis: { type: "value", name: labels.y, nameLocation: "middle", nameGap: 34, scale: true },
    series: [
      ...refSeries,
      {
        name: labels.child,
        type: "line" as const,
        data: points,
        symbol: "circle",
        symbolSize: 9,
        lineStyle: { color: "#0b4f8a", width: 2 },
        itemStyle: { color: "#0b4f8a", borderColor: "#fff", borderWidth: 1 },
        z: 5,
      },
    ],
  };
}
