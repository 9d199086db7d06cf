import {
  type DataQualityReport,
  DQ_REFERENCES,
  DQ_VERDICT_TEXT,
  type DqVerdict,
  POSITION_BANDS,
} from "@tumbuh/core";
import type { QualityReportResponse } from "@tumbuh/core/api";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { EChart } from "../../charts/EChart.tsx";
import { ExportButtons } from "../../components/ExportButtons.tsx";
import { PeriodSelect } from "../../components/PeriodSelect.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { formatCount, formatDecimal, formatPeriod } from "../../lib/format.ts";
import { href, navigate } from "../../routing/router.ts";
import { histogramOption } from "./qualityCharts.ts";

const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const AGE_MONTHS = Array.from({ length: 60 }, (_, i) => String(i));

/**
 * The data-quality report (Aksi 6) of a region or posyandu and period, after the WHO Anthro data
 * quality report: completeness, implausible values, SD / skewness / kurtosis of the z-scores,
 * digit preference, age heaping, sex ratio, measuring position, duplicates; each with a
 * plain-language verdict (a signal to look at, not pass/fail), and the units below.
 */
export function QualityPage({
  region,
  posyandu,
  period,
}: {
  region: string | null;
  posyandu: string | null;
  period: string | null;
}) {
  const { t, i18n } = useTranslation();
  const r = useApi(`quality:${region ?? ""}:${posyandu ?? ""}:${period ?? ""}`, () =>
    api.get<QualityReportResponse>("/api/quality", {
      region: region ?? undefined,
      posyandu: posyandu ?? undefined,
      period: period ?? undefined,
    }),
  );
  const lang = i18n.language.startsWith("en") ? "en" : "id";
  const verdict = (v: DqVerdict | null | undefined) => (v ? DQ_VERDICT_TEXT[v][lang] : "—");
  const n = (v: number | null | undefined) => formatCount(v ?? null, i18n.language);
  const dec = (v: number | null | undefined, digits = 2) => formatDecimal(v ?? null, i18n.language, digits);
  const d = r.data;
  if (r.error) return <ErrorMessage error={r.error} />;
  if (!d) return <Loading />;
  const q = d.report as unknown as DataQualityReport & { children: number };
  const dpsVerdict = (c: string | null) => (c ? verdict(`dps_${c}` as DqVerdict) : "—");
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>
            {t("quality.title")}
            <span className="subtitle">
              {" "}
              — {d.unit.level === "nation" ? t("region.nation") : d.unit.name}
            </span>
          </h1>
          <p className="hint">{t("quality.intro")}</p>
        </div>
        <div className="filters">
          <PeriodSelect
            periods={d.periods}
            value={d.period}
            onChange={(p) => navigate("/quality", { region, posyandu, period: p })}
          />
        </div>
      </div>
      {d.period === null || q.rows === 0 ? <p className="notice">{t("quality.noData")}</p> : null}
      {d.period && q.rows > 0 ? (
        <>
          <p data-testid="quality-summary">
            {t("quality.summary", {
              period: formatPeriod(d.period, i18n.language),
              measurements: n(q.rows),
              children: n(q.children),
            })}
          </p>

          <section aria-labelledby="q-flagged">
            <h2 id="q-flagged">{t("quality.flaggedTitle")}</h2>
            <TableScroll>
              <table data-testid="quality-flagged">
                <thead>
                  <tr>
                    <th>{t("quality.index")}</th>
                    <th className="num">{t("quality.withZ")}</th>
                    <th className="num">{t("quality.flagged")}</th>
                    <th className="num">%</th>
                    <th>{t("quality.verdict")}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.flagged.map((f) => (
                    <tr key={f.index}>
                      <td>{f.index}</td>
                      <td className="num">{n(f.withZ)}</td>
                      <td className="num">{n(f.flagged)}</td>
                      <td className="num">{dec(f.percentFlagged, 1)}</td>
                      <td>{verdict(f.verdict)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>

          <section aria-labelledby="q-dist">
            <h2 id="q-dist">{t("quality.distTitle")}</h2>
            <p className="hint">{t("quality.distHint", { source: DQ_REFERENCES.sdRangeSource })}</p>
            <TableScroll>
              <table data-testid="quality-distributions">
                <thead>
                  <tr>
                    <th>{t("quality.index")}</th>
                    <th className="num">n</th>
                    <th className="num">{t("quality.mean")}</th>
                    <th className="num">SD</th>
                    <th className="num">{t("quality.usualSd")}</th>
                    <th>{t("quality.verdict")}</th>
                    <th className="num">{t("quality.skewness")}</th>
                    <th className="num">{t("quality.kurtosis")}</th>
                    <th>{t("quality.shape")}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.distributions.map((x) => (
                    <tr key={x.index}>
                      <td>{x.index}</td>
                      <td className="num">{n(x.n)}</td>
                      <td className="num">{dec(x.mean)}</td>
                      <td className="num">{dec(x.sd)}</td>
                      <td className="num">{DQ_REFERENCES.sdRange[x.index].map((v) => dec(v)).join("–")}</td>
                      <td>{verdict(x.sdVerdict)}</td>
                      <td className="num">{dec(x.skewness)}</td>
                      <td className="num">{dec(x.kurtosis)}</td>
                      <td>
                        {verdict(x.skewVerdict)} {verdict(x.kurtosisVerdict)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>

          <section aria-labelledby="q-digits">
            <h2 id="q-digits">{t("quality.digitsTitle")}</h2>
            <div className="chart-pair">
              {(
                [
                  ["weight", q.weightDigits],
                  ["lenhei", q.lenheiDigits],
                ] as const
              ).map(([key, dp]) => (
                <div key={key}>
                  <h3>{t(`quality.digits.${key}`)}</h3>
                  <EChart
                    testId={`chart-digits-${key}`}
                    label={t(`quality.digits.${key}`)}
                    height={220}
                    option={histogramOption(DIGITS, dp.percents, {
                      series: "%",
                      expected: { value: 10, name: "10 %" },
                    })}
                  />
                  <p>
                    {t("quality.dps", { dps: dec(dp.dps), n: n(dp.n) })} {dpsVerdict(dp.dpsClass)}
                  </p>
                </div>
              ))}
            </div>
          </section>

          <section aria-labelledby="q-age">
            <h2 id="q-age">{t("quality.ageTitle")}</h2>
            <p className="hint">{t("quality.ageHint")}</p>
            <EChart
              testId="chart-age"
              label={t("quality.ageTitle")}
              height={240}
              option={histogramOption(AGE_MONTHS, q.ageHeaping.byMonthOfAge.all, { series: "n" })}
            />
            <p data-testid="quality-sex">
              {t("quality.sexRatio", {
                boys: n(q.sexRatio.boys),
                girls: n(q.sexRatio.girls),
                ratio: dec(q.sexRatio.boysPerGirl),
              })}
            </p>
          </section>

          <section aria-labelledby="q-complete">
            <h2 id="q-complete">{t("quality.completeTitle")}</h2>
            <TableScroll>
              <table data-testid="quality-completeness">
                <thead>
                  <tr>
                    <th>{t("quality.field")}</th>
                    <th className="num">{t("quality.rows")}</th>
                    <th className="num">{t("quality.missing")}</th>
                    <th className="num">%</th>
                  </tr>
                </thead>
                <tbody>
                  {q.completeness.map((c) => (
                    <tr key={c.field}>
                      <td>{t(`quality.fields.${c.field}`)}</td>
                      <td className="num">{n(c.total)}</td>
                      <td className="num">{n(c.missing)}</td>
                      <td className="num">{dec(c.percentMissing, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p>
              {t("quality.duplicates", {
                groups: n(d.likelyDuplicates.groups),
                extra: n(d.likelyDuplicates.extraChildren),
              })}
            </p>
          </section>

          <section aria-labelledby="q-position">
            <h2 id="q-position">{t("quality.positionTitle")}</h2>
            <p className="hint">{t("quality.positionHint")}</p>
            <TableScroll>
              <table>
                <thead>
                  <tr>
                    <th>{t("quality.ageBand")}</th>
                    <th className="num">n</th>
                    <th className="num">{t("quality.lying")}</th>
                    <th className="num">{t("quality.standing")}</th>
                    <th className="num">{t("quality.mismatch")}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.positionByAge.map((b, i) => (
                    <tr key={b.band}>
                      <td>{t("posyandu.monthsRange", { range: POSITION_BANDS[i]?.label ?? b.band })}</td>
                      <td className="num">{n(b.n)}</td>
                      <td className="num">{n(b.lying)}</td>
                      <td className="num">{n(b.standing)}</td>
                      <td className="num">
                        {n(b.mismatch)} ({dec(b.percentMismatch, 1)} %)
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>

          {d.units.length > 0 ? (
            <section aria-labelledby="q-units">
              <h2 id="q-units">{t("quality.unitsTitle")}</h2>
              <div className="table-wrap">
                <table data-testid="quality-units">
                  <thead>
                    <tr>
                      <th>{t("table.region")}</th>
                      <th className="num">{t("quality.rows")}</th>
                      <th className="num">HAZ SD</th>
                      <th className="num">WHZ SD</th>
                      <th className="num">{t("quality.hazFlagged")}</th>
                      <th className="num">{t("quality.weightDps")}</th>
                      <th className="num">{t("quality.missingNik")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.units.map((u) => (
                      <tr key={u.code}>
                        <td>
                          <a
                            href={
                              u.level === "posyandu"
                                ? href("/quality", { posyandu: u.code, period: d.period })
                                : href("/quality", { region: u.code, period: d.period })
                            }
                          >
                            {u.name}
                          </a>
                        </td>
                        <td className="num">{n(u.measurements)}</td>
                        <td className="num">{dec(u.haz_sd)}</td>
                        <td className="num">{dec(u.whz_sd)}</td>
                        <td className="num">{dec(u.haz_flagged_pct, 1)}</td>
                        <td className="num">{dec(u.weight_dps)}</td>
                        <td className="num">{dec(u.missing_nik_pct, 1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ExportButtons
                title={`${t("quality.title")} ${d.unit.name} ${d.period}`}
                table={() => ({
                  headers: [
                    "region_code",
                    "region_name",
                    "measurements",
                    "haz_n",
                    "haz_sd",
                    "whz_n",
                    "whz_sd",
                    "haz_flagged_pct",
                    "weight_dps",
                    "missing_nik_pct",
                  ],
                  rows: d.units.map((u) => [
                    u.code,
                    u.name,
                    u.measurements,
                    u.haz_n,
                    u.haz_sd,
                    u.whz_n,
                    u.whz_sd,
                    u.haz_flagged_pct,
                    u.weight_dps,
                    u.missing_nik_pct,
                  ]),
                })}
              />
            </section>
          ) : null}
          <p className="hint">{t("quality.signalNote")}</p>
        </>
      ) : null}
    </div>
  );
}
