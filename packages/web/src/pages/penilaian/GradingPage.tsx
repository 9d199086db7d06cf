/**
 * `#/penilaian/:id/nilai`: a panelist grades one district at a time — each graded item with its
 * descriptors per grade, a grade and a note — and saves them together. A member sees only their
 * own grades; the chair also sees every panelist's grades for the district.
 */
import type { AssessmentView, PkGradeView } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { href } from "../../routing/router.ts";

interface Draft {
  grade: string;
  note: string;
}

function DistrictForm({
  view,
  district,
  mine,
  onSaved,
}: {
  view: AssessmentView;
  district: string;
  mine: PkGradeView[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const items = view.instrument.components.flatMap((c) => c.items).filter((i) => i.scoring === "grade");
  const initial = () =>
    Object.fromEntries(
      items.map((i) => {
        const g = mine.find((x) => x.itemCode === i.code);
        return [i.code, { grade: g?.grade ?? "", note: g?.note ?? "" }];
      }),
    ) as Record<string, Draft>;
  const [drafts, setDrafts] = useState<Record<string, Draft>>(initial);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setError(null);
    setStatus(null);
    setBusy(true);
    let n = 0;
    try {
      for (const item of items) {
        const d = drafts[item.code];
        const before = mine.find((x) => x.itemCode === item.code);
        if ((before?.grade ?? "") === d.grade && (before?.note ?? "") === d.note) continue;
        await api.put(`/api/penilaian/${view.id}/grades`, {
          districtCode: district,
          itemCode: item.code,
          grade: d.grade || null,
          note: d.note,
        });
        n++;
      }
      setStatus(t("penilaian.gradesSaved", { count: n }));
      onSaved();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const graded = items.filter((i) => drafts[i.code].grade).length;
  return (
    <form
      data-testid="pk-grade-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="hint" data-testid="pk-graded-count">
        {t("penilaian.gradedCount", { done: graded, total: items.length })}
      </p>
      <ul className="entry-list">
        {items.map((item) => (
          <li key={item.code} className="entry card">
            <h3 className="entry-head">
              {item.code} · {item.name}
            </h3>
            <ul className="compact-list">
              {view.instrument.gradeScale.map((g) => (
                <li key={g.grade}>
                  <strong>{g.grade}</strong> ({g.score}): {item.descriptors[g.grade]}
                </li>
              ))}
            </ul>
            <div className="field inline">
              <label htmlFor={`g-${item.code}`}>{t("penilaian.grade")}</label>
              <select
                id={`g-${item.code}`}
                aria-label={`${t("penilaian.grade")} ${item.code}`}
                value={drafts[item.code].grade}
                onChange={(e) =>
                  setDrafts({ ...drafts, [item.code]: { ...drafts[item.code], grade: e.target.value } })
                }
              >
                <option value="">–</option>
                {view.instrument.gradeScale.map((g) => (
                  <option key={g.grade} value={g.grade}>
                    {g.grade}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`n-${item.code}`}>{t("penilaian.note")}</label>
              <textarea
                id={`n-${item.code}`}
                aria-label={`${t("penilaian.note")} ${item.code}`}
                value={drafts[item.code].note}
                onChange={(e) =>
                  setDrafts({ ...drafts, [item.code]: { ...drafts[item.code], note: e.target.value } })
                }
              />
            </div>
          </li>
        ))}
      </ul>
      <button type="submit" disabled={busy}>
        {t("penilaian.saveGrades")}
      </button>
      {status ? (
        <p className="success" role="status" data-testid="pk-grades-saved">
          {status}
        </p>
      ) : null}
      <ErrorMessage error={error} />
    </form>
  );
}

/** The chair's view of every panelist's grades for the district. */
function PanelGrades({ view, grades }: { view: AssessmentView; grades: PkGradeView[] }) {
  const { t } = useTranslation();
  const items = view.instrument.components.flatMap((c) => c.items).filter((i) => i.scoring === "grade");
  return (
    <section className="card">
      <h2>{t("penilaian.allGrades")}</h2>
      <TableScroll>
        <table data-testid="pk-all-grades">
          <thead>
            <tr>
              <th>{t("penilaian.item")}</th>
              {view.panel.map((p) => (
                <th key={p.userId}>{p.username}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.code}>
                <th scope="row">{i.code}</th>
                {view.panel.map((p) => {
                  const g = grades.find((x) => x.itemCode === i.code && x.panelistId === p.userId);
                  return (
                    <td key={p.userId} title={g?.note}>
                      {g?.grade ?? "–"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** The grading page of a panelist. */
export function GradingPage({ id, district }: { id: string; district: string | null }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const view = useApi(`pk:${id}`, () => api.get<AssessmentView>(`/api/penilaian/${id}`));
  const grades = useApi(`pk-grades:${id}`, () =>
    api.get<{ grades: PkGradeView[] }>(`/api/penilaian/${id}/grades`),
  );
  const v = view.data;
  if (!v) return view.error ? <ErrorMessage error={view.error} /> : <Loading />;
  const chosen = district ?? v.districts[0]?.code ?? null;
  const all = (grades.data?.grades ?? []).filter((g) => g.districtCode === chosen);
  const mine = all.filter((g) => g.panelistId === me?.user.id);
  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {t("penilaian.gradeTitle")} · {v.provinceName} {v.year}
        </h1>
        <a className="button secondary" href={href(`/penilaian/${id}`)}>
          {t("penilaian.back")}
        </a>
      </div>
      <p className="hint">{t("penilaian.gradeHint")}</p>
      <div className="field inline">
        <label htmlFor="pk-district">{t("penilaian.district")}</label>
        <select
          id="pk-district"
          value={chosen ?? ""}
          onChange={(e) => {
            window.location.hash = href(`/penilaian/${id}/nilai`, { district: e.target.value });
          }}
        >
          {v.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={grades.error} />
      {v.status !== "draft" ? <p className="notice">{t("penilaian.closed")}</p> : null}
      {chosen && grades.data && v.status === "draft" ? (
        <DistrictForm key={chosen} view={v} district={chosen} mine={mine} onSaved={grades.reload} />
      ) : null}
      {v.seat === "ketua" && grades.data ? <PanelGrades view={v} grades={all} /> : null}
    </div>
  );
}
