/**
 * SKDN reports (workflows.md §3.1) of a region or a posyandu per month: S, K, D, N, T, O, B with
 * D = N + T + O + B, 2T and BGM, the indicators K/S, D/K, D/S, N/D and their trend, and the units
 * below. Read from the SKDN roll-ups (aggregates only; no child is named here).
 */
import {
  DEFAULT_KBM,
  emptySkdnCounts,
  KBM_TABLES,
  SKDN_COUNT_KEYS,
  type SkdnCounts,
  skdnRates,
  trendMonths,
} from "@tumbuh/core";
import type { SkdnFigures, SkdnReport } from "@tumbuh/core/api";
import type { Actor } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { SkdnMonthRow, SkdnUnit } from "../db/repositories/skdn.ts";
import { type KbmService, kbmInfo as tableInfo } from "./kbm.ts";
import type { RegionService } from "./regions.ts";
import { defaultPeriodOf, resolveReportUnit } from "./report-unit.ts";

/** The counts and indicators of a row (zeros when there is none). */
function skdnFigures(row: SkdnCounts | undefined): SkdnFigures {
  const c = emptySkdnCounts();
  if (row) for (const k of SKDN_COUNT_KEYS) c[k] = row[k];
  const r = skdnRates(c);
  const k = c.s > 0 && c.kUnknown === c.s ? null : c.k;
  return { ...c, k, ...r };
}

function kbmInfo(id: string | null | undefined): SkdnReport["kbm"] {
  const table = KBM_TABLES.find((t) => t.id === id);
  if (!table) return null;
  return { id: table.id, label: table.label, source: table.source, isDefault: table.id === DEFAULT_KBM.id };
}

export class SkdnService {
  constructor(
    private readonly repos: Repositories,
    private readonly regions: RegionService,
    private readonly kbm: KbmService,
  ) {}

  /**
   * The SKDN of a region (default the user's scope) or of a posyandu, for `period` (default: the
   * region's default month by its reporting, see PeriodDefaults), with the units below and the
   * trend over the 12 months ending at the period.
   */
  async report(
    user: Actor,
    query: { region?: string; posyandu?: string; period?: string },
    today: string,
  ): Promise<SkdnReport> {
    const u = await resolveReportUnit(this.repos, this.regions, user, "dashboard:read", query);
    const unit: SkdnUnit = u.posyandu
      ? { kind: "posyandu", id: u.posyandu.id, district: u.posyandu.district }
      : { kind: "region", code: u.regionCode };
    const rows = await this.repos.skdn.months(unit);
    const inUse = u.posyandu
      ? await this.kbm.forDistrict(u.posyandu.district)
      : await this.kbm.forRegion(u.regionCode);
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    const periods = rows.map((r) => r.period).reverse();
    let period = query.period ?? null;
    if (period === null && rows.length > 0) {
      const chosen = await defaultPeriodOf(this.repos, u.regionCode, today);
      period =
        chosen && byPeriod.has(chosen) ? chosen : (periods.find((p) => p <= today.slice(0, 7)) ?? null);
    }
    const own: SkdnMonthRow | undefined = period ? byPeriod.get(period) : undefined;
    let children: SkdnReport["children"] = [];
    if (unit.kind === "region" && period) {
      const units = await this.unitsBelow(unit.code);
      const below = await this.repos.skdn.children(unit.code, period);
      children = units.map((u) => ({ ...u, ...skdnFigures(below.get(u.code)) }));
    }
    return {
      unit: u.self,
      ancestors: u.ancestors,
      period,
      periods,
      kbm: kbmInfo(own?.kbmTable ?? rows[rows.length - 1]?.kbmTable),
      kbmInUse: { ...tableInfo(inUse.table), chosenBy: inUse.source },
      refreshedAt: own?.refreshedAt ?? null,
      summary: skdnFigures(own),
      children,
      trend: period
        ? trendMonths(period)
            .filter((m) => byPeriod.has(m))
            .map((m) => ({ period: m, ...skdnFigures(byPeriod.get(m)) }))
        : [],
    };
  }

  /** The units one level below a region: regions, or a village's posyandu. */
  private async unitsBelow(code: string): Promise<SkdnReport["children"][number][]> {
    const { region } = await this.regions.withAncestors(code);
    if (region.level === "village") {
      const list = await this.repos.children.listPosyandu(code);
      return list.map((p) => ({ code: p.id, name: p.name, level: "posyandu", ...skdnFigures(undefined) }));
    }
    return (await this.regions.children(code)).map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      ...skdnFigures(undefined),
    }));
  }
}
