import { useTranslation } from "react-i18next";
import { errorText } from "../lib/messages.ts";

/** A polite "loading" line for screen readers and eyes. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

/** An error the user can act on, in the user's language (see lib/messages.ts). */
export function ErrorMessage({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { text, detail } = errorText(error, t);
  return (
    <div className="error" role="alert">
      {text}
      {detail ? (
        <small lang="en" className="error-detail">
          {" "}
          ({detail})
        </small>
      ) : null}
    </div>
  );
}
