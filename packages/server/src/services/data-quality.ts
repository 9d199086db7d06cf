/**
 * The WHO data-quality report (Aksi 6, data management) of a region or posyandu and a period:
 * the checks of core data-quality*.ts over the period's measurements, the z-score distributions
 * over each child's latest valid z-score, likely duplicate children, and the headline figures of
 * every unit below. Aggregates only (no child is named), so dashboard:read suffices.
 */
import {
  type DqMeasurement,
  periodDates,
  populationQualityReport,
  type QualitySummary,
  qualitySummary,
} from "@tumbuh/core";
import type { QualityReportResponse } from "@tumbuh/core/api";
import type { Actor } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { RegionService } from "./regions.ts";
import { defaultPeriodOf, resolveReportUnit } from "./report-unit.ts";

type Row = Awaited<ReturnType<Repositories["dataQuality"]["measurements"]>>[number];

function toDq(m: Row): DqMeasurement {
  return {
    childId: m.child_id,
    sex: m.sex,
    birthDate: m.birth_date,
    date: m.measured_on,
    ageDays: m.age_days,
    weight: m.weight,
    lenhei: m.lenhei,
    measure: m.measure,
    oedema: m.oedema,
    hasNik: m.has_nik,
    zlen: m.zlen,
    flen: m.flen,
    zwei: m.zwei,
    fwei: m.fwei,
    zwfl: m.zwfl,
    fwfl: m.fwfl,
    zbmi: m.zbmi,
    fbmi: m.fbmi,
  };
}

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
    const rows = period
      ? await this.repos.dataQuality.measurements(
          u.posyandu
            ? { district: u.posyandu.district, posyanduId: u.posyandu.id }
            : { region: u.regionCode },
          periodDates(period),
        )
      : [];
    const report = populationQualityReport(rows.map(toDq));
    const likelyDuplicates = await this.repos.dataQuality.likelyDuplicates([
      ...new Set(rows.map((r) => r.child_id)),
    ]);
    return {
      unit: u.self,
      ancestors: u.ancestors,
      period,
      periods,
      report: report as unknown as Record<string, unknown>,
      summary: qualitySummary(report),
      likelyDuplicates,
      units: u.posyandu ? [] : await this.unitsBelow(u.regionCode, u.self.level, rows),
    };
  }

  /** The headline figures of each unit one level below (kecamatan, village or posyandu), by name. */
  private async unitsBelow(
    code: string,
    level: string,
    rows: Row[],
  ): Promise<Array<{ code: string; name: string; level: string } & QualitySummary>> {
    let units: Array<{ code: string; name: string; level: string }>;
    let keyOf: (r: Row) => string | null;
    if (level === "village") {
      units = (await this.repos.children.listPosyandu(code)).map((p) => ({
        code: p.id,
        name: p.name,
        level: "posyandu",
      }));
      keyOf = (r) => r.posyandu_id;
    } else {
      units = (await this.regions.children(code)).map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
      }));
      const depth = level === "nation" ? 2 : level === "province" ? 5 : level === "district" ? 8 : 13;
      keyOf = (r) => r.village_code.slice(0, depth);
    }
    const groups = new Map<string, DqMeasurement[]>();
    for (const r of rows) {
      const key = keyOf(r);
      if (key === null) continue;
      const list = groups.get(key) ?? [];
      list.push(toDq(r));
      groups.set(key, list);
    }
    return units.map((unit) => ({
      ...unit,
      ...qualitySummary(populationQualityReport(groups.get(unit.code) ?? [])),
    }));
  }
}
