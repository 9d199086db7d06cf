/**
 * Rencana kegiatan (aksi 2–5): the cycle's activities per agency with codes, villages (desa lokus
 * marked), pagu by source and realisation; the budget tagging summaries (per agency, pillar,
 * source, indicator and village, and the share in desa lokus); adding an activity, and the XLSX
 * export and import (checked first, then saved all or nothing).
 */
import type { LokusDecision, PlanImportResponse, PlanResponse } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { formatCount, formatPercent } from "../../lib/format.ts";
import { messageText } from "../../lib/messages.ts";
import { PlanCyclePicker, usePlanCycle } from "./PlanCyclePicker.tsx";

const PATH = "/aksi/rencana";
const SOURCES = ["apbd", "dak", "dana_desa", "lainnya"] as const;

const rupiah = (n: number, lang: string) => `Rp ${formatCount(n, lang)}`;
const parseAmount = (s: string) => Number(s.replace(/[^\d]/g, "")) || 0;

interface FormState {
  opd: string;
  programCode: string;
  programName: string;
  kegiatanCode: string;
  kegiatanName: string;
  subKegiatanCode: string;
  subKegiatanName: string;
  name: string;
  intervention: "spesifik" | "sensitif" | "koordinatif";
  indicatorCode: string;
  pillar: string;
  lokus: string[];
  otherVillages: string;
  volume: string;
  unit: string;
  source: (typeof SOURCES)[number];
  pagu: string;
  startMonth: string;
  endMonth: string;
}

const EMPTY: FormState = {
  opd: "",
  programCode: "",
  programName: "",
  kegiatanCode: "",
  kegiatanName: "",
  subKegiatanCode: "",
  subKegiatanName: "",
  name: "",
  intervention: "spesifik",
  indicatorCode: "",
  pillar: "3",
  lokus: [],
  otherVillages: "",
  volume: "",
  unit: "",
  source: "apbd",
  pagu: "",
  startMonth: "1",
  endMonth: "12",
};

function ActivityForm({
  cycleId,
  lokus,
  onSaved,
}: {
  cycleId: string;
  lokus: LokusDecision | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState<FormState>(EMPTY);
  const [error, setError] = useState<Error | null>(null);
  const set = (k: keyof FormState) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const text = (k: keyof FormState, label: string) => (
    <div className="field inline">
      <label htmlFor={`act-${k}`}>{label}</label>
      <input id={`act-${k}`} value={f[k] as string} onChange={set(k)} />
    </div>
  );
  const save = async () => {
    setError(null);
    const others = f.otherVillages
      .split(/[;,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      await api.post(`/api/aksi/cycles/${cycleId}/activities`, {
        opd: f.opd,
        programCode: f.programCode,
        programName: f.programName,
        kegiatanCode: f.kegiatanCode,
        kegiatanName: f.kegiatanName,
        subKegiatanCode: f.subKegiatanCode,
        subKegiatanName: f.subKegiatanName,
        name: f.name,
        intervention: f.intervention,
        indicatorCode: f.indicatorCode.trim().toUpperCase() || null,
        pillar: Number(f.pillar),
        villages: [...new Set([...f.lokus, ...others])].map((code) => ({ code })),
        volume: f.volume ? Number(f.volume.replace(",", ".")) : null,
        unit: f.unit,
        pagu: { [f.source]: parseAmount(f.pagu) },
        realisasi: {},
        volumeDone: null,
        startMonth: Number(f.startMonth),
        endMonth: Number(f.endMonth),
      });
      setF(EMPTY);
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section className="card">
      <h2>{t("aksi.plan.addActivity")}</h2>
      <div className="filters">
        {text("opd", t("aksi.plan.agency"))}
        {text("programCode", t("aksi.plan.programCode"))}
        {text("programName", t("aksi.plan.program"))}
        {text("kegiatanCode", t("aksi.plan.kegiatanCode"))}
        {text("kegiatanName", t("aksi.plan.kegiatan"))}
        {text("subKegiatanCode", t("aksi.plan.subKegiatanCode"))}
        {text("subKegiatanName", t("aksi.plan.subKegiatan"))}
        {text("name", t("aksi.plan.activityName"))}
        <div className="field inline">
          <label htmlFor="act-intervention">{t("aksi.plan.intervention")}</label>
          <select id="act-intervention" value={f.intervention} onChange={set("intervention")}>
            {(["spesifik", "sensitif", "koordinatif"] as const).map((i) => (
              <option key={i} value={i}>
                {t(`aksi.plan.interventions.${i}`)}
              </option>
            ))}
          </select>
        </div>
        {text("indicatorCode", t("aksi.plan.indicatorCode"))}
        <div className="field inline">
          <label htmlFor="act-pillar">{t("aksi.plan.pillar")}</label>
          <select id="act-pillar" value={f.pillar} onChange={set("pillar")}>
            {[1, 2, 3, 4, 5].map((p) => (
              <option key={p} value={String(p)}>
                {p}
              </option>
            ))}
          </select>
        </div>
        {text("volume", t("aksi.plan.volume"))}
        {text("unit", t("aksi.plan.unit"))}
        <div className="field inline">
          <label htmlFor="act-source">{t("aksi.plan.fundingSource")}</label>
          <select id="act-source" value={f.source} onChange={set("source")}>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`aksi.plan.sources.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="act-pagu">{t("aksi.plan.pagu")}</label>
          <input id="act-pagu" inputMode="numeric" value={f.pagu} onChange={set("pagu")} />
        </div>
        {text("startMonth", t("aksi.plan.startMonth"))}
        {text("endMonth", t("aksi.plan.endMonth"))}
      </div>
      {lokus && lokus.villages.length > 0 ? (
        <fieldset>
          <legend>{t("aksi.plan.lokusVillages")}</legend>
          {lokus.villages.map((v) => (
            <label key={v.code} className="checkbox-field">
              <input
                type="checkbox"
                checked={f.lokus.includes(v.code)}
                onChange={(e) =>
                  setF({
                    ...f,
                    lokus: e.target.checked ? [...f.lokus, v.code] : f.lokus.filter((c) => c !== v.code),
                  })
                }
              />{" "}
              {v.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {text("otherVillages", t("aksi.plan.otherVillages"))}
      <button type="button" onClick={() => void save()}>
        {t("aksi.plan.saveActivity")}
      </button>
      <ErrorMessage error={error} />
    </section>
  );
}

function SummaryTable({
  title,
  rows,
  label,
  testId,
}: {
  title: string;
  rows: PlanResponse["summary"]["byOpd"];
  label: (key: string | number | null) => string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card">
      <h2>{title}</h2>
      <TableScroll label={title}>
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {t("aksi.plan.activities")}
              </th>
              <th scope="col" className="num">
                {t("aksi.plan.pagu")}
              </th>
              <th scope="col" className="num">
                {t("aksi.plan.realisasi")}
              </th>
              <th scope="col" className="num">
                %
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.key)}>
                <th scope="row">{label(r.key)}</th>
                <td className="num">{r.activities}</td>
                <td className="num">{rupiah(r.pagu, i18n.language)}</td>
                <td className="num">{rupiah(r.realisasi, i18n.language)}</td>
                <td className="num">{formatPercent(r.realisasiPct, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function ImportBox({ cycleId, onSaved }: { cycleId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PlanImportResponse | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    const form = new FormData();
    form.append("dryRun", String(dryRun));
    form.append("file", file);
    try {
      const r = await api.upload<PlanImportResponse>(`/api/aksi/cycles/${cycleId}/activities/import`, form);
      setResult(r);
      if (!dryRun) onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section className="card">
      <h2>{t("aksi.plan.importTitle")}</h2>
      <p className="hint">{t("aksi.plan.importHint")}</p>
      <div className="filters">
        <input
          type="file"
          aria-label={t("aksi.plan.importFile")}
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setResult(null);
          }}
        />
        <button type="button" disabled={!file} onClick={() => void send(true)}>
          {t("aksi.plan.check")}
        </button>
        <button
          type="button"
          disabled={!file || !result?.dryRun || result.errors.length > 0}
          onClick={() => void send(false)}
        >
          {t("aksi.plan.importNow")}
        </button>
      </div>
      {result ? (
        <p className={result.errors.length ? "error" : "success"}>
          {result.dryRun
            ? t("aksi.plan.checked", {
                rows: result.rowsRead,
                ok: result.activities,
                errors: result.errors.length,
              })
            : t("aksi.plan.imported", { n: result.saved })}
        </p>
      ) : null}
      {result && result.errors.length > 0 ? (
        <ul>
          {result.errors.slice(0, 50).map((e) => (
            <li key={`${e.rowNo}:${e.field}:${e.message}`}>
              {t("aksi.plan.rowError", { row: e.rowNo, field: e.field })}:{" "}
              {messageText(e.userMessage, e.message, t)}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}

/** The plan page of the chosen cycle. */
export function RencanaPage({ cycleId }: { cycleId: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { cycles, chosen, loaded, error } = usePlanCycle(cycleId);
  const plan = useApi(chosen ? `plan:${chosen.id}` : null, () =>
    api.get<PlanResponse>(`/api/aksi/cycles/${chosen?.id}/activities`),
  );
  const lokus = useApi(chosen ? `lokus:${chosen.id}` : null, () =>
    api.get<{ decision: LokusDecision | null }>(`/api/aksi/cycles/${chosen?.id}/lokus`),
  );
  const p = plan.data;
  const lokusSet = new Set(p?.desaLokus ?? []);
  const villageName = new Map((p?.summary.byVillage ?? []).map((v) => [v.key, v.name]));
  const remove = async (id: string) => {
    await api.delete(`/api/aksi/activities/${id}`);
    plan.reload();
  };
  return (
    <div className="page">
      <h1>{t("aksi.plan.rencanaTitle")}</h1>
      <ErrorMessage error={error} />
      {loaded && cycles.length === 0 ? <p className="notice">{t("aksi.plan.noCycle")}</p> : null}
      {chosen ? <PlanCyclePicker path={PATH} cycles={cycles} chosen={chosen} /> : null}
      <ErrorMessage error={plan.error} />
      {plan.loading ? <Loading /> : null}
      {p ? (
        <>
          <div className="stat-grid" data-testid="budget-summary">
            <div className="stat-card">
              <span className="stat-label">{t("aksi.plan.totalPagu")}</span>
              <span className="stat-value">{rupiah(p.summary.total.pagu, lang)}</span>
              <span className="stat-detail">
                {t("aksi.plan.activityCount", { n: p.summary.total.activities })}
              </span>
            </div>
            <div className="stat-card">
              <span className="stat-label">{t("aksi.plan.realisasi")}</span>
              <span className="stat-value">{rupiah(p.summary.total.realisasi, lang)}</span>
              <span className="stat-detail">{formatPercent(p.summary.total.realisasiPct, lang)}</span>
            </div>
            <div className="stat-card">
              <span className="stat-label">{t("aksi.plan.lokusShare")}</span>
              <span className="stat-value" data-testid="lokus-share">
                {formatPercent(p.summary.lokusPagu.pctOfLocated, lang)}
              </span>
              <span className="stat-detail">
                {t("aksi.plan.lokusShareDetail", {
                  lokus: rupiah(p.summary.lokusPagu.lokus, lang),
                  total: formatPercent(p.summary.lokusPagu.pctOfTotal, lang),
                })}
              </span>
            </div>
          </div>
          <p>
            <a className="button" href={`/api/aksi/cycles/${p.cycleId}/activities.xlsx`}>
              {t("aksi.plan.export")}
            </a>
          </p>
          <section className="card">
            <h2>{t("aksi.plan.activities")}</h2>
            <TableScroll label={t("aksi.plan.activities")}>
              <table data-testid="plan-activities">
                <thead>
                  <tr>
                    <th scope="col">{t("aksi.plan.activityName")}</th>
                    <th scope="col">{t("aksi.plan.agency")}</th>
                    <th scope="col">{t("aksi.plan.subKegiatanCode")}</th>
                    <th scope="col">{t("aksi.plan.pillar")}</th>
                    <th scope="col">{t("aksi.plan.indicatorCode")}</th>
                    <th scope="col">{t("aksi.plan.villages")}</th>
                    <th scope="col" className="num">
                      {t("aksi.plan.pagu")}
                    </th>
                    <th scope="col" className="num">
                      {t("aksi.plan.realisasi")}
                    </th>
                    {p.canEdit ? <th scope="col" /> : null}
                  </tr>
                </thead>
                <tbody>
                  {p.activities.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.activity.name}</th>
                      <td>{a.activity.opd}</td>
                      <td>{a.activity.subKegiatanCode}</td>
                      <td>{a.activity.pillar}</td>
                      <td>{a.activity.indicatorCode ?? "–"}</td>
                      <td>
                        {a.activity.villages.length === 0
                          ? t("aksi.plan.districtWide")
                          : a.activity.villages
                              .map(
                                (v) =>
                                  `${villageName.get(v.code) ?? v.code}${lokusSet.has(v.code) ? " ★" : ""}`,
                              )
                              .join(", ")}
                      </td>
                      <td className="num">{rupiah(a.paguTotal, lang)}</td>
                      <td className="num">{rupiah(a.realisasiTotal, lang)}</td>
                      {p.canEdit ? (
                        <td>
                          <button type="button" onClick={() => void remove(a.id)}>
                            {t("aksi.plan.remove")}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="hint">{t("aksi.plan.lokusStar")}</p>
          </section>
          {p.canEdit ? (
            <ActivityForm cycleId={p.cycleId} lokus={lokus.data?.decision ?? null} onSaved={plan.reload} />
          ) : null}
          <SummaryTable
            title={t("aksi.plan.byOpd")}
            rows={p.summary.byOpd}
            label={(k) => String(k)}
            testId="budget-by-opd"
          />
          <SummaryTable
            title={t("aksi.plan.byPillar")}
            rows={p.summary.byPillar}
            label={(k) => t("aksi.plan.pillarN", { n: k })}
          />
          <SummaryTable
            title={t("aksi.plan.bySource")}
            rows={p.summary.bySource}
            label={(k) => t(`aksi.plan.sources.${k}`)}
          />
          <SummaryTable
            title={t("aksi.plan.byIndicator")}
            rows={p.summary.byIndicator}
            label={(k) => (k === null ? t("aksi.plan.noIndicator") : String(k))}
          />
          <SummaryTable
            title={t("aksi.plan.byVillage")}
            rows={p.summary.byVillage}
            label={(k) =>
              k === null
                ? t("aksi.plan.districtWide")
                : `${villageName.get(k as string) ?? k}${lokusSet.has(k as string) ? " ★" : ""}`
            }
          />
          {p.canEdit ? <ImportBox cycleId={p.cycleId} onSaved={plan.reload} /> : null}
        </>
      ) : null}
    </div>
  );
}
