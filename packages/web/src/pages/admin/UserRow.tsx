import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { RoleDescription, User } from "../../api/types.ts";
import { useSession } from "../../auth/session.tsx";
import { RegionPicker } from "../../components/RegionPicker.tsx";
import { ErrorMessage } from "../../components/Status.tsx";

/** One user in the admin list: change role and scope, disable or enable, reset the password. */
export function UserRow({
  user,
  roles,
  onChanged,
}: {
  user: User;
  roles: RoleDescription[];
  onChanged: (u: User) => void;
}) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  // an administrator never disables their own account (the server refuses it too)
  const own = me?.user.id === user.id;
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<string>(user.role);
  const [regionCode, setRegionCode] = useState(user.regionCode);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const roleLabel = (code: string) => {
    const r = roles.find((x) => x.code === code);
    return r ? (i18n.language === "en" ? r.labelEn : r.label) : t(`roles.${code}`, { defaultValue: code });
  };

  async function patch(body: Record<string, unknown>, done: string) {
    setError(null);
    setMessage(null);
    try {
      const res = await api.patch<{ user: User }>(`/api/users/${user.id}`, {
        version: user.version,
        ...body,
      });
      onChanged(res.user);
      setMessage(done);
      setEditing(false);
    } catch (e) {
      setError(e as Error);
    }
  }

  async function reset() {
    setError(null);
    setMessage(null);
    try {
      const res = await api.post<{ user: User }>(`/api/users/${user.id}/password`, {
        version: user.version,
        password,
      });
      onChanged(res.user);
      setPassword("");
      setMessage(t("users.passwordReset"));
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <tr className={user.disabled ? "disabled-row" : undefined}>
      <th scope="row">
        {user.displayName}
        <br />
        <small>{user.username}</small>
      </th>
      <td>
        {editing ? (
          <select aria-label={t("users.role")} value={role} onChange={(e) => setRole(e.target.value)}>
            {roles
              .filter((r) => r.grantable || r.code === user.role)
              .map((r) => (
                <option key={r.code} value={r.code}>
                  {roleLabel(r.code)}
                </option>
              ))}
          </select>
        ) : (
          roleLabel(user.role)
        )}
      </td>
      <td>
        {editing ? (
          <RegionPicker
            id={`region-${user.id}`}
            label={t("users.scope")}
            value={regionCode}
            onChange={setRegionCode}
          />
        ) : (
          <>
            {user.regionName ?? user.regionCode} <small>({user.regionCode})</small>
          </>
        )}
      </td>
      <td>
        {user.disabled ? (
          <span className="chip bad">{t("users.disabled")}</span>
        ) : (
          <span className="chip good">{t("users.active")}</span>
        )}
      </td>
      <td>
        <div className="button-row">
          {editing ? (
            <>
              <button type="button" onClick={() => void patch({ role, regionCode }, t("users.saved"))}>
                {t("common.save")}
              </button>
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                {t("common.cancel")}
              </button>
            </>
          ) : own ? null : (
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              {t("common.edit")}
            </button>
          )}
          {own ? (
            <span className="hint">{t("users.ownAccount")}</span>
          ) : (
            <button
              type="button"
              className={user.disabled ? "secondary" : "danger"}
              onClick={() =>
                void patch(
                  { disabled: !user.disabled },
                  user.disabled ? t("users.enabledMsg") : t("users.disabledMsg"),
                )
              }
            >
              {user.disabled ? t("users.enable") : t("users.disable")}
            </button>
          )}
        </div>
        <div className="button-row reset-row">
          <input
            type="password"
            aria-label={t("users.newPasswordFor", { name: user.username })}
            placeholder={t("users.newPassword")}
            value={password}
            minLength={10}
            autoComplete="new-password"
            onChange={(e) => setPassword(e.target.value)}
          />
          <button
            type="button"
            className="secondary"
            disabled={password.length < 10}
            onClick={() => void reset()}
          >
            {t("users.resetPassword")}
          </button>
        </div>
        {message ? (
          <p role="status" className="hint">
            {message}
          </p>
        ) : null}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}
