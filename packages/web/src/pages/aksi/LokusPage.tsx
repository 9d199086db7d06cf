/**
 * Desa lokus (aksi 1): the villages ranked by a transparent score under weights the district may
 * change, each criterion's points shown per village; the district ticks the villages it chooses
 * (not necessarily the top), writes the reason, attaches the decision document and records the
 * decision.
 */
import type { AksiCycleDetail, LokusDecision, LokusRankingResponse, LokusWeights } from "@tumbuh/core/api";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { PlanCyclePicker, usePlanCycle } from "./PlanCyclePicker.tsx";

const PATH = "/aksi/lokus";
const DEFAULT_WEIGHTS: LokusWeights = {
  stuntingRate: 30,
  stuntedCount: 30,
  coverageGap: 20,
  atRiskFamilies: 10,
  dataCompleteness: 10,
};
const LOKUS_CRITERIA = Object.keys(DEFAULT_WEIGHTS) as (keyof LokusWeights)[];

/** The aksi and output of the cycle's configuration that hold the desa lokus decision document. */
async function lokusOutput(cycleId: string): Promise<{ aksi: string; output: string } | null> {
  const detail = await api.get<AksiCycleDetail>(`/api/aksi/cycles/${cycleId}`);
  for (const e of detail.entries) {
    const o = e.outputs.find((x) => x.code.endsWith("rekomendasi-lokus"));
    if (o) return { aksi: e.aksiCode, output: o.code };
  }
  return null;
}

/** The desa lokus page of the chosen cycle. */
export function LokusPage({ cycleId }: { cycleId: string | null }) {
  const { t } = useTranslation();
  const { cycles, chosen, loaded, error } = usePlanCycle(cycleId);
  const decision = useApi(chosen ? `lokus:${chosen.id}` : null, () =>
    api.get<{ decision: LokusDecision | null; canEdit: boolean }>(`/api/aksi/cycles/${chosen?.id}/lokus`),
  );
  const [weights, setWeights] = useState<LokusWeights>(DEFAULT_WEIGHTS);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const current = decision.data?.decision ?? null;
  useEffect(() => {
    if (current) {
      setWeights(current.weights);
      setPicked(new Set(current.villages.map((v) => v.code)));
      setReason(current.reason);
    }
  }, [current]);
  const year = current?.year ?? chosen?.year ?? null;
  const ranking = useApi(
    chosen && year ? `lokus-rank:${chosen.id}:${year}:${JSON.stringify(weights)}` : null,
    () => api.post<LokusRankingResponse>(`/api/aksi/cycles/${chosen?.id}/lokus/ranking`, { year, weights }),
  );
  const canEdit = decision.data?.canEdit ?? false;
  const toggle = (code: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const save = async () => {
    if (!chosen) return;
    setSaveError(null);
    setSaved(false);
    try {
      let evidenceId: string | undefined;
      if (file) {
        const target = (await lokusOutput(chosen.id)) ?? {
          aksi: chosen.configVersion.startsWith("juknis") ? "1" : "U1",
          output: "",
        };
        const form = new FormData();
        if (target.output) form.append("outputCode", target.output);
        form.append("file", file);
        const up = await api.upload<{ evidence: { id: string } }>(
          `/api/aksi/cycles/${chosen.id}/aksi/${encodeURIComponent(target.aksi)}/evidence`,
          form,
        );
        evidenceId = up.evidence.id;
      }
      await api.put(`/api/aksi/cycles/${chosen.id}/lokus`, {
        year,
        villages: [...picked],
        reason,
        weights,
        ...(evidenceId ? { evidenceId } : {}),
        version: current?.version ?? null,
      });
      setSaved(true);
      setFile(null);
      decision.reload();
    } catch (e) {
      setSaveError(e as Error);
    }
  };
  const r = ranking.data;
  return (
    <div className="page">
      <h1>{t("aksi.plan.lokusTitle")}</h1>
      <ErrorMessage error={error} />
      {loaded && cycles.length === 0 ? <p className="notice">{t("aksi.plan.noCycle")}</p> : null}
      {chosen ? <PlanCyclePicker path={PATH} cycles={cycles} chosen={chosen} /> : null}
      {current ? (
        <section className="card" data-testid="lokus-decision">
          <h2>{t("aksi.plan.decisionTitle")}</h2>
          <p>{current.villages.map((v) => `${v.name} (#${v.position ?? "–"})`).join(", ")}</p>
          <p>
            {t("aksi.plan.reason")}: {current.reason}
          </p>
          {current.outsideTop.length > 0 ? (
            <p className="hint">{t("aksi.plan.outsideTop", { n: current.outsideTop.length })}</p>
          ) : null}
          {current.evidence ? (
            <p>
              {t("aksi.plan.document")}:{" "}
              <a href={`/api/aksi/evidence/${current.evidence.id}`}>{current.evidence.fileName}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <section className="card">
        <h2>{t("aksi.plan.weights")}</h2>
        <p className="hint">{t("aksi.plan.weightsHint")}</p>
        <div className="filters">
          {LOKUS_CRITERIA.map((c) => (
            <div className="field inline" key={c}>
              <label htmlFor={`w-${c}`}>{t(`aksi.plan.criteria.${c}`)}</label>
              <input
                id={`w-${c}`}
                type="number"
                min={0}
                max={100}
                value={weights[c]}
                onChange={(e) => setWeights({ ...weights, [c]: Math.max(0, Number(e.target.value) || 0) })}
              />
            </div>
          ))}
        </div>
      </section>
      <ErrorMessage error={ranking.error} />
      {ranking.loading ? <Loading /> : null}
      {r ? (
        <section className="card">
          <h2>{t("aksi.plan.ranking", { year: r.year })}</h2>
          <TableScroll label={t("aksi.plan.ranking", { year: r.year })}>
            <table data-testid="lokus-ranking">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("aksi.plan.village")}</th>
                  <th scope="col" className="num">
                    {t("aksi.plan.score")}
                  </th>
                  {LOKUS_CRITERIA.map((c) => (
                    <th scope="col" className="num" key={c}>
                      {t(`aksi.plan.criteria.${c}`)}
                    </th>
                  ))}
                  {canEdit ? <th scope="col">{t("aksi.plan.choose")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {r.villages.map((v) => (
                  <tr key={v.code}>
                    <td>{v.position}</td>
                    <th scope="row">{v.name ?? v.code}</th>
                    <td className="num">{v.score.toFixed(1)}</td>
                    {v.contributions.map((c) => (
                      <td className="num" key={c.criterion} title={c.value === null ? "" : String(c.value)}>
                        {c.value === null ? "–" : `${c.points.toFixed(1)} (${Number(c.value.toFixed(1))})`}
                      </td>
                    ))}
                    {canEdit ? (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${t("aksi.plan.choose")} ${v.name ?? v.code}`}
                          checked={picked.has(v.code)}
                          onChange={() => toggle(v.code)}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="hint">{t("aksi.plan.pointsHint")}</p>
        </section>
      ) : null}
      {canEdit ? (
        <section className="card">
          <h2>{t("aksi.plan.decide")}</h2>
          <p>{t("aksi.plan.pickedCount", { n: picked.size })}</p>
          <div className="field">
            <label htmlFor="lokus-reason">{t("aksi.plan.reason")}</label>
            <textarea id="lokus-reason" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="lokus-document">{t("aksi.plan.document")}</label>
            <input
              id="lokus-document"
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,.docx,.doc"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <button type="button" disabled={picked.size === 0} onClick={() => void save()}>
            {t("aksi.plan.saveDecision")}
          </button>
          {saved ? <p className="success">{t("aksi.plan.decisionSaved")}</p> : null}
          <ErrorMessage error={saveError} />
        </section>
      ) : null}
    </div>
  );
}
