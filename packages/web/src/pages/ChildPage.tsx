import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { Child, GrowthIndicator, Measurement } from "../api/types.ts";
import { useApi } from "../api/useApi.ts";
import { PERMISSION } from "../auth/permissions.ts";
import { useSession } from "../auth/session.tsx";
import { ExportButtons } from "../components/ExportButtons.tsx";
import { ErrorMessage, Loading } from "../components/Status.tsx";
import { ageInMonths, formatDate, formatDecimal } from "../lib/format.ts";
import { statusKey } from "../lib/status.ts";
import { localToday } from "../lib/today.ts";
import { href } from "../routing/router.ts";
import { GrowthChart } from "./children/GrowthChart.tsx";
import { IdentityReveal } from "./children/IdentityReveal.tsx";
import { MeasurementTable } from "./children/MeasurementTable.tsx";
import { GrowthAlerts } from "./posyandu/GrowthAlerts.tsx";
import { ChildReferrals } from "./posyandu/ReferralsPage.tsx";

const INDICATORS: GrowthIndicator[] = ["lhfa", "wfa", "wflh"];

/** A child's record, measurement history and WHO growth charts. */
export function ChildPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [tab, setTab] = useState<GrowthIndicator>("lhfa");
  const res = useApi(`child:${id}`, () =>
    api.get<{ child: Child; measurements: Measurement[] }>(`/api/children/${encodeURIComponent(id)}`),
  );
  if (res.error) return <ErrorMessage error={res.error} />;
  if (!res.data) return <Loading />;
  const { child, measurements } = res.data;
  const today = localToday();
  return (
    <div className="page">
      <p>
        <a href={href("/children")}>← {t("children.title")}</a>
      </p>
      <h1 data-testid="child-name">{child.name}</h1>
      <GrowthAlerts child={child} measurements={measurements} />
      {can(PERMISSION.referrals) ? <ChildReferrals childId={child.id} /> : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="record-title">
          <h2 id="record-title">{t("child.record")}</h2>
          <dl className="facts">
            <dt>{t("children.sex")}</dt>
            <dd>{child.sex === 1 ? t("common.male") : t("common.female")}</dd>
            <dt>{t("children.birthDate")}</dt>
            <dd>
              {formatDate(child.birthDate)} ({t("child.months", { n: ageInMonths(child.birthDate, today) })})
            </dd>
            <dt>NIK</dt>
            <dd>{child.nikMasked ?? "–"}</dd>
            <dt>No. KK</dt>
            <dd>{child.kkMasked ?? "–"}</dd>
            <dt>{t("child.mother")}</dt>
            <dd>{child.motherName ?? "–"}</dd>
            <dt>{t("children.village")}</dt>
            <dd>{child.villageName ?? child.villageCode}</dd>
            <dt>{t("children.posyandu")}</dt>
            <dd>{child.posyanduName ?? "–"}</dd>
            <dt>{t("child.birthWeight")}</dt>
            <dd>
              {child.birthWeight === null ? "–" : `${formatDecimal(child.birthWeight, i18n.language, 2)} kg`}
            </dd>
            <dt>{t("child.birthLength")}</dt>
            <dd>
              {child.birthLength === null ? "–" : `${formatDecimal(child.birthLength, i18n.language, 1)} cm`}
            </dd>
          </dl>
          {can(PERMISSION.identity) ? <IdentityReveal childId={child.id} /> : null}
        </section>
        <section className="card" aria-labelledby="growth-title">
          <h2 id="growth-title">{t("growth.heading")}</h2>
          <div className="tabs" role="tablist" aria-label={t("growth.heading")}>
            {INDICATORS.map((ind) => (
              <button
                key={ind}
                type="button"
                role="tab"
                id={`tab-${ind}`}
                aria-selected={tab === ind}
                aria-controls="growth-panel"
                onClick={() => setTab(ind)}
              >
                {t(`growth.tab.${ind}`)}
              </button>
            ))}
          </div>
          <div id="growth-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
            <GrowthChart key={tab} indicator={tab} sex={child.sex} measurements={measurements} />
          </div>
        </section>
      </div>
      <section className="card" aria-labelledby="history-title">
        <div className="section-head">
          <h2 id="history-title">{t("child.history", { count: measurements.length })}</h2>
          {can(PERMISSION.export) ? (
            <ExportButtons
              title={`${t("child.historyFile")} ${child.name}`}
              table={() => ({
                headers: [
                  t("child.date"),
                  t("child.ageDays"),
                  t("child.weight"),
                  t("child.height"),
                  t("child.measure"),
                  "zlen",
                  "zwei",
                  "zwfl",
                  "zbmi",
                  "TB/U",
                  "BB/U",
                  "BB/TB",
                  "IMT/U",
                  t("child.source"),
                ],
                // as the table on screen: newest first, categories and sources in words
                rows: [...measurements]
                  .reverse()
                  .map((m) => [
                    m.date,
                    m.ageDays,
                    m.weight,
                    m.height,
                    m.measure ? t(`child.measure_${m.measure}`, { defaultValue: m.measure }) : null,
                    m.zlen,
                    m.zwei,
                    m.zwfl,
                    m.zbmi,
                    m.tbu ? t(statusKey("tbu", m.tbu)) : null,
                    m.bbu ? t(statusKey("bbu", m.bbu)) : null,
                    m.bbtb ? t(statusKey("bbtb", m.bbtb)) : null,
                    m.imtu ? t(statusKey("imtu", m.imtu)) : null,
                    t(`child.sources.${m.source}`, { defaultValue: m.source }),
                  ]),
              })}
            />
          ) : null}
        </div>
        {measurements.length === 0 ? (
          <p>{t("child.noMeasurements")}</p>
        ) : (
          <MeasurementTable measurements={measurements} />
        )}
      </section>
    </div>
  );
}
