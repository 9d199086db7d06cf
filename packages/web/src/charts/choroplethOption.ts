import type { ChartOption } from "./EChart.tsx";

export interface MapValue {
  code: string;
  name: string;
  value: number | null;
}

/** Colours of the five prevalence classes, pale (very low) to dark red (very high). */
export const MAP_COLOURS = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"];

/**
 * The WHO–UNICEF prevalence thresholds for stunting as a public-health problem
 * (de Onis et al., 2019): very low < 2.5%, low 2.5–<10%, medium 10–<20%, high 20–<30%, very high ≥ 30%.
 */
export const STUNTING_CLASSES = [
  { key: "veryLow", min: 0, max: 2.5 },
  { key: "low", min: 2.5, max: 10 },
  { key: "medium", min: 10, max: 20 },
  { key: "high", min: 20, max: 30 },
  { key: "veryHigh", min: 30, max: Number.POSITIVE_INFINITY },
] as const;

/** The class of a stunting rate (percent), or null when there is no rate. */
export function stuntingClass(rate: number | null): (typeof STUNTING_CLASSES)[number]["key"] | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return STUNTING_CLASSES.find((c) => rate >= c.min && rate < c.max)?.key ?? null;
}

/** The grey of a region with no rate. */
export const NO_DATA_COLOUR = "#d0d0d0";

/**
 * A choropleth of child regions: features are matched by their `code` property and coloured
 * by the WHO–UNICEF stunting prevalence class (the same classes on every map, so maps of
 * different regions compare); regions with no rate are grey. Each area carries its name; the
 * legend is drawn by the page under the map (ECharts' own would cover the map on a phone).
 */
export function choroplethOption(
  mapName: string,
  values: MapValue[],
  labels: {
    series: string;
    noData: string;
    percent: (v: number) => string;
    classLabel: (key: string) => string;
  },
): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: "item",
      formatter: (p: { data?: { regionName?: string; value?: number | null } }) => {
        const d = p.data;
        if (!d) return labels.noData;
        const v = typeof d.value === "number" && Number.isFinite(d.value) ? d.value : null;
        return `${d.regionName}<br/>${labels.series}: ${v === null ? labels.noData : labels.percent(v)}`;
      },
    },
    visualMap: {
      type: "piecewise",
      show: false,
      pieces: STUNTING_CLASSES.map((c, i) => ({
        gte: c.min,
        ...(Number.isFinite(c.max) ? { lt: c.max } : {}),
        color: MAP_COLOURS[i],
        label: labels.classLabel(c.key),
      })),
      outOfRange: { color: NO_DATA_COLOUR },
    },
    series: [
      {
        name: labels.series,
        type: "map",
        map: mapName,
        nameProperty: "code",
        roam: true,
        layoutCenter: ["50%", "50%"],
        layoutSize: "95%",
        selectedMode: false,
        emphasis: { label: { show: true }, itemStyle: { areaColor: "#ffe082" } },
        itemStyle: { borderColor: "#555", borderWidth: 0.6, areaColor: NO_DATA_COLOUR },
        label: {
          show: true,
          fontSize: 10,
          color: "#1c1c1c",
          textBorderColor: "#fff",
          textBorderWidth: 2,
          formatter: (p: { data?: { regionName?: string } }) => p.data?.regionName ?? "",
        },
        labelLayout: { hideOverlap: true },
        data: values.map((v) => ({ name: v.code, regionName: v.name, value: v.value ?? Number.NaN })),
      },
    ],
  };
}
