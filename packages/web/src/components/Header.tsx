import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { href } from "../routing/router.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { Nav } from "./Nav.tsx";
import { UserMenu } from "./UserMenu.tsx";

/**
 * Top of every page: the Tumbuh name, navigation, language switch and user menu. On a narrow
 * screen the navigation folds behind a menu button (closed again when the page changes).
 */
export function Header({ currentPath }: { currentPath: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu when the page changes
  useEffect(() => {
    setOpen(false);
  }, [currentPath]);
  return (
    <header className="app-header">
      <div className="header-top">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className="menu-icon">
            {open ? "✕" : "☰"}
          </span>
          {t("nav.menu")}
        </button>
        <a className="brand" href={href("/")}>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Tumbuh</span>
          <small className="brand-tagline">{t("app.tagline")}</small>
        </a>
        <div className="header-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </div>
      <Nav currentPath={currentPath} open={open} />
    </header>
  );
}
