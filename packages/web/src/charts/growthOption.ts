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

/**
 * The z-score of each of the child's points (same order and same measurements left out as
 * childPoints): zlen for length/height-for-age, zwei for weight-for-age, zwfl for weight-for-length/height.
 */
export function childZScores(
  indicator: GrowthReference["indicator"],
  measurements: Pick<Measurement, "ageDays" | "weight" | "height" | "date" | "zlen" | "zwei" | "zwfl">[],
): (number | null)[] {
  const key = indicator === "lhfa" ? "zlen" : indicator === "wfa" ? "zwei" : "zwfl";
  return measurements
    .filter((m) => childPoints(indicator, [m]).length === 1)
    .map((m) => (typeof m[key] === "number" ? m[key] : null));
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export interface GrowthLabels {
  x: string;
  y: string;
  child: string;
  sd: (line: string) => string;
  /** Text beside each of the child's points (its z-score), so it reads without a tooltip on a phone. */
  pointLabels?: string[];
}

/** The x range a chart shows: [min, max] in months (age) or cm (length/height). */
export type GrowthWindow = [number, number];

/**
 * The part of the chart around the child's own points: for age charts, from 3 months before the
 * first measurement to 3 months after the last (at least 12 months wide, within 0–60); for
 * weight-for-length/height, 5 cm either side (at least 15 cm wide, within the reference). With no
 * point, or when the whole chart is asked for, the reference's whole range (0–60 months for age).
 */
export function growthWindow(
  indicator: GrowthReference["indicator"],
  points: [number, number][],
  reference: GrowthWindow,
  whole = false,
): GrowthWindow {
  if (whole || points.length === 0) return reference;
  const xs = points.map(([x]) => x);
  const [pad, minWidth] = indicator === "wflh" ? [5, 15] : [3, 12];
  let lo = Math.max(reference[0], Math.floor(Math.min(...xs)) - pad);
  let hi = Math.min(reference[1], Math.ceil(Math.max(...xs)) + pad);
  if (hi - lo < minWidth) {
    const grow = minWidth - (hi - lo);
    lo = Math.max(reference[0], lo - Math.ceil(grow / 2));
    hi = Math.min(reference[1], lo + minWidth);
    lo = Math.max(reference[0], hi - minWidth);
  }
  return [lo, hi];
}

/** The x range of a reference, in the chart's unit (months for age, cm for length/height). */
export function referenceRange(ref: GrowthReference): GrowthWindow {
  const xs = ref.lines["0"].map(([x]) => (ref.xUnit === "days" ? round2(x / DAYS_PER_MONTH) : x));
  return [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs))];
}

/**
 * A growth chart: the seven WHO lines (−3 … +3 SD; median green, ±2 red, ±3 black) and the
 * child's measurements as points. Age axes are shown in months; the reference comes in days.
 * With a window, only that x range shows and the y axis fits the lines and points inside it.
 */
export function growthOption(
  ref: GrowthReference,
  points: [number, number][],
  labels: GrowthLabels,
  window?: GrowthWindow,
): ChartOption {
  const toX = (x: number) => (ref.xUnit === "days" ? round2(x / DAYS_PER_MONTH) : x);
  const inWindow = (x: number) => !window || (x >= window[0] && x <= window[1]);
  const lineData = (k: (typeof SD_ORDER)[number]) =>
    ref.lines[k].map(([x, y]) => [toX(x), y] as [number, number]).filter(([x]) => inWindow(x));
  const refSeries = SD_ORDER.map((k) => ({
    name: labels.sd(k),
    type: "line" as const,
    showSymbol: false,
    silent: true,
    data: lineData(k),
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
  const ys = [...lineData("-3"), ...lineData("3"), ...points.filter(([x]) => inWindow(x))].map(([, y]) => y);
  const yAxisRange = window && ys.length > 0 ? niceRange(Math.min(...ys), Math.max(...ys)) : {};
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
      min: window ? window[0] : Math.floor(Math.min(...xs)),
      max: window ? window[1] : Math.ceil(Math.max(...xs)),
    },
    yAxis: {
      type: "value",
      name: labels.y,
      nameLocation: "middle",
      nameGap: 34,
      scale: true,
      ...yAxisRange,
    },
    series: [
      ...refSeries,
      {
        name: labels.child,
        type: "line" as const,
        data: points,
        symbol: "circle",
        symbolSize: 9,
        lineStyle: { color: "#0b4f8a", width: 2 },
        label: {
          show: !!labels.pointLabels,
          position: "top" as const,
          fontSize: 11,
          color: "#0b4f8a",
          formatter: (p: { dataIndex: number }) => labels.pointLabels?.[p.dataIndex] ?? "",
        },
        labelLayout: { hideOverlap: true },
        itemStyle: { color: "#0b4f8a", borderColor: "#fff", borderWidth: 1 },
        z: 5,
      },
    ],
  };
}

/** A y range a little wider than the values, on whole units (kg or cm). */
function niceRange(min: number, max: number): { min: number; max: number } {
  const pad = Math.max((max - min) * 0.04, 0.5);
  return { min: Math.max(0, Math.floor(min - pad)), max: Math.ceil(max + pad) };
}
