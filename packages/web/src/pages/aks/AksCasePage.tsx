/**
 * One audit case (audit team only): who and why it was selected, the audit worksheet (KKA), the
 * expert panel's review and recommendations, the case's follow-up plan and step, and the
 * evaluation at the next semester computed from the child's measurements.
 */
import type { AksCase, AksWorksheet } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatDate } from "../../lib/format.ts";
import { href } from "../../routing/router.ts";
import { FollowupForm, FollowupTable } from "./AksCyclePage.tsx";
import { ReasonChips, reasonText, semesterLabel, todayIso, useSave } from "./shared.tsx";
import "./aks.css";

const STATUSES = ["terpilih", "dikaji", "direkomendasikan", "ditindaklanjuti", "selesai"] as const;

const SECTIONS = [
  "riwayatKehamilan",
  "riwayatPersalinan",
  "polaMakanAsuh",
  "layananKesehatan",
  "lingkungan",
  "sosialEkonomi",
  "kesimpulanTimTeknis",
] as const satisfies readonly (keyof AksWorksheet)[];

function Worksheet({ c, onSaved }: { c: AksCase; onSaved: (c: AksCase) => void }) {
  const { t } = useTranslation();
  const [ws, setWs] = useState<AksWorksheet>(c.worksheet);
  const save = useSave();
  return (
    <section className="card aks-form" data-testid="aks-worksheet">
      <h2>{t("aks.worksheet")}</h2>
      <p>
        <small>{t("aks.worksheetNote")}</small>
      </p>
      {SECTIONS.map((k) => (
        <label key={k}>
          {t(`aks.ws.${k}`)}
          <textarea
            value={ws[k] ?? ""}
            onChange={(e) => setWs({ ...ws, [k]: e.target.value || undefined })}
          />
        </label>
      ))}
      <button
        type="button"
        disabled={save.busy}
        onClick={() =>
          void save.run(async () =>
            onSaved(
              (
                await api.put<{ case: AksCase }>(`/api/aks/cases/${c.id}/worksheet`, {
                  version: c.version,
                  worksheet: ws,
                })
              ).case,
            ),
          )
        }
      >
        {t("aks.saveWorksheet")}
      </button>
      {save.feedback}
    </section>
  );
}

function Review({ c, onSaved }: { c: AksCase; onSaved: (c: AksCase) => void }) {
  const { t } = useTranslation();
  const [review, setReview] = useState(c.review ?? "");
  const [recommendations, setRecommendations] = useState(c.recommendations ?? "");
  const [reviewedOn, setReviewedOn] = useState(c.reviewedOn ?? todayIso());
  const save = useSave();
  return (
    <section className="card aks-form" data-testid="aks-review">
      <h2>{t("aks.review")}</h2>
      <p>
        <small>{t("aks.reviewOnlyPanel")}</small>
      </p>
      <label>
        {t("aks.reviewedOn")}
        <input type="date" value={reviewedOn} onChange={(e) => setReviewedOn(e.target.value)} />
      </label>
      <label>
        {t("aks.reviewText")}
        <textarea value={review} onChange={(e) => setReview(e.target.value)} />
      </label>
      <label>
        {t("aks.recommendations")}
        <textarea value={recommendations} onChange={(e) => setRecommendations(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={save.busy}
        onClick={() =>
          void save.run(async () =>
            onSaved(
              (
                await api.put<{ case: AksCase }>(`/api/aks/cases/${c.id}/review`, {
                  version: c.version,
                  reviewedOn,
                  review,
                  recommendations,
                })
              ).case,
            ),
          )
        }
      >
        {t("aks.saveReview")}
      </button>
      {save.feedback}
    </section>
  );
}

function Evaluation({ c }: { c: AksCase }) {
  const { t } = useTranslation();
  const e = c.evaluation;
  const tbu = (v: { date: string; tbu: string | null } | null) =>
    v ? `${v.tbu ?? "–"} (${formatDate(v.date)})` : "–";
  return (
    <section className="card" data-testid="aks-evaluation">
      <h2>{t("aks.evaluation")}</h2>
      {e ? (
        <>
          <p>{t("aks.evaluationIntro")}</p>
          <dl className="aks-grid">
            <div>
              <dt>
                {t("aks.before")} ({semesterLabel(c.semester, t)})
              </dt>
              <dd>{tbu(e.before)}</dd>
            </div>
            <div>
              <dt>
                {t("aks.after")} ({semesterLabel(e.next, t)})
              </dt>
              <dd>{tbu(e.after)}</dd>
            </div>
            <div>
              <dt>{t("aks.outcome")}</dt>
              <dd>
                <strong data-testid="aks-outcome">
                  {t(`aks.outcomes.${e.outcome}`, { defaultValue: e.outcome })}
                </strong>
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <p>{t("aks.noEvaluation")}</p>
      )}
    </section>
  );
}

export function AksCasePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const loaded = useApi(`aks-case:${id}`, () => api.get<{ case: AksCase }>(`/api/aks/cases/${id}`));
  const [fresh, setFresh] = useState<AksCase | null>(null);
  const c = fresh && fresh.id === id ? fresh : (loaded.data?.case ?? null);
  const status = useSave();
  const reload = async () => setFresh((await api.get<{ case: AksCase }>(`/api/aks/cases/${id}`)).case);
  return (
    <div className="page">
      <ErrorMessage error={loaded.error} />
      {loaded.loading ? <Loading /> : null}
      {c ? (
        <>
          <p className="aks-no-print">
            <a href={href(`/aks/${c.cycleId}`)}>← {t("aks.back")}</a>
          </p>
          <h1>
            {t("aks.caseTitle")}: {c.name}
          </h1>
          <section className="card" data-testid="aks-case">
            <p>
              {t(`aks.kinds.${c.kind}`)} · {semesterLabel(c.semester, t)} ·{" "}
              <ReasonChips reasons={c.reasons} />
            </p>
            <p>
              {t("aks.address")}: {c.address ?? c.villageName ?? c.villageCode}
            </p>
            <p>
              {t("aks.selectionNote")}: {c.selectionNote}
            </p>
            <ul>
              {c.reasons.map((r) => (
                <li key={r.reason}>
                  {t(`aks.reasonNames.${r.reason}`, { defaultValue: r.reason })}:{" "}
                  {reasonText(r, t, i18n.language)}
                </li>
              ))}
            </ul>
            <label>
              {t("aks.caseStatus")}{" "}
              <select
                value={c.status}
                disabled={status.busy}
                onChange={(e) =>
                  void status.run(async () =>
                    setFresh(
                      (
                        await api.put<{ case: AksCase }>(`/api/aks/cases/${c.id}/status`, {
                          version: c.version,
                          status: e.target.value,
                        })
                      ).case,
                    ),
                  )
                }
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`aks.statuses.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            {status.feedback}
          </section>
          <Worksheet key={`ws:${c.version}`} c={c} onSaved={setFresh} />
          <Review key={`rv:${c.version}`} c={c} onSaved={setFresh} />
          <section className="card">
            <h2>{t("aks.followups")}</h2>
            <FollowupTable
              followups={c.followups}
              caseNames={new Map([[c.id, c.name]])}
              onChanged={() => void reload()}
            />
            <FollowupForm cycleId={c.cycleId} caseId={c.id} onAdded={() => void reload()} />
          </section>
          <Evaluation c={c} />
        </>
      ) : null}
    </div>
  );
}
