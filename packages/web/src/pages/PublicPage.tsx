import type { PublicCommentary } from "@tumbuh/core/api";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { Boundaries, PublicDistrict, PublicPrevalence } from "../api/types.ts";
import { useApi } from "../api/useApi.ts";
import { useSession } from "../auth/session.tsx";
import { rateBarOption } from "../charts/barOption.ts";
import { LazyEChart } from "../charts/LazyEChart.tsx";
import { ExportButtons } from "../components/ExportButtons.tsx";
import { PeriodSelect } from "../components/PeriodSelect.tsx";
import { StatCard } from "../components/StatCard.tsx";
import { ErrorMessage, Loading } from "../components/Status.tsx";
import { formatCount, formatPercent, formatPeriod } from "../lib/format.ts";
import { navigate } from "../routing/router.ts";
import { ChoroplethMap } from "./map/ChoroplethMap.tsx";
import { PublicPenilaian } from "./penilaian/PublicPenilaian.tsx";
import { PublicTable, publicExport } from "./public/PublicTable.tsx";

/**
 * The publication of Aksi 7, open to everyone: prevalence by subdistrict and village for a
 * district and period; aggregates only, small village counts suppressed.
 */
export function PublicPage({ district, period }: { district: string | null; period: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { meta } = useSession();
  const districts = useApi("public-districts", () =>
    api.get<{ districts: PublicDistrict[] }>("/api/public/districts"),
  );
  const chosen = district ?? meta?.demo.districtCode ?? districts.data?.districts[0]?.code ?? null;
  const periods = useApi(chosen ? `public-periods:${chosen}` : null, () =>
    api.get<{ periods: string[] }>("/api/public/periods", { district: chosen ?? undefined }),
  );
  const prev = useApi(chosen ? `public:${chosen}:${period ?? ""}` : null, () =>
    api.get<PublicPrevalence>("/api/public/prevalence", {
      district: chosen ?? undefined,
      period: period ?? undefined,
    }),
  );
  const shapes = useApi(chosen ? `public-bounds:${chosen}` : null, () =>
    api.get<Boundaries>("/api/public/boundaries", { parent: chosen ?? undefined }),
  );
  const p = prev.data;
  const target = p?.nationalTarget?.stunting ?? meta?.nationalTarget.stunting ?? 14;
  const pct = (v: number | null) => formatPercent(v, lang);
  const year = p?.period ? Number(p.period.slice(0, 4)) : null;
  const commentary = useApi(chosen && year ? `public-commentary:${chosen}:${year}` : null, () =>
    api.get<PublicCommentary>("/api/public/commentary", {
      district: chosen ?? undefined,
      year: String(year),
    }),
  );
  const note = commentary.data?.commentary ?? null;
  const subNames = useMemo(() => new Map((p?.subdistricts ?? []).map((s) => [s.code, s.name])), [p]);
  const bar = useMemo(
    () =>
      p
        ? rateBarOption(
            p.subdistricts.map((s) => ({ name: s.name, rate: s.stuntingRate })),
            target,
            {
              series: t("indicators.stunting"),
              target: t("dashboard.target"),
              percent: (v) => formatPercent(v, lang),
            },
          )
        : null,
    [p, target, t, lang],
  );
  const title = p
    ? t("public.heading", { district: p.district.name, period: p.period ? formatPeriod(p.period, lang) : "" })
    : t("public.title");

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="hint">{t("public.intro")}</p>
        </div>
        <div className="filters">
          <div className="field inline">
            <label htmlFor="public-district">{t("filters.district")}</label>
            <select
              id="public-district"
              value={chosen ?? ""}
              onChange={(e) => navigate("/publik", { district: e.target.value })}
            >
              {(districts.data?.districts ?? []).map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                  {d.provinceName ? ` (${d.provinceName})` : ""}
                </option>
              ))}
            </select>
          </div>
          <PeriodSelect
            periods={periods.data?.periods}
            value={p?.period ?? period}
            onChange={(v) => navigate("/publik", { district: chosen, period: v })}
          />
        </div>
      </div>
      <ErrorMessage error={districts.error ?? prev.error} />
      {districts.data && districts.data.districts.length === 0 ? (
        <p className="notice">{t("public.none")}</p>
      ) : null}
      {chosen && !p && !prev.error ? <Loading /> : null}
      {p ? (
        <>
          <div className="stat-grid">
            <StatCard
              testId="public-stunting"
              label={t("indicators.stunting")}
              value={pct(p.total.stuntingRate)}
              tone={p.total.stuntingRate !== null && p.total.stuntingRate > target ? "alert" : "ok"}
              detail={t("dashboard.countOf", {
                num: formatCount(p.total.stunted, lang),
                den: formatCount(p.total.validHaz, lang),
              })}
            />
            <StatCard label={t("indicators.wasting")} value={pct(p.total.wastingRate)} />
            <StatCard label={t("indicators.underweight")} value={pct(p.total.underweightRate)} />
            <StatCard label={t("indicators.overweight")} value={pct(p.total.overweightRate)} />
          </div>
          <p className="source-note" data-testid="public-source">
            <strong>{t("source.label")}:</strong> {p.source.label}
            {p.source.synthetic ? ` · ${t("source.synthetic")}` : ""}. {t("public.privacy")}
          </p>
          {note ? (
            <section className="card" data-testid="public-commentary" aria-labelledby="commentary-title">
              <h2 id="commentary-title">{t("public.commentaryTitle", { year: note.year })}</h2>
              <p style={{ whiteSpace: "pre-wrap" }}>{note.text}</p>
              <p className="hint">{t("public.commentaryPublished", { at: note.publishedAt.slice(0, 10) })}</p>
            </section>
          ) : null}
          <section className="card" aria-labelledby="sub-chart-title">
            <h2 id="sub-chart-title">{t("public.bySubdistrict")}</h2>
            <p className="hint">
              {t("dashboard.targetNote", { target: pct(target), label: p.nationalTarget?.label ?? "" })}
            </p>
            {bar ? (
              <LazyEChart
                option={bar}
                label={t("public.bySubdistrict")}
                height={Math.max(260, p.subdistricts.length * 26 + 60)}
                testId="public-bar"
              />
            ) : null}
          </section>
          {shapes.data && shapes.data.features.length > 0 ? (
            <section className="card" aria-labelledby="public-map-title">
              <h2 id="public-map-title">{t("public.map")}</h2>
              <ChoroplethMap
                mapKey={`public-${chosen}-${shapes.data.features.length}`}
                boundaries={shapes.data}
                values={p.subdistricts.map((s) => ({ code: s.code, name: s.name, value: s.stuntingRate }))}
              />
              {shapes.data.attribution ? (
                <p className="attribution">
                  {t("map.attribution")}: {shapes.data.attribution}
                </p>
              ) : null}
            </section>
          ) : null}
          <section className="card" aria-labelledby="sub-table-title">
            <div className="section-head">
              <h2 id="sub-table-title">{t("public.subdistrictTable")}</h2>
              <ExportButtons
                title={`${title} ${t("public.subdistrictTable")}`}
                table={() => publicExport(p.subdistricts, t)}
              />
            </div>
            <PublicTable
              rows={p.subdistricts}
              caption={t("dashboard.tableCaption")}
              testId="public-subdistricts"
            />
          </section>
          <section className="card" aria-labelledby="village-table-title">
            <div className="section-head">
              <h2 id="village-table-title">{t("public.villageTable")}</h2>
              <ExportButtons
                title={`${title} ${t("public.villageTable")}`}
                table={() => publicExport(p.villages, t)}
              />
            </div>
            <p className="hint">{t("public.suppressionNote")}</p>
            <PublicTable
              rows={p.villages}
              caption={t("public.villageCaption")}
              testId="public-villages"
              extra={[
                {
                  key: "subdistrict",
                  label: t("region.level.subdistrict"),
                  value: (r) => subNames.get(r.subdistrictCode) ?? r.subdistrictCode,
                },
              ]}
            />
          </section>
        </>
      ) : null}
      <PublicPenilaian district={chosen} />
    </div>
  );
}
