/**
 * Analisis situasi (aksi 1) of a district for a year: per village the children measured, stunted
 * and severely stunted, the measurement coverage, families and keluarga berisiko stunting, and one
 * indicator's coverage with its target and gap; the indicators with the target that applies, and
 * (for the district) forms to set its own target and enter a village's value.
 */
import type { AnsitResponse, IndicatorWithTarget } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { formatCount, formatPercent } from "../../lib/format.ts";
import { PlanCyclePicker, usePlanCycle } from "./PlanCyclePicker.tsx";

const PATH = "/aksi/analisis-situasi";

function TargetForm({
  district,
  year,
  indicators,
  onSaved,
}: {
  district: string;
  year: number;
  indicators: IndicatorWithTarget[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(indicators[0]?.code ?? "");
  const [value, setValue] = useState("");
  const [source, setSource] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const save = async () => {
    setError(null);
    try {
      await api.put(`/api/aksi/indicators/${encodeURIComponent(code)}/target`, {
        districtCode: district,
        year,
        value: Number(value.replace(",", ".")),
        source,
      });
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="filters">
      <div className="field inline">
        <label htmlFor="target-indicator">{t("aksi.plan.indicator")}</label>
        <select id="target-indicator" value={code} onChange={(e) => setCode(e.target.value)}>
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.code} — {i.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="target-value">{t("aksi.plan.target")}</label>
        <input
          id="target-value"
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="field inline">
        <label htmlFor="target-source">{t("aksi.plan.source")}</label>
        <input id="target-source" value={source} onChange={(e) => setSource(e.target.value)} />
      </div>
      <button type="button" onClick={() => void save()}>
        {t("aksi.plan.saveTarget")}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

function ValueForm({ data, onSaved }: { data: AnsitResponse; onSaved: () => void }) {
  const { t } = useTranslation();
  const [village, setVillage] = useState(data.villages[0]?.code ?? "");
  const [code, setCode] = useState(data.indicators[0]?.code ?? "");
  const [value, setValue] = useState("");
  const [source, setSource] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const save = async () => {
    setError(null);
    try {
      await api.post("/api/aksi/indicator-values", {
        districtCode: data.districtCode,
        year: data.year,
        values: [
          { regionCode: village, indicatorCode: code, value: Number(value.replace(",", ".")), source },
        ],
      });
      setValue("");
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="filters">
      <div className="field inline">
        <label htmlFor="value-village">{t("aksi.plan.village")}</label>
        <select id="value-village" value={village} onChange={(e) => setVillage(e.target.value)}>
          {data.villages.map((v) => (
            <option key={v.code} value={v.code}>
              {v.name} ({v.subdistrict})
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="value-indicator">{t("aksi.plan.indicator")}</label>
        <select id="value-indicator" value={code} onChange={(e) => setCode(e.target.value)}>
          {data.indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.code} — {i.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="value-value">{t("aksi.plan.value")}</label>
        <input
          id="value-value"
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="field inline">
        <label htmlFor="value-source">{t("aksi.plan.source")}</label>
        <input id="value-source" value={source} onChange={(e) => setSource(e.target.value)} />
      </div>
      <button type="button" onClick={() => void save()}>
        {t("aksi.plan.saveValue")}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

/** The analisis situasi page of the chosen cycle. */
export function AnalisisSituasiPage({ cycleId, year }: { cycleId: string | null; year: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { cycles, chosen, loaded, error } = usePlanCycle(cycleId);
  const y = Number(year) || chosen?.year || null;
  const data = useApi(chosen && y ? `ansit:${chosen.id}:${y}` : null, () =>
    api.get<AnsitResponse>(`/api/aksi/cycles/${chosen?.id}/analisis`, { year: String(y) }),
  );
  const [shown, setShown] = useState("SPE7");
  const d = data.data;
  const ind = d?.indicators.find((i) => i.code === shown) ?? null;
  return (
    <div className="page">
      <h1>{t("aksi.plan.ansitTitle")}</h1>
      <ErrorMessage error={error} />
      {loaded && cycles.length === 0 ? <p className="notice">{t("aksi.plan.noCycle")}</p> : null}
      {chosen ? <PlanCyclePicker path={PATH} cycles={cycles} chosen={chosen} /> : null}
      <ErrorMessage error={data.error} />
      {data.loading ? <Loading /> : null}
      {d ? (
        <>
          <p className="hint">
            {t("aksi.plan.ansitHint", { district: d.districtName, year: d.year })}
            {d.familySemester ? ` ${t("aksi.plan.familySemester", { semester: d.familySemester })}` : ""}
          </p>
          <div className="stat-grid" data-testid="ansit-totals">
            <div className="stat-card">
              <span className="stat-label">{t("aksi.plan.measured")}</span>
              <span className="stat-value">{formatCount(d.totals.measured, lang)}</span>
            </div>
            <div className="stat-card">
              <span className="stat-label">{t("aksi.plan.stunted")}</span>
              <span className="stat-value">{formatCount(d.totals.stunted, lang)}</span>
              <span className="stat-detail">{formatPercent(d.totals.stuntingRate, lang)}</span>
            </div>
            <div className="stat-card">
              <span className="stat-label">{t("aksi.plan.severelyStunted")}</span>
              <span className="stat-value">{formatCount(d.totals.severelyStunted, lang)}</span>
            </div>
            <div className="stat-card">
              <span className="stat-label">{t("aksi.plan.atRisk")}</span>
              <span className="stat-value">{formatCount(d.totals.atRiskFamilies, lang)}</span>
              <span className="stat-detail">
                {t("aksi.plan.ofFamilies", { n: formatCount(d.totals.families, lang) })}
              </span>
            </div>
          </div>
          <section className="card">
            <div className="filters">
              <div className="field inline">
                <label htmlFor="ansit-indicator">{t("aksi.plan.showIndicator")}</label>
                <select id="ansit-indicator" value={shown} onChange={(e) => setShown(e.target.value)}>
                  {d.indicators.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.code} — {i.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {ind ? (
              <p className="hint">
                {ind.target
                  ? t("aksi.plan.targetIs", {
                      value: ind.target.value,
                      origin: t(`aksi.plan.origins.${ind.target.origin}`),
                      source: ind.target.source,
                    })
                  : t("aksi.plan.noTarget")}
                {ind.computed ? ` ${t("aksi.plan.computedBy", { how: ind.computed })}` : ""}
              </p>
            ) : null}
            <TableScroll label={t("aksi.plan.ansitTitle")}>
              <table data-testid="ansit-table">
                <thead>
                  <tr>
                    <th scope="col">{t("aksi.plan.village")}</th>
                    <th scope="col">{t("aksi.plan.subdistrict")}</th>
                    <th scope="col" className="num">
                      {t("aksi.plan.measured")}
                    </th>
                    <th scope="col" className="num">
                      {t("aksi.plan.stunted")}
                    </th>
                    <th scope="col" className="num">
                      {t("aksi.plan.severelyStunted")}
                    </th>
                    <th scope="col" className="num">
                      {t("aksi.plan.rate")}
                    </th>
                    <th scope="col" className="num">
                      {t("aksi.plan.coverage")}
                    </th>
                    <th scope="col" className="num">
                      {t("aksi.plan.families")}
                    </th>
                    <th scope="col" className="num">
                      {t("aksi.plan.atRisk")}
                    </th>
                    <th scope="col" className="num">
                      {shown}
                    </th>
                    <th scope="col" className="num">
                      {t("aksi.plan.gap")}
                    </th>
                    <th scope="col">{t("aksi.plan.source")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.villages.map((v) => {
                    const cell = v.indicators.find((c) => c.indicatorCode === shown);
                    return (
                      <tr key={v.code}>
                        <th scope="row">
                          {v.name}
                          {v.lokus ? <span className="chip"> {t("aksi.plan.lokusChip")}</span> : null}
                        </th>
                        <td>{v.subdistrict}</td>
                        <td className="num">{formatCount(v.measured, lang)}</td>
                        <td className="num">{formatCount(v.stunted, lang)}</td>
                        <td className="num">{formatCount(v.severelyStunted, lang)}</td>
                        <td className="num">{formatPercent(v.stuntingRate, lang)}</td>
                        <td className="num">{formatPercent(v.measurementCoverage, lang)}</td>
                        <td className="num">{formatCount(v.families, lang)}</td>
                        <td className="num">{formatCount(v.atRiskFamilies, lang)}</td>
                        <td className="num">{formatPercent(cell?.value ?? null, lang)}</td>
                        <td className="num">{cell?.gap === null || !cell ? "–" : cell.gap.toFixed(1)}</td>
                        <td>
                          {cell?.source ? `${cell.source} (${t(`aksi.plan.entries.${cell.entry}`)})` : ""}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </section>
          {d.canEdit ? (
            <section className="card">
              <h2>{t("aksi.plan.enterValue")}</h2>
              <ValueForm data={d} onSaved={data.reload} />
              <h2>{t("aksi.plan.ownTarget")}</h2>
              <TargetForm
                district={d.districtCode}
                year={d.year}
                indicators={d.indicators}
                onSaved={data.reload}
              />
            </section>
          ) : null}
          <section className="card">
            <h2>{t("aksi.plan.indicators")}</h2>
            <TableScroll label={t("aksi.plan.indicators")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("aksi.plan.code")}</th>
                    <th scope="col">{t("aksi.plan.indicator")}</th>
                    <th scope="col">{t("aksi.plan.intervention")}</th>
                    <th scope="col">{t("aksi.plan.agency")}</th>
                    <th scope="col" className="num">
                      {t("aksi.plan.target")}
                    </th>
                    <th scope="col">{t("aksi.plan.source")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.indicators.map((i) => (
                    <tr key={i.code}>
                      <th scope="row">{i.code}</th>
                      <td>{i.name}</td>
                      <td>{i.intervention}</td>
                      <td>{i.responsibleAgency}</td>
                      <td className="num">{i.target ? i.target.value : "–"}</td>
                      <td>
                        {i.target ? `${i.target.source} (${t(`aksi.plan.origins.${i.target.origin}`)})` : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        </>
      ) : null}
    </div>
  );
}
