import type { F2GiziResponse } from "@tumbuh/core/api";
import { useTranslation } from "react-i18next";
import { api, apiUrl } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { PeriodSelect } from "../../components/PeriodSelect.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatCount, formatDecimal, formatPeriod } from "../../lib/format.ts";
import { navigate } from "../../routing/router.ts";

/**
 * The F II Gizi monthly posyandu report of a district or a region within one: each posyandu's SKDN
 * and nutrition status, subtotals per puskesmas (or kecamatan for posyandu without one) and the
 * total, with CSV, XLSX and PDF downloads made by the server.
 */
export function F2GiziPage({ region, period }: { region: string | null; period: string | null }) {
  const { t, i18n } = useTranslation();
  const res = useApi(`f2gizi:${region ?? ""}:${period ?? ""}`, () =>
    api.get<F2GiziResponse>("/api/f2gizi", { region: region ?? undefined, period: period ?? undefined }),
  );
  if (res.error) return <ErrorMessage error={res.error} />;
  const d = res.data;
  if (!d) return <Loading />;
  const cell = (h: string, v: string | number | null) =>
    v === null
      ? "—"
      : typeof v === "number"
        ? h.includes("%")
          ? formatDecimal(v, i18n.language, 1)
          : formatCount(v, i18n.language)
        : v;
  const file = (format: string) =>
    apiUrl("/api/f2gizi", { region: d.unit.code, period: d.period ?? undefined, format });
  return (
    <div className="page" data-testid="f2gizi-page">
      <div className="page-head">
        <div>
          <h1>
            {t("posyandu.f2gizi.pageTitle")}
            <span className="subtitle"> — {d.unit.name}</span>
          </h1>
          <p className="hint">{t("posyandu.f2gizi.intro")}</p>
          {d.withoutPuskesmas > 0 ? (
            <p className="notice">{t("posyandu.f2gizi.withoutPuskesmas", { n: d.withoutPuskesmas })}</p>
          ) : null}
        </div>
        <div className="filters">
          <PeriodSelect
            periods={d.periods}
            value={d.period}
            onChange={(p) => navigate("/f2gizi", { region, period: p })}
          />
        </div>
      </div>
      {d.period === null ? <p className="notice">{t("posyandu.f2gizi.noData")}</p> : null}
      {d.period ? (
        <>
          <h2>{formatPeriod(d.period, i18n.language)}</h2>
          <div className="table-wrap">
            <table data-testid="f2gizi-table">
              <thead>
                <tr>
                  {d.headers.map((h, i) => (
                    <th key={h} className={i >= 3 ? "num" : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.rows.map((row, r) => (
                  <tr
                    key={row.slice(0, 3).map(String).join("|")}
                    className={d.rowKinds[r] === "posyandu" ? undefined : "total"}
                  >
                    {row.map((v, i) => (
                      <td key={d.headers[i]} className={i >= 3 ? "num" : undefined}>
                        {d.rowKinds[r] === "posyandu" ? (
                          cell(d.headers[i], v)
                        ) : (
                          <strong>{cell(d.headers[i], v)}</strong>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="export-buttons">
            <a className="button secondary" href={file("csv")} download data-testid="f2gizi-csv">
              CSV
            </a>{" "}
            <a className="button secondary" href={file("xlsx")} download>
              XLSX
            </a>{" "}
            <a className="button" href={file("pdf")} download data-testid="f2gizi-pdf">
              {t("posyandu.f2gizi.pdf")}
            </a>
          </p>
          <p className="hint">
            {t("skdn.kbmNote", { label: d.kbm?.label ?? "—" })} {t("skdn.definitions")}
          </p>
        </>
      ) : null}
    </div>
  );
}
