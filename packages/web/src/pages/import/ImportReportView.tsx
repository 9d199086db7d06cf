import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../api/types.ts";
import { ExportButtons } from "../../components/ExportButtons.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { formatCount, formatDate } from "../../lib/format.ts";

type T = (key: string, options?: Record<string, unknown>) => string;
type Flagged = ImportReport["flagged"][number];

/** Rows of a list shown at once; the downloads hold every row. */
const PAGE = 50;

/** A number as the language writes it, up to two decimals and without grouping (85,5 / 85.5). */
function num(v: number, lang: string): string {
  return v.toLocaleString(lang === "en" ? "en-GB" : "id-ID", {
    maximumFractionDigits: 2,
    useGrouping: false,
  });
}

/**
 * The text of a row message (catalogue code and parameters) in the user's language, numbers
 * written the language's way; the server's English text for a report stored without codes.
 */
function rowText(
  t: T,
  lang: string,
  m: { code?: string; params?: Record<string, string | number>; reason?: string },
): string {
  if (!m.code) return m.reason ?? "";
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) params[k] = typeof v === "number" ? num(v, lang) : v;
  return t(`msg.${m.code}`, { ...params, defaultValue: m.reason ?? "" });
}

/** The value a flag is about: the weight for BB/U, the length/height for TB/U, both otherwise. */
function flaggedValue(f: Flagged, lang: string): string {
  const w = f.weight === null ? null : `${num(f.weight, lang)} kg`;
  const h = f.lenhei === null ? null : `${num(f.lenhei, lang)} cm`;
  if (f.indicator === "wei") return w ?? "–";
  if (f.indicator === "len" || f.indicator === "pos") return h ?? "–";
  return [w, h].filter(Boolean).join(" / ") || "–";
}

/** A list shown a page at a time, with the buttons to move between pages. */
function Paged<R>({ rows, testId, render }: { rows: R[]; testId: string; render: (rows: R[]) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const from = current * PAGE;
  return (
    <>
      {render(rows.slice(from, from + PAGE))}
      {pages > 1 ? (
        <div className="button-row" data-testid={`${testId}-pages`}>
          <button
            type="button"
            className="secondary"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t("children.previous")}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t("children.next")}
          </button>
          <span className="hint">
            {t("import.rowsRange", {
              from: formatCount(from + 1, i18n.language),
              to: formatCount(Math.min(from + PAGE, rows.length), i18n.language),
              total: formatCount(rows.length, i18n.language),
            })}
          </span>
        </div>
      ) : null}
    </>
  );
}

/** The figures of an import (dry run or final), every rejected row, likely duplicate and flagged value with its reason. */
export function ImportReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatCount(v, lang);
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
  const flagged = report.flagged ?? [];
  const flaggedCount = report.flaggedCount ?? 0;
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
                rows: report.rejected.map((r) => [r.sheet, r.row, r.field, r.value, rowText(t, lang, r)]),
              })}
            />
          </div>
          {report.rejected.length < report.rejectedCount ? (
            <p className="hint">
              {t("import.rejectedShown", { shown: report.rejected.length, total: report.rejectedCount })}
            </p>
          ) : null}
          <Paged
            rows={report.rejected}
            testId="rejected"
            render={(rows) => (
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
                    {rows.map((r) => (
                      <tr key={`${r.sheet}-${r.row}-${r.field}`}>
                        <td>{r.sheet || "–"}</td>
                        <td className="num">{r.row}</td>
                        <td>{r.field ?? "–"}</td>
                        <td>{r.value || "–"}</td>
                        <td className="reason">{rowText(t, lang, r)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          />
        </>
      ) : null}
      {flaggedCount > 0 ? (
        <>
          <div className="section-head">
            <h3>{t("import.flaggedTitle", { count: flaggedCount })}</h3>
            <ExportButtons
              title={`${t("import.flaggedFile")} ${fileName}`}
              table={() => ({
                headers: [
                  t("import.row"),
                  t("import.child"),
                  t("import.indicator"),
                  t("import.zscore"),
                  t("import.value"),
                  t("import.weight"),
                  t("import.lenhei"),
                  t("import.ageDays"),
                  t("import.reason"),
                ],
                rows: flagged.map((f) => [
                  f.row,
                  f.name,
                  f.indicatorLabel,
                  f.zscore,
                  flaggedValue(f, lang),
                  f.weight,
                  f.lenhei,
                  f.ageDays,
                  rowText(t, lang, f),
                ]),
              })}
            />
          </div>
          <p className="hint">{t("import.flaggedNote")}</p>
          {flagged.length < flaggedCount ? (
            <p className="hint">
              {t("import.flaggedShown", { shown: n(flagged.length), total: n(flaggedCount) })}
            </p>
          ) : null}
          <Paged
            rows={flagged}
            testId="flagged"
            render={(rows) => (
              <TableScroll>
                <table data-testid="flagged-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t("import.row")}
                      </th>
                      <th scope="col">{t("import.child")}</th>
                      <th scope="col">{t("import.indicator")}</th>
                      <th scope="col" className="num">
                        {t("import.zscore")}
                      </th>
                      <th scope="col">{t("import.value")}</th>
                      <th scope="col">{t("import.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((f) => (
                      <tr key={`${f.row}-${f.indicator}`}>
                        <td className="num">{f.row}</td>
                        <td>{f.name}</td>
                        <td>{f.indicatorLabel}</td>
                        <td className="num">{f.zscore === null ? "–" : num(f.zscore, lang)}</td>
                        <td>{flaggedValue(f, lang)}</td>
                        <td className="reason">{rowText(t, lang, f)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          />
        </>
      ) : null}
      {report.likelyDuplicates.length > 0 ? (
        <>
          <h3>{t("import.duplicatesTitle", { count: report.duplicates })}</h3>
          <Paged
            rows={report.likelyDuplicates}
            testId="duplicates"
            render={(rows) => (
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
                    {rows.map((d) => (
                      <tr key={`${d.row}-${d.name}`}>
                        <td className="num">{d.row}</td>
                        <td>{d.name}</td>
                        <td>{formatDate(d.birthDate)}</td>
                        <td className="reason">{rowText(t, lang, d)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          />
        </>
      ) : null}
    </>
  );
}
