import { useTranslation } from "react-i18next";
import { PERMISSION } from "../auth/permissions.ts";
import { useSession } from "../auth/session.tsx";
import { href } from "../routing/router.ts";

interface NavItem {
  path: string;
  label: string;
  permission?: string;
}

const items: NavItem[] = [
  { path: "/", label: "nav.dashboard", permission: PERMISSION.dashboard },
  { path: "/map", label: "nav.map", permission: PERMISSION.dashboard },
  { path: "/children", label: "nav.children", permission: PERMISSION.children },
  { path: "/session", label: "nav.session", permission: PERMISSION.entry },
  { path: "/import", label: "nav.import", permission: PERMISSION.import },
  { path: "/families", label: "nav.families", permission: PERMISSION.dashboard },
  { path: "/tpk", label: "nav.tpk", permission: PERMISSION.families },
  { path: "/admin/boundaries", label: "nav.boundaries", permission: PERMISSION.boundaries },
  { path: "/admin/users", label: "nav.users", permission: PERMISSION.users },
  { path: "/admin/audit", label: "nav.audit", permission: PERMISSION.audit },
  { path: "/publik", label: "nav.public" },
];

/** The main navigation: only the pages the signed-in user's role may open, plus the public page. */
export function Nav({ currentPath }: { currentPath: string }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const visible = items.filter((i) => (i.permission ? !!me && can(i.permission) : true));
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <ul>
        {visible.map((i) => {
          const active = i.path === "/" ? currentPath === "/" : currentPath.startsWith(i.path);
          return (
            <li key={i.path}>
              <a href={href(i.path)} aria-current={active ? "page" : undefined}>
                {t(i.label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
