import type {
  MinilokChecklistEntry,
  MinilokListEntry,
  MinilokListsResponse,
  MinilokMeeting,
  MinilokMeetingResponse,
  MinilokMeetingsResponse,
  MinilokRecommendation,
} from "@tumbuh/core/api";
import { RECOMMENDATION_STATUSES } from "@tumbuh/core/programme";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiUrl } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { PERMISSION } from "../../auth/permissions.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatDate, formatPercent } from "../../lib/format.ts";
import { localToday } from "../../lib/today.ts";
import { href, navigate } from "../../routing/router.ts";

/** The meetings of the user's kecamatan (or district) and, for the TPPS roles, a form to hold one. */
function MeetingList() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const region = me?.user.regionCode ?? "";
  const meetings = useApi(region ? `minilok:${region}` : null, () =>
    api.get<MinilokMeetingsResponse>("/api/minilok/meetings", { region }),
  );
  const [kecamatan, setKecamatan] = useState(region.split(".").length === 3 ? region : "");
  const [heldOn, setHeldOn] = useState(localToday());
  const [place, setPlace] = useState("");
  const [error, setError] = useState<Error | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const res = await api.post<MinilokMeetingResponse>("/api/minilok/meetings", {
        subdistrictCode: kecamatan.trim(),
        heldOn,
        place: place.trim() || null,
        participants: [],
      });
      navigate("/minilok", { meeting: res.meeting.id });
    } catch (err) {
      setError(err as Error);
    }
  }

  return (
    <>
      <ErrorMessage error={meetings.error} />
      {meetings.loading ? <Loading /> : null}
      {meetings.data ? (
        <section className="card">
          <h2>{t("minilok.meetings")}</h2>
          {meetings.data.meetings.length === 0 ? <p>{t("minilok.none")}</p> : null}
          <ul className="plain-list">
            {meetings.data.meetings.map((m) => (
              <li key={m.id}>
                <a href={href("/minilok", { meeting: m.id })}>
                  {formatDate(m.heldOn)} — {m.subdistrictName ?? m.subdistrictCode}
                </a>{" "}
                <span className="hint">
                  {m.place ?? ""} · {t("minilok.participantsCount", { count: m.participants })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can(PERMISSION.minilokManage) ? (
        <section className="card">
          <h2>{t("minilok.hold")}</h2>
          <form onSubmit={create} aria-label={t("minilok.hold")}>
            <div className="field">
              <label htmlFor="ml-kec">{t("minilok.kecamatanCode")}</label>
              <input id="ml-kec" value={kecamatan} onChange={(e) => setKecamatan(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="ml-date">{t("minilok.date")}</label>
              <input
                id="ml-date"
                type="date"
                value={heldOn}
                onChange={(e) => setHeldOn(e.target.value)}
                required
              />
            </div>
            <div className="field">
              <label htmlFor="ml-place">{t("minilok.place")}</label>
              <input id="ml-place" value={place} onChange={(e) => setPlace(e.target.value)} />
            </div>
            <ErrorMessage error={error} />
            <button type="submit">{t("minilok.start")}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

function Participants({
  m,
  manage,
  onSaved,
}: {
  m: MinilokMeeting;
  manage: boolean;
  onSaved: (m: MinilokMeeting) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [agency, setAgency] = useState("");
  const [error, setError] = useState<Error | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const res = await api.patch<MinilokMeetingResponse>(`/api/minilok/meetings/${m.id}`, {
        version: m.version,
        place: m.place,
        notes: m.notes,
        participants: [...m.participants, { name: name.trim(), agency: agency.trim() || null }],
      });
      setName("");
      setAgency("");
      onSaved(res.meeting);
    } catch (err) {
      setError(err as Error);
    }
  }
  return (
    <section className="card">
      <h2>{t("minilok.participants")}</h2>
      <ol data-testid="minilok-participants">
        {m.participants.map((p) => (
          <li key={`${p.name}-${p.agency ?? ""}-${p.role ?? ""}`}>
            {p.name}
            {p.agency ? <span className="hint"> — {p.agency}</span> : null}
          </li>
        ))}
      </ol>
      {manage ? (
        <form className="inline-form" onSubmit={add} aria-label={t("minilok.addParticipant")}>
          <div className="field">
            <label htmlFor="p-name">{t("minilok.participantName")}</label>
            <input id="p-name" value={name} onChange={(e) => setName(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="p-agency">{t("minilok.agency")}</label>
            <input id="p-agency" value={agency} onChange={(e) => setAgency(e.target.value)} />
          </div>
          <ErrorMessage error={error} />
          <button type="submit">{t("minilok.addParticipant")}</button>
        </form>
      ) : null}
    </section>
  );
}

function Villages({
  m,
  manage,
  onSaved,
}: {
  m: MinilokMeeting;
  manage: boolean;
  onSaved: (m: MinilokMeeting) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [problems, setProblems] = useState("");
  const [followUp, setFollowUp] = useState("");
  const [error, setError] = useState<Error | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    try {
      const res = await api.put<MinilokMeetingResponse>(`/api/minilok/meetings/${m.id}/reviews`, {
        villageCode: editing,
        problems: problems.trim() || null,
        followUp: followUp.trim() || null,
      });
      setEditing(null);
      onSaved(res.meeting);
    } catch (err) {
      setError(err as Error);
    }
  }
  return (
    <section className="card">
      <h2>{t("minilok.villages")}</h2>
      <p className="hint">
        {t("minilok.coverageHint", {
          from: formatDate(m.reviewFrom),
          to: formatDate(m.reviewTo),
          semester: m.semester,
        })}
      </p>
      <div className="table-wrap">
        <table data-testid="minilok-villages">
          <thead>
            <tr>
              <th scope="col">{t("minilok.village")}</th>
              <th scope="col" className="num">
                {t("minilok.targets")}
              </th>
              <th scope="col" className="num">
                {t("minilok.assisted")}
              </th>
              <th scope="col" className="num">
                {t("minilok.coverage")}
              </th>
              <th scope="col" className="num">
                {t("minilok.berisiko")}
              </th>
              <th scope="col">{t("minilok.problems")}</th>
            </tr>
          </thead>
          <tbody>
            {m.villages.map((v) => (
              <tr key={v.villageCode}>
                <th scope="row">{v.villageName ?? v.villageCode}</th>
                <td className="num">{v.targets}</td>
                <td className="num">{v.assisted}</td>
                <td className="num">{formatPercent(v.coveragePct, i18n.language)}</td>
                <td className="num">
                  {v.berisiko} / {v.families}
                </td>
                <td>
                  {v.problems ?? ""}
                  {v.followUp ? <span className="hint"> → {v.followUp}</span> : null}
                  {manage ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setEditing(v.villageCode);
                        setProblems(v.problems ?? "");
                        setFollowUp(v.followUp ?? "");
                      }}
                    >
                      {t("minilok.editProblems")}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("minilok.total")}</th>
              <td className="num">{m.coverage.targets}</td>
              <td className="num">{m.coverage.assisted}</td>
              <td className="num" data-testid="minilok-coverage">
                {formatPercent(m.coverage.coveragePct, i18n.language)}
              </td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {editing ? (
        <form onSubmit={save} aria-label={t("minilok.editProblems")}>
          <div className="field">
            <label htmlFor="v-problems">{t("minilok.problemsOf", { village: editing })}</label>
            <textarea id="v-problems" value={problems} onChange={(e) => setProblems(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="v-follow">{t("minilok.followUp")}</label>
            <textarea id="v-follow" value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
          </div>
          <ErrorMessage error={error} />
          <div className="button-row">
            <button type="submit">{t("minilok.save")}</button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              {t("minilok.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Checklist({
  m,
  manage,
  onSaved,
}: {
  m: MinilokMeeting;
  manage: boolean;
  onSaved: (m: MinilokMeeting) => void;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<MinilokChecklistEntry[]>(m.checklist.items);
  const [newLabel, setNewLabel] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const setMet = (i: number, value: string) => {
    setSaved(false);
    setItems(items.map((x, n) => (n === i ? { ...x, met: value === "" ? null : value === "ya" } : x)));
  };
  async function save() {
    setError(null);
    try {
      const res = await api.put<MinilokMeetingResponse>(`/api/minilok/meetings/${m.id}/checklist`, { items });
      setSaved(true);
      onSaved(res.meeting);
    } catch (err) {
      setError(err as Error);
    }
  }
  function addItem(e: FormEvent) {
    e.preventDefault();
    const code = `butir_${items.length + 1}_${Date.now().toString(36)}`.slice(0, 40);
    setItems([...items, { code, group: "lainnya", label: newLabel.trim(), met: null, note: null }]);
    setNewLabel("");
  }
  return (
    <section className="card">
      <h2>{t("minilok.checklist")}</h2>
      {m.checklist.confidence === "mem" ? (
        <p className="notice" data-testid="minilok-unconfirmed">
          {t("minilok.unconfirmed")}
        </p>
      ) : null}
      <p className="hint">{t("minilok.checklistSource", { version: m.checklist.version })}</p>
      <div className="table-wrap">
        <table data-testid="minilok-checklist">
          <thead>
            <tr>
              <th scope="col">{t("minilok.group")}</th>
              <th scope="col">{t("minilok.item")}</th>
              <th scope="col">{t("minilok.met")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={item.code}>
                <td>{t(`minilok.groups.${item.group}`)}</td>
                <th scope="row">{item.label}</th>
                <td>
                  <select
                    aria-label={t("minilok.metFor", { item: item.label })}
                    value={item.met === null ? "" : item.met ? "ya" : "tidak"}
                    disabled={!manage}
                    onChange={(e) => setMet(i, e.target.value)}
                  >
                    <option value="">{t("minilok.notAssessed")}</option>
                    <option value="ya">{t("minilok.yes")}</option>
                    <option value="tidak">{t("minilok.no")}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="minilok-checklist-summary">
        {m.checklist.summary.map((s) => (
          <span key={s.group} className="chip">
            {t(`minilok.groups.${s.group}`)}: {s.met}/{s.items} ({formatPercent(s.metPct, i18n.language)})
          </span>
        ))}
      </p>
      {manage ? (
        <>
          <form className="inline-form" onSubmit={addItem} aria-label={t("minilok.addItem")}>
            <div className="field">
              <label htmlFor="c-new">{t("minilok.newItem")}</label>
              <input id="c-new" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} required />
            </div>
            <button type="submit" className="secondary">
              {t("minilok.addItem")}
            </button>
          </form>
          <ErrorMessage error={error} />
          <button type="button" onClick={save}>
            {t("minilok.saveChecklist")}
          </button>
          {saved ? <span className="hint"> {t("minilok.saved")}</span> : null}
        </>
      ) : null}
    </section>
  );
}

function Lists({ m, manage }: { m: MinilokMeeting; manage: boolean }) {
  const { t } = useTranslation();
  const lists = useApi(`minilok-lists:${m.id}`, () =>
    api.get<MinilokListsResponse>(`/api/minilok/meetings/${m.id}/lists`),
  );
  const [error, setError] = useState<Error | null>(null);
  async function verify(e: MinilokListEntry, verdict: "valid" | "tidak_valid") {
    setError(null);
    try {
      await api.put(`/api/minilok/meetings/${m.id}/verifications`, { kind: e.kind, entityId: e.id, verdict });
      lists.reload();
    } catch (err) {
      setError(err as Error);
    }
  }
  const table = (rows: MinilokListEntry[], title: string, testId: string) => (
    <>
      <h3>{title}</h3>
      <div className="table-wrap">
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t("minilok.name")}</th>
              <th scope="col">{t("minilok.village")}</th>
              <th scope="col">{t("minilok.reasons")}</th>
              <th scope="col">{t("minilok.verdict")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.villageName ?? r.villageCode}</td>
                <td>{r.reasons.map((x) => t(`minilok.reason.${x}`, { defaultValue: x })).join(", ")}</td>
                <td>
                  {r.verdict ? t(`minilok.verdicts.${r.verdict}`) : "—"}{" "}
                  {manage ? (
                    <>
                      <button type="button" className="link" onClick={() => verify(r, "valid")}>
                        {t("minilok.verdicts.valid")}
                      </button>{" "}
                      <button type="button" className="link" onClick={() => verify(r, "tidak_valid")}>
                        {t("minilok.verdicts.tidak_valid")}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
  return (
    <section className="card">
      <h2>{t("minilok.verval")}</h2>
      <p className="hint">{t("minilok.vervalHint")}</p>
      <ErrorMessage error={lists.error ?? error} />
      {lists.data ? (
        <>
          {table(lists.data.kasus, t("minilok.cases"), "minilok-cases")}
          {table(lists.data.keluarga, t("minilok.families"), "minilok-families")}
        </>
      ) : null}
    </section>
  );
}

function Recommendations({
  m,
  manage,
  onSaved,
}: {
  m: MinilokMeeting;
  manage: boolean;
  onSaved: (m: MinilokMeeting) => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState("");
  const [owner, setOwner] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [error, setError] = useState<Error | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const res = await api.post<MinilokMeetingResponse>(`/api/minilok/meetings/${m.id}/recommendations`, {
        action: action.trim(),
        owner: owner.trim(),
        dueOn: dueOn || null,
      });
      setAction("");
      setOwner("");
      setDueOn("");
      onSaved(res.meeting);
    } catch (err) {
      setError(err as Error);
    }
  }
  async function setStatus(r: MinilokRecommendation, status: string) {
    setError(null);
    try {
      await api.patch(`/api/minilok/recommendations/${r.id}`, {
        version: r.version,
        status,
        meetingId: m.id,
      });
      onSaved((await api.get<MinilokMeetingResponse>(`/api/minilok/meetings/${m.id}`)).meeting);
    } catch (err) {
      setError(err as Error);
    }
  }
  return (
    <section className="card">
      <h2>{t("minilok.recommendations")}</h2>
      <div className="table-wrap">
        <table data-testid="minilok-recommendations">
          <thead>
            <tr>
              <th scope="col">{t("minilok.action")}</th>
              <th scope="col">{t("minilok.owner")}</th>
              <th scope="col">{t("minilok.dueOn")}</th>
              <th scope="col">{t("minilok.status")}</th>
            </tr>
          </thead>
          <tbody>
            {m.recommendations.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.action}
                  {r.carried ? (
                    <span className="hint"> · {t("minilok.carried", { date: formatDate(r.raisedOn) })}</span>
                  ) : null}
                </th>
                <td>{r.owner}</td>
                <td>
                  {r.dueOn ? formatDate(r.dueOn) : "—"}
                  {r.overdue ? <span className="chip warn"> {t("minilok.overdue")}</span> : null}
                </td>
                <td>
                  <select
                    aria-label={t("minilok.statusOf", { action: r.action })}
                    value={r.status}
                    disabled={!manage}
                    onChange={(e) => setStatus(r, e.target.value)}
                  >
                    {RECOMMENDATION_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`minilok.statuses.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={error} />
      {manage ? (
        <form onSubmit={add} aria-label={t("minilok.addRecommendation")}>
          <div className="field">
            <label htmlFor="r-action">{t("minilok.action")}</label>
            <input id="r-action" value={action} onChange={(e) => setAction(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="r-owner">{t("minilok.owner")}</label>
            <input id="r-owner" value={owner} onChange={(e) => setOwner(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="r-due">{t("minilok.dueOn")}</label>
            <input id="r-due" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          </div>
          <button type="submit">{t("minilok.addRecommendation")}</button>
        </form>
      ) : null}
    </section>
  );
}

function MeetingView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const loaded = useApi(`minilok-meeting:${id}`, () =>
    api.get<MinilokMeetingResponse>(`/api/minilok/meetings/${id}`),
  );
  const [current, setCurrent] = useState<MinilokMeeting | null>(null);
  const m = current?.id === id ? current : (loaded.data?.meeting ?? null);
  const manage = can(PERMISSION.minilokManage);
  return (
    <>
      <p>
        <a href={href("/minilok")}>← {t("minilok.meetings")}</a>
      </p>
      <ErrorMessage error={loaded.error} />
      {loaded.loading ? <Loading /> : null}
      {m ? (
        <>
          <div className="page-head">
            <h2 data-testid="minilok-title">
              {m.subdistrictName ?? m.subdistrictCode} — {formatDate(m.heldOn)}
            </h2>
            <a
              className="button"
              href={apiUrl(`/api/minilok/meetings/${m.id}/minutes.pdf`)}
              download
              data-testid="minilok-pdf"
            >
              {t("minilok.minutes")}
            </a>
          </div>
          {m.place ? <p>{m.place}</p> : null}
          <Participants m={m} manage={manage} onSaved={setCurrent} />
          <Villages m={m} manage={manage} onSaved={setCurrent} />
          <Checklist key={`${m.id}-${m.checklist.version}`} m={m} manage={manage} onSaved={setCurrent} />
          {can(PERMISSION.families) ? <Lists m={m} manage={manage} /> : null}
          <Recommendations m={m} manage={manage} onSaved={setCurrent} />
        </>
      ) : null}
    </>
  );
}

/** Mini lokakarya kecamatan: the meetings, and one meeting's review, checklist, verification and follow-up. */
export function MinilokPage({ meeting }: { meeting: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("minilok.title")}</h1>
      {meeting ? <MeetingView key={meeting} id={meeting} /> : <MeetingList />}
    </div>
  );
}
