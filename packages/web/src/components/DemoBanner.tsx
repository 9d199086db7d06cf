import { useTranslation } from "react-i18next";

/** The plain statement, on every page, that the figures shown are synthetic demo data. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <strong>{t("demo.banner")}</strong> <span lang="en">{t("demo.bannerEn")}</span>
    </div>
  );
}
