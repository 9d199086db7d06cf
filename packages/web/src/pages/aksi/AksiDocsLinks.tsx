/** Links from a cycle to its documents: rembuk (aksi 3), regulations (4), KPM and scorecards (5), review (6–8). */
import { useTranslation } from "react-i18next";

export function AksiDocsLinks({ cycleId }: { cycleId: string | null }) {
  const { t } = useTranslation();
  const q = cycleId ? `?cycle=${cycleId}` : "";
  return (
    <nav aria-label={t("aksi.docs.linksLabel")} className="filters" data-testid="aksi-docs-links">
      {cycleId && <a href={`#/aksi/rembuk${q}`}>{t("aksi.docs.rembuk.title")}</a>}
      <a href="#/aksi/regulasi">{t("aksi.docs.regulasi.title")}</a>
      <a href="#/aksi/kpm">{t("aksi.docs.kpm.title")}</a>
      <a href="#/aksi/scorecard">{t("aksi.docs.scorecard.title")}</a>
      {cycleId && <a href={`#/aksi/reviu${q}`}>{t("aksi.docs.review.title")}</a>}
    </nav>
  );
}
