import type { CoverageRow, TpkCoverageResponse } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatPercent } from "../../lib/format.ts";
import { localToday } from "../../lib/today.ts";

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function nextMonth(date: string): string {
  const [y, m] = date.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

function CoverageTable({
  title,
  rows,
  label,
}: {
  title: string;
  rows: CoverageRow[];
  label: (r: CoverageRow) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card">
      <h2>{title}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {t("tpk.targetsCount")}
              </th>
              <th scope="col" className="num">
                {t("tpk.assisted")}
              </th>
              <th scope="col" className="num">
                {t("tpk.coverage")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{label(r)}</th>
                <td className="num">{r.targets}</td>
                <td className="num">{r.assisted}</td>
                <td className="num">{formatPercent(r.coveragePct, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** TPK coverage of the user's area: targets visited at least once in the period ÷ targets (aggregate). */
export function CoveragePage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const today = localToday();
  const [from, setFrom] = useState(monthStart(today));
  const [to, setTo] = useState(nextMonth(today));
  const region = me?.user.regionCode ?? "";
  const data = useApi(region && from < to ? `tpk-coverage:${region}:${from}:${to}` : null, () =>
    api.get<TpkCoverageResponse>("/api/tpk/coverage", { region, from, to }),
  );
  const c = data.data;
  return (
    <div className="page">
      <h1>{t("tpk.coverageTitle")}</h1>
      <div className="card filters">
        <div className="field inline">
          <label htmlFor="cov-from">{t("tpk.from")}</label>
          <input id="cov-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field inline">
          <label htmlFor="cov-to">{t("tpk.to")}</label>
          <input id="cov-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <ErrorMessage error={data.error} />
      {data.loading ? <Loading /> : null}
      {c ? (
        <>
          <p className="hint">{t("tpk.coverageHint", { from: c.from, to: c.to })}</p>
          <div className="stat-grid">
            <div className="stat-card" data-testid="tpk-coverage-total">
              <span className="stat-label">{t("tpk.coverage")}</span>
              <span className="stat-value">{formatPercent(c.total.coveragePct, i18n.language)}</span>
              <span className="stat-detail">
                {c.total.assisted} / {c.total.targets}
              </span>
            </div>
          </div>
          <CoverageTable title={t("tpk.byVillage")} rows={c.byVillage} label={(r) => r.name ?? r.key} />
          <CoverageTable title={t("tpk.byTeam")} rows={c.byTeam} label={(r) => r.name ?? t("tpk.noTeam")} />
          <CoverageTable title={t("tpk.byKind")} rows={c.byKind} label={(r) => t(`tpk.kinds.${r.key}`)} />
        </>
      ) : null}
    </div>
  );
}
