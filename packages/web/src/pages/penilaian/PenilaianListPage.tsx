/**
 * Penilaian kinerja: the assessments the user runs (province) or sits on the panel of, and — for
 * the province — the form that opens a year's assessment over the chosen districts.
 */
import type { AssessmentSummary, AssessmentView, Region } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { PERMISSION } from "../../auth/permissions.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { href, navigate } from "../../routing/router.ts";

function OpenForm({ province }: { province: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const [skip, setSkip] = useState<Set<string>>(new Set());
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const districts = useApi(`pk-districts:${province}`, () =>
    api.get<{ regions: Region[] }>(`/api/regions/${province}/children`),
  );
  const open = async () => {
    setError(null);
    setBusy(true);
    try {
      const chosen = (districts.data?.regions ?? []).map((r) => r.code).filter((c) => !skip.has(c));
      const v = await api.post<AssessmentView>("/api/penilaian", {
        provinceCode: province,
        year,
        districts: chosen,
      });
      navigate(`/penilaian/${v.id}`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card">
      <h2>{t("penilaian.openTitle")}</h2>
      <div className="field inline">
        <label htmlFor="pk-year">{t("penilaian.year")}</label>
        <input id="pk-year" type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />
      </div>
      <fieldset>
        <legend>{t("penilaian.districtsAssessed")}</legend>
        {(districts.data?.regions ?? []).map((r) => (
          <label key={r.code} className="checkbox-field">
            <input
              type="checkbox"
              checked={!skip.has(r.code)}
              onChange={(e) => {
                const next = new Set(skip);
                if (e.target.checked) next.delete(r.code);
                else next.add(r.code);
                setSkip(next);
              }}
            />{" "}
            {r.name}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => void open()} disabled={busy || !districts.data}>
        {t("penilaian.open")}
      </button>
      <ErrorMessage error={error} />
    </section>
  );
}

/** `#/penilaian`: the list, and the open form for the province. */
export function PenilaianListPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const list = useApi("pk-list", () => api.get<{ assessments: AssessmentSummary[] }>("/api/penilaian"));
  const scope = me?.user.regionCode ?? "ID";
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("penilaian.title")}</h1>
        <a className="button secondary" href={href("/penilaian/hasil")}>
          {t("penilaian.publishedTitle")}
        </a>
      </div>
      <p className="hint">{t("penilaian.intro")}</p>
      <ErrorMessage error={list.error} />
      {list.loading ? <Loading /> : null}
      {list.data && list.data.assessments.length === 0 ? <p>{t("penilaian.none")}</p> : null}
      <ul className="entry-list" data-testid="pk-list">
        {list.data?.assessments.map((a) => (
          <li key={a.id} className="entry card">
            <h2 className="entry-head">
              <a href={href(`/penilaian/${a.id}`)}>
                {a.provinceName} {a.year}
              </a>
            </h2>
            <p>
              <span className={`chip ${a.status === "published" ? "" : "bad"}`}>
                {t(`penilaian.status.${a.status}`)}
              </span>{" "}
              {a.seat ? <span className="chip">{t(`penilaian.seat.${a.seat}`)}</span> : null}{" "}
              <span className="hint">
                {t("penilaian.districtCount", { count: a.districtCount })}
                {a.decreeNumber ? ` · ${t("penilaian.decree")}: ${a.decreeNumber}` : ""}
              </span>
            </p>
          </li>
        ))}
      </ul>
      {can(PERMISSION.penilaianManage) && scope.split(".").length === 1 && scope !== "ID" ? (
        <OpenForm province={scope} />
      ) : null}
    </div>
  );
}
