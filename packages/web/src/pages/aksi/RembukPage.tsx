/**
 * Rembuk stunting of a cycle (aksi 3): the meetings recorded, a form for a new one (participants,
 * agenda, commitment, agreed activities, follow-ups) and each meeting's berita acara as a PDF.
 */

import type { AksiCycleDetail, Rembuk } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { errorText } from "../../lib/messages.ts";
import { AksiDocsLinks } from "./AksiDocsLinks.tsx";
import { linesOf } from "./lines.ts";

type Participant = Rembuk["participants"][number];
type FollowUp = Rembuk["followUps"][number];

const emptyParticipant = (): Participant => ({ name: "", agency: "", role: "", signatory: false });
const emptyFollowUp = (): FollowUp => ({ action: "", owner: "", dueDate: null, status: "belum" });

function RembukForm({ cycle, onSaved }: { cycle: AksiCycleDetail["cycle"]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Rembuk["level"]>("district");
  const [regionCode, setRegionCode] = useState(cycle.districtCode);
  const [heldOn, setHeldOn] = useState("");
  const [place, setPlace] = useState("");
  const [agenda, setAgenda] = useState("");
  const [commitment, setCommitment] = useState("");
  const [activities, setActivities] = useState("");
  const [participants, setParticipants] = useState<Participant[]>([emptyParticipant()]);
  const [followUps, setFollowUps] = useState<FollowUp[]>([]);
  const [error, setError] = useState<string | null>(null);
  const setP = (i: number, change: Partial<Participant>) =>
    setParticipants((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const setF = (i: number, change: Partial<FollowUp>) =>
    setFollowUps((fs) => fs.map((f, j) => (j === i ? { ...f, ...change } : f)));
  const save = async () => {
    setError(null);
    try {
      await api.post(`/api/aksi/cycles/${cycle.id}/rembuk`, {
        level,
        regionCode,
        heldOn,
        place,
        agenda: linesOf(agenda),
        commitment,
        participants: participants.filter((p) => p.name.trim()),
        activities: linesOf(activities).map((text) => ({ text, activityId: null })),
        followUps: followUps.filter((f) => f.action.trim()),
      });
      onSaved();
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
  };
  return (
    <section className="card">
      <h2>{t("aksi.docs.rembuk.add")}</h2>
      <div className="filters">
        <label className="field">
          {t("aksi.docs.rembuk.level")}
          <select value={level} onChange={(e) => setLevel(e.target.value as Rembuk["level"])}>
            {(["district", "subdistrict", "village"] as const).map((l) => (
              <option key={l} value={l}>
                {t(`aksi.docs.rembuk.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("aksi.docs.regionCode")}
          <input value={regionCode} onChange={(e) => setRegionCode(e.target.value)} />
        </label>
        <label className="field">
          {t("aksi.docs.rembuk.date")}
          <input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
        </label>
        <label className="field">
          {t("aksi.docs.rembuk.place")}
          <input value={place} onChange={(e) => setPlace(e.target.value)} />
        </label>
      </div>
      <label className="field">
        {t("aksi.docs.rembuk.agenda")}
        <textarea value={agenda} onChange={(e) => setAgenda(e.target.value)} />
      </label>
      <label className="field">
        {t("aksi.docs.rembuk.commitment")}
        <textarea value={commitment} onChange={(e) => setCommitment(e.target.value)} />
      </label>
      <label className="field">
        {t("aksi.docs.rembuk.activities")}
        <textarea value={activities} onChange={(e) => setActivities(e.target.value)} />
      </label>
      <h3>{t("aksi.docs.rembuk.participants")}</h3>
      {participants.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
        <div className="filters" key={i}>
          <input
            aria-label={`${t("aksi.docs.rembuk.name")} ${i + 1}`}
            placeholder={t("aksi.docs.rembuk.name")}
            value={p.name}
            onChange={(e) => setP(i, { name: e.target.value })}
          />
          <input
            aria-label={`${t("aksi.docs.rembuk.agency")} ${i + 1}`}
            placeholder={t("aksi.docs.rembuk.agency")}
            value={p.agency}
            onChange={(e) => setP(i, { agency: e.target.value })}
          />
          <input
            aria-label={`${t("aksi.docs.rembuk.role")} ${i + 1}`}
            placeholder={t("aksi.docs.rembuk.role")}
            value={p.role}
            onChange={(e) => setP(i, { role: e.target.value })}
          />
          <label>
            <input
              type="checkbox"
              aria-label={`${t("aksi.docs.rembuk.signatory")} ${i + 1}`}
              checked={p.signatory}
              onChange={(e) => setP(i, { signatory: e.target.checked })}
            />
            {t("aksi.docs.rembuk.signatory")}
          </label>
        </div>
      ))}
      <button type="button" onClick={() => setParticipants((ps) => [...ps, emptyParticipant()])}>
        {t("aksi.docs.rembuk.addParticipant")}
      </button>
      <h3>{t("aksi.docs.rembuk.followUps")}</h3>
      {followUps.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
        <div className="filters" key={i}>
          <input
            aria-label={`${t("aksi.docs.rembuk.action")} ${i + 1}`}
            placeholder={t("aksi.docs.rembuk.action")}
            value={f.action}
            onChange={(e) => setF(i, { action: e.target.value })}
          />
          <input
            aria-label={`${t("aksi.docs.rembuk.owner")} ${i + 1}`}
            placeholder={t("aksi.docs.rembuk.owner")}
            value={f.owner}
            onChange={(e) => setF(i, { owner: e.target.value })}
          />
          <input
            type="date"
            aria-label={`${t("aksi.docs.rembuk.due")} ${i + 1}`}
            value={f.dueDate ?? ""}
            onChange={(e) => setF(i, { dueDate: e.target.value || null })}
          />
          <select
            aria-label={`${t("aksi.docs.rembuk.followStatus")} ${i + 1}`}
            value={f.status}
            onChange={(e) => setF(i, { status: e.target.value as FollowUp["status"] })}
          >
            {(["belum", "proses", "selesai"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`aksi.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="button" onClick={() => setFollowUps((fs) => [...fs, emptyFollowUp()])}>
        {t("aksi.docs.rembuk.addFollowUp")}
      </button>{" "}
      <button type="button" onClick={() => void save()}>
        {t("aksi.docs.rembuk.save")}
      </button>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

export function RembukPage({ cycleId }: { cycleId: string | null }) {
  const { t } = useTranslation();
  const detail = useApi(cycleId ? `cycle:${cycleId}` : null, () =>
    api.get<AksiCycleDetail>(`/api/aksi/cycles/${cycleId}`),
  );
  const list = useApi(cycleId ? `rembuk:${cycleId}` : null, () =>
    api.get<{ rembuk: Rembuk[] }>(`/api/aksi/cycles/${cycleId}/rembuk`),
  );
  const d = detail.data;
  const [error, setError] = useState<string | null>(null);
  /** Changes one follow-up's status: the whole meeting is written back with its version. */
  const setFollowUpStatus = async (r: Rembuk, index: number, status: FollowUp["status"]) => {
    setError(null);
    try {
      await api.put(`/api/aksi/rembuk/${r.id}`, {
        level: r.level,
        regionCode: r.regionCode,
        heldOn: r.heldOn,
        place: r.place,
        agenda: r.agenda,
        commitment: r.commitment,
        participants: r.participants,
        activities: r.activities,
        followUps: r.followUps.map((f, j) => (j === index ? { ...f, status } : f)),
        version: r.version,
      });
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
    list.reload();
  };
  return (
    <div>
      <h1>{t("aksi.docs.rembuk.title")}</h1>
      {error && <p role="alert">{error}</p>}
      <AksiDocsLinks cycleId={cycleId} />
      {!cycleId && <p>{t("aksi.docs.chooseCycle")}</p>}
      {d && (
        <p>
          <a href={`#/aksi?cycle=${d.cycle.id}`}>
            {d.cycle.districtName} {d.cycle.year}
          </a>
        </p>
      )}
      {(list.data?.rembuk ?? []).map((r) => (
        <section className="card" key={r.id} data-rembuk={r.id}>
          <h2>
            {t(`aksi.docs.rembuk.levels.${r.level}`)} {r.regionName} · {r.heldOn}
          </h2>
          <p>
            {r.place} · {t("aksi.docs.rembuk.participantsCount", { n: r.participants.length })}
          </p>
          {r.commitment && <p>{r.commitment}</p>}
          {r.followUps.length > 0 && (
            <ul>
              {r.followUps.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a follow-up has no id of its own
                <li key={i}>
                  {f.action} — {f.owner} {f.dueDate ?? ""}{" "}
                  {d?.canEdit ? (
                    <select
                      aria-label={`${t("aksi.docs.rembuk.followStatus")}: ${f.action}`}
                      value={f.status}
                      onChange={(e) => void setFollowUpStatus(r, i, e.target.value as FollowUp["status"])}
                    >
                      {(["belum", "proses", "selesai"] as const).map((st) => (
                        <option key={st} value={st}>
                          {t(`aksi.statuses.${st}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    `(${t(`aksi.statuses.${f.status}`)})`
                  )}
                </li>
              ))}
            </ul>
          )}
          <a href={`/api/aksi/rembuk/${r.id}/berita-acara.pdf`} download>
            {t("aksi.docs.rembuk.beritaAcara")}
          </a>
        </section>
      ))}
      {d?.canEdit && (
        <RembukForm key={list.data?.rembuk.length ?? 0} cycle={d.cycle} onSaved={() => list.reload()} />
      )}
    </div>
  );
}
