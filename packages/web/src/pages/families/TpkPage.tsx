import type { TpkTarget } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { PERMISSION } from "../../auth/permissions.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatDate } from "../../lib/format.ts";
import { localToday } from "../../lib/today.ts";
import { href } from "../../routing/router.ts";
import { TargetForm } from "./TargetForm.tsx";
import { VisitForm } from "./VisitForm.tsx";

const KINDS = ["", "catin", "ibu_hamil", "ibu_pascasalin", "baduta", "balita"] as const;

/**
 * The TPK member's page, built for a phone: the people to accompany in the member's area (children
 * the posyandu flagged come in with one tap), each with the family's risk and the last visit, and a
 * visit form under the person.
 */
export function TpkPage({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useApi(`tpk-targets:${kind}`, () =>
    api.get<{ targets: TpkTarget[] }>("/api/tpk/targets", { kind: kind || undefined }),
  );
  const region = me?.user.regionCode ?? "";

  async function fromPosyandu() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await api.post<{ checked: number; added: number; alreadyTargets: number }>(
        "/api/tpk/targets/from-posyandu",
        { region, on: localToday() },
      );
      setNotice(t("tpk.fromPosyanduDone", { checked: r.checked, added: r.added, already: r.alreadyTargets }));
      list.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("tpk.title")}</h1>
        <a className="button secondary" href={href("/tpk/coverage")}>
          {t("tpk.coverageTitle")}
        </a>
      </div>
      {can(PERMISSION.tpkVisit) ? (
        <section className="card">
          <p className="hint">{t("tpk.fromPosyanduHint")}</p>
          <div className="button-row">
            <button type="button" onClick={fromPosyandu} disabled={busy}>
              {t("tpk.fromPosyandu")}
            </button>
            {adding ? null : (
              <button type="button" className="secondary" onClick={() => setAdding(true)}>
                {t("tpk.addTarget")}
              </button>
            )}
          </div>
          {adding ? (
            <TargetForm
              scope={region}
              onCancel={() => setAdding(false)}
              onSaved={(x) => {
                setAdding(false);
                setNotice(t("tpk.targetSaved", { name: x.name }));
                list.reload();
              }}
            />
          ) : null}
        </section>
      ) : null}
      {notice ? (
        <p className="success" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorMessage error={error ?? list.error} />
      <div className="field inline">
        <label htmlFor="tpk-kind">{t("tpk.targets")}</label>
        <select
          id="tpk-kind"
          value={kind}
          onChange={(e) => {
            window.location.hash = href("/tpk", { kind: e.target.value });
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k ? t(`tpk.kinds.${k}`) : t("audit.all")}
            </option>
          ))}
        </select>
      </div>
      {list.loading ? <Loading /> : null}
      {list.data && list.data.targets.length === 0 ? <p>{t("tpk.noTargets")}</p> : null}
      <ul className="entry-list" data-testid="tpk-targets">
        {list.data?.targets.map((x) => (
          <li key={x.id} className="entry card" data-testid="tpk-target">
            <h2 className="entry-head">{x.name}</h2>
            <p>
              <span className="chip">{t(`tpk.kinds.${x.kind}`)}</span>{" "}
              {x.reasons.map((r) => (
                <span key={r} className="chip bad">
                  {t(`tpk.reasons.${r}`, { defaultValue: r })}
                </span>
              ))}{" "}
              <span className="hint">{x.villageName ?? x.villageCode}</span>
            </p>
            {x.weddingDate ? (
              <p className="hint">
                {t("tpk.weddingDate")}: {formatDate(x.weddingDate)}
              </p>
            ) : null}
            {x.familyVerdict ? (
              <p>
                {t("tpk.familyRisk")}:{" "}
                <span className={`chip ${x.familyVerdict === "berisiko" ? "bad" : ""}`}>
                  {t(`families.verdicts.${x.familyVerdict}`)}
                </span>{" "}
                {x.familyReasons.map((r) => t(`families.factor.${r}`)).join(", ")}
                {x.familyId && can(PERMISSION.families) ? (
                  <>
                    {" · "}
                    <a href={href(`/families/${x.familyId}`)}>{t("families.record")}</a>
                  </>
                ) : null}
              </p>
            ) : null}
            <p className="hint">
              {t("tpk.lastVisit")}: {x.lastVisit ? formatDate(x.lastVisit) : t("tpk.never")} ·{" "}
              {t("tpk.visits")}: {x.visits}
            </p>
            {can(PERMISSION.tpkVisit) && open !== x.id ? (
              <button type="button" onClick={() => setOpen(x.id)}>
                {t("tpk.recordVisit")}
              </button>
            ) : null}
            {open === x.id ? (
              <VisitForm
                target={x}
                onCancel={() => setOpen(null)}
                onSaved={() => {
                  setOpen(null);
                  setNotice(t("tpk.visitSaved"));
                  list.reload();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
