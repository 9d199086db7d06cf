/**
 * `#/penilaian/:id/hasil`: the province's (draft or published) scores per component, totals,
 * ranking within the province and awards, with what is missing, the XLSX export and the print.
 */
import type { AssessmentView } from "@tumbuh/core/api";
import type { PenilaianResult } from "@tumbuh/core/programme";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { href } from "../../routing/router.ts";
import { score } from "./shared.ts";

/** The ranking table: rank, score per component, total and awards of each district. */
function RankingTable({
  districts,
  components,
  lang,
}: {
  districts: PenilaianResult["districts"];
  components: { code: string; name: string }[];
  lang: string;
}) {
  const { t } = useTranslation();
  return (
    <TableScroll>
      <table data-testid="pk-ranking">
        <thead>
          <tr>
            <th>{t("penilaian.district")}</th>
            <th>{t("penilaian.rank")}</th>
            {components.map((c) => (
              <th key={c.code}>{c.name}</th>
            ))}
            <th>{t("penilaian.total")}</th>
            <th>{t("penilaian.awards")}</th>
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => (
            <tr key={d.code} data-district={d.code}>
              <th scope="row">{d.name ?? d.code}</th>
              <td className="num">{d.rank ?? t("penilaian.unranked")}</td>
              {components.map((c) => (
                <td key={c.code} className="num">
                  {score(d.components.find((x) => x.code === c.code)?.score, lang)}
                </td>
              ))}
              <td className="num">
                <strong>{score(d.total, lang)}</strong>
              </td>
              <td>{d.awards.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The results page of the province. */
export function ResultsPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const view = useApi(`pk:${id}`, () => api.get<AssessmentView>(`/api/penilaian/${id}`));
  const result = useApi(`pk-result:${id}`, () => api.get<PenilaianResult>(`/api/penilaian/${id}/result`));
  const v = view.data;
  const r = result.data;
  if (!v || !r)
    return view.error || result.error ? <ErrorMessage error={view.error ?? result.error} /> : <Loading />;
  const missing = r.flags.filter((f) => f.kind === "missing").length;
  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {t("penilaian.resultTitle")} · {v.provinceName} {v.year}
        </h1>
        <a className="button secondary" href={href(`/penilaian/${id}`)}>
          {t("penilaian.back")}
        </a>
      </div>
      <p>
        <span className={`chip ${v.status === "draft" ? "bad" : ""}`}>
          {t(`penilaian.status.${v.status}`)}
        </span>
        {v.decreeNumber ? ` · ${t("penilaian.decree")}: ${v.decreeNumber}` : ""}
      </p>
      <RankingTable
        districts={r.districts}
        components={v.instrument.components.map((c) => ({ code: c.code, name: c.name }))}
        lang={i18n.language}
      />
      <p className="hint">{t("penilaian.rules")}</p>
      {missing > 0 ? <p className="notice">{t("penilaian.missingGrades", { count: missing })}</p> : null}
      <div className="button-row">
        <a className="button secondary" href={`/api/penilaian/${id}/export.xlsx`} download>
          {t("penilaian.exportXlsx")}
        </a>
        <a
          className="button secondary"
          href={`/api/penilaian/${id}/print.pdf?lang=${i18n.language === "en" ? "en" : "id"}`}
          target="_blank"
          rel="noreferrer"
        >
          {t("penilaian.printPdf")}
        </a>
      </div>
    </div>
  );
}
