import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { AuditEntry } from "../../api/types.ts";
import { ExportButtons } from "../../components/ExportButtons.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { auditDiff, labelChange } from "../../lib/auditDiff.ts";

const ENTITIES = [
  ...["", "user", "child", "measurement", "import", "boundary", "session", "identity", "export"],
  ...["family", "tpk_team", "tpk_target", "tpk_visit", "aks_cycle", "aks_case"],
];

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = auditDiff(before, after).map((c) => labelChange(c, t));
  if (changes.length === 0) return <>–</>;
  return (
    <ul className="changes">
      {changes.map((c) => (
        <li key={c.field}>
          {c.field ? <strong>{c.field}: </strong> : null}
          {before === null || before === undefined ? c.after : `${c.before} → ${c.after}`}
        </li>
      ))}
    </ul>
  );
}

/** The name typed at a failed sign-in (the entry has no signed-in user). */
function usernameTried(after: unknown): string {
  const name = (after as { username?: unknown } | null)?.username;
  return typeof name === "string" ? `(${name})` : "–";
}

/** The audit log: who did what, when, to which record, with before → after; newest first, paged. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [entity, setEntity] = useState("");
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);

  async function load(before: string | null, replace: boolean) {
    setLoading(true);
    setError(null);
    try {
      const res = await api.get<{ entries: AuditEntry[]; nextBefore: string | null }>("/api/audit", {
        entity: entity || undefined,
        before: before ?? undefined,
        limit: 50,
      });
      setEntries((prev) => (replace ? res.entries : [...prev, ...res.entries]));
      setNext(res.nextBefore);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload from the newest entry when the filter changes
  useEffect(() => {
    void load(null, true);
  }, [entity]);

  const action = (code: string) => t(`audit.actions.${code}`, { defaultValue: code });
  const when = (at: string) => new Date(at).toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID");
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("audit.title")}</h1>
        <ExportButtons
          title={t("audit.title")}
          table={() => ({
            headers: [
              t("audit.at"),
              t("audit.user"),
              t("audit.action"),
              t("audit.entity"),
              "ID",
              t("filters.region"),
              t("audit.before"),
              t("audit.after"),
            ],
            rows: entries.map((e) => [
              e.at,
              e.username,
              action(e.action),
              e.entity,
              e.entityId,
              e.regionCode,
              JSON.stringify(e.before),
              JSON.stringify(e.after),
            ]),
          })}
        />
      </div>
      <div className="field inline">
        <label htmlFor="audit-entity">{t("audit.entity")}</label>
        <select id="audit-entity" value={entity} onChange={(e) => setEntity(e.target.value)}>
          {ENTITIES.map((x) => (
            <option key={x} value={x}>
              {x ? t(`audit.entities.${x}`) : t("audit.all")}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      <section className="card">
        <TableScroll>
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.user")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.at)}</td>
                  <td>{e.username ?? (e.action === "login_failed" ? usernameTried(e.after) : "–")}</td>
                  <td>
                    <span title={e.action}>{action(e.action)}</span>
                  </td>
                  <td>
                    {t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}
                    {e.regionCode ? <small> · {e.regionCode}</small> : null}
                  </td>
                  <td className="json">
                    <Changes before={e.before} after={e.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {loading ? <Loading /> : null}
        {next && !loading ? (
          <button type="button" className="secondary" onClick={() => void load(next, false)}>
            {t("common.more")}
          </button>
        ) : null}
      </section>
    </div>
  );
}
