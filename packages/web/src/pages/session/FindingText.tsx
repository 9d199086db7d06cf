import type { EntryFinding } from "@tumbuh/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format.ts";

const DATE_PARAM = /^\d{4}-\d{2}-\d{2}$/;

/** An entry rule's finding in the user's language, its numbers and dates written the local way. */
export function FindingText({ finding }: { finding: EntryFinding<string> }) {
  const { t, i18n } = useTranslation();
  const params = Object.fromEntries(
    Object.entries(finding.params).map(([k, v]) => [
      k,
      typeof v === "number"
        ? new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "id-ID", {
            maximumFractionDigits: 2,
          }).format(v)
        : DATE_PARAM.test(v)
          ? formatDate(v)
          : v,
    ]),
  );
  return <>{t(`offline.entry.${finding.code}`, params)}</>;
}
