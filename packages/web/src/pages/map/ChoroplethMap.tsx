import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Boundaries } from "../../api/types.ts";
import {
  choroplethOption,
  MAP_COLOURS,
  type MapValue,
  NO_DATA_COLOUR,
  STUNTING_CLASSES,
} from "../../charts/choroplethOption.ts";
import { EChart } from "../../charts/EChart.tsx";
import { echarts } from "../../charts/echarts-map.ts";
import { formatPercent } from "../../lib/format.ts";

/** The stunting-rate map of a region's children; selecting a shape drills down. */
export function ChoroplethMap({
  mapKey,
  boundaries,
  values,
  onSelect,
}: {
  mapKey: string;
  boundaries: Boundaries;
  values: MapValue[];
  onSelect?: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const option = useMemo(() => {
    // ECharts keeps maps in a registry by name; one name per parent region and boundary set
    echarts.registerMap(mapKey, boundaries as unknown as Parameters<typeof echarts.registerMap>[1]);
    return choroplethOption(mapKey, values, {
      series: t("indicators.stunting"),
      noData: t("map.noRate"),
      percent: (v) => formatPercent(v, lang),
      classLabel: (key) => t(`map.class.${key}`),
    });
  }, [mapKey, boundaries, values, t, lang]);
  return (
    <>
      <EChart
        option={option}
        label={t("map.chartLabel")}
        height={460}
        testId="choropleth"
        onClickName={(code) => code && onSelect?.(code)}
      />
      <MapLegend />
    </>
  );
}

/** The map's legend, under it: the five prevalence classes and the grey of "no rate". */
function MapLegend() {
  const { t } = useTranslation();
  const items = [
    ...STUNTING_CLASSES.map((c, i) => ({
      key: c.key,
      colour: MAP_COLOURS[i],
      label: t(`map.class.${c.key}`),
    })),
    { key: "none", colour: NO_DATA_COLOUR, label: t("map.noRate") },
  ];
  return (
    <ul className="map-legend" data-testid="map-legend" aria-label={t("map.legend")}>
      {items.map((i) => (
        <li key={i.key}>
          <span className="swatch" style={{ background: i.colour }} aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
