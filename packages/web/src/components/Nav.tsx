import { useTranslation } from "react-i18next";
import { PERMISSION } from "../auth/permissions.ts";
import { useSession } from "../auth/session.tsx";
import { href } from "../routing/router.ts";

interface NavItem {
  path: string;
  label: string;
  /** Shown when the user holds this permission (or any of these). */
  permission?: string | readonly string[];
}

const items: NavItem[] = [
  { path: "/", label: "nav.dashboard", permission: PERMISSION.dashboard },
  { path: "/map", label: "nav.map", permission: PERMISSION.dashboard },
  { path: "/posyandu", label: "nav.posyandu", permission: PERMISSION.children },
  { path: "/skdn", label: "nav.skdn", permission: PERMISSION.dashboard },
  { path: "/referrals", label: "posyandu.nav.referrals", permission: PERMISSION.referrals },
  { path: "/quality", label: "nav.quality", permission: PERMISSION.dashboard },
  { path: "/children", label: "nav.children", permission: PERMISSION.children },
  { path: "/session", label: "nav.session", permission: PERMISSION.entry },
  { path: "/import", label: "nav.import", permission: PERMISSION.import },
  { path: "/aksi", label: "nav.aksi", permission: PERMISSION.aksi },
  { path: "/aksi/scorecard", label: "aksi.docs.navDesa", permission: PERMISSION.aksiVillage },
  {
    path: "/penilaian",
    label: "penilaian.nav",
    permission: [PERMISSION.penilaianManage, PERMISSION.penilaianGrade],
  },
  { path: "/penilaian/hasil", label: "penilaian.navHasil", permission: PERMISSION.aksi },
  { path: "/families", label: "nav.families", permission: PERMISSION.dashboard },
  { path: "/tpk", label: "nav.tpk", permission: PERMISSION.families },
  { path: "/tpps", label: "tpps.nav", permission: PERMISSION.dashboard },
  { path: "/minilok", label: "minilok.nav", permission: PERMISSION.families },
  { path: "/admin/boundaries", label: "nav.boundaries", permission: PERMISSION.boundaries },
  { path: "/admin/users", label: "nav.users", permission: PERMISSION.users },
  { path: "/admin/audit", label: "nav.audit", permission: PERMISSION.audit },
  { path: "/publik", label: "nav.public" },
];

/**
 * The main navigation: only the pages the signed-in user's role may open, plus the public page.
 * On a narrow screen it shows only when `open` (the header's menu button); wide screens always show it.
 */
export function Nav({ currentPath, open }: { currentPath: string; open: boolean }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const allowed = (p: string | readonly string[]) => (typeof p === "string" ? can(p) : p.some((x) => can(x)));
  const visible = items.filter((i) => (i.permission ? !!me && allowed(i.permission) : true));
  return (
    <nav id="main-nav" aria-label={t("nav.label")} className={open ? "main-nav open" : "main-nav"}>
      <ul>
        {visible.map((i) => {
          // the longest matching path is the active one (#/penilaian/hasil is not #/penilaian)
          const matches = (path: string) =>
            path === "/" ? currentPath === "/" : currentPath.startsWith(path);
          const active =
            matches(i.path) &&
            !visible.some(
              (o) => o.path.length > i.path.length && o.path.startsWith(i.path) && matches(o.path),
            );
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
