/**
 * The public page's section on penilaian kinerja: the latest published ranking of the district's
 * province (ranks, totals and awards only). Nothing is shown before publication.
 */
import type { PublishedView } from "@tumbuh/core/api";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { PublishedRanking } from "./HasilPage.tsx";

export function PublicPenilaian({ district }: { district: string | null }) {
  const { t } = useTranslation();
  const province = district?.split(".")[0] ?? null;
  const pub = useApi(province ? `pk-public:${province}` : null, () =>
    api.get<PublishedView>("/api/public/penilaian", { province }),
  );
  const v = pub.data;
  if (!v) return null;
  return (
    <section className="card" data-testid="public-penilaian">
      <h2>
        {t("penilaian.publicTitle")} {v.year}
      </h2>
      <p className="hint">{v.decreeNumber ? `${t("penilaian.decree")}: ${v.decreeNumber}` : ""}</p>
      <PublishedRanking view={v} own={district ?? undefined} />
    </section>
  );
}
