import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatPercent, formatPeriod } from "../lib/format.ts";

/**
 * A labelled select of the periods that have data, newest first, named in the UI language; while
 * the periods load (undefined) it says so, and "no data" only once it is known there is none. With
 * `completeness` (a month's reporting against the region's usual, 1 = as usual), each month shows
 * it, and a month not yet complete enough to open on is marked so.
 */
export function PeriodSelect({
  periods,
  value,
  onChange,
  completeness,
}: {
  periods: string[] | undefined;
  value: string | null;
  onChange: (p: string) => void;
  completeness?: Array<{ period: string; completeness: number | null; eligible: boolean }>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const list = periods ?? [];
  return (
    <div className="field inline">
      <label htmlFor={id}>{t("filters.period")}</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value)}
        disabled={list.length === 0}
        aria-busy={periods === undefined}
      >
        {periods === undefined ? <option value={value ?? ""}>{t("common.loading")}</option> : null}
        {periods?.length === 0 ? <option value="">{t("filters.noPeriods")}</option> : null}
        {list.map((p) => {
          const c = completeness?.find((x) => x.period === p);
          const note =
            !c || c.completeness === null
              ? ""
              : ` — ${t(c.eligible ? "filters.complete" : "filters.incomplete", {
                  pct: formatPercent(Math.min(c.completeness, 9.99) * 100, i18n.language, 0),
                })}`;
          return (
            <option key={p} value={p}>
              {formatPeriod(p, i18n.language)}
              {note}
            </option>
          );
        })}
      </select>
    </div>
  );
}
