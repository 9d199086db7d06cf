/**
 * The cycle the analisis situasi, desa lokus and plan pages work on: the one in the address
 * (`?cycle=`), else the first of the caller's region; a picker among the cycles, and links between
 * the three pages.
 */
import type { AksiCycleSummary } from "@tumbuh/core/api";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { navigate } from "../../routing/router.ts";

/** The cycles of the caller's region and the chosen one's id (null while loading or when none). */
export function usePlanCycle(cycleId: string | null) {
  const { me } = useSession();
  const region = me?.user.regionCode ?? "ID";
  const cycles = useApi(`plan-cycles:${region}`, () =>
    api.get<{ cycles: AksiCycleSummary[] }>("/api/aksi/cycles", { region }),
  );
  const list = cycles.data?.cycles ?? [];
  const chosen = list.find((c) => c.id === cycleId) ?? list[0] ?? null;
  return { cycles: list, chosen, loaded: cycles.data !== null, error: cycles.error };
}

const PAGES = [
  { path: "/aksi/analisis-situasi", key: "aksi.plan.nav.ansit" },
  { path: "/aksi/lokus", key: "aksi.plan.nav.lokus" },
  { path: "/aksi/rencana", key: "aksi.plan.nav.rencana" },
] as const;

/** The cycle picker and the links to the three pages of the cycle's analysis and plan. */
export function PlanCyclePicker({
  path,
  cycles,
  chosen,
}: {
  path: string;
  cycles: AksiCycleSummary[];
  chosen: AksiCycleSummary | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="card filters">
      <div className="field inline">
        <label htmlFor="plan-cycle">{t("aksi.plan.cycle")}</label>
        <select
          id="plan-cycle"
          value={chosen?.id ?? ""}
          onChange={(e) => navigate(path, { cycle: e.target.value })}
        >
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {c.districtName} {c.year}
            </option>
          ))}
        </select>
      </div>
      <nav aria-label={t("aksi.plan.nav.label")} className="button-row">
        {PAGES.map((p) =>
          p.path === path ? (
            <strong key={p.path}>{t(p.key)}</strong>
          ) : (
            <a key={p.path} href={`#${p.path}${chosen ? `?cycle=${chosen.id}` : ""}`}>
              {t(p.key)}
            </a>
          ),
        )}
        <a href={`#/aksi${chosen ? `?cycle=${chosen.id}` : ""}`}>{t("aksi.plan.nav.cycle")}</a>
      </nav>
    </div>
  );
}
