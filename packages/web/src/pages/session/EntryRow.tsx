import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionChild } from "../../api/types.ts";
import { ErrorMessage } from "../../components/Status.tsx";
import { StatusChip } from "../../components/StatusChip.tsx";
import { defaultMeasure, parseDecimalInput } from "../../lib/entryChecks.ts";
import { formatDate, formatDecimal } from "../../lib/format.ts";
import type { MeasurementItem } from "../../offline/outbox.ts";
import { useEntryEngine } from "../../offline/useEntryEngine.ts";
import { FindingText } from "./FindingText.tsx";
import { ZPreviewView } from "./ZPreviewView.tsx";

/** The values of a measurement as the form saves them. */
interface EntryInput {
  date: string;
  weight?: number;
  height?: number;
  measure: "l" | "h";
  oedema: boolean;
  hasKms?: boolean;
  posyanduId: string;
}

interface Props {
  child: SessionChild;
  index: number;
  date: string;
  /** Today in the browser's time zone (the latest date a measurement may have). */
  today: string;
  posyanduId: string;
  /** The measurement of this child and date waiting in (or sent from) the outbox, if any. */
  queued?: MeasurementItem;
  /** Saves on the device (the outbox sends it). */
  onSave: (input: EntryInput) => Promise<void>;
  /** Moves the focus on to the next child after a save. */
  onDone: (index: number) => void;
  /** Focus the weight field on first display (a child just registered). */
  autoFocus?: boolean;
}

/**
 * One child's measurement at a posyandu session: weight, length/height and position, with
 * the z-scores and categories previewed as the values are typed and a warning to confirm
 * before implausible values are saved. Enter moves from weight to height, then saves.
 */
export function EntryRow({
  child,
  index,
  date,
  today,
  posyanduId,
  queued,
  onSave,
  onDone,
  autoFocus,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const uid = useId();
  const engine = useEntryEngine();
  const [weight, setWeight] = useState("");
  const [height, setHeight] = useState("");
  const [measure, setMeasure] = useState<"l" | "h">(() => defaultMeasure(child.birthDate, date));
  const [oedema, setOedema] = useState(false);
  const [kms, setKms] = useState<"" | "yes" | "no">("");
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const w = parseDecimalInput(weight);
  const h = parseDecimalInput(height);
  const typed = w !== undefined || h !== undefined;
  const result = useMemo(
    () =>
      engine && typed
        ? engine.evaluateEntry(child, { date, today, weight: w, height: h, measure, oedema })
        : null,
    [engine, typed, child, date, today, w, h, measure, oedema],
  );
  const errors = result?.check.errors ?? [];
  const warnings = result?.check.warnings ?? [];
  const valid = result !== null && errors.length === 0;
  // a confirmation holds for the values on screen only
  const valuesKey = `${weight}|${height}|${measure}|${oedema}`;
  const confirming = confirmedFor === valuesKey;

  async function save() {
    if (!valid || saving) return;
    if (warnings.length > 0 && !confirming) {
      setConfirmedFor(valuesKey);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave({
        date,
        weight: w,
        height: h,
        measure,
        oedema,
        posyanduId,
        ...(kms ? { hasKms: kms === "yes" } : {}),
      });
      onDone(index);
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  }

  const onKey = (next: "height" | "save") => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    if (next === "height") document.getElementById(`${uid}-height`)?.focus();
    else void save();
  };

  if (queued) {
    const stored = queued.result;
    const shown = stored
      ? {
          tbu: stored.tbu,
          bbu: stored.bbu,
          bbtb: stored.bbtb,
          flen: stored.flen,
          fwei: stored.fwei,
          fwfl: stored.fwfl,
        }
      : engine
        ? localStatus(engine, child, queued, today)
        : null;
    const chip = queued.status === "sent" ? "good" : queued.status === "pending" ? "warn" : "bad";
    return (
      <li
        className="entry saved"
        data-entry-index={index}
        data-testid="entry-saved"
        data-status={queued.status}
      >
        <div className="entry-head">
          <strong>{child.name}</strong>
          <span className="chip good">{t("session.saved")}</span>
          <span className={`chip ${chip}`} data-testid="entry-sync">
            {t(`offline.status.${queued.status}`)}
          </span>
        </div>
        <p className="zscores">
          <span>
            {t("session.savedValues", {
              weight: formatDecimal(queued.body.weight ?? null, lang, 1),
              height: formatDecimal(queued.body.height ?? null, lang, 1),
            })}
          </span>
          {shown ? (
            <>
              <span>
                TB/U <StatusChip indicator="tbu" code={shown.tbu} flagged={shown.flen} />
              </span>
              <span>
                BB/U <StatusChip indicator="bbu" code={shown.bbu} flagged={shown.fwei} />
              </span>
              <span>
                BB/TB <StatusChip indicator="bbtb" code={shown.bbtb} flagged={shown.fwfl} />
              </span>
            </>
          ) : null}
        </p>
      </li>
    );
  }

  return (
    <li className="entry" data-entry-index={index}>
      <div className="entry-head">
        <strong id={`${uid}-name`}>{child.name}</strong>
        <span className="hint">
          {child.sex === 1 ? t("common.male") : t("common.female")} · {formatDate(child.birthDate)}
          {child.lastMeasurement
            ? ` · ${t("session.last", {
                date: formatDate(child.lastMeasurement.date),
                weight: formatDecimal(child.lastMeasurement.weight, lang, 1),
                height: formatDecimal(child.lastMeasurement.height, lang, 1),
              })}`
            : ""}
          {child.measuredOnDate ? ` · ${t("session.alreadyMeasured")}` : ""}
        </span>
      </div>
      <fieldset className="entry-fields" aria-labelledby={`${uid}-name`}>
        <div className="field">
          <label htmlFor={`${uid}-weight`}>{t("session.weight")}</label>
          <input
            id={`${uid}-weight`}
            name="weight"
            inputMode="decimal"
            // biome-ignore lint/a11y/noAutofocus: moving on to the child just registered is what the cadre expects
            autoFocus={autoFocus}
            autoComplete="off"
            value={weight}
            aria-invalid={errors.some((x) => x.field === "weight") || undefined}
            onChange={(e) => setWeight(e.target.value)}
            onKeyDown={onKey("height")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-height`}>{t("session.height")}</label>
          <input
            id={`${uid}-height`}
            name="height"
            inputMode="decimal"
            autoComplete="off"
            value={height}
            aria-invalid={errors.some((x) => x.field === "lenhei") || undefined}
            onChange={(e) => setHeight(e.target.value)}
            onKeyDown={onKey("save")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-measure`}>{t("child.measure")}</label>
          <select
            id={`${uid}-measure`}
            value={measure}
            onChange={(e) => setMeasure(e.target.value as "l" | "h")}
          >
            <option value="l">{t("child.measure_l")}</option>
            <option value="h">{t("child.measure_h")}</option>
          </select>
        </div>
        <div className="field checkbox-field">
          <label htmlFor={`${uid}-oedema`}>{t("session.oedema")}</label>
          <input
            id={`${uid}-oedema`}
            type="checkbox"
            checked={oedema}
            onChange={(e) => setOedema(e.target.checked)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-kms`}>{t("posyandu.kms.label")}</label>
          <select id={`${uid}-kms`} value={kms} onChange={(e) => setKms(e.target.value as "" | "yes" | "no")}>
            <option value="">{t("posyandu.kms.unknown")}</option>
            <option value="yes">{t("posyandu.kms.yes")}</option>
            <option value="no">{t("posyandu.kms.no")}</option>
          </select>
        </div>
        <div className="field save-field">
          <button
            type="button"
            onClick={() => void save()}
            disabled={!valid || saving}
            className={confirming ? "danger" : undefined}
          >
            {saving ? t("common.saving") : confirming ? t("session.saveAnyway") : t("common.save")}
          </button>
        </div>
      </fieldset>
      {typed && !engine ? <p className="hint">{t("offline.entry.computing")}</p> : null}
      {result?.preview ? <ZPreviewView preview={result.preview} /> : null}
      {errors.length > 0 || warnings.length > 0 ? (
        <ul className="warnings" data-testid="entry-warnings">
          {errors.map((x) => (
            <li key={`e-${x.field}-${x.code}`} className="error">
              <FindingText finding={x} />
            </li>
          ))}
          {warnings.map((x) => (
            <li key={`w-${x.field}-${x.code}-${String(x.params.indicator ?? "")}`}>
              <FindingText finding={x} />
            </li>
          ))}
        </ul>
      ) : null}
      {confirming ? (
        <p className="notice" role="alert">
          {t("session.confirmWarnings")}
        </p>
      ) : null}
      <ErrorMessage error={error} />
    </li>
  );
}

/** The categories of a queued measurement, computed on the device as the server will store them. */
function localStatus(
  engine: typeof import("../../offline/entryEngine.ts"),
  child: SessionChild,
  item: MeasurementItem,
  today: string,
) {
  const b = item.body;
  const { preview } = engine.evaluateEntry(
    { ...child, sex: item.child.sex, birthDate: item.child.birthDate, lastMeasurement: null },
    {
      date: b.date,
      today,
      weight: b.weight,
      height: b.height,
      measure: b.measure ?? "l",
      oedema: b.oedema ?? false,
    },
  );
  if (!preview) return null;
  return {
    tbu: preview.status.tbu?.code ?? null,
    bbu: preview.status.bbu?.code ?? null,
    bbtb: preview.status.bbtb?.code ?? null,
    flen: preview.flen,
    fwei: preview.fwei,
    fwfl: preview.fwfl,
  };
}
