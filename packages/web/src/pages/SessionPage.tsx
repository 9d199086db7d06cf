import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { Child, Posyandu, PosyanduChildren, SessionChild } from "../api/types.ts";
import { useApi } from "../api/useApi.ts";
import { PERMISSION } from "../auth/permissions.ts";
import { useSession } from "../auth/session.tsx";
import { ErrorMessage, Loading } from "../components/Status.tsx";
import { navigate } from "../routing/router.ts";
import { EntryRow } from "./session/EntryRow.tsx";
import { NewChildForm } from "./session/NewChildForm.tsx";

/** Today's date in the browser's own time zone (a posyandu session happens on local time). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Focuses the weight field of the next child still to be measured. */
function focusNextEntry(index: number) {
  requestAnimationFrame(() => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>("[data-entry-index]"));
    for (const row of rows) {
      if (Number(row.dataset.entryIndex) > index) {
        const input = row.querySelector<HTMLInputElement>('input[name="weight"]');
        if (input) {
          input.focus();
          return;
        }
      }
    }
    document.getElementById("nc-name")?.focus();
  });
}

/** Posyandu session entry: choose posyandu and date, then measure child by child (or register a new child). */
export function SessionPage({ posyanduId, date }: { posyanduId: string | null; date: string | null }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const day = date ?? localToday();
  const list = useApi("posyandu", () => api.get<{ posyandu: Posyandu[] }>("/api/posyandu"));
  const chosen = list.data?.posyandu.find((p) => p.id === posyanduId) ?? null;
  const kids = useApi(posyanduId ? `session:${posyanduId}:${day}` : null, () =>
    api.get<PosyanduChildren>(`/api/posyandu/${encodeURIComponent(posyanduId ?? "")}/children`, {
      date: day,
    }),
  );
  const [added, setAdded] = useState<SessionChild[]>([]);
  const [savedCount, setSavedCount] = useState(0);
  const children = [
    ...(kids.data?.children ?? []),
    ...added.filter((a) => !kids.data?.children.some((c) => c.id === a.id)),
  ];

  const [focusId, setFocusId] = useState<string | null>(null);

  function addChild(c: Child) {
    setAdded((prev) => [...prev, { ...c, measuredOnDate: false }]);
    setFocusId(c.id);
  }

  return (
    <div className="page">
      <h1>{t("session.title")}</h1>
      <p className="hint">{t("session.intro")}</p>
      <ErrorMessage error={list.error} />
      <form className="card filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field inline grow">
          <label htmlFor="posyandu-select">{t("children.posyandu")}</label>
          <select
            id="posyandu-select"
            value={posyanduId ?? ""}
            onChange={(e) => {
              setAdded([]);
              setSavedCount(0);
              navigate("/session", { posyandu: e.target.value, date: day });
            }}
          >
            <option value="">{list.data ? t("session.choosePosyandu") : t("common.loading")}</option>
            {list.data?.posyandu.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {p.villageName ?? p.villageCode}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="session-date">{t("session.date")}</label>
          <input
            id="session-date"
            type="date"
            value={day}
            max={localToday()}
            onChange={(e) =>
              e.target.value && navigate("/session", { posyandu: posyanduId, date: e.target.value })
            }
          />
        </div>
      </form>
      {posyanduId ? (
        <>
          <ErrorMessage error={kids.error} />
          {kids.loading && !kids.data ? <Loading /> : null}
          {kids.data ? (
            <section aria-labelledby="entry-title">
              <div className="section-head">
                <h2 id="entry-title">
                  {t("session.children", { count: children.length })} · {kids.data.posyandu.name}
                </h2>
                <span className="hint" role="status">
                  {t("session.savedCount", { count: savedCount })}
                </span>
              </div>
              <p className="hint">{t("session.keyboardHint")}</p>
              <ol className="entry-list">
                {children.map((c, i) => (
                  <EntryRow
                    key={c.id}
                    child={c}
                    index={i}
                    date={day}
                    posyanduId={posyanduId}
                    onDone={focusNextEntry}
                    onSaved={() => setSavedCount((n) => n + 1)}
                    autoFocus={c.id === focusId}
                  />
                ))}
              </ol>
            </section>
          ) : null}
          {chosen && can(PERMISSION.childWrite) ? (
            <NewChildForm posyandu={chosen} onCreated={addChild} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
