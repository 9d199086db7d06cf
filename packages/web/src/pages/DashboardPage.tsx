import { regionWithin } from "@tumbuh/core";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.tsx";
import { Breadcrumb } from "../components/Breadcrumb.tsx";
import { PeriodSelect } from "../components/PeriodSelect.tsx";
import { RegionSearch } from "../components/RegionSearch.tsx";
import { ErrorMessage, Loading } from "../components/Status.tsx";
import { formatPeriod } from "../lib/format.ts";
import { href, navigate } from "../routing/router.ts";
import { ChildRegionSection } from "./dashboard/ChildRegionSection.tsx";
import { SourceNote } from "./dashboard/SourceNote.tsx";
import { SummaryCards } from "./dashboard/SummaryCards.tsx";
import { TrendChart } from "./dashboard/TrendChart.tsx";
import { useDashboard } from "./dashboard/useDashboard.ts";

/** Prevalence of the chosen region and period, its trend, and its child regions to drill into. */
export function DashboardPage({ region, period }: { region: string | null; period: string | null }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { periods, dashboard } = useDashboard(region, period);
  const d = dashboard.data;
  const scope = me?.user.regionCode ?? "ID";
  const regionName = d ? (d.region.level === "nation" ? t("region.nation") : d.region.name) : "";

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>
            {t("dashboard.title")}
            {d ? <span className="subtitle"> — {regionName}</span> : null}
          </h1>
          {d ? (
            <Breadcrumb
              trail={[...d.ancestors, d.region]}
              path="/"
              query={{ period: d.period }}
              isReachable={(code) => regionWithin(code, scope)}
            />
          ) : null}
        </div>
        <div className="filters">
          <RegionSearch path="/" period={d?.period ?? period} />
          <PeriodSelect
            periods={periods.data?.periods}
            completeness={periods.data?.completeness}
            value={d?.period ?? period}
            onChange={(p) => navigate("/", { region, period: p })}
          />
          {d ? (
            <a className="button secondary" href={href("/map", { region: d.region.code, period: d.period })}>
              {t("nav.map")}
            </a>
          ) : null}
        </div>
      </div>
      <ErrorMessage error={dashboard.error ?? periods.error} />
      {!d && !dashboard.error ? <Loading /> : null}
      {d ? (
        <>
          {d.period === null ? <p className="notice">{t("dashboard.noData")}</p> : null}
          <section aria-labelledby="summary-title">
            <h2 id="summary-title" className="visually-hidden">
              {t("dashboard.summaryTitle", {
                region: regionName,
                period: d.period ? formatPeriod(d.period, i18n.language) : "",
              })}
            </h2>
            <SummaryCards figures={d.summary} target={d.nationalTarget.stunting} />
            <SourceNote source={d.source} period={d.period} />
          </section>
          <TrendChart trend={d.trend} target={d.nationalTarget} />
          <ChildRegionSection d={d} linkPath="/" titleId="children-title" />
        </>
      ) : null}
    </div>
  );
}
