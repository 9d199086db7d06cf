import { useTranslation } from "react-i18next";
import "./offline.css";
import { ApiError } from "../api/client.ts";
import { formatDate, formatDecimal } from "../lib/format.ts";
import { errorText } from "../lib/messages.ts";
import type { MeasurementItem, OutboxItem } from "./outbox.ts";
import type { Outbox } from "./useOutbox.ts";

function itemName(item: OutboxItem): string {
  return item.kind === "measurement" ? item.childName : item.body.name;
}

/** The queue as the cadre sees it: online or not, how many records wait, a send button, the last send. */
export function OutboxBar({ outbox, cachedAt }: { outbox: Outbox; cachedAt: string | null }) {
  const { t } = useTranslation();
  const r = outbox.report;
  return (
    <div className={`card outbox-bar ${outbox.online ? "online" : "offline"}`} data-testid="outbox-bar">
      <p role="status" aria-live="polite">
        <strong data-testid="outbox-count">
          {outbox.unsentCount > 0
            ? t("offline.queue.unsent", { count: outbox.unsentCount })
            : t("offline.queue.allSent")}
        </strong>{" "}
        · {outbox.online ? t("offline.queue.online") : t("offline.queue.offline")}
      </p>
      {cachedAt !== null ? (
        <p className="hint" data-testid="outbox-cached">
          {t("offline.queue.cached", { when: cachedAt ? new Date(cachedAt).toLocaleString() : "–" })}
        </p>
      ) : null}
      {outbox.othersCount > 0 ? (
        <p className="notice">{t("offline.queue.othersWaiting", { count: outbox.othersCount })}</p>
      ) : null}
      {r?.stopped === "unauthenticated" ? <p className="notice">{t("offline.queue.signInAgain")}</p> : null}
      {r && r.sent > 0 ? (
        <p className="hint" data-testid="outbox-last">
          {t("offline.queue.lastSync", { sent: r.sent, ms: r.ms })}
        </p>
      ) : null}
      <button
        type="button"
        className="secondary"
        disabled={!outbox.online || outbox.syncing || outbox.unsentCount === 0}
        onClick={outbox.sync}
      >
        {outbox.syncing ? t("offline.queue.sending") : t("offline.queue.send")}
      </button>
    </div>
  );
}

function Values({
  weight,
  height,
}: {
  weight: number | null | undefined;
  height: number | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t("offline.conflicts.values", {
        weight: formatDecimal(weight ?? null, i18n.language, 1),
        height: formatDecimal(height ?? null, i18n.language, 1),
      })}
    </>
  );
}

/** Why the server refused an item, in the user's language when the server named a message code. */
function rejectionText(
  item: OutboxItem,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const e = item.error;
  if (!e) return "";
  if (!e.key) return e.message;
  return errorText(new ApiError(400, e.code, e.message, undefined, e.key, e.params), t).text;
}

function ConflictItem({ item, outbox }: { item: OutboxItem; outbox: Outbox }) {
  const { t } = useTranslation();
  const sexLabel = (s: 1 | 2) => (s === 1 ? t("common.male") : t("common.female"));
  const discard = () => {
    if (window.confirm(t("offline.conflicts.discardConfirm"))) void outbox.resolveItem(item, "discard");
  };
  if (item.status === "rejected" || item.kind === "child" || !item.conflict) {
    return (
      <li data-testid="conflict">
        <p>{t("offline.conflicts.rejected", { name: itemName(item), message: rejectionText(item, t) })}</p>
        <button type="button" className="danger" onClick={discard}>
          {t("offline.conflicts.discard")}
        </button>
      </li>
    );
  }
  const m: MeasurementItem = item;
  const c = item.conflict;
  if (c.kind === "same_date") {
    return (
      <li data-testid="conflict" data-kind="same_date">
        <p>{t("offline.conflicts.sameDate", { name: m.childName, date: formatDate(m.body.date) })}</p>
        <dl className="conflict-values">
          <dt>{t("offline.conflicts.server")}</dt>
          <dd data-testid="conflict-server">
            <Values weight={c.current.weight} height={c.current.height} />
          </dd>
          <dt>{t("offline.conflicts.mine")}</dt>
          <dd data-testid="conflict-mine">
            <Values weight={m.body.weight} height={m.body.height} />
          </dd>
        </dl>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => void outbox.resolveItem(item, "keep_server")}
          >
            {t("offline.conflicts.keepServer")}
          </button>
          <button type="button" onClick={() => void outbox.resolveItem(item, "use_mine")}>
            {t("offline.conflicts.useMine")}
          </button>
        </div>
      </li>
    );
  }
  return (
    <li data-testid="conflict" data-kind="child_changed">
      <p>
        {t("offline.conflicts.childChanged", {
          name: m.childName,
          birthDate: formatDate(c.current.birthDate),
          sex: sexLabel(c.current.sex),
          oldBirthDate: formatDate(m.child.birthDate),
          oldSex: sexLabel(m.child.sex),
        })}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void outbox.resolveItem(item, "use_current_child")}>
          {t("offline.conflicts.useCurrentChild")}
        </button>
        <button type="button" className="danger" onClick={discard}>
          {t("offline.conflicts.discard")}
        </button>
      </div>
    </li>
  );
}

/** Conflicts and refusals, each with the choices that resolve it; nothing is dropped without the user. */
export function ConflictList({ outbox }: { outbox: Outbox }) {
  const { t } = useTranslation();
  const open = outbox.items.filter((i) => i.status === "conflict" || i.status === "rejected");
  if (open.length === 0) return null;
  return (
    <section className="card conflicts" aria-labelledby="conflicts-title" data-testid="conflicts">
      <h2 id="conflicts-title">{t("offline.conflicts.title", { count: open.length })}</h2>
      <ul>
        {open.map((i) => (
          <ConflictItem key={i.clientId} item={i} outbox={outbox} />
        ))}
      </ul>
    </section>
  );
}
