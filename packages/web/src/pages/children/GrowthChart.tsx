import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { GrowthIndicator, GrowthReference, Measurement } from "../../api/types.ts";
import { useApi } from "../../api/useApi.ts";
import {
  childPoints,
  childZScores,
  growthOption,
  growthWindow,
  referenceRange,
} from "../../charts/growthOption.ts";
import { LazyEChart } from "../../charts/LazyEChart.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatDecimal } from "../../lib/format.ts";

/**
 * One WHO growth chart (−3…+3 SD lines from the server) with the child's measurements as points,
 * each labelled with its z-score. It opens on the child's own age (or length) range; a switch shows
 * the whole chart (0–60 months). The title names the chart's sex.
 */
export function GrowthChart({
  indicator,
  sex,
  measurements,
}: {
  indicator: GrowthIndicator;
  sex: 1 | 2;
  measurements: Measurement[];
}) {
  const { t, i18n } = useTranslation();
  const [whole, setWhole] = useState(false);
  // weight-for-length below 2 years (lying), weight-for-height from 2 years (standing)
  const last = measurements.at(-1);
  const measure = indicator === "wflh" ? ((last?.ageDays ?? 0) < 731 ? "l" : "h") : undefined;
  const ref = useApi(`growth:${indicator}:${sex}:${measure ?? ""}`, () =>
    api.get<GrowthReference>("/api/growth/reference", { indicator, sex, measure }),
  );
  const title = t("growth.titleWithSex", {
    title: t(`growth.title.${indicator}${indicator === "wflh" ? `_${measure}` : ""}`),
    sex: sex === 1 ? t("growth.boys") : t("growth.girls"),
  });
  const option = useMemo(() => {
    if (!ref.data) return null;
    const points = childPoints(indicator, measurements);
    const window = growthWindow(indicator, points, referenceRange(ref.data), whole);
    const zs = childZScores(indicator, measurements);
    return growthOption(
      ref.data,
      points,
      {
        x: t(`growth.x.${indicator}`),
        y: t(`growth.y.${indicator}`),
        child: t("growth.child"),
        sd: (k) => t("growth.sdLine", { sd: k === "0" ? "0" : k.startsWith("-") ? k : `+${k}` }),
        pointLabels: zs.map((z) => (z === null ? "" : `z ${formatDecimal(z, i18n.language, 1)}`)),
      },
      window,
    );
  }, [ref.data, indicator, measurements, t, i18n.language, whole]);
  return (
    <figure className="growth-chart" data-testid={`growth-${indicator}`}>
      <figcaption>
        <h3 data-testid="growth-title">{title}</h3>
        <p className="hint">{t("growth.legend")}</p>
        <label className="checkbox-inline">
          <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />{" "}
          {indicator === "wflh" ? t("growth.wholeLength") : t("growth.wholeAge")}
        </label>
      </figcaption>
      <ErrorMessage error={ref.error} />
      {option ? <LazyEChart option={option} label={title} height={340} /> : ref.error ? null : <Loading />}
    </figure>
  );
}
