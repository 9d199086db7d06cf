import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

/** A polite "loading" line for screen readers and eyes. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

/** An error the user can act on: the server's message, or a translated one for known codes. */
export function ErrorMessage({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const known = error instanceof ApiError ? t(`errors.${error.code}`, { defaultValue: "" }) : "";
  return (
    <div className="error" role="alert">
      {known || error.message}
      {known && error.message && error.message !== known ? <small> ({error.message})</small> : null}
    </div>
  );
}
