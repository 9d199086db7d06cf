import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Posyandu } from "../../api/types.ts";
import { ErrorMessage } from "../../components/Status.tsx";
import type { ChildBody } from "../../offline/outbox.ts";

/** Longest name the server takes (NAME_MAX in @tumbuh/core/api). */
const NAME_MAX = 100;

/**
 * Registers a child who is not yet on the posyandu's list, so the measurement can follow at once.
 * The child is saved on the device first (the outbox sends it; a NIK the server already knows
 * comes back as a refusal to decide on).
 */
export function NewChildForm({
  posyandu,
  onCreate,
}: {
  posyandu: Posyandu;
  onCreate: (body: Omit<ChildBody, "clientId">) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [sex, setSex] = useState<"" | "1" | "2">("");
  const [birthDate, setBirthDate] = useState("");
  const [nik, setNik] = useState("");
  const [motherName, setMotherName] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onCreate({
        name: name.trim(),
        sex: sex === "1" ? 1 : 2,
        birthDate,
        villageCode: posyandu.villageCode,
        posyanduId: posyandu.id,
        nik: nik.trim() || undefined,
        motherName: motherName.trim() || undefined,
      });
      setName("");
      setSex("");
      setBirthDate("");
      setNik("");
      setMotherName("");
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-child-title" data-testid="new-child-form">
      <h2 id="new-child-title">{t("session.newChild")}</h2>
      <div className="entry-fields">
        <div className="field">
          <label htmlFor="nc-name">{t("children.name")}</label>
          <input
            id="nc-name"
            required
            maxLength={NAME_MAX}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="nc-sex">{t("children.sex")}</label>
          <select id="nc-sex" required value={sex} onChange={(e) => setSex(e.target.value as "" | "1" | "2")}>
            <option value="">{t("session.choose")}</option>
            <option value="1">{t("common.male")}</option>
            <option value="2">{t("common.female")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="nc-birth">{t("children.birthDate")}</label>
          <input
            id="nc-birth"
            type="date"
            required
            min="1900-01-01"
            value={birthDate}
            onChange={(e) => setBirthDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="nc-nik">{t("session.nikOptional")}</label>
          <input
            id="nc-nik"
            inputMode="numeric"
            pattern="\d{16}"
            maxLength={16}
            value={nik}
            onChange={(e) => setNik(e.target.value.replace(/\D/g, ""))}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="nc-mother">{t("child.mother")}</label>
          <input
            id="nc-mother"
            maxLength={NAME_MAX}
            value={motherName}
            onChange={(e) => setMotherName(e.target.value)}
            autoComplete="off"
          />
        </div>
      </div>
      <ErrorMessage error={error} />
      <button
        type="submit"
        disabled={busy || !name.trim() || !sex || !birthDate || (nik !== "" && nik.length !== 16)}
      >
        {t("session.addChild")}
      </button>
    </form>
  );
}
