/**
 * The one read model of the roll-ups: prevalence figures of a region (nation `ID`, province,
 * district, kecamatan, village) or posyandu and a period, of the units below it, and its trend.
 * It serves the dashboard API, the public page, exports, `tumbuh prevalence --region` and the
 * tests; figures come from roll-up rows (never raw rows) through one mapping (figures.ts), so
 * every level shows the same numbers.
 */
import {
  checkPeriod,
  defaultMonth,
  defaultPublicPeriod,
  latestMonth,
  regionLevelOf,
  trendMonths,
} from "@tumbuh/core";
import type { Dashboard, Figures, Region } from "@tumbuh/core/api";
import { type Actor, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { type DemoInfo, holdsDemoData } from "./context.ts";
import { periodFigures, ROUTINE_SOURCE_LABEL, toFigures, unitFigures } from "./figures.ts";
import { NATIONAL_TARGET } from "./national-target.ts";
import type { RegionService } from "./regions.ts";
import { defaultPeriodOf } from "./report-unit.ts";
import type { ResponseCache } from "./response-cache.ts";

/** Figures of a region and of the units below it for one period. */
export interface RegionReport {
  region: Region;
  period: string;
  summary: Figures;
  children: Array<Region & Figures>;
}

export class PrevalenceService {
  constructor(
    private readonly repos: Repositories,
    private readonly regions: RegionService,
    private readonly demo: DemoInfo,
    private readonly cache: ResponseCache,
  ) {}

  /**
   * The dashboard of a region the user may see: its figures for the period (default: the latest
   * month with data not after the month of `today`), its child regions' (posyandu below a village)
   * and its trend over the 12 months ending at the period.
   */
  async dashboard(
    user: Actor,
    code: string,
    requested: string | undefined,
    today: string,
  ): Promise<Dashboard> {
    requireAccess(user, "dashboard:read", code);
    return this.dashboardOf(code, requested, today);
  }

  /**
   * The dashboard as JSON text, reused from the cache for a short while (the access check runs
   * first, every time). Its keys are in schema order (tested against Dashboard.encode).
   */
  async dashboardJson(
    user: Actor,
    code: string,
    requested: string | undefined,
    today: string,
  ): Promise<string> {
    requireAccess(user, "dashboard:read", code);
    // The default period depends on the day (the current month counts from its 20th).
    const key = `dashboard|${code}|${requested ?? `default@${today}`}`;
    return this.cache.get(key, async () => JSON.stringify(await this.dashboardOf(code, requested, today)));
  }

  /** The periods with data for a region the user may see, newest first. */
  async periods(user: Actor, code: string): Promise<string[]> {
    requireAccess(user, "dashboard:read", code);
    await this.regions.withAncestors(code);
    return this.repos.rollups.periods(code);
  }

  /**
   * The completeness of each month of a region (its reporting against the months before it,
   * core default-period.ts) and the default month it gives, for the period picker.
   */
  async periodCompleteness(
    user: Actor,
    code: string,
    today: string,
  ): Promise<{
    defaultPeriod: string | null;
    months: Array<{ period: string; completeness: number | null; eligible: boolean }>;
  }> {
    requireAccess(user, "dashboard:read", code);
    const d = defaultMonth(await this.repos.periodActivity.activity(code), today);
    return {
      defaultPeriod: d.month,
      months: d.months.map((m) => ({ period: m.month, completeness: m.completeness, eligible: m.eligible })),
    };
  }

  /** Figures of a region and of the units below it for a period (`tumbuh prevalence --region`). */
  async report(user: Actor, code: string, period: string): Promise<RegionReport> {
    regionLevelOf(code);
    checkPeriod(period);
    requireAccess(user, "dashboard:read", code);
    // The period is given, so no default (and no "today") is needed.
    const d = await this.dashboardOf(code, period, "9999-12-31");
    return { region: d.region, period, summary: d.summary, children: d.children };
  }

  /** The dashboard payload of any region (callers check access). */
  private async dashboardOf(code: string, requested: string | undefined, today: string): Promise<Dashboard> {
    const { region, ancestors } = await this.regions.withAncestors(code);
    const kids = region.level === "village" ? [] : await this.regions.children(code);
    // One round trip: the region's every period (its latest month, its own row, its trend) and
    // its child units' rows for the period shown.
    // Without a period asked for: the latest month complete enough, not the latest with any data.
    const chosen = requested ?? (await defaultPeriodOf(this.repos, code, today)) ?? undefined;
    const rows = await this.repos.rollups.dashboard(
      code,
      kids.map((k) => k.code),
      chosen,
      today,
    );
    const units: Region[] =
      rows.posyandu?.map((p) => ({
        code: p.id,
        name: p.name,
        level: "posyandu",
        kind: null,
        parentCode: code,
      })) ?? kids;
    const byPeriod = new Map(rows.own.map((r) => [r.period, r]));
    const period = rows.period;
    const own = period ? byPeriod.get(period) : undefined;
    const refreshed = own?.refreshed_at;
    return {
      region,
      ancestors,
      period,
      source: {
        kind: "routine",
        label: ROUTINE_SOURCE_LABEL,
        synthetic: holdsDemoData(this.demo, region.code),
        refreshedAt: refreshed ? new Date(refreshed).toISOString() : null,
      },
      summary: toFigures(own),
      children: units.map((u) => unitFigures(u, period ? rows.children.get(u.code) : undefined)),
      trend: period
        ? trendMonths(period)
            .filter((m) => byPeriod.has(m))
            .map((m) => periodFigures(m, byPeriod.get(m)))
        : [],
      nationalTarget: NATIONAL_TARGET,
    };
  }

  /**
   * Figures of a district for the public page (callers apply suppression): the district, its
   * kecamatan and every village, for the period asked or the latest month with data.
   */
  async districtTable(
    code: string,
    requested: string | undefined,
    today: string,
  ): Promise<{
    region: Region;
    period: string | null;
    total: Figures;
    subdistricts: Array<{ code: string; name: string; figures: Figures }>;
    villages: Array<{ code: string; name: string; subdistrictCode: string; figures: Figures }>;
  }> {
    const { region } = await this.regions.withAncestors(code);
    // The public page opens on the latest bulan timbang (February, August) or year that is over,
    // else the latest month complete enough.
    const periods = requested ? [] : await this.repos.rollups.periods(code);
    const period =
      requested ??
      defaultPublicPeriod(periods, today) ??
      (await defaultPeriodOf(this.repos, code, today)) ??
      latestMonth(periods, today);
    const subdistricts = await this.regions.children(code);
    if (!period) {
      return {
        region,
        period: null,
        total: toFigures(undefined),
        subdistricts: subdistricts.map((s) => ({
          code: s.code,
          name: s.name,
          figures: toFigures(undefined),
        })),
        villages: [],
      };
    }
    const [own, subs, villageCounts, villages] = await Promise.all([
      this.repos.rollups.own(code, [period]),
      this.repos.rollups.children(code, period),
      this.repos.rollups.villagesOfDistrict(code, period),
      this.repos.regions.villagesOf(code),
    ]);
    return {
      region,
      period,
      total: toFigures(own[0]),
      subdistricts: subdistricts.map((s) => ({
        code: s.code,
        name: s.name,
        figures: toFigures(subs.get(s.code)),
      })),
      villages: villages.map((v) => ({
        code: v.code,
        name: v.name,
        subdistrictCode: v.parentCode ?? "",
        figures: toFigures(villageCounts.get(v.code)),
      })),
    };
  }

  /** The periods with data of any region (the public page; no access check). */
  publicPeriods(code: string): Promise<string[]> {
    return this.repos.rollups.periods(code);
  }
}
