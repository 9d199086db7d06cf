import type { SkdnFigures, SkdnReport } from "@tumbuh/core/api";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { LazyEChart } from "../../charts/LazyEChart.tsx";
import { ExportButtons } from "../../components/ExportButtons.tsx";
import { PeriodSelect } from "../../components/PeriodSelect.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatCount, formatPercent, formatPeriod } from "../../lib/format.ts";
import { href, navigate } from "../../routing/router.ts";
import { SkdnCards } from "./SkdnCards.tsx";
import { skdnTrendOption } from "./skdnCharts.ts";

type Row = SkdnFigures & { label: string; code?: string; level?: string };

/** The SKDN report of a region or posyandu per month: its figures, the units below, the trend. */
export function SkdnPage({
  region,
  posyandu,
  period,
}: {
  region: string | null;
  posyandu: string | null;
  period: string | null;
}) {
  const { t, i18n } = useTranslation();
  const r = useApi(`skdn:${region ?? ""}:${posyandu ?? ""}:${period ?? ""}`, () =>
    api.get<SkdnReport>("/api/skdn", {
      region: region ?? undefined,
      posyandu: posyandu ?? undefined,
      period: period ?? undefined,
    }),
  );
  const d = r.data;
  const n = (v: number | null) => formatCount(v, i18n.language);
  // SKDN indicators are shares (0–1); the figures elsewhere are percents.
  const pct = (v: number | null) => formatPercent(v === null ? null : v * 100, i18n.language);
  const columns: Array<[string, (f: Row) => string | number | null]> = [
    ["S", (f) => f.s],
    ["K", (f) => f.k],
    ["D", (f) => f.d],
    ["N", (f) => f.n],
    ["T", (f) => f.t],
    ["O", (f) => f.o],
    ["B", (f) => f.b],
    ["2T", (f) => f.twoT],
    ["BGM", (f) => f.bgm],
    ["D/S", (f) => f.ds],
    ["N/D", (f) => f.nd],
    ["K/S", (f) => f.ks],
  ];
  const isRate = (h: string) => h.includes("/");
  const cell = (h: string, v: string | number | null) =>
    isRate(h) ? pct(v as number | null) : typeof v === "number" ? n(v) : "—";
  const unitLink = (row: Row) =>
    row.level === "posyandu"
      ? href(`/posyandu/${row.code}`)
      : href("/skdn", { region: row.code ?? null, period: d?.period ?? null });

  const table = (rows: Row[], first: string, testId: string, links: boolean) => (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{first}</th>
            {columns.map(([h]) => (
              <th key={h} className="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <td>{links && row.code ? <a href={unitLink(row)}>{row.label}</a> : row.label}</td>
              {columns.map(([h, get]) => (
                <td key={h} className="num">
                  {cell(h, get(row))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  if (r.error) return <ErrorMessage error={r.error} />;
  if (!d) return <Loading />;
  const units: Row[] = d.children.map((c) => ({ ...c, label: c.name }));
  const trend: Row[] = d.trend.map((x) => ({ ...x, label: formatPeriod(x.period, i18n.language) }));
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>
            {t("skdn.title")}
            <span className="subtitle">
              {" "}
              — {d.unit.level === "nation" ? t("region.nation") : d.unit.name}
            </span>
          </h1>
          <p className="hint">{t("skdn.intro")}</p>
        </div>
        <div className="filters">
          {d.unit.level !== "nation" && d.unit.level !== "province" ? (
            <a
              className="button secondary"
              href={href("/f2gizi", {
                region:
                  d.unit.level === "posyandu"
                    ? (d.ancestors[d.ancestors.length - 1]?.code ?? null)
                    : d.unit.code,
                period: d.period,
              })}
            >
              {t("posyandu.f2gizi.link")}
            </a>
          ) : null}
          <PeriodSelect
            periods={d.periods}
            value={d.period}
            onChange={(p) => navigate("/skdn", { region, posyandu, period: p })}
          />
        </div>
      </div>
      {d.period === null ? <p className="notice">{t("dashboard.noData")}</p> : null}
      {d.period ? (
        <>
          <section aria-labelledby="skdn-month">
            <h2 id="skdn-month">{t("skdn.monthTitle", { period: formatPeriod(d.period, i18n.language) })}</h2>
            <SkdnCards f={d.summary} />
          </section>
          {units.length > 0 ? (
            <section aria-labelledby="skdn-units">
              <h2 id="skdn-units">{t("skdn.unitsTitle")}</h2>
              {table(units, t("table.region"), "skdn-units", true)}
              <ExportButtons
                title={`SKDN ${d.unit.name} ${d.period}`}
                table={() => ({
                  headers: [t("table.region"), ...columns.map(([h]) => h)],
                  rows: units.map((u) => [u.label, ...columns.map(([, get]) => get(u))]),
                })}
              />
            </section>
          ) : null}
          <section aria-labelledby="skdn-chart-title">
            <h2 id="skdn-chart-title">{t("posyandu.skdnChart.title")}</h2>
            <LazyEChart
              option={skdnTrendOption(d.trend, {
                ds: t("posyandu.skdnChart.ds"),
                nd: t("posyandu.skdnChart.nd"),
                ks: t("posyandu.skdnChart.ks"),
                target: t("posyandu.skdnChart.target"),
                periodName: (p) => formatPeriod(p, i18n.language),
                percent: (v) => formatPercent(v, i18n.language),
              })}
              label={t("posyandu.skdnChart.title")}
              height={300}
              testId="skdn-trend-chart"
            />
          </section>
          <section aria-labelledby="skdn-trend">
            <h2 id="skdn-trend">{t("skdn.trendTitle")}</h2>
            {table(trend, t("filters.period"), "skdn-trend", false)}
          </section>
        </>
      ) : null}
      <p className="hint" data-testid="skdn-kbm">
        {t("skdn.kbmNote", { label: d.kbm?.label ?? "—" })}{" "}
        {d.kbm?.id !== d.kbmInUse.id || !d.kbm
          ? t("posyandu.skdnChart.kbmInUse", {
              label: d.kbmInUse.label,
              chosenBy: t(`posyandu.kbm.chosenBy.${d.kbmInUse.chosenBy}`),
            })
          : `(${t(`posyandu.kbm.chosenBy.${d.kbmInUse.chosenBy}`)})`}{" "}
        <a href={href("/kbm", { region: d.unit.level === "posyandu" ? null : d.unit.code })}>
          {t("posyandu.kbm.link")}
        </a>{" "}
        {t("skdn.definitions")}
      </p>
    </div>
  );
}
