import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { BoundaryUploadResult } from "../../api/types.ts";
import { ErrorMessage } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { messageText } from "../../lib/messages.ts";

/** Upload of GeoJSON region boundaries: which features matched a region, which did not and why, which regions still lack a shape. */
export function BoundariesPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [codeProperty, setCodeProperty] = useState("code");
  const [attribution, setAttribution] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<BoundaryUploadResult | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      let geojson: unknown;
      try {
        geojson = JSON.parse(await file.text());
      } catch (err) {
        throw new Error(t("boundaries.notJson", { detail: (err as Error).message }));
      }
      setResult(
        await api.post<BoundaryUploadResult>("/api/boundaries", {
          geojson,
          codeProperty: codeProperty.trim() || "code",
          attribution: attribution.trim() || undefined,
        }),
      );
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>{t("boundaries.title")}</h1>
      <p>{t("boundaries.intro")}</p>
      <form className="card" onSubmit={submit}>
        <div className="field">
          <label htmlFor="geojson-file">{t("boundaries.file")}</label>
          <input
            id="geojson-file"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor="code-property">{t("boundaries.codeProperty")}</label>
          <input id="code-property" value={codeProperty} onChange={(e) => setCodeProperty(e.target.value)} />
          <span className="hint">{t("boundaries.codePropertyHint")}</span>
        </div>
        <div className="field">
          <label htmlFor="attribution">{t("boundaries.attribution")}</label>
          <input id="attribution" value={attribution} onChange={(e) => setAttribution(e.target.value)} />
          <span className="hint">{t("boundaries.attributionHint")}</span>
        </div>
        <ErrorMessage error={error} />
        <button type="submit" disabled={!file || busy}>
          {busy ? t("common.saving") : t("boundaries.upload")}
        </button>
      </form>
      {result ? (
        <section className="card" aria-live="polite" data-testid="boundary-result">
          <h2>{t("boundaries.result")}</h2>
          <p className="success">{t("boundaries.matched", { count: result.matched.length })}</p>
          {result.unmatched.length > 0 ? (
            <>
              <h3>{t("boundaries.unmatched", { count: result.unmatched.length })}</h3>
              <TableScroll>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("boundaries.feature")}</th>
                      <th scope="col">{t("boundaries.value")}</th>
                      <th scope="col">{t("boundaries.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.unmatched.map((u) => (
                      <tr key={u.index}>
                        <td>#{u.index + 1}</td>
                        <td>{u.value ?? "–"}</td>
                        <td>{messageText(u.userMessage, u.reason, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          ) : null}
          <h3>{t("boundaries.missing", { count: result.missing.length })}</h3>
          {result.missing.length === 0 ? (
            <p>{t("boundaries.noneMissing")}</p>
          ) : (
            <ul className="compact-list">
              {result.missing.map((m) => (
                <li key={m.code}>
                  {m.name} <small>({m.code})</small>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
