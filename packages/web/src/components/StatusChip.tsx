import { useTranslation } from "react-i18next";
import { type StatusIndicator, statusKey, statusTone } from "../lib/status.ts";

/** A coloured label of a nutrition-status category; a WHO-flagged value is marked implausible. */
export function StatusChip({
  indicator,
  code,
  flagged,
}: {
  indicator: StatusIndicator;
  code: string | null;
  flagged?: boolean | null;
}) {
  const { t } = useTranslation();
  if (flagged) return <span className="chip warn">{t("status.implausible")}</span>;
  if (!code) return <span className="chip">–</span>;
  return (
    <span className={`chip ${statusTone(code) ?? ""}`}>
      {t(statusKey(indicator, code), { defaultValue: code })}
    </span>
  );
}
