import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { TRANSLATIONS } from "./resources.ts";

/** Key of the saved language choice in the browser's storage. */
const LANGUAGE_KEY = "tumbuh.lang";

function savedLanguage(): "id" | "en" {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "id";
  } catch {
    return "id";
  }
}

/** Starts i18next with Bahasa Indonesia as the default and English as the alternative. */
export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources: {
      id: { translation: TRANSLATIONS.id },
      en: { translation: TRANSLATIONS.en },
    },
    lng: savedLanguage(),
    fallbackLng: "id",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(LANGUAGE_KEY, lng);
    } catch {
      // storage may be unavailable (private mode); the choice then lasts for this page only
    }
  });
  return i18next;
}
