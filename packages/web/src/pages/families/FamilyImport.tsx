import type { FamilyImportReport, FamilyImportResponse } from "@tumbuh/core/api";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorMessage } from "../../components/Status.tsx";
import { messageText } from "../../lib/messages.ts";

const TEMPLATE =
  "Kode Desa;Semester;Nama Kepala Keluarga;Nama Istri;Tgl Lahir Istri;Hamil;Sumber Air Minum;Jamban;RT;RW;Alamat;Nama Anak 1;Tgl Lahir Anak 1;NIK Anak 1;Nama Anak 2;Tgl Lahir Anak 2;NIK Anak 2\n";

/** Upload of a family-data file: the dry-run report (row by row), then confirm (all accepted rows at once) or cancel. */
export function FamilyImport({ semester, onImported }: { semester: string; onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<FamilyImportReport | null>(null);
  const [done, setDone] = useState<FamilyImportReport | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const form = new FormData();
      form.append("semester", semester);
      form.append("file", file);
      setReport((await api.upload<FamilyImportResponse>("/api/families/imports", form)).import);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }
  async function confirm() {
    if (!report) return;
    setBusy(true);
    try {
      setDone((await api.post<FamilyImportResponse>(`/api/families/imports/${report.id}/confirm`)).import);
      setReport(null);
      onImported();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }
  async function cancel() {
    if (report) await api.delete(`/api/families/imports/${report.id}`).catch(() => undefined);
    setReport(null);
  }

  return (
    <section className="card">
      <h2>{t("families.imp.title")}</h2>
      <p className="hint">
        {t("families.imp.hint", { semester })}{" "}
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
          download="templat-keluarga.csv"
        >
          {t("families.imp.template")}
        </a>
      </p>
      <form className="inline-form" onSubmit={upload} aria-label={t("families.imp.title")}>
        <div className="field">
          <label htmlFor="fam-file">{t("families.imp.file")}</label>
          <input
            id="fam-file"
            type="file"
            accept=".csv,.xlsx,.txt"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" disabled={!file || busy}>
          {t("families.imp.check")}
        </button>
      </form>
      <ErrorMessage error={error} />
      {report ? (
        <div data-testid="family-import-report">
          <p>
            {t("families.imp.summary", {
              read: report.rowsRead,
              accepted: report.accepted,
              rejected: report.rejectedCount,
              berisiko: report.berisiko,
              linked: report.childrenLinked,
              listed: report.childrenListed,
              replaced: report.replaced,
            })}
          </p>
          {report.rejected.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("families.imp.row")}</th>
                    <th scope="col">{t("families.imp.column")}</th>
                    <th scope="col">{t("families.imp.value")}</th>
                    <th scope="col">{t("families.imp.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.map((r) => (
                    <tr key={`${r.row}-${r.field}-${r.reason}`}>
                      <td className="num">{r.row}</td>
                      <td>{r.field}</td>
                      <td>{r.value ?? ""}</td>
                      <td>{messageText(r.userMessage, r.reason, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="button-row">
            <button type="button" onClick={confirm} disabled={busy || report.accepted === 0}>
              {t("families.imp.confirm", { count: report.accepted })}
            </button>
            <button type="button" className="secondary" onClick={cancel}>
              {t("families.imp.cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {done ? <p role="status">{t("families.imp.done", { count: done.accepted })}</p> : null}
    </section>
  );
}
