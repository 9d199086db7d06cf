import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { GrowthIndicator, GrowthReference, Measurement } from "../../api/types.ts";
import { useApi } from "../../api/useApi.ts";
import { EChart } from "../../charts/EChart.tsx";
import { childPoints, growthOption } from "../../charts/growthOption.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";

/** One WHO growth chart (−3…+3 SD lines from the server) with the child's measurements as points. */
export function GrowthChart({
  indicator,
  sex,
  measurements,
}: {
  indicator: GrowthIndicator;
  sex: 1 | 2;
  measurements: Measurement[];
}) {
  const { t } = useTranslation();
  // weight-for-length below 2 years (lying), weight-for-height from 2 years (standing)
  const last = measurements.at(-1);
  const measure = indicator === "wflh" ? ((last?.ageDays ?? 0) < 731 ? "l" : "h") : undefined;
  const ref = useApi(`growth:${indicator}:${sex}:${measure ?? ""}`, () =>
    api.get<GrowthReference>("/api/growth/reference", { indicator, sex, measure }),
  );
  const option = useMemo(() => {
    if (!ref.data) return null;
    return growthOption(ref.data, childPoints(indicator, measurements), {
      x: t(`growth.x.${indicator}`),
      y: t(`growth.y.${indicator}`),
      child: t("growth.child"),
      sd: (k) => t("growth.sdLine", { sd: k === "0" ? "0" : k.startsWith("-") ? k : `+${k}` }),
    });
  }, [ref.data, indicator, measurements, t]);
  return (
    <figure className="growth-chart" data-testid={`growth-${indicator}`}>
      <figcaption>
        <h3>{t(`growth.title.${indicator}${indicator === "wflh" ? `_${measure}` : ""}`)}</h3>
        <p className="hint">{t("growth.legend")}</p>
      </figcaption>
      <ErrorMessage error={ref.error} />
      {option ? (
        <EChart
          option={option}
          label={t(`growth.title.${indicator}${indicator === "wflh" ? `_${measure}` : ""}`)}
          height={340}
        />
      ) : ref.error ? null : (
        <Loading />
      )}
    </figure>
  );
}
