/**
 * One semester's audit. Everyone who sees the district gets the team, the panel and the counts;
 * the audit team also gets the named cases, case selection from the cases found in Tumbuh's data,
 * the follow-up plan per agency and the dissemination meeting.
 */
import type { AksCandidate, AksCasesResponse, AksCycle, AksFollowup, AksSummary } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { formatDate } from "../../lib/format.ts";
import { href, navigate } from "../../routing/router.ts";
import { ReasonChips, reasonText, semesterLabel, todayIso, useSave } from "./shared.tsx";
import "./aks.css";

type Tab = "cases" | "select" | "followup";
const FOLLOWUP_STATUSES = ["rencana", "berjalan", "selesai", "batal"] as const;

function Counts({
  title,
  counts,
  prefix,
}: {
  title: string;
  counts: Record<string, number>;
  prefix: string;
}) {
  const { t } = useTranslation();
  const rows = Object.entries(counts);
  return (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p>–</p>
      ) : (
        <ul>
          {rows.map(([k, n]) => (
            <li key={k}>
              {t(`${prefix}.${k}`, { defaultValue: k })}: <strong>{n}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Summary({ cycle, summary }: { cycle: AksCycle; summary: AksSummary | null }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="aks-summary">
      <h2>{t("aks.summary")}</h2>
      <p>
        {t("aks.casesCount")}: <strong>{summary?.cases ?? "…"}</strong> · {t("aks.dissemination")}:{" "}
        {cycle.disseminationOn ? formatDate(cycle.disseminationOn) : t("aks.notHeld")}
      </p>
      {summary ? (
        <div className="aks-grid">
          <Counts title={t("aks.byReason")} counts={summary.byReason} prefix="aks.reasonNames" />
          <Counts title={t("aks.byStatus")} counts={summary.byStatus} prefix="aks.statuses" />
          <Counts title={t("aks.followupsCount")} counts={summary.followups} prefix="aks.followupStatuses" />
        </div>
      ) : null}
      <h3>{t("aks.team")}</h3>
      <ul>
        {cycle.team.map((m) => (
          <li key={m.username}>
            {m.displayName} ({t(`aks.roles.${m.role}`)})
          </li>
        ))}
      </ul>
      <h3>{t("aks.panel")}</h3>
      <ul>
        {cycle.panel.map((p) => (
          <li key={p.name}>
            {p.name} — {p.role}
            {p.expertise ? `, ${p.expertise}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CasesTab({ data }: { data: AksCasesResponse }) {
  const { t } = useTranslation();
  if (data.cases.length === 0) return <p>{t("aks.noCases")}</p>;
  return (
    <TableScroll label={t("aks.tabs.cases")}>
      <table data-testid="aks-cases">
        <thead>
          <tr>
            <th>{t("aks.name")}</th>
            <th>{t("aks.kind")}</th>
            <th>{t("aks.village")}</th>
            <th>{t("aks.reasons")}</th>
            <th>{t("aks.status")}</th>
          </tr>
        </thead>
        <tbody>
          {data.cases.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={href(`/aks/case/${c.id}`)}>{c.name}</a>
              </td>
              <td>{t(`aks.kinds.${c.kind}`)}</td>
              <td>{c.villageName ?? c.villageCode}</td>
              <td>
                <ReasonChips reasons={c.reasons} />
              </td>
              <td>{t(`aks.statuses.${c.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function CandidateRow({ cycleId, c }: { cycleId: string; c: AksCandidate }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState("");
  const save = useSave();
  const select = () =>
    save.run(async () => {
      const res = await api.post<{ case: { id: string } }>(`/api/aks/cycles/${cycleId}/cases`, {
        kind: c.kind,
        childId: c.childId ?? undefined,
        familyId: c.familyId ?? undefined,
        targetId: c.targetId ?? undefined,
        note,
      });
      navigate(`/aks/case/${res.case.id}`);
    });
  return (
    <li className="aks-candidate" data-testid="aks-candidate">
      <strong>{c.name}</strong> · {t(`aks.kinds.${c.kind}`)} · {c.villageName ?? c.villageCode}{" "}
      <ReasonChips reasons={c.reasons} />
      <br />
      <small>{c.reasons.map((r) => reasonText(r, t, i18n.language)).join("; ")}</small>
      {c.selected ? (
        <p>
          <span className="chip good">{t("aks.selected")}</span>
        </p>
      ) : (
        <div className="aks-form">
          <label>
            {t("aks.selectNote")}
            <textarea
              aria-label={`${t("aks.selectNote")}: ${c.name}`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <button type="button" disabled={save.busy} onClick={() => void select()}>
            {t("aks.select")}
          </button>
          {save.feedback}
        </div>
      )}
    </li>
  );
}

function SelectTab({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const found = useApi(`aks-candidates:${cycleId}`, () =>
    api.get<{ semester: string; candidates: AksCandidate[] }>(`/api/aks/cycles/${cycleId}/candidates`),
  );
  const all = found.data?.candidates ?? [];
  const reasons = [...new Set(all.flatMap((c) => c.reasons.map((r) => r.reason)))];
  const shown = all.filter((c) => !reason || c.reasons.some((r) => r.reason === reason)).slice(0, 50);
  return (
    <section className="card">
      <h2>{t("aks.tabs.select")}</h2>
      <p>{t("aks.candidatesIntro")}</p>
      <ErrorMessage error={found.error} />
      {found.loading ? <Loading /> : null}
      {found.data && all.length === 0 ? <p>{t("aks.noCandidates")}</p> : null}
      {all.length > 0 ? (
        <>
          <label>
            {t("aks.filterReason")}{" "}
            <select value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">{t("aks.all")}</option>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {t(`aks.reasonNames.${r}`, { defaultValue: r })}
                </option>
              ))}
            </select>
          </label>
          <p>{t("aks.shown", { shown: shown.length, total: all.length })}</p>
        </>
      ) : null}
      <ul className="aks-cards">
        {shown.map((c) => (
          <CandidateRow key={`${c.childId ?? c.familyId ?? c.targetId}`} cycleId={cycleId} c={c} />
        ))}
      </ul>
    </section>
  );
}

/** The follow-up plan's table with a status choice per action (team only). */
export function FollowupTable({
  followups,
  caseNames,
  onChanged,
}: {
  followups: readonly AksFollowup[];
  caseNames: Map<string, string>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const save = useSave();
  if (followups.length === 0) return <p>{t("aks.noFollowups")}</p>;
  return (
    <>
      <TableScroll label={t("aks.followups")}>
        <table data-testid="aks-followups">
          <thead>
            <tr>
              <th>{t("aks.agency")}</th>
              <th>{t("aks.action")}</th>
              <th>{t("aks.forCase")}</th>
              <th>{t("aks.dueOn")}</th>
              <th>{t("aks.status")}</th>
            </tr>
          </thead>
          <tbody>
            {followups.map((f) => (
              <tr key={f.id}>
                <td>{f.agency}</td>
                <td>{f.action}</td>
                <td>
                  {f.caseId ? (
                    <a href={href(`/aks/case/${f.caseId}`)}>{caseNames.get(f.caseId) ?? t("aks.forCase")}</a>
                  ) : (
                    t("aks.wholeCycle")
                  )}
                </td>
                <td>{formatDate(f.dueOn)}</td>
                <td>
                  <select
                    aria-label={`${t("aks.setStatus")}: ${f.agency}`}
                    value={f.status}
                    disabled={save.busy}
                    onChange={(e) =>
                      void save
                        .run(() =>
                          api.put(`/api/aks/followups/${f.id}/status`, {
                            version: f.version,
                            status: e.target.value,
                          }),
                        )
                        .then(onChanged)
                    }
                  >
                    {FOLLOWUP_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`aks.followupStatuses.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {save.feedback}
    </>
  );
}

/** The form that adds an action of the follow-up plan, for the cycle or one case. */
export function FollowupForm({
  cycleId,
  caseId,
  cases,
  onAdded,
}: {
  cycleId: string;
  caseId?: string;
  cases?: readonly { id: string; name: string }[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [agency, setAgency] = useState("");
  const [action, setAction] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [forCase, setForCase] = useState(caseId ?? "");
  const save = useSave();
  const add = () =>
    save.run(async () => {
      await api.post(`/api/aks/cycles/${cycleId}/followups`, {
        caseId: forCase || null,
        agency,
        action,
        dueOn: dueOn || null,
      });
      setAgency("");
      setAction("");
      setDueOn("");
      onAdded();
    });
  return (
    <div className="aks-form" data-testid="aks-followup-form">
      <h3>{t("aks.addFollowup")}</h3>
      {cases ? (
        <label>
          {t("aks.forCase")}
          <select value={forCase} onChange={(e) => setForCase(e.target.value)}>
            <option value="">{t("aks.wholeCycle")}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {t("aks.agency")}
        <input value={agency} onChange={(e) => setAgency(e.target.value)} />
      </label>
      <label>
        {t("aks.action")}
        <textarea value={action} onChange={(e) => setAction(e.target.value)} />
      </label>
      <label>
        {t("aks.dueOn")}
        <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      </label>
      <button type="button" disabled={save.busy} onClick={() => void add()}>
        {t("aks.addFollowup")}
      </button>
      {save.feedback}
    </div>
  );
}

function DisseminationForm({ cycle, onSaved }: { cycle: AksCycle; onSaved: () => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(cycle.disseminationOn ?? todayIso());
  const [participants, setParticipants] = useState(cycle.disseminationParticipants ?? "");
  const [notes, setNotes] = useState(cycle.disseminationNotes ?? "");
  const save = useSave();
  return (
    <section className="card aks-form" data-testid="aks-dissemination">
      <h2>{t("aks.dissemination")}</h2>
      <label>
        {t("aks.disseminationOn")}
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      </label>
      <label>
        {t("aks.participants")}
        <textarea value={participants} onChange={(e) => setParticipants(e.target.value)} />
      </label>
      <label>
        {t("aks.notes")}
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={save.busy}
        onClick={() =>
          void save
            .run(() =>
              api.put(`/api/aks/cycles/${cycle.id}/dissemination`, {
                version: cycle.version,
                on,
                participants,
                notes: notes || null,
              }),
            )
            .then((ok) => ok && onSaved())
        }
      >
        {t("aks.saveDissemination")}
      </button>
      {save.feedback}
    </section>
  );
}

export function AksCyclePage({ id, tab }: { id: string; tab: string | null }) {
  const { t } = useTranslation();
  const cycle = useApi(`aks-cycle:${id}`, () => api.get<{ cycle: AksCycle }>(`/api/aks/cycles/${id}`));
  const c = cycle.data?.cycle ?? null;
  const summary = useApi(c ? `aks-summary:${id}:${c.version}` : null, () =>
    api.get<AksSummary>(`/api/aks/cycles/${id}/summary`),
  );
  const cases = useApi(c?.member ? `aks-cases:${id}` : null, () =>
    api.get<AksCasesResponse>(`/api/aks/cycles/${id}/cases`),
  );
  const current: Tab = tab === "select" || tab === "followup" ? tab : "cases";
  const caseNames = new Map((cases.data?.cases ?? []).map((x) => [x.id, x.name]));
  return (
    <div className="page">
      <p className="aks-no-print">
        <a href={href("/aks")}>← {t("aks.title")}</a>
      </p>
      <h1>
        {t("aks.title")} {c ? `· ${semesterLabel(c.semester, t)}` : ""}
      </h1>
      <ErrorMessage error={cycle.error} />
      {cycle.loading ? <Loading /> : null}
      {c ? (
        <>
          <p data-testid="aks-membership">
            {c.member ? <span className="chip good">{t("aks.member")}</span> : t("aks.notMember")}{" "}
            <a
              className="button secondary aks-no-print"
              href={`/api/aks/cycles/${id}/report.pdf`}
              target="_blank"
              rel="noreferrer"
            >
              {t("aks.print")}
            </a>
          </p>
          <Summary cycle={c} summary={summary.data} />
          {c.member ? (
            <>
              <nav className="aks-tabs" aria-label={t("aks.title")}>
                {(["cases", "select", "followup"] as const).map((k) => (
                  <a
                    key={k}
                    href={href(`/aks/${id}`, { tab: k })}
                    aria-current={current === k ? "page" : undefined}
                  >
                    {t(`aks.tabs.${k}`)}
                  </a>
                ))}
              </nav>
              <ErrorMessage error={cases.error} />
              {current === "cases" && cases.data ? <CasesTab data={cases.data} /> : null}
              {current === "select" ? <SelectTab cycleId={id} /> : null}
              {current === "followup" && cases.data ? (
                <>
                  <section className="card">
                    <h2>{t("aks.followups")}</h2>
                    <FollowupTable
                      followups={cases.data.followups}
                      caseNames={caseNames}
                      onChanged={cases.reload}
                    />
                    <FollowupForm cycleId={id} cases={cases.data.cases} onAdded={cases.reload} />
                  </section>
                  <DisseminationForm key={c.version} cycle={c} onSaved={cycle.reload} />
                </>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
