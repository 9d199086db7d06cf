import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatPeriod } from "../lib/format.ts";

/**
 * A labelled select of the periods that have data, newest first, named in the UI language; while
 * the periods load (undefined) it says so, and "no data" only once it is known there is none.
 */
export function PeriodSelect({
  periods,
  value,
  onChange,
}: {
  periods: string[] | undefined;
  value: string | null;
  onChange: (p: string) => void;
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
        {list.map((p) => (
          <option key={p} value={p}>
            {formatPeriod(p, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
}
