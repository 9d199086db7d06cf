import { useTranslation } from "react-i18next";
import type { Dashboard } from "../../api/types.ts";
import { formatPeriod } from "../../lib/format.ts";

/** Names where every figure on the page comes from (routine data vs surveys are never mixed). */
export function SourceNote({ source, period }: { source: Dashboard["source"]; period: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="source-note" data-testid="source-note">
      <strong>{t("source.label")}:</strong> {source.label}
      {period ? ` · ${formatPeriod(period, i18n.language)}` : ""}
      {source.synthetic ? ` · ${t("source.synthetic")}` : ""}
      {source.refreshedAt
        ? ` · ${t("source.refreshed", { at: new Date(source.refreshedAt).toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID") })}`
        : ""}
      . {t("source.method")}
    </p>
  );
}
