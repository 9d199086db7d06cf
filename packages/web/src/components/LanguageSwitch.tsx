import { useTranslation } from "react-i18next";

/** Two buttons to switch the UI between Bahasa Indonesia and English; the choice is remembered. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === "en" ? "en" : "id";
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t("lang.label")}</legend>
      {(["id", "en"] as const).map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={current === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {lng === "id" ? "ID" : "EN"}
          <span className="visually-hidden"> {t(`lang.${lng}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
