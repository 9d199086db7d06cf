/**
 * `#/penilaian/:id/instrumen`: the instrument of the assessment — grade scale (grade → score),
 * components with their weights, items per aksi with their grade descriptors, bands of a
 * prevalence item, awards — and, for the province while it is a draft, the editor: the whole
 * instrument as JSON, checked by the server, each wrong field named.
 */
import type { AssessmentView } from "@tumbuh/core/api";
import type { PenilaianInstrument } from "@tumbuh/core/programme";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { messageText, type ShownMessage } from "../../lib/messages.ts";
import { href } from "../../routing/router.ts";

function InstrumentTables({ ins }: { ins: PenilaianInstrument }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card">
        <h2>{t("penilaian.gradeScale")}</h2>
        <p>
          {ins.gradeScale.map((g) => (
            <span key={g.grade} className="chip">
              {g.grade} = {g.score}
            </span>
          ))}
        </p>
        <p className="hint">
          {t("penilaian.source")}: {ins.source} · {ins.version}
        </p>
      </section>
      {ins.components.map((c) => (
        <section key={c.code} className="card" data-testid={`pk-component-${c.code}`}>
          <h2>
            {c.name}{" "}
            <small>
              ({t("penilaian.weight")} {c.weight})
            </small>
          </h2>
          <TableScroll>
            <table>
              <thead>
                <tr>
                  <th>{t("penilaian.item")}</th>
                  <th>{t("penilaian.aksi")}</th>
                  <th>{t("penilaian.weight")}</th>
                  <th>{t("penilaian.scoring")}</th>
                  <th>{t("penilaian.descriptors")}</th>
                </tr>
              </thead>
              <tbody>
                {c.items.map((i) => (
                  <tr key={i.code}>
                    <th scope="row">
                      {i.code} {i.name}
                    </th>
                    <td>{i.aksi ?? "–"}</td>
                    <td className="num">{i.weight}</td>
                    <td>{t(`penilaian.scorings.${i.scoring}`)}</td>
                    <td>
                      {i.scoring === "grade"
                        ? ins.gradeScale.map((g) => (
                            <div key={g.grade}>
                              <strong>{g.grade}</strong>: {i.descriptors[g.grade]}
                            </div>
                          ))
                        : (i.bands ?? []).map((b) => (
                            <div key={b.minDropPp}>
                              ≥ {b.minDropPp} pp → {b.score}
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      <section className="card">
        <h2>{t("penilaian.awardsTitle")}</h2>
        <p>
          {t("penilaian.terbaikCount", { count: ins.awards.terbaik })}
          {ins.awards.kategoriKhusus.map((k) => ` · ${k.name} (${k.basis})`).join("")}
        </p>
        <p className="hint">
          {t("penilaian.decimals", { count: ins.scoreDecimals })} ·{" "}
          {ins.rankIncomplete ? t("penilaian.rankIncompleteYes") : t("penilaian.rankIncompleteNo")}
        </p>
      </section>
    </>
  );
}

function Editor({ view, onSaved }: { view: AssessmentView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(view.instrument, null, 2));
  const [error, setError] = useState<Error | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [messages, setMessages] = useState<ShownMessage[]>([]);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setError(null);
    setErrors([]);
    setMessages([]);
    setSaved(false);
    let instrument: unknown;
    try {
      instrument = JSON.parse(text);
    } catch (e) {
      setError(new Error(`${t("penilaian.notJson")}: ${(e as Error).message}`));
      return;
    }
    try {
      await api.put(`/api/penilaian/${view.id}/instrument`, { instrument, version: view.version });
      setSaved(true);
      onSaved();
    } catch (e) {
      const details =
        e instanceof ApiError
          ? (e.details as { errors?: string[]; messages?: ShownMessage[] } | undefined)
          : undefined;
      setErrors(details?.errors ?? []);
      setMessages(details?.messages ?? []);
      setError(e as Error);
    }
  };
  let parsed: PenilaianInstrument | null = null;
  try {
    parsed = JSON.parse(text) as PenilaianInstrument;
  } catch {
    parsed = null;
  }
  /** Changes one number of the instrument and writes the JSON back. */
  const setNumber = (change: (ins: PenilaianInstrument, v: number) => void, raw: string) => {
    const v = Number(raw.replace(",", "."));
    if (!parsed || !Number.isFinite(v)) return;
    const next = structuredClone(parsed);
    change(next, v);
    setText(JSON.stringify(next, null, 2));
  };
  return (
    <section className="card">
      <h2>{t("penilaian.editInstrument")}</h2>
      {parsed?.gradeScale && parsed.components ? (
        <fieldset data-testid="pk-weights">
          <legend>{t("penilaian.weightsAndScores")}</legend>
          {parsed.gradeScale.map((g, gi) => (
            <label key={g.grade} className="field inline">
              {t("penilaian.gradeScore", { grade: g.grade })}{" "}
              <input
                type="number"
                value={g.score}
                onChange={(e) =>
                  setNumber((ins, v) => {
                    ins.gradeScale[gi].score = v;
                  }, e.target.value)
                }
              />
            </label>
          ))}
          {parsed.components.map((c, ci) => (
            <div key={c.code}>
              <label className="field inline">
                {t("penilaian.componentWeight", { name: c.name })}{" "}
                <input
                  type="number"
                  step="0.05"
                  value={c.weight}
                  onChange={(e) =>
                    setNumber((ins, v) => {
                      ins.components[ci].weight = v;
                    }, e.target.value)
                  }
                />
              </label>
              {c.items.map((i, ii) => (
                <label key={i.code} className="field inline">
                  {t("penilaian.itemWeight", { code: i.code })}{" "}
                  <input
                    type="number"
                    step="0.5"
                    value={i.weight}
                    onChange={(e) =>
                      setNumber((ins, v) => {
                        ins.components[ci].items[ii].weight = v;
                      }, e.target.value)
                    }
                  />
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      ) : null}
      <p className="hint">{t("penilaian.editHint")}</p>
      <textarea
        aria-label={t("penilaian.instrumentJson")}
        className="json"
        rows={18}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: "100%", fontFamily: "monospace" }}
      />
      <button type="button" onClick={() => void save()}>
        {t("penilaian.save")}
      </button>
      {saved ? (
        <p className="success" role="status">
          {t("penilaian.saved")}
        </p>
      ) : null}
      <ErrorMessage error={error} />
      {errors.length > 0 ? (
        <ul className="warnings" data-testid="pk-instrument-errors">
          {errors.map((x, i) => (
            <li key={x}>{messageText(messages[i], x, t)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The instrument page. */
export function InstrumentPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const view = useApi(`pk:${id}`, () => api.get<AssessmentView>(`/api/penilaian/${id}`));
  const v = view.data;
  if (!v) return view.error ? <ErrorMessage error={view.error} /> : <Loading />;
  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {t("penilaian.instrumentTitle")} · {v.provinceName} {v.year}
        </h1>
        <a className="button secondary" href={href(`/penilaian/${id}`)}>
          {t("penilaian.back")}
        </a>
      </div>
      <InstrumentTables ins={v.instrument} />
      {v.seat === "pengelola" && v.status === "draft" ? (
        <Editor key={v.version} view={v} onSaved={view.reload} />
      ) : null}
    </div>
  );
}
