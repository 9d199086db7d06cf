/**
 * Audit Kasus Stunting: a district's audits by semester (with counts, never names), and the form
 * the district TPPS opens a semester's audit with, naming its team and expert panel.
 */
import type { AksCycle, AksSummary } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { RegionPicker } from "../../components/RegionPicker.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { href, navigate } from "../../routing/router.ts";
import { semesterLabel, todayIso, useSave } from "./shared.tsx";
import "./aks.css";

const ROLES = ["tim_teknis", "tim_pakar", "sekretariat", "ketua"] as const;

function currentSemester(): string {
  const today = todayIso();
  return `${today.slice(0, 4)}-S${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
}

function CycleRow({ cycle }: { cycle: AksCycle }) {
  const { t } = useTranslation();
  const summary = useApi(`aks-summary:${cycle.id}:${cycle.version}`, () =>
    api.get<AksSummary>(`/api/aks/cycles/${cycle.id}/summary`),
  );
  return (
    <li className="card" data-testid="aks-cycle">
      <h2>
        <a href={href(`/aks/${cycle.id}`)}>{semesterLabel(cycle.semester, t)}</a>
      </h2>
      <p>
        {t("aks.casesCount")}: <strong>{summary.data?.cases ?? "…"}</strong> · {t("aks.dissemination")}:{" "}
        {cycle.disseminationOn ?? t("aks.notHeld")}
      </p>
      <p>{cycle.member ? <span className="chip good">{t("aks.member")}</span> : t("aks.notMember")}</p>
    </li>
  );
}

function OpenCycleForm({ district, onOpened }: { district: string; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const [semester, setSemester] = useState(currentSemester());
  const [team, setTeam] = useState<{ username: string; role: (typeof ROLES)[number] }[]>([
    { username: "", role: "tim_teknis" },
  ]);
  const [panel, setPanel] = useState<{ name: string; role: string; expertise: string }[]>([
    { name: "", role: "", expertise: "" },
  ]);
  const save = useSave();
  const submit = () =>
    save.run(async () => {
      const res = await api.post<{ cycle: AksCycle }>("/api/aks/cycles", {
        districtCode: district,
        semester,
        team: team.filter((m) => m.username.trim()),
        panel: panel
          .filter((p) => p.name.trim())
          .map((p) => ({ name: p.name, role: p.role, expertise: p.expertise || undefined })),
      });
      onOpened(res.cycle.id);
    });
  return (
    <details className="card">
      <summary>{t("aks.openTitle")}</summary>
      <div className="form-row">
        <label>
          {t("aks.semester")}
          <input value={semester} onChange={(e) => setSemester(e.target.value)} placeholder="2025-S1" />
        </label>
      </div>
      <h3>{t("aks.team")}</h3>
      {team.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a form being typed
        <div className="form-row" key={i}>
          <label>
            {t("aks.teamMember")}
            <input
              value={m.username}
              onChange={(e) =>
                setTeam(team.map((x, j) => (j === i ? { ...x, username: e.target.value } : x)))
              }
            />
          </label>
          <label>
            {t("aks.teamMemberRole")}
            <select
              value={m.role}
              onChange={(e) =>
                setTeam(team.map((x, j) => (j === i ? { ...x, role: e.target.value as typeof m.role } : x)))
              }
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`aks.roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => setTeam([...team, { username: "", role: "tim_teknis" }])}
      >
        {t("aks.addMember")}
      </button>
      <h3>{t("aks.panel")}</h3>
      {panel.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a form being typed
        <div className="form-row" key={i}>
          {(["name", "role", "expertise"] as const).map((f) => (
            <label key={f}>
              {t(`aks.panel${f === "name" ? "Name" : f === "role" ? "Role" : "Expertise"}`)}
              <input
                value={p[f]}
                onChange={(e) => setPanel(panel.map((x, j) => (j === i ? { ...x, [f]: e.target.value } : x)))}
              />
            </label>
          ))}
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => setPanel([...panel, { name: "", role: "", expertise: "" }])}
      >
        {t("aks.addPanel")}
      </button>
      <p>
        <button type="button" disabled={save.busy} onClick={() => void submit()}>
          {t("aks.open")}
        </button>
      </p>
      {save.feedback}
    </details>
  );
}

/** The audits of the user's district (or of a district a provincial or national user picks). */
export function AksPage({ region }: { region: string | null }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const own = me?.user.regionCode ?? "ID";
  const [picked, setPicked] = useState(region ?? "");
  const district = own.split(".").length >= 2 ? own : region;
  const cycles = useApi(district ? `aks-cycles:${district}` : null, () =>
    api.get<{ cycles: AksCycle[] }>("/api/aks/cycles", { region: district }),
  );
  return (
    <div className="page">
      <h1>{t("aks.title")}</h1>
      <p>{t("aks.intro")}</p>
      {own.split(".").length < 2 ? (
        <div className="form-row">
          <RegionPicker
            id="aks-district"
            label={t("aks.district")}
            level="district"
            value={picked}
            onChange={(code) => {
              setPicked(code);
              if (code.split(".").length === 2) navigate("/aks", { region: code });
            }}
          />
        </div>
      ) : null}
      {!district ? <p>{t("aks.chooseDistrict")}</p> : null}
      <ErrorMessage error={cycles.error} />
      {cycles.loading ? <Loading /> : null}
      {cycles.data && cycles.data.cycles.length === 0 ? <p>{t("aks.none")}</p> : null}
      <ul className="aks-cards">
        {(cycles.data?.cycles ?? []).map((c) => (
          <CycleRow key={c.id} cycle={c} />
        ))}
      </ul>
      {district && can("aks:manage") && own.split(".").length === 2 ? (
        <OpenCycleForm district={district} onOpened={(id) => navigate(`/aks/${id}`)} />
      ) : null}
    </div>
  );
}
