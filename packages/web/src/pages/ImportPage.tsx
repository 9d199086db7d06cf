import { levelOfCode } from "@tumbuh/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { ImportUpload } from "../api/types.ts";
import { useSession } from "../auth/session.tsx";
import { RegionPicker } from "../components/RegionPicker.tsx";
import { ErrorMessage } from "../components/Status.tsx";
import { href } from "../routing/router.ts";
import { ImportReportView } from "./import/ImportReportView.tsx";

/** Upload of an e-PPGBM file: a dry run first (nothing written), its report, then confirmation. */
export function ImportPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const scope = me?.user.regionCode ?? "ID";
  const scopeIsDistrict = levelOfCode(scope) === "district";
  const [file, setFile] = useState<File | null>(null);
  const [district, setDistrict] = useState(scopeIsDistrict ? scope : "");
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function dryRun(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setUpload(null);
    try {
      const form = new FormData();
      if (district.trim()) form.append("district", district.trim());
      form.append("file", file);
      const res = await api.upload<{ import: ImportUpload }>("/api/imports", form);
      setUpload(res.import);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!upload) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ import: ImportUpload }>(
        `/api/imports/${encodeURIComponent(upload.id)}/confirm`,
      );
      setUpload(res.import);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  /** Cancels the dry run: the server deletes the uploaded file. */
  async function cancel() {
    if (!upload) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/api/imports/${encodeURIComponent(upload.id)}`);
      setUpload(null);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  const done = upload?.status === "imported";
  return (
    <div className="page">
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      <form className="card" onSubmit={dryRun}>
        <div className="field">
          <label htmlFor="import-file">{t("import.file")}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setUpload(null);
            }}
          />
          <span className="hint">{t("import.fileHint")}</span>
        </div>
        <div className="field">
          <label htmlFor="import-district">{t("import.district")}</label>
          <RegionPicker
            id="import-district"
            value={district}
            onChange={setDistrict}
            level="district"
            readOnly={scopeIsDistrict}
          />
          <span className="hint">{t("import.districtHint")}</span>
        </div>
        <button type="submit" disabled={!file || busy}>
          {busy && !upload ? t("import.checking") : t("import.check")}
        </button>
      </form>
      <ErrorMessage error={error} />
      {upload ? (
        <section className="card" aria-live="polite" data-testid="import-report">
          <h2>
            {done
              ? t("import.doneTitle", { file: upload.fileName })
              : t("import.dryRunTitle", { file: upload.fileName })}
          </h2>
          {done ? (
            <p className="success">{t("import.done")}</p>
          ) : (
            <p className="notice">{t("import.dryRunNote")}</p>
          )}
          <ImportReportView report={upload.report} fileName={upload.fileName} />
          {!done ? (
            <div className="button-row">
              <button
                type="button"
                onClick={() => void confirm()}
                disabled={busy || upload.report.rowsRead === upload.report.rejectedCount}
              >
                {busy ? t("import.importing") : t("import.confirm")}
              </button>
              <button type="button" className="secondary" onClick={() => void cancel()} disabled={busy}>
                {t("common.cancel")}
              </button>
            </div>
          ) : (
            <a className="button secondary" href={href("/", { region: upload.district })}>
              {t("import.toDashboard")}
            </a>
          )}
        </section>
      ) : null}
    </div>
  );
}
