import { CSV_EXCEL_ID, CSV_PLAIN, toCsv } from "@tumbuh/core";
import { useTranslation } from "react-i18next";
import { apiUrl } from "../api/client.ts";
import { type ExportTable, exportFileName, toXlsx } from "../lib/tableExport.ts";

function download(data: BlobPart, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Props =
  | {
      title: string;
      server: { table: string; region?: string; period?: string | null; q?: string; posyanduId?: string };
    }
  | { title: string; table: () => ExportTable };

/** The three downloads: CSV for Excel set to Indonesian (the default), XLSX, and plain CSV. */
const FORMATS = [
  { key: "csv", label: "CSV", dialect: "excel-id" },
  { key: "xlsx", label: "XLSX", dialect: null },
  { key: "csv-plain", label: "CSV ( , )", dialect: "plain" },
] as const;

/**
 * CSV and XLSX downloads of a table on screen: either the server's export of the same table
 * (scope checked there) or, for tables only the browser holds, built from the rows shown. CSV comes
 * in the dialect Excel with Indonesian settings opens as columns (semicolon, decimal comma), and
 * plain (comma, decimal point) for other programs.
 */
export function ExportButtons(props: Props) {
  const { t } = useTranslation();
  const label = (f: (typeof FORMATS)[number]) =>
    f.key === "csv-plain"
      ? `${t("export.download", { format: "CSV", title: props.title })} — ${t("export.csvPlain")}`
      : t("export.download", { format: f.label, title: props.title });
  const hint = (f: (typeof FORMATS)[number]) =>
    f.key === "csv" ? t("export.csvExcel") : f.key === "csv-plain" ? t("export.csvPlain") : undefined;
  if ("server" in props) {
    const q = { ...props.server, period: props.server.period ?? undefined };
    return (
      <div className="export-buttons">
        {FORMATS.map((f) => (
          <a
            key={f.key}
            className="button secondary"
            href={apiUrl("/api/export", {
              ...q,
              format: f.key === "xlsx" ? "xlsx" : "csv",
              dialect: f.dialect ?? undefined,
            })}
            download
            aria-label={label(f)}
            title={hint(f)}
          >
            {f.label}
          </a>
        ))}
      </div>
    );
  }
  const name = exportFileName(props.title);
  const save = (f: (typeof FORMATS)[number]) => {
    const table = props.table();
    if (f.key === "xlsx") {
      download(
        toXlsx(table, props.title) as BlobPart,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        `${name}.xlsx`,
      );
      return;
    }
    const dialect = f.dialect === "plain" ? CSV_PLAIN : CSV_EXCEL_ID;
    const suffix = f.dialect === "plain" ? "-koma" : "";
    download(toCsv(table.headers, table.rows, dialect), "text/csv;charset=utf-8", `${name}${suffix}.csv`);
  };
  return (
    <div className="export-buttons">
      {FORMATS.map((f) => (
        <button
          key={f.key}
          type="button"
          className="secondary"
          aria-label={label(f)}
          title={hint(f)}
          onClick={() => save(f)}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}
