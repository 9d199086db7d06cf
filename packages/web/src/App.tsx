import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "./auth/session.tsx";
import { Layout } from "./components/Layout.tsx";
import { Loading } from "./components/Status.tsx";
import { DashboardPage } from "./pages/DashboardPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { matchPath, navigate, type Route, useRoute } from "./routing/router.ts";

interface PageDef {
  pattern: string;
  public?: boolean;
  titleKey: string;
  render: (params: Record<string, string>, route: Route) => ReactNode;
}

const pages: PageDef[] = [
  {
    pattern: "/login",
    public: true,
    titleKey: "auth.title",
    render: (_p, r) => <SignInPage next={r.query.get("next")} />,
  },
  {
    pattern: "/",
    titleKey: "dashboard.title",
    render: (_p, r) => <DashboardPage region={r.query.get("region")} period={r.query.get("period")} />,
  },
];

function findPage(path: string): { page: PageDef; params: Record<string, string> } | null {
  for (const page of pages) {
    const params = matchPath(page.pattern, path);
    if (params) return { page, params };
  }
  return null;
}

/** Sends a visitor who is not signed in to the sign-in page, remembering where they wanted to go. */
function RequireSignIn({ route, children }: { route: Route; children: ReactNode }) {
  const { me } = useSession();
  useEffect(() => {
    if (me === null) {
      const qs = route.query.toString();
      navigate("/login", { next: `${route.path}${qs ? `?${qs}` : ""}` });
    }
  }, [me, route]);
  if (me === undefined || me === null) return <Loading />;
  return <>{children}</>;
}

/** The app: picks the page for the current hash route and wraps it in the layout. */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const found = findPage(route.path);
  const titleKey = found?.page.titleKey;
  useEffect(() => {
    document.title = titleKey ? `${t(titleKey)} · Tumbuh` : "Tumbuh";
  }, [titleKey, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll to the top when the page changes
  useEffect(() => window.scrollTo(0, 0), [route.path]);
  if (!found) {
    return (
      <Layout currentPath={route.path}>
        <div className="page">
          <h1>{t("errors.pageNotFound")}</h1>
          <a href="#/">{t("nav.dashboard")}</a>
        </div>
      </Layout>
    );
  }
  const content = found.page.render(found.params, route);
  return (
    <Layout currentPath={route.path}>
      {found.page.public ? content : <RequireSignIn route={route}>{content}</RequireSignIn>}
    </Layout>
  );
}
