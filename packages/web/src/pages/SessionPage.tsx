import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../api/useApi.ts";
import { PERMISSION } from "../auth/permissions.ts";
import { useSession } from "../auth/session.tsx";
import { ErrorMessage, Loading } from "../components/Status.tsx";
import { localToday } from "../lib/today.ts";
import { ConflictList, OutboxBar } from "../offline/OutboxPanel.tsx";
import { posyanduList, sessionChildren, sessionRows } from "../offline/sessionData.ts";
import { useOutbox } from "../offline/useOutbox.ts";
import { navigate } from "../routing/router.ts";
import { EntryRow } from "./session/EntryRow.tsx";
import { NewChildForm } from "./session/NewChildForm.tsx";

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

/**
 * Posyandu session entry, offline first: choose posyandu and date, then measure child by child (or
 * register a new child). The lists come from the device's copy when there is no network; every
 * write is saved on the device and sent by the outbox (src/offline/), whose queue and conflicts
 * the page shows.
 */
export function SessionPage({ posyanduId, date }: { posyanduId: string | null; date: string | null }) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const userId = me?.user.id ?? null;
  const today = localToday();
  const day = date ?? today;
  const outbox = useOutbox(userId);
  const list = useApi(userId ? `posyandu:${userId}` : null, () => posyanduList(userId ?? ""));
  const chosen = list.data?.data.find((p) => p.id === posyanduId) ?? null;
  const kids = useApi(posyanduId && userId ? `session:${posyanduId}:${day}` : null, () =>
    sessionChildren(userId ?? "", posyanduId ?? "", day),
  );
  const [focusId, setFocusId] = useState<string | null>(null);
  const rows = kids.data ? sessionRows(kids.data.data.children, outbox.items, posyanduId ?? "", day) : null;
  const savedCount = rows ? rows.entries.size : 0;

  return (
    <div className="page">
      <h1>{t("session.title")}</h1>
      <p className="hint">{t("session.intro")}</p>
      <OutboxBar outbox={outbox} cachedAt={kids.data?.cachedAt ?? list.data?.cachedAt ?? null} />
      <ConflictList outbox={outbox} />
      <ErrorMessage error={list.error} />
      <form className="card filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field inline grow">
          <label htmlFor="posyandu-select">{t("children.posyandu")}</label>
          <select
            id="posyandu-select"
            value={posyanduId ?? ""}
            onChange={(e) => navigate("/session", { posyandu: e.target.value, date: day })}
          >
            <option value="">{list.data ? t("session.choosePosyandu") : t("common.loading")}</option>
            {list.data?.data.map((p) => (
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
            max={today}
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
          {kids.data && rows ? (
            <section aria-labelledby="entry-title">
              <div className="section-head">
                <h2 id="entry-title">
                  {t("session.children", { count: rows.children.length })} · {kids.data.data.posyandu.name}
                </h2>
                <span className="hint" role="status">
                  {t("session.savedCount", { count: savedCount })}
                </span>
              </div>
              <p className="hint">{t("session.keyboardHint")}</p>
              <ol className="entry-list">
                {rows.children.map((c, i) => (
                  <EntryRow
                    key={c.id}
                    child={c}
                    index={i}
                    date={day}
                    today={today}
                    posyanduId={posyanduId}
                    queued={rows.entries.get(c.id)}
                    onSave={(input) => outbox.queueMeasurement(c, input)}
                    onDone={focusNextEntry}
                    autoFocus={c.id === focusId}
                  />
                ))}
              </ol>
            </section>
          ) : null}
          {chosen && can(PERMISSION.childWrite) ? (
            <NewChildForm
              posyandu={chosen}
              onCreate={async (body) => setFocusId(await outbox.queueChild(body))}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
