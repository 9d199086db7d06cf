/**
 * `#/penilaian/:id`: one assessment — its districts, the panel (the province sets it: one chair,
 * members from the province's assessors), the province's number and prevalence values, the
 * recommendations to each district, and publication with the decree number.
 */
import type { AssessmentView, PkValueView } from "@tumbuh/core/api";
import type { PkItem } from "@tumbuh/core/programme";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { href } from "../../routing/router.ts";
import { score } from "./shared.ts";

interface Candidate {
  userId: string;
  username: string;
  displayName: string;
}

function PanelForm({ view, onSaved }: { view: AssessmentView; onSaved: () => void }) {
  const { t } = useTranslation();
  const candidates = useApi(`pk-cand:${view.id}`, () =>
    api.get<{ candidates: Candidate[] }>(`/api/penilaian/${view.id}/candidates`),
  );
  const [seats, setSeats] = useState<Record<string, "" | "ketua" | "anggota">>(() =>
    Object.fromEntries(view.panel.map((p) => [p.userId, p.role])),
  );
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      const members = Object.entries(seats)
        .filter(([, role]) => role)
        .map(([userId, role]) => ({ userId, role }));
      await api.put(`/api/penilaian/${view.id}/panel`, { members });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div data-testid="pk-panel-form">
      {(candidates.data?.candidates ?? []).map((c) => (
        <div key={c.userId} className="field inline">
          <label htmlFor={`seat-${c.userId}`}>
            {c.displayName} ({c.username})
          </label>
          <select
            id={`seat-${c.userId}`}
            aria-label={`${t("penilaian.seatOf")} ${c.username}`}
            value={seats[c.userId] ?? ""}
            onChange={(e) => setSeats({ ...seats, [c.userId]: e.target.value as "" | "ketua" | "anggota" })}
          >
            <option value="">{t("penilaian.seat.none")}</option>
            <option value="ketua">{t("penilaian.seat.ketua")}</option>
            <option value="anggota">{t("penilaian.seat.anggota")}</option>
          </select>
        </div>
      ))}
      <button type="button" onClick={() => void save()}>
        {t("penilaian.savePanel")}
      </button>
      {saved ? (
        <p className="success" role="status">
          {t("penilaian.saved")}
        </p>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}

function ValueCell({
  view,
  item,
  district,
  current,
  editable,
  onSaved,
}: {
  view: AssessmentView;
  item: PkItem;
  district: string;
  current: PkValueView | undefined;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [a, setA] = useState(
    String((item.scoring === "prevalence" ? current?.before : current?.value) ?? ""),
  );
  const [b, setB] = useState(String(current?.after ?? ""));
  const [error, setError] = useState<Error | null>(null);
  const num = (s: string) => (s.trim() === "" ? null : Number(s.replace(",", ".")));
  const save = async () => {
    setError(null);
    try {
      await api.put(`/api/penilaian/${view.id}/values`, {
        districtCode: district,
        itemCode: item.code,
        ...(item.scoring === "prevalence" ? { before: num(a), after: num(b) } : { value: num(a) }),
        source: t("penilaian.enteredByProvince"),
      });
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  const label = `${item.code} ${district}`;
  return (
    <td>
      {editable ? (
        <>
          <input
            aria-label={item.scoring === "prevalence" ? `${t("penilaian.before")} ${label}` : label}
            inputMode="decimal"
            size={5}
            value={a}
            onChange={(e) => setA(e.target.value)}
          />
          {item.scoring === "prevalence" ? (
            <>
              {" → "}
              <input
                aria-label={`${t("penilaian.after")} ${label}`}
                inputMode="decimal"
                size={5}
                value={b}
                onChange={(e) => setB(e.target.value)}
              />
            </>
          ) : null}{" "}
          <button
            type="button"
            className="secondary"
            aria-label={`${t("penilaian.save")} ${label}`}
            onClick={() => void save()}
          >
            {t("penilaian.save")}
          </button>
        </>
      ) : null}
      <div className="hint" data-testid={`pk-value-${label}`}>
        {t("penilaian.score")}: {score(current?.value, i18n.language)}
        {current?.source ? ` · ${current.source}` : ""}
      </div>
      <ErrorMessage error={error} />
    </td>
  );
}

function Recommendation({
  view,
  code,
  text,
  onSaved,
}: {
  view: AssessmentView;
  code: string;
  text: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(text);
  const [error, setError] = useState<Error | null>(null);
  const save = async () => {
    setError(null);
    try {
      await api.put(`/api/penilaian/${view.id}/recommendations`, { districtCode: code, text: value });
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <textarea
        aria-label={`${t("penilaian.recommendation")} ${code}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button
        type="button"
        className="secondary"
        aria-label={`${t("penilaian.save")} ${t("penilaian.recommendation")} ${code}`}
        onClick={() => void save()}
      >
        {t("penilaian.save")}
      </button>
      <ErrorMessage error={error} />
    </>
  );
}

function PublishForm({ view, onDone }: { view: AssessmentView; onDone: () => void }) {
  const { t } = useTranslation();
  const [decree, setDecree] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const publish = async () => {
    setError(null);
    try {
      await api.post(`/api/penilaian/${view.id}/publish`, { decreeNumber: decree, version: view.version });
      onDone();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section className="card">
      <h2>{t("penilaian.publishTitle")}</h2>
      <p className="hint">{t("penilaian.publishHint")}</p>
      <div className="field inline">
        <label htmlFor="pk-decree">{t("penilaian.decree")}</label>
        <input id="pk-decree" value={decree} onChange={(e) => setDecree(e.target.value)} />
      </div>
      <button type="button" onClick={() => void publish()}>
        {t("penilaian.publish")}
      </button>
      <ErrorMessage error={error} />
    </section>
  );
}

/** Fills every district's web completeness from its aksi cycle's progress (Pantau Aksi). */
function FillFromPantauAksi({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<Error | null>(null);
  const fill = async () => {
    setError(null);
    try {
      await api.post(`/api/penilaian/${id}/pengisian`);
      onDone();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <p>
      <button type="button" className="secondary" onClick={() => void fill()}>
        {t("penilaian.fillPantauAksi")}
      </button>
      <ErrorMessage error={error} />
    </p>
  );
}

/** The assessment's overview for the province and its panel. */
export function PenilaianPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const view = useApi(`pk:${id}`, () => api.get<AssessmentView>(`/api/penilaian/${id}`));
  const grades = useApi(`pk-values:${id}`, () =>
    api.get<{ values: PkValueView[] }>(`/api/penilaian/${id}/grades`),
  );
  const v = view.data;
  if (!v) return view.error ? <ErrorMessage error={view.error} /> : <Loading />;
  const manage = v.seat === "pengelola";
  // the province and the panel's chair see the scores and publish them
  const closes = manage || v.seat === "ketua";
  const draft = v.status === "draft";
  const valueItems = v.instrument.components.flatMap((c) => c.items).filter((i) => i.scoring !== "grade");
  const reload = () => {
    view.reload();
    grades.reload();
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1 data-testid="pk-title">
          {t("penilaian.title")} {v.provinceName} {v.year}
        </h1>
      </div>
      <p>
        <span className={`chip ${draft ? "bad" : ""}`} data-testid="pk-status">
          {t(`penilaian.status.${v.status}`)}
        </span>{" "}
        <span className="chip">{t(`penilaian.seat.${v.seat}`)}</span>
        {v.decreeNumber ? ` · ${t("penilaian.decree")}: ${v.decreeNumber}` : ""}
      </p>
      <nav className="button-row" aria-label={t("penilaian.sections")}>
        {v.seat !== "pengelola" && draft ? (
          <a className="button" href={href(`/penilaian/${id}/nilai`)}>
            {t("penilaian.gradeTitle")}
          </a>
        ) : null}
        <a className="button secondary" href={href(`/penilaian/${id}/instrumen`)}>
          {t("penilaian.instrumentTitle")}
        </a>
        {closes ? (
          <a className="button secondary" href={href(`/penilaian/${id}/hasil`)}>
            {t("penilaian.resultTitle")}
          </a>
        ) : null}
      </nav>

      <section className="card">
        <h2>{t("penilaian.panel")}</h2>
        {v.panel.length === 0 ? <p>{t("penilaian.noPanel")}</p> : null}
        <ul className="plain-list" data-testid="pk-panel">
          {v.panel.map((p) => (
            <li key={p.userId}>
              {p.displayName} ({p.username}) — {t(`penilaian.seat.${p.role}`)}
            </li>
          ))}
        </ul>
        {manage && draft ? <PanelForm view={v} onSaved={reload} /> : null}
      </section>

      {manage ? (
        <section className="card">
          <h2>{t("penilaian.valuesTitle")}</h2>
          <p className="hint">{t("penilaian.valuesHint")}</p>
          {draft ? <FillFromPantauAksi id={id} onDone={grades.reload} /> : null}
          <TableScroll>
            <table>
              <thead>
                <tr>
                  <th>{t("penilaian.district")}</th>
                  {valueItems.map((i) => (
                    <th key={i.code}>{i.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grades.data
                  ? v.districts.map((d) => (
                      <tr key={d.code}>
                        <th scope="row">{d.name}</th>
                        {valueItems.map((i) => (
                          <ValueCell
                            key={i.code}
                            view={v}
                            item={i}
                            district={d.code}
                            current={grades.data?.values.find(
                              (x) => x.districtCode === d.code && x.itemCode === i.code,
                            )}
                            editable={draft}
                            onSaved={grades.reload}
                          />
                        ))}
                      </tr>
                    ))
                  : null}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}

      <section className="card">
        <h2>{t("penilaian.districtsAssessed")}</h2>
        <ul className="entry-list" data-testid="pk-districts">
          {v.districts.map((d) => (
            <li key={d.code} className="entry">
              <h3 className="entry-head">{d.name}</h3>
              {manage ? (
                <Recommendation view={v} code={d.code} text={d.recommendation} onSaved={view.reload} />
              ) : d.recommendation ? (
                <p>{d.recommendation}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {closes && draft ? <PublishForm view={v} onDone={view.reload} /> : null}
    </div>
  );
}
