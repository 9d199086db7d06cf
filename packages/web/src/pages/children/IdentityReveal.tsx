import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorMessage } from "../../components/Status.tsx";

interface Identity {
  nik: string | null;
  kk: string | null;
  motherNik: string | null;
}

/** Shows a child's full NIK and No. KK on request (each request is written to the audit log). */
export function IdentityReveal({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [error, setError] = useState<Error | null>(null);
  if (identity) {
    return (
      <dl className="facts">
        <dt>NIK</dt>
        <dd>{identity.nik ?? "–"}</dd>
        <dt>No. KK</dt>
        <dd>{identity.kk ?? "–"}</dd>
        <dt>{t("child.motherNik")}</dt>
        <dd>{identity.motherNik ?? "–"}</dd>
      </dl>
    );
  }
  return (
    <div>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          api
            .get<Identity>(`/api/children/${encodeURIComponent(childId)}/identity`)
            .then(setIdentity, setError)
        }
      >
        {t("child.showIdentity")}
      </button>
      <span className="hint"> {t("child.identityLogged")}</span>
      <ErrorMessage error={error} />
    </div>
  );
}
