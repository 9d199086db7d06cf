import type { TpkTarget } from "@tumbuh/core/api";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorMessage } from "../../components/Status.tsx";
import { localToday } from "../../lib/today.ts";
import { VillagePicker } from "./VillagePicker.tsx";

const KINDS = ["catin", "ibu_hamil", "ibu_pascasalin"] as const;

/**
 * Adds a person for the TPK to accompany by hand: a bride-to-be (with her wedding date: she is
 * accompanied from 3 months before it), a pregnant or a post-partum mother. Children come in from
 * the posyandu instead.
 */
export function TargetForm({
  scope,
  onSaved,
  onCancel,
}: {
  scope: string;
  onSaved: (t: TpkTarget) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [villageCode, setVillageCode] = useState(scope.split(".").length === 4 ? scope : "");
  const [kind, setKind] = useState<(typeof KINDS)[number]>("catin");
  const [name, setName] = useState("");
  const [weddingDate, setWeddingDate] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ target: TpkTarget }>("/api/tpk/targets", {
        villageCode,
        kind,
        name: name.trim(),
        weddingDate: kind === "catin" ? weddingDate || null : null,
      });
      onSaved(res.target);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card target-form" onSubmit={submit} aria-label={t("tpk.addTarget")}>
      <VillagePicker scope={scope} value={villageCode} onChange={setVillageCode} />
      <div className="field">
        <label htmlFor="target-kind">{t("tpk.kind")}</label>
        <select
          id="target-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`tpk.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="target-name">{t("tpk.name")}</label>
        <input
          id="target-name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {kind === "catin" ? (
        <div className="field">
          <label htmlFor="target-wedding">{t("tpk.weddingDate")}</label>
          <input
            id="target-wedding"
            type="date"
            required
            min={localToday()}
            value={weddingDate}
            onChange={(e) => setWeddingDate(e.target.value)}
          />
          <p className="hint">{t("tpk.weddingDateHint")}</p>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" disabled={busy || !villageCode}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
