import { useTranslation } from "react-i18next";
import type { Measurement } from "../../api/types.ts";
import { StatusChip } from "../../components/StatusChip.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { formatDate, formatDecimal } from "../../lib/format.ts";
import { formatZ } from "../../lib/status.ts";

/** A child's measurement history, newest first, with z-scores and categories; WHO-flagged values are marked. */
export function MeasurementTable({ measurements }: { measurements: Measurement[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = [...measurements].reverse();
  const z = (v: number | null, flag: boolean | null) => (
    <span className={flag ? "flagged" : undefined} title={flag ? t("status.implausible") : undefined}>
      {formatZ(v, lang)}
      {flag ? " ⚠" : ""}
    </span>
  );
  return (
    <TableScroll>
      <table data-testid="measurement-table">
        <caption>{t("child.historyCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("child.date")}</th>
            <th scope="col" className="num">
              {t("child.age")}
            </th>
            <th scope="col" className="num">
              {t("child.weight")}
            </th>
            <th scope="col" className="num">
              {t("child.height")}
            </th>
            <th scope="col">{t("child.measure")}</th>
            <th scope="col" className="num">
              TB/U z
            </th>
            <th scope="col" className="num">
              BB/U z
            </th>
            <th scope="col" className="num">
              BB/TB z
            </th>
            <th scope="col">TB/U</th>
            <th scope="col">BB/U</th>
            <th scope="col">BB/TB</th>
            <th scope="col">{t("child.source")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row">{formatDate(m.date)}</th>
              <td className="num">
                {m.ageDays === null ? "–" : t("child.months", { n: Math.floor(m.ageDays / 30.4375) })}
              </td>
              <td className="num">{formatDecimal(m.weight, lang, 1)}</td>
              <td className="num">{formatDecimal(m.height, lang, 1)}</td>
              <td>{m.measure ? t(`child.measure_${m.measure}`) : "–"}</td>
              <td className="num">{z(m.zlen, m.flen)}</td>
              <td className="num">{z(m.zwei, m.fwei)}</td>
              <td className="num">{z(m.zwfl, m.fwfl)}</td>
              <td>
                <StatusChip indicator="tbu" code={m.tbu} flagged={m.flen} />
              </td>
              <td>
                <StatusChip indicator="bbu" code={m.bbu} flagged={m.fwei} />
              </td>
              <td>
                <StatusChip indicator="bbtb" code={m.bbtb} flagged={m.fwfl} />
              </td>
              <td>{t(`child.sources.${m.source}`, { defaultValue: m.source })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
