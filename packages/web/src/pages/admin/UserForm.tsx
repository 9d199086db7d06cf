import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { RoleDescription, User } from "../../api/types.ts";
import { RegionPicker } from "../../components/RegionPicker.tsx";
import { ErrorMessage } from "../../components/Status.tsx";

const PICKER_LEVELS = ["province", "district", "subdistrict", "village"] as const;

/** The level of regions to offer for a role's scope (none for the nation: "ID" is typed). */
function pickerLevel(level: string | undefined): (typeof PICKER_LEVELS)[number] | undefined {
  return PICKER_LEVELS.find((l) => l === level);
}

/** Creates a user with a role and a region scope (the server refuses roles or scopes beyond the admin's own). */
export function UserForm({
  roles,
  defaultRegion,
  onCreated,
}: {
  roles: RoleDescription[];
  defaultRegion: string;
  onCreated: (u: User) => void;
}) {
  const { t, i18n } = useTranslation();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState("");
  const [regionCode, setRegionCode] = useState(defaultRegion);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ user: User }>("/api/users", {
        username: username.trim(),
        displayName: displayName.trim(),
        password,
        role,
        regionCode: regionCode.trim(),
      });
      onCreated(res.user);
      setUsername("");
      setDisplayName("");
      setPassword("");
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }
  const selected = roles.find((r) => r.code === role);
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t("users.create")}</h2>
      <div className="entry-fields">
        <div className="field">
          <label htmlFor="nu-username">{t("auth.username")}</label>
          <input
            id="nu-username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value.toLowerCase())}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="nu-name">{t("users.displayName")}</label>
          <input id="nu-name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="nu-password">{t("users.password")}</label>
          <input
            id="nu-password"
            type="password"
            required
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
          />
        </div>
        <div className="field">
          <label htmlFor="nu-role">{t("users.role")}</label>
          <select id="nu-role" required value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t("session.choose")}</option>
            {roles.map((r) => (
              <option key={r.code} value={r.code}>
                {i18n.language === "en" ? r.labelEn : r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="nu-region">{t("users.scope")}</label>
          <RegionPicker
            id="nu-region"
            value={regionCode}
            onChange={setRegionCode}
            level={pickerLevel(selected?.scopeLevel)}
            describedBy="nu-region-hint"
          />
          <span id="nu-region-hint" className="hint">
            {selected
              ? t("users.scopeHint", { level: t(`region.level.${selected.scopeLevel}`) })
              : t("users.scopeHintAny")}
          </span>
        </div>
      </div>
      <ErrorMessage error={error} />
      <button
        type="submit"
        disabled={busy || !username || !displayName || password.length < 10 || !role || !regionCode}
      >
        {t("users.createButton")}
      </button>
    </form>
  );
}
