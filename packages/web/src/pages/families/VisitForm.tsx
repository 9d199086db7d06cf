import type { TpkTarget, TpkVisit } from "@tumbuh/core/api";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorMessage } from "../../components/Status.tsx";
import { localToday } from "../../lib/today.ts";

const TYPES = ["penyuluhan", "rujukan", "bansos"] as const;

/** A number typed with a decimal comma or point ("22,5" → 22.5); null when empty. */
function decimal(text: string): number | null {
  const s = text.trim().replace(",", ".");
  return s === "" ? null : Number(s);
}

/**
 * Records one TPK visit to a target: the date, the kind of assistance, findings and follow-up; for
 * a bride-to-be or a pregnant woman also her LiLA, Hb and (catin) Elsimil result, which the Audit
 * Kasus Stunting case finding reads.
 */
export function VisitForm({
  target,
  onSaved,
  onCancel,
}: {
  target: TpkTarget;
  onSaved: (v: TpkVisit) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const today = localToday();
  const [visitedOn, setVisitedOn] = useState(today);
  const [visitType, setVisitType] = useState<(typeof TYPES)[number]>("penyuluhan");
  const [findings, setFindings] = useState("");
  const [followUp, setFollowUp] = useState("");
  const [followUpDue, setFollowUpDue] = useState("");
  const [lila, setLila] = useState("");
  const [hb, setHb] = useState("");
  const [elsimil, setElsimil] = useState<"" | "ideal" | "berisiko">("");
  const screens = target.kind === "catin" || target.kind === "ibu_hamil";
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `visit-${target.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ visit: TpkVisit }>("/api/tpk/visits", {
        targetId: target.id,
        visitedOn,
        visitType,
        findings: findings.trim() || null,
        followUp: followUp.trim() || null,
        followUpDue: followUpDue || null,
        ...(screens ? { lilaCm: decimal(lila), hbGdl: decimal(hb), elsimil: elsimil || null } : {}),
      });
      onSaved(res.visit);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="visit-form" onSubmit={submit} aria-label={t("tpk.visitFor", { name: target.name })}>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t("tpk.visitedOn")}</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          max={today}
          value={visitedOn}
          onChange={(e) => setVisitedOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t("tpk.visitType")}</label>
        <select
          id={`${id}-type`}
          value={visitType}
          onChange={(e) => setVisitType(e.target.value as (typeof TYPES)[number])}
        >
          {TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`tpk.types.${x}`)}
            </option>
          ))}
        </select>
      </div>
      {screens ? (
        <fieldset className="screening">
          <legend>{t("tpk.screening")}</legend>
          <div className="field">
            <label htmlFor={`${id}-lila`}>{t("tpk.lila")}</label>
            <input
              id={`${id}-lila`}
              inputMode="decimal"
              pattern="[0-9]+([.,][0-9])?"
              value={lila}
              onChange={(e) => setLila(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-hb`}>{t("tpk.hb")}</label>
            <input
              id={`${id}-hb`}
              inputMode="decimal"
              pattern="[0-9]+([.,][0-9])?"
              value={hb}
              onChange={(e) => setHb(e.target.value)}
            />
          </div>
          {target.kind === "catin" ? (
            <div className="field">
              <label htmlFor={`${id}-elsimil`}>{t("tpk.elsimil")}</label>
              <select
                id={`${id}-elsimil`}
                value={elsimil}
                onChange={(e) => setElsimil(e.target.value as "" | "ideal" | "berisiko")}
              >
                <option value="">{t("tpk.elsimilNone")}</option>
                <option value="ideal">{t("tpk.elsimilIdeal")}</option>
                <option value="berisiko">{t("tpk.elsimilBerisiko")}</option>
              </select>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-findings`}>{t("tpk.findings")}</label>
        <textarea
          id={`${id}-findings`}
          rows={3}
          maxLength={1000}
          value={findings}
          onChange={(e) => setFindings(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-follow`}>{t("tpk.followUp")}</label>
        <input
          id={`${id}-follow`}
          maxLength={500}
          value={followUp}
          onChange={(e) => setFollowUp(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t("tpk.followUpDue")}</label>
        <input
          id={`${id}-due`}
          type="date"
          min={visitedOn}
          value={followUpDue}
          onChange={(e) => setFollowUpDue(e.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
