import { useTranslation } from "react-i18next";
import type { Dashboard } from "../../api/types.ts";
import { PERMISSION } from "../../auth/permissions.ts";
import { useSession } from "../../auth/session.tsx";
import { ExportButtons } from "../../components/ExportButtons.tsx";
import { ChildRegionTable } from "./ChildRegionTable.tsx";
import { childTableCaption } from "./childTableCaption.ts";
import { SourceNote } from "./SourceNote.tsx";

/**
 * The table of the regions (or posyandu) one level below the dashboard's region, with its export buttons and
 * source; rows link to `linkPath` for the next level (the dashboard or the map).
 */
export function ChildRegionSection({
  d,
  linkPath,
  titleId,
}: {
  d: Dashboard;
  linkPath: string;
  titleId: string;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const caption = childTableCaption(d, t);
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId}>{caption}</h2>
        {can(PERMISSION.export) ? (
          <ExportButtons
            title={`${caption} ${d.period ?? ""}`}
            server={{ table: "dashboard", region: d.region.code, period: d.period }}
          />
        ) : null}
      </div>
      <ChildRegionTable
        rows={d.children}
        caption={t("dashboard.tableCaption")}
        linkPath={linkPath}
        period={d.period}
      />
      <SourceNote source={d.source} period={d.period} />
    </section>
  );
}
