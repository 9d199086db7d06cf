import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatPeriod } from "../lib/format.ts";

/** A labelled select of the periods that have data, newest first, named in the UI language. */
export function PeriodSelect({
  periods,
  value,
  onChange,
}: {
  periods: string[];
  value: string | null;
  onChange: (p: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>{t("filters.period")}</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value)}
        disabled={periods.length === 0}
      >
        {periods.length === 0 ? <option value="">{t("filters.noPeriods")}</option> : null}
        {periods.map((p) => (
          <option key={p} value={p}>
            {formatPeriod(p, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
}
