/**
 * KPM (Kader Pembangunan Manusia) of the villages in the user's region (aksi 5): who, appointed
 * and trained when; the contact only for those allowed to see it.
 */

import type { Kpm } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { errorText } from "../../lib/messages.ts";
import { AksiDocsLinks } from "./AksiDocsLinks.tsx";

export function KpmPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const region = me?.user.regionCode ?? "ID";
  const [villageCode, setVillageCode] = useState(region.split(".").length === 4 ? region : "");
  const [name, setName] = useState("");
  const [appointedOn, setAppointedOn] = useState("");
  const [trainedOn, setTrainedOn] = useState("");
  const [contact, setContact] = useState("");
  const [error, setError] = useState<string | null>(null);
  const list = useApi(`kpm:${region}`, () => api.get<{ kpm: Kpm[] }>("/api/aksi/kpm", { region }));
  const canWrite = can("aksi:write") || can("aksi:village");
  const add = async () => {
    setError(null);
    try {
      await api.post("/api/aksi/kpm", {
        villageCode,
        name,
        appointedOn: appointedOn || null,
        trainedOn: trainedOn || null,
        contact,
      });
      setName("");
      setContact("");
      list.reload();
    } catch (e) {
      setError(errorText(e as Error, t).text);
    }
  };
  return (
    <div>
      <h1>{t("aksi.docs.kpm.title")}</h1>
      <AksiDocsLinks cycleId={null} />
      {list.error && <p role="alert">{errorText(list.error, t).text}</p>}
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th>{t("aksi.docs.kpm.village")}</th>
              <th>{t("aksi.docs.kpm.name")}</th>
              <th>{t("aksi.docs.kpm.appointed")}</th>
              <th>{t("aksi.docs.kpm.trained")}</th>
              <th>{t("aksi.docs.kpm.contact")}</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.kpm ?? []).map((k) => (
              <tr key={k.id}>
                <td>{k.villageName}</td>
                <td>{k.name}</td>
                <td>{k.appointedOn ?? "–"}</td>
                <td>{k.trainedOn ?? t("aksi.docs.kpm.notTrained")}</td>
                <td>{k.contact ?? t("aksi.docs.kpm.hidden")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {canWrite && (
        <section className="card">
          <h2>{t("aksi.docs.kpm.add")}</h2>
          <div className="filters">
            <label className="field">
              {t("aksi.docs.kpm.villageCode")}
              <input value={villageCode} onChange={(e) => setVillageCode(e.target.value)} />
            </label>
            <label className="field">
              {t("aksi.docs.kpm.name")}
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label className="field">
              {t("aksi.docs.kpm.appointed")}
              <input type="date" value={appointedOn} onChange={(e) => setAppointedOn(e.target.value)} />
            </label>
            <label className="field">
              {t("aksi.docs.kpm.trained")}
              <input type="date" value={trainedOn} onChange={(e) => setTrainedOn(e.target.value)} />
            </label>
            <label className="field">
              {t("aksi.docs.kpm.contact")}
              <input value={contact} onChange={(e) => setContact(e.target.value)} />
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
