import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../api/types.ts";
import { ExportButtons } from "../../components/ExportButtons.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { formatCount, formatDate } from "../../lib/format.ts";

/** The figures of an import (dry run or final) and every rejected row with its reason. */
export function ImportReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const facts: [string, number][] = [
    ["import.rowsRead", report.rowsRead],
    ["import.childrenCreated", report.childrenCreated],
    ["import.childrenUpdated", report.childrenUpdated],
    ["import.measurementsAdded", report.measurementsAdded],
    ["import.measurementsUpdated", report.measurementsUpdated],
    ["import.measurementsUnchanged", report.measurementsUnchanged],
    ["import.measurementsFlagged", report.measurementsFlagged],
    ["import.posyanduCreated", report.posyanduCreated],
    ["import.rowsRepeated", report.rowsRepeated],
    ["import.duplicates", report.duplicates],
    ["import.rejectedCount", report.rejectedCount],
  ];
  return (
    <>
      <dl className="facts" data-testid="import-figures">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt>{t(k)}</dt>
            <dd>{n(v)}</dd>
          </div>
        ))}
      </dl>
      {report.rejectedCount > 0 ? (
        <>
          <div className="section-head">
            <h3>{t("import.rejectedTitle", { count: report.rejectedCount })}</h3>
            <ExportButtons
              title={`${t("import.rejectedFile")} ${fileName}`}
              table={() => ({
                headers: [
                  t("import.sheet"),
                  t("import.row"),
                  t("import.field"),
                  t("import.value"),
                  t("import.reason"),
                ],
                rows: report.rejected.map((r) => [r.sheet, r.row, r.field, r.value, r.reason]),
              })}
            />
          </div>
          {report.rejected.length < report.rejectedCount ? (
            <p className="hint">
              {t("import.rejectedShown", { shown: report.rejected.length, total: report.rejectedCount })}
            </p>
          ) : null}
          <TableScroll>
            <table data-testid="rejected-table">
              <thead>
                <tr>
                  <th scope="col">{t("import.sheet")}</th>
                  <th scope="col" className="num">
                    {t("import.row")}
                  </th>
                  <th scope="col">{t("import.field")}</th>
                  <th scope="col">{t("import.value")}</th>
                  <th scope="col">{t("import.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={`${r.sheet}-${r.row}-${r.field}`}>
                    <td>{r.sheet || "–"}</td>
                    <td className="num">{r.row}</td>
                    <td>{r.field ?? "–"}</td>
                    <td>{r.value ?? "–"}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
      {report.likelyDuplicates.length > 0 ? (
        <>
          <h3>{t("import.duplicatesTitle", { count: report.duplicates })}</h3>
          <TableScroll>
            <table data-testid="duplicates-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("import.row")}
                  </th>
                  <th scope="col">{t("children.name")}</th>
                  <th scope="col">{t("children.birthDate")}</th>
                  <th scope="col">{t("import.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {report.likelyDuplicates.map((d) => (
                  <tr key={`${d.row}-${d.name}`}>
                    <td className="num">{d.row}</td>
                    <td>{d.name}</td>
                    <td>{formatDate(d.birthDate)}</td>
                    <td>{d.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </>
  );
}
