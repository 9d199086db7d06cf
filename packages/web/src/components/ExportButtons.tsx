import { toCsv } from "@tumbuh/core";
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
  | { title: string; server: { table: string; region?: string; period?: string | null } }
  | { title: string; table: () => ExportTable };

/**
 * CSV and XLSX downloads of a table on screen: either the server's export of the same table
 * (scope checked there) or, for tables only the browser holds, built from the rows shown.
 */
export function ExportButtons(props: Props) {
  const { t } = useTranslation();
  const label = (fmt: string) => t("export.download", { format: fmt.toUpperCase(), title: props.title });
  if ("server" in props) {
    const q = { ...props.server, period: props.server.period ?? undefined };
    return (
      <div className="export-buttons">
        {(["csv", "xlsx"] as const).map((format) => (
          <a
            key={format}
            className="button secondary"
            href={apiUrl("/api/export", { ...q, format })}
            download
            aria-label={label(format)}
          >
            {format.toUpperCase()}
          </a>
        ))}
      </div>
    );
  }
  const name = exportFileName(props.title);
  return (
    <div className="export-buttons">
      <button
        type="button"
        className="secondary"
        aria-label={label("csv")}
        onClick={() => download(csvOf(props.table()), "text/csv;charset=utf-8", `${name}.csv`)}
      >
        CSV
      </button>
      <button
        type="button"
        className="secondary"
        aria-label={label("xlsx")}
        onClick={() =>
          download(
            toXlsx(props.table()) as BlobPart,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            `${name}.xlsx`,
          )
        }
      >
        XLSX
      </button>
    </div>
  );
}

function csvOf(table: ExportTable): string {
  return toCsv(table.headers, table.rows);
}
