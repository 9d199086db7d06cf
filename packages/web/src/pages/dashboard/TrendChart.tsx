import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Dashboard } from "../../api/types.ts";
import { LazyEChart } from "../../charts/LazyEChart.tsx";
import { trendOption } from "../../charts/trendOption.ts";
import { formatPercent, formatPeriod } from "../../lib/format.ts";

/** Prevalence over the last periods with the national stunting target line. */
export function TrendChart({
  trend,
  target,
}: {
  trend: Dashboard["trend"];
  target: Dashboard["nationalTarget"];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const option = useMemo(
    () =>
      trendOption(trend, target.stunting, {
        stunting: t("indicators.stunting"),
        wasting: t("indicators.wasting"),
        underweight: t("indicators.underweight"),
        overweight: t("indicators.overweight"),
        target: t("dashboard.target"),
        periodName: (p) => formatPeriod(p, lang),
        percent: (v) => formatPercent(v, lang),
      }),
    [trend, target.stunting, t, lang],
  );
  return (
    <figure className="card">
      <figcaption>
        <h2>{t("dashboard.trendTitle")}</h2>
        <p className="hint">
          {t("dashboard.targetNote", { target: formatPercent(target.stunting, lang), label: target.label })}
        </p>
      </figcaption>
      {trend.length === 0 ? (
        <p>{t("dashboard.noTrend")}</p>
      ) : (
        <LazyEChart option={option} label={t("dashboard.trendTitle")} testId="trend-chart" />
      )}
    </figure>
  );
}
