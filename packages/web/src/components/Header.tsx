import { useTranslation } from "react-i18next";
import { href } from "../routing/router.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { Nav } from "./Nav.tsx";
import { UserMenu } from "./UserMenu.tsx";

/** Top of every page: the Tumbuh name, navigation, language switch and user menu. */
export function Header({ currentPath }: { currentPath: string }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="header-top">
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
      <Nav currentPath={currentPath} />
    </header>
  );
}
