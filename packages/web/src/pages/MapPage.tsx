import { regionWithin } from "@tumbuh/core";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { Boundaries } from "../api/types.ts";
import { useApi } from "../api/useApi.ts";
import { PERMISSION } from "../auth/permissions.ts";
import { useSession } from "../auth/session.tsx";
import { Breadcrumb } from "../components/Breadcrumb.tsx";
import { PeriodSelect } from "../components/PeriodSelect.tsx";
import { ErrorMessage, Loading } from "../components/Status.tsx";
import { href, navigate } from "../routing/router.ts";
import { ChildRegionSection } from "./dashboard/ChildRegionSection.tsx";
import { useDashboard } from "./dashboard/useDashboard.ts";
import { ChoroplethMap } from "./map/ChoroplethMap.tsx";

/** Choropleth of the stunting rate of a region's children, with the boundaries' attribution; the table always follows. */
export function MapPage({ region, period }: { region: string | null; period: string | null }) {
  const { t } = useTranslation();
  const { me, meta, can } = useSession();
  const scope = me?.user.regionCode ?? "ID";
  const { periods, dashboard: dash } = useDashboard(region, period);
  const d = dash.data;
  const parent = d?.region.code ?? null;
  const shapes = useApi(parent ? `bounds:${parent}` : null, () =>
    api.get<Boundaries>("/api/boundaries", { parent: parent ?? undefined }),
  );
  const b = shapes.data;
  // a village's map is the village itself (its posyandu have no shapes)
  const ownShape = d?.region.level === "village";
  const values = ownShape
    ? [{ code: d.region.code, name: d.region.name, value: d.summary.stuntingRate }]
    : (d?.children ?? []).map((c) => ({ code: c.code, name: c.name, value: c.stuntingRate }));
  const attribution = b?.attribution ?? meta?.mapAttribution ?? null;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>
            {t("map.title")}
            {d ? (
              <span className="subtitle">
                {" "}
                — {d.region.level === "nation" ? t("region.nation") : d.region.name}
              </span>
            ) : null}
          </h1>
          {d ? (
            <Breadcrumb
              trail={[...d.ancestors, d.region]}
              path="/map"
              query={{ period: d.period }}
              isReachable={(c) => regionWithin(c, scope)}
            />
          ) : null}
        </div>
        <div className="filters">
          <PeriodSelect
            periods={periods.data?.periods}
            value={d?.period ?? period}
            onChange={(p) => navigate("/map", { region, period: p })}
          />
        </div>
      </div>
      <ErrorMessage error={dash.error ?? shapes.error} />
      {!d || (parent && !b && !shapes.error) ? <Loading /> : null}
      {d && b ? (
        <section className="card map-box" aria-labelledby="map-title">
          <h2 id="map-title">{t("map.subtitle")}</h2>
          {b.features.length === 0 ? (
            <p className="notice" data-testid="no-boundaries">
              {t(ownShape ? "map.noOwnBoundary" : "map.noBoundaries")}{" "}
              {can(PERMISSION.boundaries) ? (
                <a href={href("/admin/boundaries")}>{t("map.addBoundaries")}</a>
              ) : null}
            </p>
          ) : (
            <>
              <ChoroplethMap
                mapKey={`tumbuh-${d.region.code}-${b.features.length}`}
                boundaries={b}
                values={values}
                onSelect={(code) => {
                  if (ownShape) return navigate("/", { region: code, period: d.period });
                  const child = d.children.find((c) => c.code === code);
                  if (!child) return;
                  navigate(child.level === "village" ? "/" : "/map", { region: code, period: d.period });
                }}
              />
              <p className="hint">{t(ownShape ? "map.hintVillage" : "map.hint")}</p>
              {b.missing.length > 0 ? (
                <p className="hint">
                  {t("map.missing", {
                    count: b.missing.length,
                    names: b.missing.map((m) => m.name).join(", "),
                  })}
                </p>
              ) : null}
              {attribution ? (
                <p className="attribution" data-testid="map-attribution">
                  {t("map.attribution")}: {attribution}
                </p>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      {d ? <ChildRegionSection d={d} linkPath="/map" titleId="map-table-title" /> : null}
    </div>
  );
}
