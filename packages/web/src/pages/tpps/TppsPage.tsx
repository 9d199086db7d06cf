import type { TppsTeam, TppsTeamResponse, TppsTeamsResponse } from "@tumbuh/core/api";
import { TPPS_ROLES } from "@tumbuh/core/programme";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiUrl } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { PERMISSION } from "../../auth/permissions.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatDate } from "../../lib/format.ts";

/** Seats a person on a team: a name already on another team of the district is the same person. */
function MemberForm({ team, onSaved }: { team: TppsTeam; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof TPPS_ROLES)[number]>("anggota");
  const [bidang, setBidang] = useState("");
  const [agency, setAgency] = useState("");
  const [positionTitle, setPositionTitle] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const id = team.id.slice(0, 8);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post<TppsTeamResponse>(`/api/tpps/teams/${team.id}/members`, {
        name: name.trim(),
        role,
        bidang: bidang.trim() || null,
        agency: agency.trim(),
        positionTitle: positionTitle.trim() || null,
        position: team.members.length + 1,
      });
      setName("");
      setBidang("");
      setPositionTitle("");
      onSaved();
    } catch (err) {
      setError(err as Error);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={t("tpps.addMemberTo", { team: team.name })}>
      <div className="field">
        <label htmlFor={`m-name-${id}`}>{t("tpps.name")}</label>
        <input id={`m-name-${id}`} value={name} onChange={(e) => setName(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`m-role-${id}`}>{t("tpps.role")}</label>
        <select id={`m-role-${id}`} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
          {TPPS_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`tpps.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {role === "bidang" ? (
        <div className="field">
          <label htmlFor={`m-bidang-${id}`}>{t("tpps.bidang")}</label>
          <input id={`m-bidang-${id}`} value={bidang} onChange={(e) => setBidang(e.target.value)} required />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`m-title-${id}`}>{t("tpps.positionTitle")}</label>
        <input
          id={`m-title-${id}`}
          value={positionTitle}
          onChange={(e) => setPositionTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`m-agency-${id}`}>{t("tpps.agency")}</label>
        <input id={`m-agency-${id}`} value={agency} onChange={(e) => setAgency(e.target.value)} required />
      </div>
      <ErrorMessage error={error} />
      <button type="submit">{t("tpps.addMember")}</button>
    </form>
  );
}

function TeamCard({
  team,
  canManage,
  onChanged,
}: {
  team: TppsTeam;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="tpps-team">
      <h2>
        {team.name} <span className="hint">— {team.regionName ?? team.regionCode}</span>
      </h2>
      <p>
        {t(`tpps.levels.${team.level}`)} · {t("tpps.decree")}: {team.decreeNumber ?? "—"}
        {team.decreeDate ? ` (${formatDate(team.decreeDate)})` : ""} · {t("tpps.period")}:{" "}
        {formatDate(team.periodFrom)}
        {" – "}
        {team.periodTo ? formatDate(team.periodTo) : t("tpps.openEnded")}{" "}
        <span className={team.active ? "chip ok" : "chip"}>
          {team.active ? t("tpps.active") : t("tpps.inactive")}
        </span>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("tpps.name")}</th>
              <th scope="col">{t("tpps.role")}</th>
              <th scope="col">{t("tpps.positionTitle")}</th>
              <th scope="col">{t("tpps.agency")}</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name}
                  {m.seats > 1 ? (
                    <span className="hint"> · {t("tpps.seats", { count: m.seats })}</span>
                  ) : null}
                </th>
                <td>
                  {m.role === "bidang"
                    ? `${t("tpps.roles.bidang")} ${m.bidang ?? ""}`
                    : t(`tpps.roles.${m.role}`)}
                </td>
                <td>{m.positionTitle ?? "—"}</td>
                <td>{m.agency}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage ? <MemberForm team={team} onSaved={onChanged} /> : null}
    </section>
  );
}

/** TPPS teams of the user's region and below: decree, period and seats; a printable list; forms for the TPPS roles. */
export function TppsPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const region = me?.user.regionCode ?? "";
  const teams = useApi(region ? `tpps:${region}` : null, () =>
    api.get<TppsTeamsResponse>("/api/tpps/teams", { region }),
  );
  const canManage = can(PERMISSION.tppsManage);
  const [form, setForm] = useState({
    regionCode: region,
    name: "",
    decreeNumber: "",
    decreeDate: "",
    periodFrom: "",
    periodTo: "",
  });
  const [error, setError] = useState<Error | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post<TppsTeamResponse>("/api/tpps/teams", {
        regionCode: form.regionCode.trim() || region,
        name: form.name.trim(),
        decreeNumber: form.decreeNumber.trim() || null,
        decreeDate: form.decreeDate || null,
        periodFrom: form.periodFrom,
        periodTo: form.periodTo || null,
      });
      setForm({ ...form, name: "", decreeNumber: "", decreeDate: "" });
      teams.reload();
    } catch (err) {
      setError(err as Error);
    }
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("tpps.title")}</h1>
        <a
          className="button"
          href={apiUrl("/api/tpps/teams.pdf", { region })}
          download
          data-testid="tpps-pdf"
        >
          {t("tpps.print")}
        </a>
      </div>
      <p className="hint">{t("tpps.intro")}</p>
      <ErrorMessage error={teams.error} />
      {teams.loading ? <Loading /> : null}
      {teams.data?.teams.length === 0 ? <p>{t("tpps.none")}</p> : null}
      {teams.data?.teams.map((team) => (
        <TeamCard key={team.id} team={team} canManage={canManage} onChanged={teams.reload} />
      ))}
      {canManage ? (
        <section className="card">
          <h2>{t("tpps.addTeam")}</h2>
          <form onSubmit={create} aria-label={t("tpps.addTeam")}>
            <div className="field">
              <label htmlFor="tpps-region">{t("tpps.regionCode")}</label>
              <input id="tpps-region" value={form.regionCode} onChange={set("regionCode")} required />
            </div>
            <div className="field">
              <label htmlFor="tpps-name">{t("tpps.teamName")}</label>
              <input id="tpps-name" value={form.name} onChange={set("name")} required />
            </div>
            <div className="field">
              <label htmlFor="tpps-decree">{t("tpps.decreeNumber")}</label>
              <input id="tpps-decree" value={form.decreeNumber} onChange={set("decreeNumber")} />
            </div>
            <div className="field">
              <label htmlFor="tpps-decree-date">{t("tpps.decreeDate")}</label>
              <input id="tpps-decree-date" type="date" value={form.decreeDate} onChange={set("decreeDate")} />
            </div>
            <div className="field">
              <label htmlFor="tpps-from">{t("tpps.periodFrom")}</label>
              <input
                id="tpps-from"
                type="date"
                value={form.periodFrom}
                onChange={set("periodFrom")}
                required
              />
            </div>
            <div className="field">
              <label htmlFor="tpps-to">{t("tpps.periodTo")}</label>
              <input id="tpps-to" type="date" value={form.periodTo} onChange={set("periodTo")} />
            </div>
            <ErrorMessage error={error} />
            <button type="submit">{t("tpps.save")}</button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
