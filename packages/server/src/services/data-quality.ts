/**
 * The WHO data-quality report (Aksi 6, data management) of a region or posyandu and a period,
 * read from the roll-ups (db/repositories/rollup-quality.ts and the per-child sums of the
 * prevalence roll-up; core data-quality-tally.ts turns them into the report): the checks of core
 * data-quality*.ts over the period's measurements where they were measured, the z-score
 * distributions and sex ratio over each child's latest valid z-score of the period, each child
 * in the unit of its latest measurement (the children the prevalence counts), likely duplicate
 * children, and the headline figures of every unit below. Aggregates only (no child is named), so
 * dashboard:read suffices.
 */
import { type QualitySummary, qualityReportOfTally, qualitySummary } from "@tumbuh/core";
import type { QualityReportResponse } from "@tumbuh/core/api";
import type { Actor } from "../auth/access.ts";
import { emptyStoredQuality, type StoredQuality } from "../db/repositories/data-quality.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { RegionService } from "./regions.ts";
import { defaultPeriodOf, resolveReportUnit } from "./report-unit.ts";

const reportOf = (s: StoredQuality) => qualityReportOfTally(s.tally, s.child);

export class DataQualityService {
  constructor(
    private readonly repos: Repositories,
    private readonly regions: RegionService,
  ) {}

  /** The report for `period` (default: the region's default month by its reporting). */
  async report(
    user: Actor,
    query: { region?: string; posyandu?: string; period?: string },
    today: string,
  ): Promise<QualityReportResponse> {
    const u = await resolveReportUnit(this.repos, this.regions, user, "dashboard:read", query);
    const periods = await this.repos.rollups.periods(u.regionCode);
    const period = query.period ?? (await defaultPeriodOf(this.repos, u.regionCode, today));
    const scope = u.posyandu
      ? { district: u.posyandu.district, posyanduId: u.posyandu.id }
      : { region: u.regionCode };
    const own = period
      ? ((await this.repos.dataQuality.stored(scope, period)).values().next().value ?? emptyStoredQuality())
      : emptyStoredQuality();
    const report = reportOf(own);
    return {
      unit: u.self,
      ancestors: u.ancestors,
      period,
      periods,
      report: report as unknown as Record<string, unknown>,
      summary: qualitySummary(report),
      likelyDuplicates: own.likelyDuplicates,
      units: u.posyandu ? [] : await this.unitsBelow(u.regionCode, u.self.level, period),
    };
  }

  /** The headline figures of each unit one level below (kecamatan, village or posyandu), by name. */
  private async unitsBelow(
    code: string,
    level: string,
    period: string | null,
  ): Promise<Array<{ code: string; name: string; level: string } & QualitySummary>> {
    const units =
      level === "village"
        ? (await this.repos.children.listPosyandu(code)).map((p) => ({
            code: p.id,
            name: p.name,
            level: "posyandu",
          }))
        : (await this.regions.children(code)).map((r) => ({ code: r.code, name: r.name, level: r.level }));
    const stored = period ? await this.repos.dataQuality.stored({ below: code }, period) : new Map();
    return units.map((unit) => ({
      ...unit,
      ...qualitySummary(reportOf(stored.get(unit.code) ?? emptyStoredQuality())),
    }));
  }
}
