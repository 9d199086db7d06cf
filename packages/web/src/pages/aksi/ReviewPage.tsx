/**
 * Aksi 6–8 of a cycle: the data-quality report (aksi 6) and the public page of the cycle's year
 * with the district's commentary (aksi 7), and the annual review (aksi 8): indicator targets vs
 * achieved, the stunting trend, village scorecards, KPM, lessons; printable, and its lessons copied
 * into next year's analisis situasi.
 */

import type { AksiReview } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { errorText } from "../../lib/messages.ts";
import { AksiDocsLinks } from "./AksiDocsLinks.tsx";

const pct = (v: number | null) => (v === null ? "–" : `${v.toFixed(1)}%`);
type Indicator = AksiReview["indicators"][number];

function ReviewForm({
  review,
  onSaved,
  message,
  setMessage,
}: {
  review: AksiReview;
  onSaved: (r: AksiReview) => void;
  /** Kept by the page: saving re-mounts the form with the new version. */
  message: string | null;
  setMessage: (m: string | null) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState(review.publicationComment);
  const [published, setPublished] = useState(review.publicationPublishedAt !== null);
  const [lessons, setLessons] = useState(review.lessons);
  const [indicators, setIndicators] = useState<Indicator[]>(review.indicators);
  const setI = (i: number, change: Partial<Indicator>) =>
    setIndicators((xs) => xs.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const numberOrNull = (s: string) => (s.trim() === "" ? null : Number(s.replace(",", ".")));
  const save = async () => {
    setMessage(null);
    try {
      onSaved(
        await api.put<AksiReview>(`/api/aksi/cycles/${review.cycleId}/review`, {
          publicationComment: comment,
          publicationPublished: published,
          lessons,
          indicators: indicators.filter((i) => i.name.trim()),
          version: review.version,
        }),
      );
    } catch (e) {
      setMessage(errorText(e as Error, t).text);
    }
  };
  const prefill = async () => {
    setMessage(null);
    try {
      const r = await api.post<{ cycleId: string; aksiCode: string }>(
        `/api/aksi/cycles/${review.cycleId}/review/prefill-next`,
      );
      onSaved(await api.get<AksiReview>(`/api/aksi/cycles/${review.cycleId}/review`));
      setMessage(t("aksi.docs.review.prefilled", { year: review.year + 1, aksi: r.aksiCode }));
    } catch (e) {
      setMessage(errorText(e as Error, t).text);
    }
  };
  const disabled = !review.canEdit;
  return (
    <>
      <section className="card">
        <h2>{t("aksi.docs.review.aksi7")}</h2>
        <p>
          <a href={review.links.publicPage}>{t("aksi.docs.review.publicPage", { year: review.year })}</a>
        </p>
        <label className="field">
          {t("aksi.docs.review.comment")}
          <textarea value={comment} disabled={disabled} onChange={(e) => setComment(e.target.value)} />
        </label>
        <p>
          <small>{t("aksi.docs.review.noPersonal")}</small>
        </p>
        <label>
          <input
            type="checkbox"
            checked={published}
            disabled={disabled}
            onChange={(e) => setPublished(e.target.checked)}
          />{" "}
          {t("aksi.docs.review.published")}
        </label>
        <p data-testid="review-publication">
          {review.publicationPublishedAt
            ? t("aksi.docs.review.publishedAt", {
                at: review.publicationPublishedAt.slice(0, 10),
                year: review.year,
              })
            : t("aksi.docs.review.draft")}
        </p>
      </section>
      <section className="card">
        <h2>{t("aksi.docs.review.indicators")}</h2>
        {indicators.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
          <div className="filters" key={i}>
            <input
              aria-label={`${t("aksi.docs.review.indicatorName")} ${i + 1}`}
              placeholder={t("aksi.docs.review.indicatorName")}
              value={x.name}
              disabled={disabled}
              onChange={(e) => setI(i, { name: e.target.value })}
            />
            <input
              aria-label={`${t("aksi.docs.review.target")} ${i + 1}`}
              placeholder={t("aksi.docs.review.target")}
              inputMode="decimal"
              value={x.target ?? ""}
              disabled={disabled}
              onChange={(e) => setI(i, { target: numberOrNull(e.target.value) })}
            />
            <input
              aria-label={`${t("aksi.docs.review.achieved")} ${i + 1}`}
              placeholder={t("aksi.docs.review.achieved")}
              inputMode="decimal"
              value={x.achieved ?? ""}
              disabled={disabled}
              onChange={(e) => setI(i, { achieved: numberOrNull(e.target.value) })}
            />
            <input
              aria-label={`${t("aksi.docs.review.source")} ${i + 1}`}
              placeholder={t("aksi.docs.review.source")}
              value={x.source}
              disabled={disabled}
              onChange={(e) => setI(i, { source: e.target.value })}
            />
          </div>
        ))}
        {!disabled && (
          <button
            type="button"
            onClick={() =>
              setIndicators((xs) => [
                ...xs,
                { name: "", unit: "%", target: null, achieved: null, source: "" },
              ])
            }
          >
            {t("aksi.docs.review.addIndicator")}
          </button>
        )}
      </section>
      <section className="card">
        <h2>{t("aksi.docs.review.lessons")}</h2>
        <textarea
          aria-label={t("aksi.docs.review.lessons")}
          value={lessons}
          disabled={disabled}
          onChange={(e) => setLessons(e.target.value)}
        />
      </section>
      {!disabled && (
        <div className="filters">
          <button type="button" onClick={() => void save()}>
            {t("aksi.docs.review.save")}
          </button>
          <button type="button" onClick={() => void prefill()}>
            {t("aksi.docs.review.prefill", { year: review.year + 1 })}
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </>
  );
}

export function ReviewPage({ cycleId }: { cycleId: string | null }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<AksiReview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useApi(cycleId ? `review:${cycleId}` : null, () =>
    api.get<AksiReview>(`/api/aksi/cycles/${cycleId}/review`),
  );
  const r = saved ?? loaded.data;
  return (
    <div>
      <h1>{t("aksi.docs.review.title")}</h1>
      <AksiDocsLinks cycleId={cycleId} />
      {!cycleId && <p>{t("aksi.docs.chooseCycle")}</p>}
      {loaded.error && <p role="alert">{errorText(loaded.error, t).text}</p>}
      {r && (
        <>
          <h2>
            <a href={`#/aksi?cycle=${r.cycleId}`}>
              {r.districtName} {r.year}
            </a>
          </h2>
          <p>
            <a href={`/api/aksi/cycles/${r.cycleId}/review.pdf`} download>
              {t("aksi.docs.review.pdf")}
            </a>
          </p>
          <section className="card">
            <h2>{t("aksi.docs.review.aksi6")}</h2>
            <a href={r.links.dataQuality}>{t("aksi.docs.review.dataQuality", { year: r.year })}</a>
          </section>
          <section className="card">
            <h2>{t("aksi.docs.review.trend")}</h2>
            <p>
              {t("aksi.docs.review.stuntingTarget")}: {r.stuntingTarget ? `${r.stuntingTarget.value}%` : "–"}
            </p>
            <ul>
              {r.stuntingTrend.map((x) => (
                <li key={x.year}>
                  {x.year}: {pct(x.prevalencePct)} ({x.stunted} / {x.measured})
                </li>
              ))}
            </ul>
            <h3>{t("aksi.docs.scorecard.title")}</h3>
            <ul>
              {r.scorecards.map((s) => (
                <li key={s.quarter}>
                  {s.quarter}: {pct(s.levelPct)} ({t("aksi.docs.review.villages", { n: s.villages })})
                </li>
              ))}
            </ul>
            <p>
              {t("aksi.docs.review.kpmSummary", {
                with: r.kpm.villagesWithKpm,
                of: r.kpm.villages,
                kpm: r.kpm.kpm,
                trained: r.kpm.trained,
              })}{" "}
              · {t("aksi.docs.rembuk.title")}: {r.rembuk} · {t("aksi.docs.regulasi.title")}: {r.regulations}
            </p>
            <p>{t("aksi.docs.review.noActivities")}</p>
          </section>
          <ReviewForm
            key={r.version}
            review={r}
            onSaved={setSaved}
            message={message}
            setMessage={setMessage}
          />
        </>
      )}
    </div>
  );
}
