import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { RoleDescription, User } from "../../api/types.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { ExportButtons } from "../../components/ExportButtons.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { UserForm } from "./UserForm.tsx";
import { UserRow } from "./UserRow.tsx";

/** User administration within the admin's scope. */
export function UsersPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [q, setQ] = useState("");
  const [tick, setTick] = useState(0);
  const users = useApi(`users:${q}:${tick}`, () =>
    api.get<{ users: User[] }>("/api/users", { q: q || undefined }),
  );
  const roles = useApi("roles", () => api.get<{ roles: RoleDescription[] }>("/api/roles"));
  const [changed, setChanged] = useState<Record<string, User>>({});
  const list = (users.data?.users ?? []).map((u) => changed[u.id] ?? u);
  // Only the roles this admin may give are offered (the server checks again).
  const roleList = (roles.data?.roles ?? []).filter((r) => r.grantable);
  const allRoles = roles.data?.roles ?? [];

  return (
    <div className="page">
      <h1>{t("users.title")}</h1>
      <ErrorMessage error={users.error ?? roles.error} />
      {roles.data && me ? (
        <UserForm
          roles={roleList}
          defaultRegion={me.user.regionCode}
          onCreated={() => setTick((n) => n + 1)}
        />
      ) : null}
      <section className="card" aria-labelledby="users-title">
        <div className="section-head">
          <h2 id="users-title">{t("users.list", { count: list.length })}</h2>
          <ExportButtons
            title={t("users.title")}
            table={() => ({
              headers: [
                t("auth.username"),
                t("users.displayName"),
                t("users.role"),
                t("users.scope"),
                t("users.status"),
              ],
              rows: list.map((u) => [
                u.username,
                u.displayName,
                u.role,
                u.regionCode,
                u.disabled ? t("users.disabled") : t("users.active"),
              ]),
            })}
          />
        </div>
        <div className="field inline">
          <label htmlFor="users-q">{t("users.filter")}</label>
          <input id="users-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        {!users.data && !users.error ? <Loading /> : null}
        <TableScroll>
          <table data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t("users.user")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.scope")}</th>
                <th scope="col">{t("users.status")}</th>
                <th scope="col">{t("users.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <UserRow
                  key={`${u.id}:${u.version}`}
                  user={u}
                  roles={allRoles}
                  onChanged={(nu) => setChanged((c) => ({ ...c, [nu.id]: nu }))}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
