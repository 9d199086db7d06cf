import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { ErrorMessage } from "../components/Status.tsx";
import { href } from "../routing/router.ts";

/** Sign-in with username and password; goes on to the page that asked for it (or the dashboard). */
export function SignInPage({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const { signIn, meta, me } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      window.location.hash = next?.startsWith("/") ? `#${next}` : "#/";
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      if (err instanceof ApiError && err.code === "invalid_credentials") setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="signin card narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">{t("auth.title")}</h1>
      <p>{t("auth.intro")}</p>
      {me ? (
        <p className="notice">
          {t("auth.alreadySignedIn", { name: me.user.displayName })}{" "}
          <a href={href("/")}>{t("nav.dashboard")}</a>
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="username">{t("auth.username")}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t("auth.password")}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy || !username || !password}>
          {busy ? t("auth.signingIn") : t("auth.signIn")}
        </button>
      </form>
      {meta?.demo.synthetic ? <p className="hint">{t("auth.demoHint")}</p> : null}
      <p>
        <a href={href("/publik")}>{t("auth.publicLink")}</a>
      </p>
    </section>
  );
}
