import type { Family } from "@tumbuh/core/api";
import { LATRINES, WATER_SOURCES } from "@tumbuh/core/programme";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage } from "../../components/Status.tsx";
import { localToday } from "../../lib/today.ts";
import { navigate } from "../../routing/router.ts";
import { recentSemesters } from "./semester.ts";
import { VillagePicker } from "./VillagePicker.tsx";

interface ChildDraft {
  name: string;
  birthDate: string;
}

/** Records a target family: facts, children, water and latrine; the server computes and stores the risk. */
export function FamilyForm({ semester }: { semester: string | null }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const scope = me?.user.regionCode ?? "";
  const semesters = recentSemesters(localToday());
  const [villageCode, setVillageCode] = useState(scope.split(".").length === 4 ? scope : "");
  const [sem, setSem] = useState(semester ?? semesters[0]);
  const [dataSource, setDataSource] = useState("tpk");
  const [headName, setHeadName] = useState("");
  const [motherName, setMotherName] = useState("");
  const [motherBirthDate, setMotherBirthDate] = useState("");
  const [pregnant, setPregnant] = useState("");
  const [water, setWater] = useState("");
  const [latrine, setLatrine] = useState("");
  const [address, setAddress] = useState("");
  const [children, setChildren] = useState<ChildDraft[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const setChild = (i: number, patch: Partial<ChildDraft>) =>
    setChildren((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ family: Family }>("/api/families", {
        villageCode,
        semester: sem,
        dataSource,
        headName: headName.trim(),
        motherName: motherName.trim() || null,
        motherBirthDate: motherBirthDate || null,
        pregnant: pregnant === "" ? null : pregnant === "yes",
        waterSource: water || null,
        latrine: latrine || null,
        address: address.trim() || null,
        children: children.map((c) => ({ name: c.name.trim(), birthDate: c.birthDate || null })),
        assessedOn: localToday(),
      });
      navigate(`/families/${res.family.id}`);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>{t("families.add")}</h1>
      <form className="card" onSubmit={submit} data-testid="family-form">
        <VillagePicker scope={scope} value={villageCode} onChange={setVillageCode} />
        <div className="field">
          <label htmlFor="ff-sem">{t("families.semester")}</label>
          <select id="ff-sem" value={sem} onChange={(e) => setSem(e.target.value)}>
            {semesters.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ff-source">{t("families.dataSource")}</label>
          <select id="ff-source" value={dataSource} onChange={(e) => setDataSource(e.target.value)}>
            {["pk", "verval", "tpk", "manual"].map((s) => (
              <option key={s} value={s}>
                {t(`families.sources.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ff-head">{t("families.head")}</label>
          <input
            id="ff-head"
            required
            maxLength={100}
            value={headName}
            onChange={(e) => setHeadName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="ff-mother">{t("families.mother")}</label>
          <input
            id="ff-mother"
            maxLength={100}
            value={motherName}
            onChange={(e) => setMotherName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="ff-mother-birth">{t("families.motherBirthDate")}</label>
          <input
            id="ff-mother-birth"
            type="date"
            max={localToday()}
            value={motherBirthDate}
            onChange={(e) => setMotherBirthDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="ff-pregnant">{t("families.pregnant")}</label>
          <select id="ff-pregnant" value={pregnant} onChange={(e) => setPregnant(e.target.value)}>
            <option value="">{t("families.unknown")}</option>
            <option value="yes">{t("common.yes")}</option>
            <option value="no">{t("common.no")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ff-water">{t("families.water")}</label>
          <select id="ff-water" value={water} onChange={(e) => setWater(e.target.value)}>
            <option value="">{t("families.unknown")}</option>
            {WATER_SOURCES.map((w) => (
              <option key={w} value={w}>
                {t(`families.waterSources.${w}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ff-latrine">{t("families.latrine")}</label>
          <select id="ff-latrine" value={latrine} onChange={(e) => setLatrine(e.target.value)}>
            <option value="">{t("families.unknown")}</option>
            {LATRINES.map((l) => (
              <option key={l} value={l}>
                {t(`families.latrines.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ff-address">{t("families.address")}</label>
          <input
            id="ff-address"
            maxLength={200}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t("families.children")}</legend>
          {children.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <div key={i} className="button-row">
              <div className="field">
                <label htmlFor={`ff-child-${i}`}>{t("families.childName")}</label>
                <input
                  id={`ff-child-${i}`}
                  required
                  maxLength={100}
                  value={c.name}
                  onChange={(e) => setChild(i, { name: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`ff-child-birth-${i}`}>{t("families.childBirth")}</label>
                <input
                  id={`ff-child-birth-${i}`}
                  type="date"
                  max={localToday()}
                  value={c.birthDate}
                  onChange={(e) => setChild(i, { birthDate: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="secondary"
                onClick={() => setChildren((cs) => cs.filter((_, j) => j !== i))}
              >
                {t("families.removeChild")}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setChildren((cs) => [...cs, { name: "", birthDate: "" }])}
          >
            {t("families.addChild")}
          </button>
        </fieldset>
        <ErrorMessage error={error} />
        <div className="button-row">
          <button type="submit" disabled={busy || !villageCode}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
        </div>
      </form>
    </div>
  );
}
