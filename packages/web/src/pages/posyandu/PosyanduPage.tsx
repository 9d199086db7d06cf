import { ACTION_LISTS } from "@tumbuh/core";
import type { PosyanduPage as Page, PosyanduChild, SkdnReport } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatDecimal, formatPeriod } from "../../lib/format.ts";
import { href } from "../../routing/router.ts";
import { ReferButton } from "./ReferralsPage.tsx";
import { SkdnCards } from "./SkdnCards.tsx";

/**
 * A posyandu's page (the cadre's home): this month's SKDN, the action lists (faltering, 2T, below
 * the red line, stunted, new stunting, wasted, underweight, missed the latest session, aged out)
 * and every registered child with its latest status; each child opens its record.
 */
export function PosyanduPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const page = useApi(`posyandu-page:${id}`, () => api.get<Page>(`/api/posyandu/${id}/page`));
  const skdn = useApi(`posyandu-skdn:${id}`, () => api.get<SkdnReport>("/api/skdn", { posyandu: id }));
  const [list, setList] = useState<string>("faltering");
  const p = page.data;
  if (page.error) return <ErrorMessage error={page.error} />;
  if (!p) return <Loading />;
  const village = p.posyandu.villageName ?? p.posyandu.villageCode;
  const shown = p.children.filter((c) => c.lists.includes(list));
  return (
    <div className="page" data-testid="posyandu-home">
      <div className="page-head">
        <div>
          <h1>
            {t("posyandu.title", { name: p.posyandu.name })}
            <span className="subtitle"> — {village}</span>
          </h1>
          <p className="hint">
            {p.lastSession
              ? t("posyandu.lastSession", { period: formatPeriod(p.lastSession, i18n.language) })
              : t("posyandu.noSession")}
          </p>
        </div>
        <div className="filters">
          <a className="button secondary" href={href("/skdn", { posyandu: id })}>
            {t("skdn.title")}
          </a>
          <a className="button secondary" href={href("/quality", { posyandu: id })}>
            {t("quality.title")}
          </a>
          <a
            className="button secondary"
            href={href("/referrals", { posyandu: id })}
            data-testid="open-referrals"
          >
            {t("posyandu.referrals.open")}
          </a>
          <a className="button" href={href("/session", { posyandu: id })}>
            {t("nav.session")}
          </a>
        </div>
      </div>
      {skdn.data?.period ? (
        <section aria-labelledby="skdn-title">
          <h2 id="skdn-title">
            {t("skdn.monthTitle", { period: formatPeriod(skdn.data.period, i18n.language) })}
          </h2>
          <SkdnCards f={skdn.data.summary} />
        </section>
      ) : null}
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t("posyandu.actionsTitle")}</h2>
        <div className="tabs" role="tablist">
          {ACTION_LISTS.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              aria-selected={list === l}
              data-testid={`list-${l}`}
              onClick={() => setList(l)}
            >
              {t(`posyandu.lists.${l}`)} ({p.counts[l] ?? 0})
            </button>
          ))}
        </div>
        <p className="hint">{t(`posyandu.listHints.${list}`)}</p>
        <ChildTable
          rows={shown}
          caption={t(`posyandu.lists.${list}`)}
          testId="action-list"
          mayRefer={p.mayRefer}
          onChange={page.reload}
        />
      </section>
      <section aria-labelledby="all-title">
        <h2 id="all-title">{t("posyandu.allTitle", { n: p.children.length })}</h2>
        <ChildTable
          rows={p.children}
          caption={t("posyandu.allTitle", { n: p.children.length })}
          testId="all-children"
          mayRefer={p.mayRefer}
          onChange={page.reload}
        />
      </section>
      <p className="hint" data-testid="kbm-in-use">
        {t("posyandu.kbmNote", { label: p.kbm.label })} ({t(`posyandu.kbm.chosenBy.${p.kbm.chosenBy}`)}){" "}
        <a href={href("/kbm", { region: p.posyandu.villageCode })}>{t("posyandu.kbm.link")}</a>
      </p>
    </div>
  );
}

/** Children with their latest status and alerts; each name opens the child's record. */
function ChildTable({
  rows,
  caption,
  testId,
  mayRefer,
  onChange,
}: {
  rows: PosyanduChild[];
  caption: string;
  testId: string;
  mayRefer: boolean;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <p className="notice">{t("posyandu.emptyList")}</p>;
  const z = (v: number | null) => formatDecimal(v, i18n.language);
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th>{t("posyandu.col.name")}</th>
            <th className="num">{t("posyandu.col.age")}</th>
            <th>{t("posyandu.col.last")}</th>
            <th className="num">{t("posyandu.col.weight")}</th>
            <th className="num">{t("posyandu.col.height")}</th>
            <th className="num">HAZ</th>
            <th className="num">WAZ</th>
            <th className="num">WHZ</th>
            <th>{t("posyandu.col.alerts")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={href(`/children/${c.id}`)}>{c.name}</a>
              </td>
              <td className="num">{t("posyandu.months", { n: c.ageMonths })}</td>
              <td>{c.lastDate ?? "—"}</td>
              <td className="num">{c.weight === null ? "—" : formatDecimal(c.weight, i18n.language, 1)}</td>
              <td className="num">{c.height === null ? "—" : formatDecimal(c.height, i18n.language, 1)}</td>
              <td className="num">{z(c.haz)}</td>
              <td className="num">{z(c.waz)}</td>
              <td className="num">{z(c.whz)}</td>
              <td>
                {c.alerts.map((a) => (
                  <span key={a.rule} className="chip bad">
                    {t(`posyandu.alert.${a.rule === "2T" ? "twoT" : a.rule}`, {
                      since: formatPeriod(a.since, i18n.language),
                    })}
                  </span>
                ))}
                {c.referral && c.referral.status !== "resolved" ? (
                  <a className="chip warn" href={href(`/children/${c.id}`)} data-testid="referral-chip">
                    {t(`posyandu.referrals.status.${c.referral.status}`)}
                  </a>
                ) : c.needsReferral ? (
                  <>
                    <span className="chip bad">{t("posyandu.referrals.needsReferral")}</span>
                    {mayRefer ? <ReferButton childId={c.id} name={c.name} onDone={onChange} /> : null}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
