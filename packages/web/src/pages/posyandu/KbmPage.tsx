import type { KbmSettings } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";

/** A form choosing the table of a region: the nation (a national admin) or a district (its health office). */
function ChooseForm({
  s,
  region,
  current,
  allowNone,
  onSaved,
}: {
  s: KbmSettings;
  region: string;
  current: string | null;
  allowNone: boolean;
  onSaved: (next: KbmSettings) => void;
}) {
  const { t } = useTranslation();
  const [table, setTable] = useState<string>(current ?? (allowNone ? "" : s.builtin));
  const [note, setNote] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      onSaved(
        await api.put<KbmSettings>("/api/kbm", {
          region,
          kbmTable: table || null,
          note: note.trim() || undefined,
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form className="inline-form" onSubmit={save} data-testid={`kbm-form-${region}`}>
      <select value={table} onChange={(e) => setTable(e.target.value)} aria-label={region}>
        {allowNone ? <option value="">{t("posyandu.kbm.followNational")}</option> : null}
        {s.tables.map((x) => (
          <option key={x.id} value={x.id}>
            {x.label}
          </option>
        ))}
      </select>
      <label>
        <span className="visually-hidden">{t("posyandu.kbm.noteLabel")}</span>
        <input
          type="text"
          maxLength={300}
          value={note}
          placeholder={t("posyandu.kbm.noteLabel")}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button type="submit" className="button small">
        {t("posyandu.kbm.choose")}
      </button>
      {saved ? <span role="status">{t("posyandu.kbm.saved")}</span> : null}
      <ErrorMessage error={error} />
    </form>
  );
}

/**
 * The KBM tables side by side (they disagree from 7 months), the table in use for the region and
 * why, the national default and the districts' own choices; the forms for those who may choose.
 */
export function KbmPage({ region }: { region: string | null }) {
  const { t, i18n } = useTranslation();
  const res = useApi(`kbm:${region ?? ""}`, () =>
    api.get<KbmSettings>("/api/kbm", { region: region ?? undefined }),
  );
  const [override, setOverride] = useState<KbmSettings | null>(null);
  if (res.error) return <ErrorMessage error={res.error} />;
  const s = override ?? res.data;
  if (!s) return <Loading />;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === "en" ? "en-GB" : "id-ID");
  const ages = [...new Set(s.tables.flatMap((x) => x.bands.map((b) => b.fromMonth)))].sort((a, b) => a - b);
  const grams = (id: string, age: number) =>
    s.tables.find((x) => x.id === id)?.bands.find((b) => age >= b.fromMonth && age <= b.toMonth)?.grams ??
    null;
  const own = s.mayChooseDistrict ? s.districts.find((d) => d.regionCode === s.mayChooseDistrict) : undefined;
  return (
    <div className="page" data-testid="kbm-page">
      <h1>{t("posyandu.kbm.pageTitle")}</h1>
      <p className="hint">{t("posyandu.kbm.intro")}</p>
      <p className="notice" data-testid="kbm-in-use">
        {t("posyandu.kbm.inUse", { label: s.inUse.label })} ({t(`posyandu.kbm.chosenBy.${s.inUse.chosenBy}`)})
      </p>
      <div className="table-wrap">
        <table data-testid="kbm-tables">
          <thead>
            <tr>
              <th className="num">{t("posyandu.kbm.age")}</th>
              {s.tables.map((x) => (
                <th key={x.id} className="num">
                  {x.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ages.map((age) => {
              const row = s.tables.map((x) => grams(x.id, age));
              const differ = new Set(row).size > 1;
              return (
                <tr key={age} className={differ ? "highlight" : undefined}>
                  <td className="num">{age}</td>
                  {row.map((g, i) => (
                    <td key={s.tables[i].id} className="num">
                      {differ ? <strong>{g ?? "—"}</strong> : (g ?? "—")}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <dl>
        {s.tables.map((x) => (
          <div key={x.id}>
            <dt>{x.label}</dt>
            <dd className="hint">
              {t("posyandu.kbm.source")}: {x.source}
            </dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="kbm-national">
        <h2 id="kbm-national">{t("posyandu.kbm.national")}</h2>
        <p>
          {s.national
            ? (s.tables.find((x) => x.id === s.national?.kbmTable)?.label ?? s.national.kbmTable)
            : t("posyandu.kbm.none")}
          {s.national ? (
            <span className="hint">
              {" "}
              —{" "}
              {t("posyandu.kbm.changedBy", {
                by: s.national.changedBy ?? "—",
                at: when(s.national.changedAt),
              })}
              {s.national.note ? `: ${s.national.note}` : ""}
            </span>
          ) : null}
        </p>
        {s.mayChooseNational ? (
          <ChooseForm
            s={s}
            region="ID"
            current={s.national?.kbmTable ?? null}
            allowNone={false}
            onSaved={setOverride}
          />
        ) : null}
      </section>
      {s.districts.length > 0 || s.mayChooseDistrict ? (
        <section aria-labelledby="kbm-districts">
          <h2 id="kbm-districts">{t("posyandu.kbm.district", { code: s.mayChooseDistrict ?? "" })}</h2>
          <ul className="plain-list">
            {s.districts.map((d) => (
              <li key={d.regionCode}>
                {d.regionName ?? d.regionCode}:{" "}
                {s.tables.find((x) => x.id === d.kbmTable)?.label ?? d.kbmTable}{" "}
                <span className="hint">
                  {t("posyandu.kbm.changedBy", { by: d.changedBy ?? "—", at: when(d.changedAt) })}
                  {d.note ? `: ${d.note}` : ""}
                </span>
              </li>
            ))}
          </ul>
          {s.mayChooseDistrict ? (
            <ChooseForm
              s={s}
              region={s.mayChooseDistrict}
              current={own?.kbmTable ?? null}
              allowNone
              onSaved={setOverride}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
