import { api } from "../../api/client.ts";
import type { Dashboard } from "../../api/types.ts";
import { useApi } from "../../api/useApi.ts";

/** Periods with data for a region (newest first) and the dashboard of the chosen one. */
export function useDashboard(region: string | null, period: string | null) {
  const periods = useApi(`periods:${region ?? ""}`, () =>
    api.get<{
      periods: string[];
      completeness?: Array<{ period: string; completeness: number | null; eligible: boolean }>;
    }>("/api/periods", { region: region ?? undefined }),
  );
  const dashboard = useApi(`dash:${region ?? ""}:${period ?? ""}`, () =>
    api.get<Dashboard>("/api/dashboard", { region: region ?? undefined, period: period ?? undefined }),
  );
  return { periods, dashboard };
}
