/**
 * Regulations on village roles (aksi 4): the district's Perbup/Perwali and its villages'
 * Perdes/Perkades, each with its scanned document.
 */

import type { Regulation } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { errorText } from "../../lib/messages.ts";
import { AksiDocsLinks } from "./AksiDocsLinks.tsx";

export function RegulasiPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const region = me?.user.regionCode ?? "ID";
  const [kind, setKind] = useState<Regulation["kind"]>(region.split(".").length === 4 ? "perdes" : "perbup");
  const [regionCode, setRegionCode] = useState(region);
  const [number, setNumber] = useState("");
  const [issuedOn, setIssuedOn] = useState("");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const list = useApi(`regulations:${region}`, () =>
    api.get<{ regulations: Regulation[] }>("/api/aksi/regulations", { region }),
  );
  const canWrite = can("aksi:write") || can("aksi:village");
  const add = async () => {
    setError(null);
    try {
      await api.post("/api/aksi/regulations", { kind, regionCode, number, issuedOn, title });
      setNumber("");
      setTitle("");
      list.reload();
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
  };
  const attach = async (id: string, file: File) => {
    setError(null);
    const form = new FormData();
    form.append("file", file);
    try {
      await api.upload(`/api/aksi/regulations/${id}/document`, form);
      list.reload();
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
  };
  return (
    <div>
      <h1>{t("aksi.docs.regulasi.title")}</h1>
      <AksiDocsLinks cycleId={null} />
      {list.error && <p role="alert">{errorText(list.error, t).text}</p>}
      <ul>
        {(list.data?.regulations ?? []).map((r) => (
          <li key={r.id}>
            <strong>
              {t(`aksi.docs.regulasi.kinds.${r.kind}`)} {r.number}
            </strong>{" "}
            ({r.issuedOn}) — {r.title} · {r.regionName}{" "}
            {r.document ? (
              <a href={`/api/aksi/regulations/${r.id}/document`}>{r.document.fileName}</a>
            ) : (
              t("aksi.docs.regulasi.noDocument")
            )}
            {canWrite && (
              <label className="upload">
                {" "}
                {t("aksi.docs.regulasi.upload")}
                <input
                  type="file"
                  aria-label={`${t("aksi.docs.regulasi.upload")} ${r.number}`}
                  onChange={(e) => e.target.files?.[0] && void attach(r.id, e.target.files[0])}
                />
              </label>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <section className="card">
          <h2>{t("aksi.docs.regulasi.add")}</h2>
          <div className="filters">
            <label className="field">
              {t("aksi.docs.regulasi.kind")}
              <select value={kind} onChange={(e) => setKind(e.target.value as Regulation["kind"])}>
                {(["perbup", "perwali", "perdes", "perkades"] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`aksi.docs.regulasi.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t("aksi.docs.regionCode")}
              <input value={regionCode} onChange={(e) => setRegionCode(e.target.value)} />
            </label>
            <label className="field">
              {t("aksi.docs.regulasi.number")}
              <input value={number} onChange={(e) => setNumber(e.target.value)} />
            </label>
            <label className="field">
              {t("aksi.docs.regulasi.date")}
              <input type="date" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} />
            </label>
            <label className="field">
              {t("aksi.docs.regulasi.titleField")}
              <input value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <button type="button" onClick={() => void add()}>
              {t("aksi.docs.save")}
            </button>
          </div>
        </section>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
