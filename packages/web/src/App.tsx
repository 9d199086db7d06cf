import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "./auth/session.tsx";
import { Layout } from "./components/Layout.tsx";
import { Loading } from "./components/Status.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { matchPath, navigate, type Route, useRoute } from "./routing/router.ts";

/**
 * Each page is its own chunk, loaded when first opened: the first page a phone loads carries only
 * the frame, the sign-in page and that page (charts load with the pages that draw them).
 */
const AuditPage = lazy(() => import("./pages/admin/AuditPage.tsx").then((m) => ({ default: m.AuditPage })));
const BoundariesPage = lazy(() =>
  import("./pages/admin/BoundariesPage.tsx").then((m) => ({ default: m.BoundariesPage })),
);
const UsersPage = lazy(() => import("./pages/admin/UsersPage.tsx").then((m) => ({ default: m.UsersPage })));
const ChildPage = lazy(() => import("./pages/ChildPage.tsx").then((m) => ({ default: m.ChildPage })));
const ChildrenPage = lazy(() =>
  import("./pages/ChildrenPage.tsx").then((m) => ({ default: m.ChildrenPage })),
);
const DashboardPage = lazy(() =>
  import("./pages/DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })),
);
const ImportPage = lazy(() => import("./pages/ImportPage.tsx").then((m) => ({ default: m.ImportPage })));
const MapPage = lazy(() => import("./pages/MapPage.tsx").then((m) => ({ default: m.MapPage })));
const PublicPage = lazy(() => import("./pages/PublicPage.tsx").then((m) => ({ default: m.PublicPage })));
const PasswordPage = lazy(() =>
  import("./pages/account/PasswordPage.tsx").then((m) => ({ default: m.PasswordPage })),
);
const SessionPage = lazy(() => import("./pages/SessionPage.tsx").then((m) => ({ default: m.SessionPage })));
const AksiPage = lazy(() => import("./pages/aksi/AksiPage.tsx").then((m) => ({ default: m.AksiPage })));
const RembukPage = lazy(() => import("./pages/aksi/RembukPage.tsx").then((m) => ({ default: m.RembukPage })));
const RegulasiPage = lazy(() =>
  import("./pages/aksi/RegulasiPage.tsx").then((m) => ({ default: m.RegulasiPage })),
);
const KpmPage = lazy(() => import("./pages/aksi/KpmPage.tsx").then((m) => ({ default: m.KpmPage })));
const ScorecardPage = lazy(() =>
  import("./pages/aksi/ScorecardPage.tsx").then((m) => ({ default: m.ScorecardPage })),
);
const ReviewPage = lazy(() => import("./pages/aksi/ReviewPage.tsx").then((m) => ({ default: m.ReviewPage })));
const AnalisisSituasiPage = lazy(() =>
  import("./pages/aksi/AnalisisSituasiPage.tsx").then((m) => ({ default: m.AnalisisSituasiPage })),
);
const LokusPage = lazy(() => import("./pages/aksi/LokusPage.tsx").then((m) => ({ default: m.LokusPage })));
const RencanaPage = lazy(() =>
  import("./pages/aksi/RencanaPage.tsx").then((m) => ({ default: m.RencanaPage })),
);
const PenilaianListPage = lazy(() =>
  import("./pages/penilaian/PenilaianListPage.tsx").then((m) => ({ default: m.PenilaianListPage })),
);
const PenilaianPage = lazy(() =>
  import("./pages/penilaian/PenilaianPage.tsx").then((m) => ({ default: m.PenilaianPage })),
);
const GradingPage = lazy(() =>
  import("./pages/penilaian/GradingPage.tsx").then((m) => ({ default: m.GradingPage })),
);
const InstrumentPage = lazy(() =>
  import("./pages/penilaian/InstrumentPage.tsx").then((m) => ({ default: m.InstrumentPage })),
);
const ResultsPage = lazy(() =>
  import("./pages/penilaian/ResultsPage.tsx").then((m) => ({ default: m.ResultsPage })),
);
const HasilPage = lazy(() =>
  import("./pages/penilaian/HasilPage.tsx").then((m) => ({ default: m.HasilPage })),
);
const CoveragePage = lazy(() =>
  import("./pages/families/CoveragePage.tsx").then((m) => ({ default: m.CoveragePage })),
);
const FamiliesPage = lazy(() =>
  import("./pages/families/FamiliesPage.tsx").then((m) => ({ default: m.FamiliesPage })),
);
const FamilyForm = lazy(() =>
  import("./pages/families/FamilyForm.tsx").then((m) => ({ default: m.FamilyForm })),
);
const FamilyPage = lazy(() =>
  import("./pages/families/FamilyPage.tsx").then((m) => ({ default: m.FamilyPage })),
);
const TppsPage = lazy(() => import("./pages/tpps/TppsPage.tsx").then((m) => ({ default: m.TppsPage })));
const MinilokPage = lazy(() =>
  import("./pages/minilok/MinilokPage.tsx").then((m) => ({ default: m.MinilokPage })),
);
const TpkPage = lazy(() => import("./pages/families/TpkPage.tsx").then((m) => ({ default: m.TpkPage })));
const PosyanduHomePage = lazy(() =>
  import("./pages/posyandu/PosyanduHomePage.tsx").then((m) => ({ default: m.PosyanduHomePage })),
);
const PosyanduPage = lazy(() =>
  import("./pages/posyandu/PosyanduPage.tsx").then((m) => ({ default: m.PosyanduPage })),
);
const QualityPage = lazy(() =>
  import("./pages/posyandu/QualityPage.tsx").then((m) => ({ default: m.QualityPage })),
);
const ReferralsPage = lazy(() =>
  import("./pages/posyandu/ReferralsPage.tsx").then((m) => ({ default: m.ReferralsPage })),
);
const KbmPage = lazy(() => import("./pages/posyandu/KbmPage.tsx").then((m) => ({ default: m.KbmPage })));
const F2GiziPage = lazy(() =>
  import("./pages/posyandu/F2GiziPage.tsx").then((m) => ({ default: m.F2GiziPage })),
);
const SkdnPage = lazy(() => import("./pages/posyandu/SkdnPage.tsx").then((m) => ({ default: m.SkdnPage })));

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
    render: (_p, r) => <HomePage region={r.query.get("region")} period={r.query.get("period")} />,
  },
  { pattern: "/posyandu", titleKey: "posyandu.listTitle", render: () => <PosyanduHomePage /> },
  {
    pattern: "/posyandu/:id",
    titleKey: "posyandu.pageTitle",
    render: (p) => <PosyanduPage key={p.id} id={p.id} />,
  },
  {
    pattern: "/skdn",
    titleKey: "skdn.title",
    render: (_p, r) => (
      <SkdnPage
        region={r.query.get("region")}
        posyandu={r.query.get("posyandu")}
        period={r.query.get("period")}
      />
    ),
  },
  {
    pattern: "/referrals",
    titleKey: "posyandu.referrals.pageTitle",
    render: (_p, r) => (
      <ReferralsPage
        region={r.query.get("region")}
        posyandu={r.query.get("posyandu")}
        puskesmas={r.query.get("puskesmas")}
        status={r.query.get("status")}
      />
    ),
  },
  {
    pattern: "/kbm",
    titleKey: "posyandu.kbm.pageTitle",
    render: (_p, r) => <KbmPage region={r.query.get("region")} />,
  },
  {
    pattern: "/f2gizi",
    titleKey: "posyandu.f2gizi.pageTitle",
    render: (_p, r) => <F2GiziPage region={r.query.get("region")} period={r.query.get("period")} />,
  },
  {
    pattern: "/quality",
    titleKey: "quality.title",
    render: (_p, r) => (
      <QualityPage
        region={r.query.get("region")}
        posyandu={r.query.get("posyandu")}
        period={r.query.get("period")}
      />
    ),
  },
  {
    pattern: "/map",
    titleKey: "map.title",
    render: (_p, r) => <MapPage region={r.query.get("region")} period={r.query.get("period")} />,
  },
  {
    pattern: "/children",
    titleKey: "children.title",
    render: (_p, r) => (
      <ChildrenPage
        q={r.query.get("q") ?? ""}
        posyandu={r.query.get("posyandu")}
        offset={Number(r.query.get("offset") ?? 0) || 0}
      />
    ),
  },
  { pattern: "/children/:id", titleKey: "child.record", render: (p) => <ChildPage key={p.id} id={p.id} /> },
  {
    pattern: "/session",
    titleKey: "session.title",
    render: (_p, r) => <SessionPage posyanduId={r.query.get("posyandu")} date={r.query.get("date")} />,
  },
  { pattern: "/import", titleKey: "import.title", render: () => <ImportPage /> },
  {
    pattern: "/aksi",
    titleKey: "aksi.title",
    render: (_p, r) => <AksiPage cycleId={r.query.get("cycle")} />,
  },
  { pattern: "/penilaian", titleKey: "penilaian.title", render: () => <PenilaianListPage /> },
  {
    pattern: "/penilaian/hasil",
    titleKey: "penilaian.publishedTitle",
    render: (_p, r) => <HasilPage province={r.query.get("province")} year={r.query.get("year")} />,
  },
  {
    pattern: "/penilaian/:id",
    titleKey: "penilaian.title",
    render: (p) => <PenilaianPage key={p.id} id={p.id} />,
  },
  {
    pattern: "/penilaian/:id/nilai",
    titleKey: "penilaian.gradeTitle",
    render: (p, r) => <GradingPage key={p.id} id={p.id} district={r.query.get("district")} />,
  },
  {
    pattern: "/penilaian/:id/instrumen",
    titleKey: "penilaian.instrumentTitle",
    render: (p) => <InstrumentPage key={p.id} id={p.id} />,
  },
  {
    pattern: "/penilaian/:id/hasil",
    titleKey: "penilaian.resultTitle",
    render: (p) => <ResultsPage key={p.id} id={p.id} />,
  },
  {
    pattern: "/aksi/rembuk",
    titleKey: "aksi.docs.rembuk.title",
    render: (_p, r) => <RembukPage cycleId={r.query.get("cycle")} />,
  },
  { pattern: "/aksi/regulasi", titleKey: "aksi.docs.regulasi.title", render: () => <RegulasiPage /> },
  { pattern: "/aksi/kpm", titleKey: "aksi.docs.kpm.title", render: () => <KpmPage /> },
  {
    pattern: "/aksi/scorecard",
    titleKey: "aksi.docs.scorecard.title",
    render: (_p, r) => <ScorecardPage village={r.query.get("village")} quarter={r.query.get("quarter")} />,
  },
  {
    pattern: "/aksi/reviu",
    titleKey: "aksi.docs.review.title",
    render: (_p, r) => <ReviewPage cycleId={r.query.get("cycle")} />,
  },
  {
    pattern: "/aksi/analisis-situasi",
    titleKey: "aksi.plan.ansitTitle",
    render: (_p, r) => <AnalisisSituasiPage cycleId={r.query.get("cycle")} year={r.query.get("year")} />,
  },
  {
    pattern: "/aksi/lokus",
    titleKey: "aksi.plan.lokusTitle",
    render: (_p, r) => <LokusPage cycleId={r.query.get("cycle")} />,
  },
  {
    pattern: "/aksi/rencana",
    titleKey: "aksi.plan.rencanaTitle",
    render: (_p, r) => <RencanaPage cycleId={r.query.get("cycle")} />,
  },
  {
    pattern: "/families",
    titleKey: "families.title",
    render: (_p, r) => <FamiliesPage semester={r.query.get("semester")} q={r.query.get("q") ?? ""} />,
  },
  {
    pattern: "/families/new",
    titleKey: "families.add",
    render: (_p, r) => <FamilyForm semester={r.query.get("semester")} />,
  },
  {
    pattern: "/families/:id",
    titleKey: "families.record",
    render: (p) => <FamilyPage key={p.id} id={p.id} />,
  },
  { pattern: "/tpk", titleKey: "tpk.title", render: (_p, r) => <TpkPage kind={r.query.get("kind") ?? ""} /> },
  { pattern: "/tpk/coverage", titleKey: "tpk.coverageTitle", render: () => <CoveragePage /> },
  { pattern: "/tpps", titleKey: "tpps.title", render: () => <TppsPage /> },
  {
    pattern: "/minilok",
    titleKey: "minilok.title",
    render: (_p, r) => <MinilokPage meeting={r.query.get("meeting")} />,
  },
  { pattern: "/account/password", titleKey: "account.passwordTitle", render: () => <PasswordPage /> },
  { pattern: "/admin/boundaries", titleKey: "boundaries.title", render: () => <BoundariesPage /> },
  { pattern: "/admin/users", titleKey: "users.title", render: () => <UsersPage /> },
  { pattern: "/admin/audit", titleKey: "audit.title", render: () => <AuditPage /> },
  {
    pattern: "/publik",
    public: true,
    titleKey: "public.title",
    render: (_p, r) => <PublicPage district={r.query.get("district")} period={r.query.get("period")} />,
  },
];

/** The home page: a cadre's posyandu (when no region is asked for), everybody else's dashboard. */
function HomePage({ region, period }: { region: string | null; period: string | null }) {
  const { me } = useSession();
  if (me?.user.role === "posyandu_cadre" && !region && !period) return <PosyanduHomePage />;
  return <DashboardPage region={region} period={period} />;
}

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
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route.path]);
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
  const content = <Suspense fallback={<Loading />}>{found.page.render(found.params, route)}</Suspense>;
  return (
    <Layout currentPath={route.path}>
      {found.page.public ? content : <RequireSignIn route={route}>{content}</RequireSignIn>}
    </Layout>
  );
}
