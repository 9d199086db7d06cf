/**
 * Aksi konvergensi of a district: open the year's cycle, each aksi's status, notes, outputs and
 * evidence files, the province's review comment, and the cycle's progress (Pantau Aksi) with its
 * traffic-light band.
 */

import type { AksiCycleDetail, AksiCycleSummary, AksiEntry } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { errorText } from "../../lib/messages.ts";
import { AksiDocsLinks } from "./AksiDocsLinks.tsx";

const pct = (v: number | null) => (v === null ? "–" : `${v.toFixed(1)}%`);

type RecordKind = NonNullable<AksiEntry["outputs"][number]["fulfilledBy"]>;

/** The page where the record that fulfils an output is kept. */
function recordPage(kind: RecordKind, cycleId: string): string {
  const q = `?cycle=${cycleId}`;
  const pages: Record<RecordKind, string> = {
    lokus: `#/aksi/lokus${q}`,
    rencana: `#/aksi/rencana${q}`,
    rembuk: `#/aksi/rembuk${q}`,
    regulasi: "#/aksi/regulasi",
    kpm: "#/aksi/kpm",
    scorecard: "#/aksi/scorecard",
    reviu: `#/aksi/reviu${q}`,
    publikasi: `#/aksi/reviu${q}`,
  };
  return pages[kind];
}

function EntryCard({
  cycleId,
  entry,
  canEdit,
  onSaved,
}: {
  cycleId: string;
  entry: AksiEntry;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(entry.status);
  const [notes, setNotes] = useState(entry.notes);
  const [error, setError] = useState<string | null>(null);
  const locked = !canEdit || entry.status === "direviu";
  const base = `/api/aksi/cycles/${cycleId}/aksi/${encodeURIComponent(entry.aksiCode)}`;
  const save = async () => {
    setError(null);
    try {
      await api.patch(base, {
        status: status === "direviu" ? undefined : status,
        notes,
        version: entry.version,
      });
      onSaved();
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
  };
  const upload = async (file: File, outputCode: string) => {
    setError(null);
    const form = new FormData();
    if (outputCode) form.append("outputCode", outputCode);
    form.append("file", file);
    try {
      await api.upload(`${base}/evidence`, form);
      onSaved();
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
  };
  return (
    <section className="card" data-aksi={entry.aksiCode}>
      <h2>
        {entry.aksiCode}. {entry.name} <small>({pct(entry.progressPct)})</small>
      </h2>
      <p>
        {t("aksi.pic")}: {entry.pic.join(", ")} · {t("aksi.status")}:{" "}
        <strong>{t(`aksi.statuses.${entry.status}`)}</strong>
      </p>
      <ul>
        {entry.outputs.map((o) => (
          <li key={o.code}>
            {o.present ? "✔" : "✗"} {o.name}
            {o.evidenceCount > 0 ? ` (${o.evidenceCount} ${t("aksi.files")})` : ""}
            {o.fulfilledBy ? (
              <span data-fulfilled-by={o.fulfilledBy} data-output={o.code}>
                {" "}
                — {t("aksi.records.fulfilledBy")}{" "}
                <a href={recordPage(o.fulfilledBy, cycleId)}>{t(`aksi.records.${o.fulfilledBy}`)}</a>
              </span>
            ) : (
              !o.present && <span data-missing={o.code}> — {t("aksi.records.missing")}</span>
            )}
            {!locked && (
              <label className="upload">
                {" "}
                {t("aksi.upload")}
                <input
                  type="file"
                  aria-label={`${t("aksi.upload")} ${o.code}`}
                  onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0], o.code)}
                />
              </label>
            )}
          </li>
        ))}
      </ul>
      {entry.evidence.length > 0 && (
        <ul>
          {entry.evidence.map((f) => (
            <li key={f.id}>
              <a href={`/api/aksi/evidence/${f.id}`}>{f.fileName}</a> ({Math.ceil(f.sizeBytes / 1024)} KB)
            </li>
          ))}
        </ul>
      )}
      {entry.reviewComment && (
        <p className="review">
          {t("aksi.review")}: {entry.reviewComment}
        </p>
      )}
      {!locked && (
        <div className="form-row">
          <label>
            {t("aksi.status")}
            <select
              aria-label={`${t("aksi.status")} ${entry.aksiCode}`}
              value={status}
              onChange={(e) => setStatus(e.target.value as AksiEntry["status"])}
            >
              {(["belum", "proses", "selesai"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`aksi.statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("aksi.notes")}
            <textarea
              aria-label={`${t("aksi.notes")} ${entry.aksiCode}`}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </label>
          <button type="button" onClick={() => void save()}>
            {t("aksi.save")}
          </button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/** The cycles of the user's region, and the chosen one in full. */
export function AksiPage({ cycleId }: { cycleId: string | null }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const region = me?.user.regionCode ?? "ID";
  const [year, setYear] = useState(new Date().getFullYear());
  const [error, setError] = useState<string | null>(null);
  const cycles = useApi(`cycles:${region}`, () =>
    api.get<{ cycles: AksiCycleSummary[] }>("/api/aksi/cycles", { region }),
  );
  const chosen = cycleId ?? cycles.data?.cycles[0]?.id ?? null;
  const detail = useApi(chosen ? `cycle:${chosen}` : null, () =>
    api.get<AksiCycleDetail>(`/api/aksi/cycles/${chosen}`),
  );
  const open = async () => {
    setError(null);
    try {
      await api.post("/api/aksi/cycles", { districtCode: region, year });
      cycles.reload();
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
  };
  const d = detail.data;
  return (
    <div>
      <h1>{t("aksi.title")}</h1>
      {can("aksi:write") && region.split(".").length === 2 && (
        <div className="form-row">
          <label>
            {t("aksi.year")}
            <input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />
          </label>
          <button type="button" onClick={() => void open()}>
            {t("aksi.open")}
          </button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <ul>
        {(cycles.data?.cycles ?? []).map((c) => (
          <li key={c.id}>
            <a href={`#/aksi?cycle=${c.id}`}>
              {c.districtName} {c.year}
            </a>{" "}
            — {pct(c.progressPct)} {c.band ? t(`aksi.bands.${c.band}`) : ""}
          </li>
        ))}
      </ul>
      {d && (
        <>
          <h2 data-testid="aksi-progress">
            {d.cycle.districtName} {d.cycle.year}: {t("aksi.progress")} {pct(d.cycle.progressPct)} ·{" "}
            {d.cycle.band ? t(`aksi.bands.${d.cycle.band}`) : ""}
          </h2>
          <p>
            {d.configTitle} · {t("aksi.missing")}: {d.missingCount}
          </p>
          <AksiDocsLinks cycleId={d.cycle.id} />
          <p className="button-row">
            <a href={`#/aksi/analisis-situasi?cycle=${d.cycle.id}`}>{t("aksi.plan.nav.ansit")}</a>
            <a href={`#/aksi/lokus?cycle=${d.cycle.id}`}>{t("aksi.plan.nav.lokus")}</a>
            <a href={`#/aksi/rencana?cycle=${d.cycle.id}`}>{t("aksi.plan.nav.rencana")}</a>
          </p>
          {d.entries.map((e) => (
            <EntryCard
              key={`${e.aksiCode}:${e.version}`}
              cycleId={d.cycle.id}
              entry={e}
              canEdit={d.canEdit}
              onSaved={() => {
                detail.reload();
                cycles.reload();
              }}
            />
          ))}
        </>
      )}
    </div>
  );
}
