import type { Referral, ReferralList } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatPeriod } from "../../lib/format.ts";
import { href, navigate } from "../../routing/router.ts";

type Status = Referral["status"];

/**
 * Refers a child: a button that opens a note field (required when the child has no T, 2T or BGM
 * alert; the server says so) and sends the referral.
 */
export function ReferButton({
  childId,
  name,
  onDone,
}: {
  childId: string;
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  if (!open)
    return (
      <button
        type="button"
        className="button small"
        data-testid={`refer-${childId}`}
        aria-label={t("posyandu.referrals.referOf", { name })}
        onClick={() => setOpen(true)}
      >
        {t("posyandu.referrals.refer")}
      </button>
    );
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post("/api/referrals", { childId, note: note.trim() || undefined });
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="inline-form">
      <label>
        <span className="visually-hidden">{t("posyandu.referrals.noteLabel")}</span>
        <input
          type="text"
          value={note}
          maxLength={500}
          placeholder={t("posyandu.referrals.notePlaceholder")}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button type="button" className="button small" disabled={busy} onClick={send}>
        {t("posyandu.referrals.refer")}
      </button>
      <button type="button" className="button small secondary" onClick={() => setOpen(false)}>
        {t("posyandu.referrals.cancel")}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

/** The puskesmas's buttons on a referral: mark it attended or resolved, with a note. */
function StatusButtons({ r, onDone }: { r: Referral; onDone: () => void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<Status | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<Error | null>(null);
  if (r.status === "resolved") return null;
  const next: Status[] = r.status === "referred" ? ["attended", "resolved"] : ["resolved"];
  if (!to)
    return (
      <>
        {next.map((s) => (
          <button
            key={s}
            type="button"
            className="button small secondary"
            data-testid={`mark-${s}-${r.id}`}
            onClick={() => setTo(s)}
          >
            {t(s === "attended" ? "posyandu.referrals.markAttended" : "posyandu.referrals.markResolved")}
          </button>
        ))}
      </>
    );
  const save = async () => {
    setError(null);
    try {
      await api.patch(`/api/referrals/${r.id}`, {
        status: to,
        note: note.trim() || undefined,
        version: r.version,
      });
      setTo(null);
      onDone();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="inline-form">
      <label>
        <span className="visually-hidden">{t("posyandu.referrals.noteLabel")}</span>
        <input
          type="text"
          value={note}
          maxLength={500}
          placeholder={t("posyandu.referrals.noteLabel")}
          data-testid="status-note"
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button type="button" className="button small" data-testid="status-save" onClick={save}>
        {t("posyandu.referrals.save")}: {t(`posyandu.referrals.status.${to}`)}
      </button>
      <button type="button" className="button small secondary" onClick={() => setTo(null)}>
        {t("posyandu.referrals.cancel")}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

/** A referral's status as a chip. */
function StatusChip({ status }: { status: Status }) {
  const { t } = useTranslation();
  const tone = status === "resolved" ? "good" : status === "attended" ? "warn" : "bad";
  return (
    <span className={`chip ${tone}`} data-testid="referral-status">
      {t(`posyandu.referrals.status.${status}`)}
    </span>
  );
}

/** The referrals as a table, each with its history and (for the puskesmas) its status buttons. */
function ReferralTable({
  rows,
  mayUpdate,
  onChange,
}: {
  rows: Referral[];
  mayUpdate: boolean;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID", {
      dateStyle: "medium",
      timeStyle: "short",
    });
  if (rows.length === 0) return <p className="notice">{t("posyandu.referrals.none")}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="referral-list">
        <thead>
          <tr>
            <th>{t("posyandu.referrals.col.child")}</th>
            <th>{t("posyandu.referrals.col.posyandu")}</th>
            <th>{t("posyandu.referrals.col.reasons")}</th>
            <th>{t("posyandu.referrals.col.referredOn")}</th>
            <th>{t("posyandu.referrals.col.status")}</th>
            <th>{t("posyandu.referrals.col.history")}</th>
            {mayUpdate ? <th>{t("posyandu.referrals.col.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={href(`/children/${r.childId}`)}>{r.childName}</a>
              </td>
              <td>
                {r.posyanduName ?? "—"}
                {r.puskesmasName ? <span className="hint"> · {r.puskesmasName}</span> : null}
              </td>
              <td>
                {r.reasons.map((x) => t(`posyandu.referrals.reason.${x}`)).join(", ")}{" "}
                <span className="hint">({formatPeriod(r.alertMonth, i18n.language)})</span>
              </td>
              <td>{r.referredOn}</td>
              <td>
                <StatusChip status={r.status} />
              </td>
              <td>
                <ul className="plain-list" data-testid="referral-history">
                  {r.events.map((e) => (
                    <li key={`${e.status}-${e.at}`}>
                      {t("posyandu.referrals.event", {
                        status: t(`posyandu.referrals.status.${e.status}`),
                        by: e.by ?? "—",
                        at: when(e.at),
                      })}
                      {e.note ? <span className="hint"> — {e.note}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
              {mayUpdate ? (
                <td>
                  <StatusButtons r={r} onDone={onChange} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The referral list of a region (default the user's scope), a posyandu or a puskesmas: children
 * to refer (for one posyandu), the referrals with their status and history, the puskesmas's
 * buttons to mark them attended or resolved.
 */
export function ReferralsPage({
  region,
  posyandu,
  puskesmas,
  status,
}: {
  region: string | null;
  posyandu: string | null;
  puskesmas: string | null;
  status: string | null;
}) {
  const { t, i18n } = useTranslation();
  const key = `referrals:${region ?? ""}:${posyandu ?? ""}:${puskesmas ?? ""}:${status ?? ""}`;
  const res = useApi(key, () =>
    api.get<ReferralList>("/api/referrals", {
      region: region ?? undefined,
      posyandu: posyandu ?? undefined,
      puskesmas: puskesmas ?? undefined,
      status: status ?? undefined,
    }),
  );
  if (res.error) return <ErrorMessage error={res.error} />;
  const d = res.data;
  if (!d) return <Loading />;
  const go = (q: Record<string, string | null>) =>
    navigate("/referrals", { region, posyandu, puskesmas, status, ...q });
  return (
    <div className="page" data-testid="referrals-page">
      <div className="page-head">
        <div>
          <h1>
            {t("posyandu.referrals.title")}
            {d.posyandu ? <span className="subtitle"> — {d.posyandu.name}</span> : null}
          </h1>
          <p className="hint">{t("posyandu.referrals.intro")}</p>
          <p data-testid="referral-counts">{t("posyandu.referrals.counts", d.counts)}</p>
        </div>
        <div className="filters">
          <label>
            {t("posyandu.referrals.filterStatus")}{" "}
            <select value={status ?? ""} onChange={(e) => go({ status: e.target.value || null })}>
              <option value="">{t("posyandu.referrals.allStatuses")}</option>
              {(["referred", "attended", "resolved"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`posyandu.referrals.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {d.puskesmas.length > 0 && !posyandu ? (
            <label>
              {t("posyandu.referrals.filterPuskesmas")}{" "}
              <select value={puskesmas ?? ""} onChange={(e) => go({ puskesmas: e.target.value || null })}>
                <option value="">{t("posyandu.referrals.allPuskesmas")}</option>
                {d.puskesmas.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {d.posyandu ? (
            <a className="button secondary" href={href(`/posyandu/${d.posyandu.id}`)}>
              {t("posyandu.title", { name: d.posyandu.name })}
            </a>
          ) : null}
        </div>
      </div>
      {d.posyandu ? (
        <section aria-labelledby="candidates-title">
          <h2 id="candidates-title">{t("posyandu.referrals.candidatesTitle", { n: d.candidates.length })}</h2>
          {d.candidates.length === 0 ? (
            <p className="notice">{t("posyandu.referrals.candidatesNone")}</p>
          ) : (
            <ul className="plain-list" data-testid="referral-candidates">
              {d.candidates.map((c) => (
                <li key={c.childId}>
                  <a href={href(`/children/${c.childId}`)}>{c.childName}</a>{" "}
                  {c.alerts.map((a) => (
                    <span key={a.rule} className="chip bad">
                      {a.rule} ({formatPeriod(a.since, i18n.language)})
                    </span>
                  ))}{" "}
                  {d.mayCreate ? (
                    <ReferButton childId={c.childId} name={c.childName} onDone={res.reload} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="referrals-title">
        <h2 id="referrals-title">{t("posyandu.referrals.listTitle", { n: d.referrals.length })}</h2>
        <ReferralTable rows={d.referrals} mayUpdate={d.mayUpdate} onChange={res.reload} />
      </section>
      <p className="hint">{t("posyandu.referrals.puskesmasNote")}</p>
    </div>
  );
}

/** A child's referrals on its record (for the roles that see referrals). */
export function ChildReferrals({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const res = useApi(`referrals-child:${childId}`, () =>
    api.get<ReferralList>("/api/referrals", { child: childId }),
  );
  if (res.error) return <ErrorMessage error={res.error} />;
  if (!res.data) return <Loading />;
  return (
    <section className="card" aria-labelledby="child-referrals-title" data-testid="child-referrals">
      <h2 id="child-referrals-title">{t("posyandu.referrals.ofChild")}</h2>
      {res.data.referrals.length === 0 ? (
        <p className="hint">{t("posyandu.referrals.childNone")}</p>
      ) : (
        <ReferralTable rows={res.data.referrals} mayUpdate={res.data.mayUpdate} onChange={res.reload} />
      )}
      {res.data.mayCreate && !res.data.referrals.some((r) => r.status !== "resolved") ? (
        <ReferButton childId={childId} name="" onDone={res.reload} />
      ) : null}
    </section>
  );
}
