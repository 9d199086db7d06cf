import { regionWithin } from "@tumbuh/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.tsx";
import { DemoBanner } from "./DemoBanner.tsx";
import { Header } from "./Header.tsx";

/** Printed only: where the sheet comes from (Tumbuh, the page) and when it was printed. */
function PrintMeta() {
  const { t, i18n } = useTranslation();
  const printed = new Date().toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID");
  return (
    <p className="print-only print-meta" data-testid="print-meta">
      Tumbuh · {t("app.printedAt", { at: printed })}
    </p>
  );
}

/** Page frame: skip link, demo banner when the data are synthetic, header, main content, footer. */
export function Layout({ currentPath, children }: { currentPath: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { meta, me } = useSession();
  // the banner where synthetic demo data can be seen: for visitors, and accounts whose area overlaps the demo district
  const demo = meta?.demo;
  const scope = me?.user.regionCode;
  const showDemo =
    !!demo?.synthetic &&
    (!scope ||
      !demo.districtCode ||
      regionWithin(scope, demo.districtCode) ||
      regionWithin(demo.districtCode, scope));
  return (
    <>
      <button type="button" className="skip-link" onClick={() => document.getElementById("main")?.focus()}>
        {t("app.skipToContent")}
      </button>
      {showDemo ? <DemoBanner /> : null}
      <Header currentPath={currentPath} />
      <main id="main" tabIndex={-1}>
        <PrintMeta />
        {children}
      </main>
      <footer className="app-footer">
        <p>
          {t("app.footer")} · <a href="/api/docs">{t("app.apiDocs")}</a>
          {meta ? ` · v${meta.version}` : ""}
        </p>
      </footer>
    </>
  );
}
