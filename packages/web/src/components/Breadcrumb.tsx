import { useTranslation } from "react-i18next";
import type { Region } from "../api/types.ts";
import { href } from "../routing/router.ts";

interface Props {
  trail: Region[];
  /** Route the crumbs link to (dashboard or map), keeping the other query values. */
  path: string;
  query?: Record<string, string | null | undefined>;
  /** Regions above the user's scope are shown but not linked. */
  isReachable?: (code: string) => boolean;
}

/** Where the user is in nation → province → district → subdistrict → village → posyandu. */
export function Breadcrumb({ trail, path, query, isReachable }: Props) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("region.breadcrumb")} className="breadcrumb">
      <ol>
        {trail.map((r, i) => {
          const last = i === trail.length - 1;
          const name = r.level === "nation" ? t("region.nation") : r.name;
          return (
            <li key={r.code}>
              {last || (isReachable && !isReachable(r.code)) ? (
                <span aria-current={last ? "location" : undefined}>{name}</span>
              ) : (
                <a href={href(path, { ...query, region: r.code })}>{name}</a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
