import { useTranslation } from "react-i18next";
import type { Figures } from "../../api/types.ts";
import { StatCard } from "../../components/StatCard.tsx";
import { formatCount, formatPercent } from "../../lib/format.ts";

/** Headline figures of a region: the four prevalences, coverage, new stunting cases, children measured. */
export function SummaryCards({ figures, target }: { figures: Figures; target: number }) {
  const { t, i18n } = useTranslation();
  const pct = (v: number | null) => formatPercent(v, i18n.language);
  const n = (v: number | null) => formatCount(v, i18n.language);
  const of = (num: number, den: number) => t("dashboard.countOf", { num: n(num), den: n(den) });
  const s = figures;
  return (
    <div className="stat-grid">
      <StatCard
        testId="stat-stunting"
        label={t("indicators.stunting")}
        value={pct(s.stuntingRate)}
        tone={s.stuntingRate === null ? "neutral" : s.stuntingRate > target ? "alert" : "ok"}
        detail={
          <>
            {of(s.stunted, s.validHaz)}
            <br />
            {t("dashboard.severe", { rate: pct(s.severeStuntingRate) })}
          </>
        }
      />
      <StatCard
        testId="stat-wasting"
        label={t("indicators.wasting")}
        value={pct(s.wastingRate)}
        detail={of(s.wasted, s.measured)}
      />
      <StatCard
        testId="stat-underweight"
        label={t("indicators.underweight")}
        value={pct(s.underweightRate)}
        detail={of(s.underweight, s.measured)}
      />
      <StatCard
        testId="stat-overweight"
        label={t("indicators.overweight")}
        value={pct(s.overweightRate)}
        detail={of(s.overweight, s.measured)}
      />
      <StatCard
        testId="stat-coverage"
        label={t("indicators.coverage")}
        value={pct(s.coverageRate)}
        detail={s.target === null ? t("dashboard.noTarget") : of(s.measured, s.target)}
      />
      <StatCard
        testId="stat-new-stunting"
        label={t("indicators.newStunting")}
        value={n(s.newStunting)}
        detail={t("dashboard.newStuntingHint")}
      />
      <StatCard
        testId="stat-measured"
        label={t("indicators.measured")}
        value={n(s.measured)}
        detail={t("dashboard.measuredHint")}
      />
    </div>
  );
}
