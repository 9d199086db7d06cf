import type { ChartOption } from "./EChart.tsx";

export interface MapValue {
  code: string;
  name: string;
  value: number | null;
}

/** Sequential colours from low (pale) to high (dark red) stunting rates. */
export const MAP_COLOURS = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"];

/**
 * A choropleth of child regions: features are matched by their `code` property, coloured by
 * the rate on a fixed 0–40% scale (so maps of different regions compare), regions with no rate grey.
 */
export function choroplethOption(
  mapName: string,
  values: MapValue[],
  labels: { series: string; noData: string; percent: (v: number) => string },
): ChartOption {
  const max = Math.max(40, ...values.map((v) => v.value ?? 0));
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: "item",
      formatter: (p: { data?: { regionName?: string; value?: number | null } }) => {
        const d = p.data;
        if (!d) return labels.noData;
        return `${d.regionName}<br/>${labels.series}: ${typeof d.value === "number" ? labels.percent(d.value) : labels.noData}`;
      },
    },
    visualMap: {
      min: 0,
      max: Math.ceil(max / 10) * 10,
      left: 8,
      bottom: 8,
      calculable: false,
      text: [labels.percent(Math.ceil(max / 10) * 10), "0%"],
      inRange: { color: MAP_COLOURS },
      outOfRange: { color: "#d0d0d0" },
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
        itemStyle: { borderColor: "#555", borderWidth: 0.6, areaColor: "#d0d0d0" },
        label: { show: false },
        data: values.map((v) => ({ name: v.code, regionName: v.name, value: v.value ?? Number.NaN })),
      },
    ],
  };
}
