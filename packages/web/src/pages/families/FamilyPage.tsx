import type { Family } from "@tumbuh/core/api";
import { KRS_FACTORS } from "@tumbuh/core/programme";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { formatDate } from "../../lib/format.ts";
import { messageText } from "../../lib/messages.ts";
import { href } from "../../routing/router.ts";

/** One target family: its facts, children (linked to their child records) and every risk factor with the facts behind it. */
export function FamilyPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useApi(`family:${id}`, () =>
    api.get<{ family: Family }>(`/api/families/${encodeURIComponent(id)}`),
  );
  const f = data.data?.family;
  const yesNo = (v: boolean | null) =>
    v === null ? t("families.unknown") : v ? t("common.yes") : t("common.no");
  return (
    <div className="page">
      <h1>{f ? f.headName : t("families.record")}</h1>
      <ErrorMessage error={data.error} />
      {data.loading ? <Loading /> : null}
      {f ? (
        <>
          <section className="card" data-testid="family-assessment">
            <h2>
              {t("families.verdict")}:{" "}
              <span
                className={`chip ${f.assessment.verdict === "berisiko" ? "bad" : f.assessment.verdict === "tidak_berisiko" ? "good" : "warn"}`}
              >
                {t(`families.verdicts.${f.assessment.verdict}`)}
              </span>
            </h2>
            <p className="hint">
              {t("families.rule")}: {f.assessment.rule} · {t("families.assessedOn")}:{" "}
              {formatDate(f.assessment.on)}
            </p>
            <ul>
              {KRS_FACTORS.map((k) => {
                const r = f.assessment.factors[k];
                return (
                  <li key={k}>
                    <strong>{t(`families.factor.${k}`)}</strong>: {yesNo(r?.value ?? null)}{" "}
                    <span className="hint">({r ? messageText(r.userMessage, r.detail, t) : ""})</span>
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="card">
            <dl className="facts">
              <dt>{t("families.village")}</dt>
              <dd>{f.villageName ?? f.villageCode}</dd>
              <dt>{t("families.semester")}</dt>
              <dd>
                {f.semester} · {t(`families.sources.${f.dataSource}`, { defaultValue: f.dataSource })}
              </dd>
              <dt>{t("families.mother")}</dt>
              <dd>
                {f.motherName ?? "–"} {f.motherBirthDate ? `(${formatDate(f.motherBirthDate)})` : ""}
              </dd>
              <dt>{t("families.pregnant")}</dt>
              <dd>{yesNo(f.pregnant)}</dd>
              <dt>{t("families.water")}</dt>
              <dd>{f.waterSource ? t(`families.waterSources.${f.waterSource}`) : t("families.unknown")}</dd>
              <dt>{t("families.latrine")}</dt>
              <dd>{f.latrine ? t(`families.latrines.${f.latrine}`) : t("families.unknown")}</dd>
              <dt>{t("families.address")}</dt>
              <dd>
                {[f.address, f.rt ? `RT ${f.rt}` : null, f.rw ? `RW ${f.rw}` : null]
                  .filter(Boolean)
                  .join(", ") || "–"}
              </dd>
            </dl>
          </section>
          <section className="card">
            <h2>{t("families.children")}</h2>
            {f.children === null ? (
              <p>{t("families.childrenUnknown")}</p>
            ) : (
              <ol>
                {f.children.map((c) => (
                  <li key={`${c.name}|${c.birthDate}|${c.childId}`}>
                    {c.name} {c.birthDate ? `(${formatDate(c.birthDate)})` : ""}{" "}
                    {c.childId ? (
                      <a href={href(`/children/${c.childId}`)}>{t("families.linkedChild")}</a>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
