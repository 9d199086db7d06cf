import type { FamiliesResponse, FamilyCountsResponse } from "@tumbuh/core/api";
import { KRS_FACTORS } from "@tumbuh/core/programme";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { PERMISSION } from "../../auth/permissions.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { localToday } from "../../lib/today.ts";
import { href, navigate } from "../../routing/router.ts";
import { FamilyImport } from "./FamilyImport.tsx";
import { recentSemesters } from "./semester.ts";

/** At-risk counts per village (everyone with dashboard access) and, for roles that work with families, the named list. */
export function FamiliesPage({ semester, q }: { semester: string | null; q: string }) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const semesters = recentSemesters(localToday());
  const sem = semester ?? semesters[0];
  const region = me?.user.regionCode ?? "";
  const [text, setText] = useState(q);
  const counts = useApi(region ? `family-counts:${region}:${sem}` : null, () =>
    api.get<FamilyCountsResponse>("/api/families/counts", { region, semester: sem }),
  );
  const list = useApi(can(PERMISSION.families) ? `families:${sem}:${q}` : null, () =>
    api.get<FamiliesResponse>("/api/families", { semester: sem, q: q || undefined, limit: 100 }),
  );

  function search(e: FormEvent) {
    e.preventDefault();
    navigate("/families", { semester: sem, q: text.trim() });
  }

  const c = counts.data;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("families.title")}</h1>
        {can(PERMISSION.familiesWrite) ? (
          <a className="button" href={href("/families/new", { semester: sem })}>
            {t("families.add")}
          </a>
        ) : null}
      </div>
      <div className="card filters">
        <div className="field inline">
          <label htmlFor="fam-sem">{t("families.semester")}</label>
          <select
            id="fam-sem"
            value={sem}
            onChange={(e) => navigate("/families", { semester: e.target.value, q })}
          >
            {semesters.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={counts.error} />
      {counts.loading ? <Loading /> : null}
      {c ? (
        <section className="card">
          <h2>{t("families.countsTitle")}</h2>
          <p className="hint">{t("families.countsHint", { rule: c.rule })}</p>
          <div className="table-wrap">
            <table data-testid="family-counts">
              <thead>
                <tr>
                  <th scope="col">{t("families.village")}</th>
                  <th scope="col" className="num">
                    {t("families.families")}
                  </th>
                  <th scope="col" className="num">
                    {t("families.berisiko")}
                  </th>
                  <th scope="col" className="num">
                    {t("families.tidakDiketahui")}
                  </th>
                  {KRS_FACTORS.map((f) => (
                    <th key={f} scope="col" className="num">
                      {t(`families.factor.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...c.villages, { ...c.total, villageName: t("families.total") }].map((v) => (
                  <tr key={v.villageName === t("families.total") ? "total" : v.villageCode}>
                    <th scope="row">{v.villageName ?? v.villageCode}</th>
                    <td className="num">{v.families}</td>
                    <td className="num">{v.berisiko}</td>
                    <td className="num">{v.tidakDiketahui}</td>
                    {KRS_FACTORS.map((f) => (
                      <td key={f} className="num">
                        {v.factors[f] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {can(PERMISSION.familiesWrite) ? (
        <FamilyImport
          semester={sem}
          onImported={() => {
            counts.reload();
            list.reload();
          }}
        />
      ) : null}
      {can(PERMISSION.families) ? (
        <section className="card">
          <h2>{t("families.listTitle")}</h2>
          <form className="filters" onSubmit={search}>
            <div className="field inline grow">
              <label htmlFor="fam-q">{t("families.searchName")}</label>
              <input id="fam-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
            </div>
            <button type="submit">{t("common.search")}</button>
          </form>
          <ErrorMessage error={list.error} />
          {list.loading ? <Loading /> : null}
          {list.data ? (
            <>
              <p role="status">{t("families.found", { count: list.data.total })}</p>
              <div className="table-wrap">
                <table data-testid="families-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("families.head")}</th>
                      <th scope="col">{t("families.mother")}</th>
                      <th scope="col">{t("families.village")}</th>
                      <th scope="col">{t("families.verdict")}</th>
                      <th scope="col">{t("families.factors")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.families.map((f) => (
                      <tr key={f.id}>
                        <th scope="row">
                          <a href={href(`/families/${f.id}`)}>{f.headName}</a>
                        </th>
                        <td>{f.motherName ?? "–"}</td>
                        <td>{f.villageName ?? f.villageCode}</td>
                        <td>
                          <span
                            className={`chip ${f.verdict === "berisiko" ? "bad" : f.verdict === "tidak_berisiko" ? "good" : "warn"}`}
                          >
                            {t(`families.verdicts.${f.verdict}`)}
                          </span>
                        </td>
                        <td>{f.reasons.map((r) => t(`families.factor.${r}`)).join(", ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
