/**
 * `#/penilaian/hasil`: the published result of the user's province — the ranking for everyone
 * signed in, and the user's own district in full (scores per component and item, awards and the
 * province's recommendation). Nothing before publication.
 */
import type { PublishedView } from "@tumbuh/core/api";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { score } from "./shared.ts";

/** The ranking of a published assessment: rank, district, total, awards. */
export function PublishedRanking({ view, own }: { view: PublishedView; own?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <TableScroll>
      <table data-testid="pk-published">
        <thead>
          <tr>
            <th>{t("penilaian.district")}</th>
            <th>{t("penilaian.rank")}</th>
            <th>{t("penilaian.total")}</th>
            <th>{t("penilaian.awards")}</th>
          </tr>
        </thead>
        <tbody>
          {view.ranking.map((r) => (
            <tr key={r.code} aria-current={r.code === own ? "true" : undefined}>
              <th scope="row">{r.code === own ? <strong>{r.name}</strong> : r.name}</th>
              <td className="num">{r.rank ?? t("penilaian.unranked")}</td>
              <td className="num">{score(r.total, i18n.language)}</td>
              <td>{r.awards.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The published-results page. */
export function HasilPage({ province, year }: { province: string | null; year: string | null }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const scope = me?.user.regionCode ?? "ID";
  const prov = province ?? (scope === "ID" ? null : scope.split(".")[0]);
  const pub = useApi(prov ? `pk-pub:${prov}:${year ?? ""}` : null, () =>
    api.get<PublishedView>("/api/penilaian/published", { province: prov, year }),
  );
  const v = pub.data;
  const none = pub.error instanceof ApiError && pub.error.status === 404;
  return (
    <div className="page">
      <h1>{t("penilaian.publishedTitle")}</h1>
      {!prov ? <p>{t("penilaian.chooseProvince")}</p> : null}
      {none ? <p data-testid="pk-none">{t("penilaian.notPublished")}</p> : <ErrorMessage error={pub.error} />}
      {pub.loading ? <Loading /> : null}
      {v ? (
        <>
          <p data-testid="pk-published-head">
            {t("penilaian.year")} {v.year}
            {v.decreeNumber ? ` · ${t("penilaian.decree")}: ${v.decreeNumber}` : ""}
          </p>
          {v.own ? (
            <section className="card" data-testid="pk-own">
              <h2>
                {v.own.name ?? v.own.code}: {t("penilaian.rank")} {v.own.rank ?? t("penilaian.unranked")} ·{" "}
                {t("penilaian.total")} {score(v.own.total, i18n.language)}
              </h2>
              {v.own.awards.length > 0 ? (
                <p>
                  {v.own.awards.map((a) => (
                    <span key={a} className="chip">
                      {a}
                    </span>
                  ))}
                </p>
              ) : null}
              <ul className="compact-list">
                {v.own.components.map((c) => (
                  <li key={c.code}>
                    {c.code}: {score(c.score, i18n.language)}
                  </li>
                ))}
              </ul>
              <h3>{t("penilaian.recommendation")}</h3>
              <p data-testid="pk-own-recommendation">{v.own.recommendation || "–"}</p>
            </section>
          ) : null}
          <PublishedRanking view={v} own={v.own?.code} />
        </>
      ) : null}
    </div>
  );
}
