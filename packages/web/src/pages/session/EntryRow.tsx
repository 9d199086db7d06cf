import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.ts";
import type { Measurement, SessionChild, Warning, ZPreview } from "../../api/types.ts";
import { ErrorMessage } from "../../components/Status.tsx";
import { StatusChip } from "../../components/StatusChip.tsx";
import { defaultMeasure, entryWarnings, parseDecimalInput } from "../../lib/entryChecks.ts";
import { formatDate, formatDecimal } from "../../lib/format.ts";
import { ZPreviewView } from "./ZPreviewView.tsx";

interface Props {
  child: SessionChild;
  index: number;
  date: string;
  posyanduId: string;
  /** Moves the focus on to the next child after a save. */
  onDone: (index: number) => void;
  onSaved: (m: Measurement) => void;
  /** Focus the weight field on first display (a child just registered). */
  autoFocus?: boolean;
}

/**
 * One child's measurement at a posyandu session: weight, length/height and position, with
 * the z-scores and categories previewed as the values are typed and a warning to confirm
 * before implausible values are saved. Enter moves from weight to height, then saves.
 */
export function EntryRow({ child, index, date, posyanduId, onDone, onSaved, autoFocus }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const uid = useId();
  const [weight, setWeight] = useState("");
  const [height, setHeight] = useState("");
  const [measure, setMeasure] = useState<"l" | "h">(() => defaultMeasure(child.birthDate, date));
  const [oedema, setOedema] = useState(false);
  const [preview, setPreview] = useState<ZPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Measurement | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const local = entryWarnings({ weight, height }, child.lastMeasurement);
  const w = parseDecimalInput(weight);
  const h = parseDecimalInput(height);
  const valid = (w !== undefined || h !== undefined) && !Number.isNaN(w ?? 0) && !Number.isNaN(h ?? 0);

  useEffect(() => {
    // a preview always belongs to the values on screen: drop it as soon as they change
    setConfirming(false);
    setPreview(null);
    if (!valid) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<ZPreview>("/api/zscore/preview", {
          sex: child.sex,
          birthDate: child.birthDate,
          date,
          weight: w,
          height: h,
          measure,
          oedema,
        })
        .then(
          (p) => live && setPreview(p),
          (e: Error) => live && setError(e),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [valid, w, h, measure, oedema, child.sex, child.birthDate, date]);

  const serverWarnings: Warning[] = preview?.warnings ?? [];
  const hasWarnings = local.length > 0 || serverWarnings.length > 0;

  async function save() {
    if (!valid || saving) return;
    if (hasWarnings && !confirming) {
      setConfirming(true);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const res = await api.post<{ measurement: Measurement }>(
        `/api/children/${encodeURIComponent(child.id)}/measurements`,
        {
          date,
          weight: w,
          height: h,
          measure,
          oedema,
          posyanduId,
        },
      );
      setSaved(res.measurement);
      onSaved(res.measurement);
      onDone(index);
    } catch (e) {
      if (e instanceof ApiError && e.code === "conflict") setError(new Error(t("session.conflict")));
      else setError(e as Error);
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

  if (saved) {
    return (
      <li className="entry saved" data-entry-index={index} data-testid="entry-saved">
        <div className="entry-head">
          <strong>{child.name}</strong>
          <span className="chip good">{t("session.saved")}</span>
        </div>
        <p className="zscores">
          <span>
            {t("session.savedValues", {
              weight: formatDecimal(saved.weight, lang, 1),
              height: formatDecimal(saved.height, lang, 1),
            })}
          </span>
          <span>
            TB/U <StatusChip indicator="tbu" code={saved.tbu} flagged={saved.flen} />
          </span>
          <span>
            BB/U <StatusChip indicator="bbu" code={saved.bbu} flagged={saved.fwei} />
          </span>
          <span>
            BB/TB <StatusChip indicator="bbtb" code={saved.bbtb} flagged={saved.fwfl} />
          </span>
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
            aria-invalid={local.some((x) => x.field === "weight") || undefined}
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
            aria-invalid={local.some((x) => x.field === "height") || undefined}
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
      {preview ? <ZPreviewView preview={preview} /> : null}
      {hasWarnings ? (
        <ul className="warnings" data-testid="entry-warnings">
          {local.map((x) => (
            <li key={`l-${x.field}-${x.code}`}>{t(`session.warn.${x.code}`, { ...x.values })}</li>
          ))}
          {serverWarnings.map((x) => (
            <li key={`s-${x.field}-${x.code}`}>{t(`session.warn.${x.code}`, { defaultValue: x.message })}</li>
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
