/**
 * The desa convergence scorecard (aksi 5): per village and quarter, the number of pregnant women
 * and children 0–23 months (N) and, per indicator, how many received it (Y) and for how many it
 * did not apply (TS); each indicator's coverage Y ÷ (N − TS) and the village's level ΣY ÷
 * (indicators × targets − ΣTS) as the server computes them. Also the region's list, XLSX import
 * (errors per row) and export, and the printable PDF.
 */

import type { Scorecard, ScorecardImportReport, ScorecardSummary } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { errorText, messageText, type ShownMessage } from "../../lib/messages.ts";
import { navigate } from "../../routing/router.ts";
import { AksiDocsLinks } from "./AksiDocsLinks.tsx";

const pct = (v: number | null) => (v === null ? "–" : `${v.toFixed(1)}%`);
const num = (s: string): number | null => (s.trim() === "" ? null : Number(s));
const str = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

function ScorecardForm({ card, onSaved }: { card: Scorecard; onSaved: (s: Scorecard) => void }) {
  const { t } = useTranslation();
  const [targets, setTargets] = useState({
    ibu_hamil: str(card.input.targets.ibu_hamil),
    anak_0_23: str(card.input.targets.anak_0_23),
  });
  const [counts, setCounts] = useState<Record<string, { y: string; ts: string }>>(
    Object.fromEntries(
      card.indicators.map((i) => [
        i.code,
        { y: str(card.input.counts[i.code]?.y), ts: str(card.input.counts[i.code]?.ts) },
      ]),
    ),
  );
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      const saved = await api.put<Scorecard>(`/api/aksi/scorecards/${card.villageCode}/${card.quarter}`, {
        targets: { ibu_hamil: num(targets.ibu_hamil), anak_0_23: num(targets.anak_0_23) },
        counts: Object.fromEntries(
          Object.entries(counts).map(([k, v]) => [k, { y: num(v.y), ts: num(v.ts) }]),
        ),
        version: card.version,
      });
      onSaved(saved);
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
  };
  const group = (g: "ibu_hamil" | "anak_0_23") => (
    <section className="card" key={g}>
      <h2>{t(`aksi.docs.scorecard.groups.${g}`)}</h2>
      <label className="field">
        {t("aksi.docs.scorecard.targets")}
        <input
          inputMode="numeric"
          aria-label={`N ${t(`aksi.docs.scorecard.groups.${g}`)}`}
          value={targets[g]}
          disabled={!card.canEdit}
          onChange={(e) => setTargets((s) => ({ ...s, [g]: e.target.value }))}
        />
      </label>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th>{t("aksi.docs.scorecard.indicator")}</th>
              <th>Y</th>
              <th>TS</th>
              <th>{t("aksi.docs.scorecard.coverage")}</th>
            </tr>
          </thead>
          <tbody>
            {card.indicators
              .filter((i) => i.group === g)
              .map((i) => (
                <tr key={i.code} data-indicator={i.code}>
                  <td>
                    {i.code}. {i.name}
                  </td>
                  {(["y", "ts"] as const).map((k) => (
                    <td key={k}>
                      <input
                        inputMode="numeric"
                        size={3}
                        aria-label={`${k === "y" ? "Y" : "TS"} ${i.code}`}
                        value={counts[i.code]?.[k] ?? ""}
                        disabled={!card.canEdit}
                        onChange={(e) =>
                          setCounts((c) => ({ ...c, [i.code]: { ...c[i.code], [k]: e.target.value } }))
                        }
                      />
                    </td>
                  ))}
                  <td>{pct(i.coveragePct)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        {t("aksi.docs.scorecard.groupLevel")}: {pct(card.groups[g].pct)}
      </p>
    </section>
  );
  return (
    <>
      {group("ibu_hamil")}
      {group("anak_0_23")}
      {card.canEdit && (
        <button type="button" onClick={() => void save()}>
          {t("aksi.docs.scorecard.save")}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </>
  );
}

/** The import's report as shown: a refused file gives one error without a catalogue message. */
type ImportShown = Omit<ScorecardImportReport, "errors"> & {
  errors: { rowNo: number; field: string; reason: string; userMessage?: ShownMessage }[];
};

export function ScorecardPage({ village, quarter }: { village: string | null; quarter: string | null }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const region = me?.user.regionCode ?? "ID";
  const v = village ?? (region.split(".").length === 4 ? region : "");
  const q = quarter ?? currentQuarter();
  const [villageInput, setVillageInput] = useState(v);
  const [quarterInput, setQuarterInput] = useState(q);
  const [report, setReport] = useState<ImportShown | null>(null);
  const [saved, setSaved] = useState<Scorecard | null>(null);
  const valid = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(v) && /^\d{4}-Q[1-4]$/.test(q);
  const card = useApi(valid ? `scorecard:${v}:${q}` : null, () =>
    api.get<Scorecard>(`/api/aksi/scorecards/${v}/${q}`),
  );
  const listRegion = region.split(".").length >= 2 ? region : null;
  const year = q.slice(0, 4);
  const list = useApi(listRegion ? `scorecards:${listRegion}:${year}:${saved?.version ?? 0}` : null, () =>
    api.get<{ scorecards: ScorecardSummary[] }>("/api/aksi/scorecards", {
      region: listRegion!,
      period: year,
    }),
  );
  const shown = saved && saved.villageCode === v && saved.quarter === q ? saved : card.data;
  const importFile = async (file: File) => {
    const form = new FormData();
    form.append("file", file);
    try {
      setReport(await api.upload<ScorecardImportReport>("/api/aksi/scorecards/import", form));
      card.reload();
      list.reload();
    } catch (e) {
      setReport({
        rowsRead: 0,
        saved: 0,
        errors: [{ rowNo: 0, field: "file", reason: errorText(e as Error, t).text }],
      });
    }
  };
  return (
    <div>
      <h1>{t("aksi.docs.scorecard.title")}</h1>
      <AksiDocsLinks cycleId={null} />
      <div className="filters">
        <label className="field">
          {t("aksi.docs.kpm.villageCode")}
          <input value={villageInput} onChange={(e) => setVillageInput(e.target.value)} />
        </label>
        <label className="field">
          {t("aksi.docs.scorecard.quarter")}
          <input value={quarterInput} onChange={(e) => setQuarterInput(e.target.value)} />
        </label>
        <button
          type="button"
          onClick={() =>
            navigate("/aksi/scorecard", { village: villageInput.trim(), quarter: quarterInput.trim() })
          }
        >
          {t("aksi.docs.scorecard.show")}
        </button>
      </div>
      {card.error && <p role="alert">{errorText(card.error, t).text}</p>}
      {shown && (
        <>
          <h2 data-testid="scorecard-level">
            {shown.villageName} {shown.quarter}: {t("aksi.docs.scorecard.level")} {pct(shown.level.pct)}
          </h2>
          <p>
            ΣY {shown.level.y} ÷ ({shown.level.cells} − ΣTS {shown.level.ts}) ·{" "}
            <a href={`/api/aksi/scorecards/${shown.villageCode}/${shown.quarter}/pdf`} download>
              {t("aksi.docs.scorecard.pdf")}
            </a>
          </p>
          {shown.unrecorded.length > 0 && (
            <p>
              {t("aksi.docs.scorecard.unrecorded")}: {shown.unrecorded.join(", ")}
            </p>
          )}
          <ScorecardForm
            key={`${shown.villageCode}:${shown.quarter}:${shown.version}`}
            card={shown}
            onSaved={setSaved}
          />
        </>
      )}
      {listRegion && (
        <section className="card">
          <h2>
            {t("aksi.docs.scorecard.list")} {year}
          </h2>
          <ul>
            {(list.data?.scorecards ?? []).map((s) => (
              <li key={`${s.villageCode}:${s.quarter}`}>
                <a href={`#/aksi/scorecard?village=${s.villageCode}&quarter=${s.quarter}`}>
                  {s.villageName} {s.quarter}
                </a>{" "}
                — {pct(s.levelPct)}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/api/aksi/scorecards/export.xlsx?region=${listRegion}&period=${year}`} download>
              {t("aksi.docs.scorecard.export")}
            </a>
          </p>
          {(can("aksi:write") || can("aksi:village")) && (
            <label className="upload">
              {t("aksi.docs.scorecard.import")}
              <input
                type="file"
                accept=".xlsx,.csv"
                aria-label={t("aksi.docs.scorecard.import")}
                onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
              />
            </label>
          )}
          {report && (
            <div role="status">
              <p>{t("aksi.docs.scorecard.imported", { saved: report.saved, rows: report.rowsRead })}</p>
              <ul>
                {report.errors.map((e) => (
                  <li key={`${e.rowNo}:${e.field}`}>
                    {t("aksi.docs.scorecard.rowError", { row: e.rowNo, field: e.field })}:{" "}
                    {messageText(e.userMessage, e.reason, t)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
