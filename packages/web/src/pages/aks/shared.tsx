/** Pieces the Audit Kasus Stunting pages share: labels of semesters, reasons and statuses, and a save helper. */
import type { AksFact } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../components/Status.tsx";
import { formatDate, formatDecimal } from "../../lib/format.ts";

type T = (key: string, options?: Record<string, unknown>) => string;

/** "2025-S1" → "Semester I 2025". */
export function semesterLabel(semester: string, t: T): string {
  const m = /^(\d{4})-S([12])$/.exec(semester);
  return m ? t("aks.semesterLabel", { half: m[2] === "1" ? "I" : "II", year: m[1] }) : semester;
}

interface Reason {
  reason: string;
  detail: string;
  facts?: readonly AksFact[];
}

/**
 * A reason's findings in the user's language (dates and decimals as the language writes them, TB/U
 * categories by their labels); a case stored before findings were kept shows its stored text.
 */
export function reasonText(r: Reason, t: T, lang: string): string {
  if (!r.facts) return r.detail;
  return r.facts
    .map((f) => {
      const p: Record<string, string> = {};
      for (const [k, v] of Object.entries(f)) {
        if (k === "code" || v === null) continue;
        p[k] =
          k === "date"
            ? formatDate(String(v))
            : k === "tbu"
              ? t(`status.tbu.${v}`, { defaultValue: String(v) })
              : typeof v === "number"
                ? formatDecimal(v, lang, 1)
                : String(v);
      }
      const code = f.code === "kek" && p.lilaCm ? "kekLila" : f.code;
      return t(`aks.facts.${code}`, { ...p, defaultValue: r.detail });
    })
    .join(", ");
}

/** The reasons a case was found, as chips (the findings in the chip's title). */
export function ReasonChips({ reasons }: { reasons: readonly Reason[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {reasons.map((r) => (
        <span
          key={r.reason}
          className={`chip ${r.reason === "gagal_tumbuh" ? "warn" : "bad"}`}
          title={reasonText(r, t, i18n.language)}
        >
          {t(`aks.reasonNames.${r.reason}`, { defaultValue: r.reason })}
        </span>
      ))}
    </>
  );
}

/**
 * Runs a write, showing its error in the user's language or a short "saved" note; `busy` while it
 * runs so a button is not pressed twice.
 */
export function useSave(): {
  run: (write: () => Promise<unknown>) => Promise<boolean>;
  busy: boolean;
  feedback: React.ReactNode;
} {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const run = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await write();
      setSaved(true);
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const feedback = (
    <>
      <ErrorMessage error={error} />
      {saved ? (
        <p className="ok" role="status">
          {t("aks.saved")}
        </p>
      ) : null}
    </>
  );
  return { run, busy, feedback };
}

/** Today in the browser's calendar, yyyy-mm-dd. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
