import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorMessage } from "../../components/Status.tsx";

/** The same rule as the server's password policy, checked before sending (the server decides). */
const MIN_LENGTH = 10;

/** Changing one's own password: the current one, the new one twice. Other sessions end. */
export function PasswordPage() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat.length > 0 && next !== repeat;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (next !== repeat) return;
    setBusy(true);
    try {
      await api.post("/api/auth/password", { currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent("");
      setNext("");
      setRepeat("");
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow" aria-labelledby="password-title">
      <h1 id="password-title">{t("account.passwordTitle")}</h1>
      <p className="hint">{t("account.passwordIntro", { min: MIN_LENGTH })}</p>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <div className="field">
          <label htmlFor="pw-current">{t("account.current")}</label>
          <input
            id="pw-current"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pw-new">{t("account.new")}</label>
          <input
            id="pw-new"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pw-repeat">{t("account.repeat")}</label>
          <input
            id="pw-repeat"
            type="password"
            autoComplete="new-password"
            aria-invalid={mismatch}
            aria-describedby={mismatch ? "pw-mismatch" : undefined}
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
          {mismatch ? (
            <span id="pw-mismatch" className="hint" role="alert">
              {t("account.mismatch")}
            </span>
          ) : null}
        </div>
        <ErrorMessage error={error} />
        {done ? (
          <p className="success" role="status">
            {t("account.changed")}
          </p>
        ) : null}
        <button type="submit" disabled={busy || !current || next.length < MIN_LENGTH || next !== repeat}>
          {t("account.submit")}
        </button>
      </form>
    </section>
  );
}
