/**
 * Analisis situasi and the integrated plan of an aksi cycle (aksi 1–2): indicators with the target
 * that applies to the district (its own, else the national default), indicator values entered by
 * form or computed from Tumbuh's roll-ups, the analysis per village, the desa lokus ranking and the
 * district's decision (with its reason and decision document), the activities with their budget
 * and realisation, and the budget tagging summaries.
 *
 * Access: like the cycle itself (services/aksi.ts) — district staff with aksi:write edit their own
 * district; every role with aksi:read whose scope holds the district reads (the province reads its
 * districts); a cycle outside the caller's scope does not exist for the caller.
 */
import { randomUUID } from "node:crypto";
import { districtOfCode, levelOfCode, regionWithin, userMessage } from "@tumbuh/core";
import type {
  Activity,
  AnsitResponse,
  IndicatorsResponse,
  IndicatorWithTarget,
  LokusDecision,
  LokusDecisionBody,
  LokusRankingResponse,
  LokusWeights,
  PlanResponse,
} from "@tumbuh/core/api";
import {
  analisisSituasi,
  budgetSummary,
  DEFAULT_LOKUS_RULE,
  FUNDING_SOURCES,
  INDICATORS,
  type Indicator,
  type IndicatorTarget,
  type IndicatorValueInput,
  indicatorByCode,
  LOKUS_CRITERIA,
  type LokusRule,
  NATIONAL_TARGETS,
  type PlanActivity,
  rankDesaLokus,
  targetFor,
  toBudgetActivity,
} from "@tumbuh/core/programme";
import { type Actor, checkAccess, requireAccess } from "../auth/access.ts";
import type { AksiCycleRow } from "../db/repositories/aksi.ts";
import type { ActivityRow, LokusDecisionRow, NewActivityRow } from "../db/repositories/aksi-plan.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { type AksiCaller, loadCycle } from "./aksi.ts";
import { recordAudit } from "./audit.ts";
import { UUID } from "./child-access.ts";
import { badRequest, notFound, staleVersion } from "./errors.ts";

/** Indicators Tumbuh computes from its own data, and how. */
const COMPUTED_INDICATORS: Readonly<Record<string, string>> = {
  SPE7: "SKDN Tumbuh: ΣD ÷ ΣS × 100 atas bulan-bulan tahun itu (balita ditimbang ÷ balita terdaftar)",
  STUNTING: "Roll-up Tumbuh (e-PPGBM/posyandu, rutin): pendek + sangat pendek ÷ diukur TB/U valid × 100",
};

const DEFAULT_WEIGHTS: LokusWeights = Object.fromEntries(
  DEFAULT_LOKUS_RULE.criteria.map((c) => [c.criterion, c.weight * 100]),
) as LokusWeights;

function ruleOf(
  weights: LokusWeights | undefined,
  normalisation: LokusRule["normalisation"] | undefined,
): LokusRule {
  const w = weights ?? DEFAULT_WEIGHTS;
  if (LOKUS_CRITERIA.every((c) => w[c] === 0))
    throw badRequest(
      "weights",
      "found every weight 0, expected at least one weight above 0",
      userMessage("aksi.lokusWeightsZero"),
    );
  return {
    ...DEFAULT_LOKUS_RULE,
    criteria: DEFAULT_LOKUS_RULE.criteria.map((c) => ({ ...c, weight: w[c.criterion] })),
    normalisation: normalisation ?? DEFAULT_LOKUS_RULE.normalisation,
  };
}

const amounts = (v: unknown): PlanActivity["pagu"] => {
  const o = (v ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    FUNDING_SOURCES.filter((s) => typeof o[s] === "number").map((s) => [s, o[s] as number]),
  );
};
const sumOf = (a: PlanActivity["pagu"]) => FUNDING_SOURCES.reduce((t, s) => t + (a[s] ?? 0), 0);

/** The stored row as the plan's activity. */
function activityOf(r: ActivityRow): PlanActivity {
  return {
    opd: r.opd,
    programCode: r.program_code,
    programName: r.program_name,
    kegiatanCode: r.kegiatan_code,
    kegiatanName: r.kegiatan_name,
    subKegiatanCode: r.sub_kegiatan_code,
    subKegiatanName: r.sub_kegiatan_name,
    name: r.name,
    intervention: r.intervention,
    indicatorCode: r.indicator_code,
    pillar: r.pillar,
    villages: Array.isArray(r.villages) ? (r.villages as PlanActivity["villages"]) : [],
    volume: r.volume,
    unit: r.unit,
    pagu: amounts(r.pagu),
    realisasi: amounts(r.realisasi),
    volumeDone: r.volume_done,
    startMonth: r.start_month,
    endMonth: r.end_month,
  };
}

function rowFields(
  a: PlanActivity,
): Omit<NewActivityRow, "id" | "cycle_id" | "district_code" | "created_by"> {
  return {
    opd: a.opd,
    program_code: a.programCode,
    program_name: a.programName,
    kegiatan_code: a.kegiatanCode,
    kegiatan_name: a.kegiatanName,
    sub_kegiatan_code: a.subKegiatanCode,
    sub_kegiatan_name: a.subKegiatanName,
    name: a.name,
    intervention: a.intervention,
    indicator_code: a.indicatorCode,
    pillar: a.pillar,
    villages: JSON.stringify(a.villages),
    volume: a.volume,
    unit: a.unit,
    pagu: JSON.stringify(a.pagu),
    realisasi: JSON.stringify(a.realisasi),
    volume_done: a.volumeDone,
    start_month: a.startMonth,
    end_month: a.endMonth,
  };
}

const decisionVillages = (d: LokusDecisionRow | undefined): string[] =>
  Array.isArray(d?.villages) ? (d.villages as string[]) : [];

export class AksiPlanService {
  constructor(private readonly repos: Repositories) {}

  /** National targets with the district's own targets after them (so its own wins, targetFor). */
  private async targets(district: string): Promise<IndicatorTarget[]> {
    const own = await this.repos.aksiPlan.targets(district);
    return [
      ...NATIONAL_TARGETS,
      ...own.map(
        (t): IndicatorTarget => ({
          indicatorCode: t.indicator_code,
          regionCode: t.district_code,
          value: t.value,
          targetYear: t.year,
          fromYear: t.year,
          source: t.source,
          confidence: "src",
        }),
      ),
    ];
  }

  private withTargets(
    targets: readonly IndicatorTarget[],
    district: string,
    year: number,
  ): IndicatorWithTarget[] {
    return INDICATORS.map((i) => {
      const t = targetFor(i, district, year, targets);
      return {
        code: i.code,
        name: i.name,
        intervention: i.intervention,
        targetGroup: i.targetGroup,
        numerator: i.numerator,
        denominator: i.denominator,
        unit: i.unit,
        direction: i.direction,
        dataSource: i.dataSource,
        responsibleAgency: i.responsibleAgency,
        kepmendagriCode: i.kepmendagriCode,
        computed: COMPUTED_INDICATORS[i.code] ?? null,
        target: t
          ? {
              value: t.value,
              targetYear: t.targetYear,
              origin: t.origin,
              source: t.source,
              confidence: t.confidence,
            }
          : null,
      };
    });
  }

  private requireDistrict(code: string): void {
    if (levelOfCode(code) !== "district")
      throw badRequest(
        "districtCode",
        `expected a district code such as 35.03, got ${code}`,
        userMessage("region.notDistrict", { code }),
      );
  }

  /** The indicators with the target that applies to the district in `year`. */
  async indicators(user: Actor, district: string, year: number): Promise<IndicatorsResponse> {
    this.requireDistrict(district);
    requireAccess(user, "aksi:read", district);
    return {
      district,
      year,
      indicators: this.withTargets(await this.targets(district), district, year),
      canEdit: !checkAccess(user, "aksi:write", district),
    };
  }

  /** The district sets its own target of an indicator for a year. */
  async setTarget(
    user: AksiCaller,
    code: string,
    body: { districtCode: string; year: number; value: number; source: string },
  ): Promise<IndicatorsResponse> {
    this.requireDistrict(body.districtCode);
    requireAccess(user, "aksi:write", body.districtCode);
    const indicator = this.indicator(code);
    if (indicator.unit === "persen" && body.value > 100)
      throw badRequest(
        "value",
        `found ${body.value}, expected a percentage 0–100`,
        userMessage("validation.percentage", { field: "value", value: body.value }),
      );
    await this.repos.transaction(async (tx) => {
      const before = await tx.aksiPlan.target(body.districtCode, code, body.year);
      await tx.aksiPlan.upsertTarget({
        district_code: body.districtCode,
        indicator_code: code,
        year: body.year,
        value: body.value,
        source: body.source,
        updated_by: user.id,
        updated_at: new Date(),
      });
      await recordAudit(tx, {
        actor: user,
        action: "set_target",
        entity: "aksi_indicator_target",
        entityId: `${body.districtCode}:${code}:${body.year}`,
        regionCode: body.districtCode,
        before: before ? { value: before.value, source: before.source } : null,
        after: { value: body.value, source: body.source },
      });
    });
    return this.indicators(user, body.districtCode, body.year);
  }

  private indicator(code: string): Indicator {
    try {
      return indicatorByCode(code);
    } catch {
      throw badRequest(
        "indicatorCode",
        `found '${code}', expected a code of the indicators (e.g. SPE7)`,
        userMessage("aksi.unknownIndicator", { code }),
      );
    }
  }

  /** Saves indicator values of the district's regions for a year (form entry). */
  async saveValues(
    user: AksiCaller,
    body: {
      districtCode: string;
      year: number;
      values: {
        regionCode: string;
        indicatorCode: string;
        value: number;
        numerator?: number | null;
        denominator?: number | null;
        source: string;
      }[];
    },
    entry: "form" | "import" = "form",
  ): Promise<{ saved: number }> {
    this.requireDistrict(body.districtCode);
    requireAccess(user, "aksi:write", body.districtCode);
    body.values.forEach((v, i) => {
      if (!regionWithin(v.regionCode, body.districtCode))
        throw badRequest(
          `values.${i}.regionCode`,
          `region ${v.regionCode} is not in district ${body.districtCode}`,
          userMessage("region.outsideDistrict", { code: v.regionCode, district: body.districtCode }),
        );
      const ind = this.indicator(v.indicatorCode);
      if (ind.unit === "persen" && v.value > 100)
        throw badRequest(
          `values.${i}.value`,
          `found ${v.value}, expected a percentage 0–100`,
          userMessage("validation.percentage", { field: "value", value: v.value }),
        );
    });
    const period = String(body.year);
    await this.repos.transaction(async (tx) => {
      await tx.aksiPlan.upsertValues(
        body.values.map((v) => ({
          district_code: body.districtCode,
          region_code: v.regionCode,
          indicator_code: v.indicatorCode,
          period,
          numerator: v.numerator ?? null,
          denominator: v.denominator ?? null,
          value: v.value,
          source: v.source,
          entry,
          updated_by: user.id,
          updated_at: new Date(),
        })),
      );
      await recordAudit(tx, {
        actor: user,
        action: entry === "form" ? "values_save" : "values_import",
        entity: "aksi_indicator_values",
        entityId: `${body.districtCode}:${period}`,
        regionCode: body.districtCode,
        after: { count: body.values.length, values: body.values.slice(0, 50) },
      });
    });
    return { saved: body.values.length };
  }

  /** Analisis situasi of the cycle's district for a year (default: the cycle's year). */
  async analisis(user: Actor, cycleId: string, year?: number): Promise<AnsitResponse> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:read");
    const y = year ?? cycle.year;
    const district = cycle.district_code;
    const [villages, subdistricts, counts, skdn, values, targets, decision] = await Promise.all([
      this.repos.regions.villagesOf(district),
      this.repos.regions.children(district),
      this.repos.aksiPlan.villageYear(district, y),
      this.repos.aksiPlan.villageSkdnYear(district, y),
      this.repos.aksiPlan.values(district, String(y)),
      this.targets(district),
      this.repos.aksiPlan.lokusDecision(cycle.id),
    ]);
    let semester: string | null = `${y}-S2`;
    let families = await this.repos.families.counts(district, semester);
    if (families.length === 0) {
      semester = `${y}-S1`;
      families = await this.repos.families.counts(district, semester);
    }
    if (families.length === 0) semester = null;
    const countsBy = new Map(counts.map((c) => [c.code, c]));
    const skdnBy = new Map(skdn.map((s) => [s.code, s]));
    const familiesBy = new Map(families.map((f) => [f.village_code, f]));
    const sub = new Map(subdistricts.map((s) => [s.code, s.name]));
    const lokus = new Set(decisionVillages(decision));
    const rows = analisisSituasi(
      villages.map((v) => {
        const c = countsBy.get(v.code);
        const s = skdnBy.get(v.code);
        const f = familiesBy.get(v.code);
        const own: IndicatorValueInput[] = values
          .filter((x) => x.region_code === v.code)
          .map((x) => ({
            indicatorCode: x.indicator_code,
            value: x.value,
            source: x.source,
            entry: x.entry,
            updatedAt: new Date(x.updated_at).toISOString(),
          }));
        const computed: IndicatorValueInput[] = [];
        if (s && s.s > 0)
          computed.push({
            indicatorCode: "SPE7",
            value: (s.d / s.s) * 100,
            source: "SKDN Tumbuh",
            entry: "computed",
          });
        if (c && c.haz_valid > 0)
          computed.push({
            indicatorCode: "STUNTING",
            value: (c.stunted / c.haz_valid) * 100,
            source: "e-PPGBM/posyandu (rutin), roll-up Tumbuh",
            entry: "computed",
          });
        return {
          code: v.code,
          name: v.name,
          measured: c?.measured ?? null,
          hazValid: c?.haz_valid ?? null,
          stunted: c?.stunted ?? null,
          severelyStunted: c?.severely_stunted ?? null,
          sasaran: c?.target ?? null,
          families: f ? f.families : null,
          atRiskFamilies: f ? f.berisiko : null,
          values: [...own, ...computed],
        };
      }),
      INDICATORS,
      targets,
      y,
    );
    const sum = (pick: (c: (typeof counts)[number]) => number) => counts.reduce((t, c) => t + pick(c), 0);
    const hazValid = sum((c) => c.haz_valid);
    return {
      cycleId: cycle.id,
      districtCode: district,
      districtName: (await this.repos.regions.name(district)) ?? district,
      year: y,
      familySemester: semester,
      indicators: this.withTargets(targets, district, y),
      villages: rows.map((r) => ({
        code: r.code,
        name: r.name,
        subdistrict: sub.get(r.code.slice(0, 8)) ?? r.code.slice(0, 8),
        measured: r.measured,
        stunted: r.stunted,
        severelyStunted: r.severelyStunted,
        stuntingRate: r.stuntingRate,
        sasaran: r.sasaran,
        measurementCoverage: r.measurementCoverage,
        families: r.families,
        atRiskFamilies: r.atRiskFamilies,
        indicators: r.indicators,
        coverageGap: r.coverageGap,
        lokus: lokus.has(r.code),
      })),
      totals: {
        measured: sum((c) => c.measured),
        stunted: sum((c) => c.stunted),
        severelyStunted: sum((c) => c.severely_stunted),
        stuntingRate: hazValid > 0 ? (sum((c) => c.stunted) / hazValid) * 100 : null,
        families: semester ? families.reduce((t, f) => t + f.families, 0) : null,
        atRiskFamilies: semester ? families.reduce((t, f) => t + f.berisiko, 0) : null,
      },
      canEdit: !checkAccess(user, "aksi:write", district),
    };
  }

  /** The desa lokus ranking of the cycle's villages under the weights given (default rule otherwise). */
  async ranking(
    user: Actor,
    cycleId: string,
    body: { year: number; weights?: LokusWeights; normalisation?: LokusRule["normalisation"] },
    lokusCount: number | null = null,
  ): Promise<LokusRankingResponse> {
    const rule = { ...ruleOf(body.weights, body.normalisation), lokusCount };
    const ansit = await this.analisis(user, cycleId, body.year);
    const ranking = rankDesaLokus(
      ansit.villages.map((v) => ({
        code: v.code,
        name: v.name,
        stuntingRate: v.stuntingRate,
        stuntedCount: v.stunted,
        coverageGap: v.coverageGap,
        atRiskFamilies: v.atRiskFamilies,
        dataCompleteness: v.measurementCoverage === null ? null : Math.min(100, v.measurementCoverage),
      })),
      rule,
    );
    return {
      year: ansit.year,
      weights: body.weights ?? DEFAULT_WEIGHTS,
      normalisation: rule.normalisation,
      villages: ranking.villages,
    };
  }

  private async toDecision(cycle: AksiCycleRow, d: LokusDecisionRow): Promise<LokusDecision> {
    const codes = decisionVillages(d);
    const ranking = (Array.isArray(d.ranking) ? d.ranking : []) as {
      code: string;
      position: number;
      score: number;
    }[];
    const names = new Map((await this.repos.regions.byCodes(codes)).map((r) => [r.code, r.name]));
    const evidence = d.evidence_id ? await this.repos.aksi.evidenceById(d.evidence_id) : undefined;
    const byCode = new Map(ranking.map((r) => [r.code, r]));
    return {
      cycleId: cycle.id,
      year: d.data_year,
      villages: codes.map((c) => ({
        code: c,
        name: names.get(c) ?? c,
        position: byCode.get(c)?.position ?? null,
        score: byCode.get(c)?.score ?? null,
      })),
      outsideTop: codes.filter((c) => (byCode.get(c)?.position ?? Number.POSITIVE_INFINITY) > codes.length),
      reason: d.reason,
      weights: (d.rule as { weights: LokusWeights }).weights,
      evidence:
        evidence && evidence.removed_at === null ? { id: evidence.id, fileName: evidence.file_name } : null,
      decidedAt: new Date(d.updated_at).toISOString(),
      version: d.version,
    };
  }

  /** The cycle's desa lokus decision, if taken. */
  async decision(
    user: Actor,
    cycleId: string,
  ): Promise<{ decision: LokusDecision | null; canEdit: boolean }> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:read");
    const d = await this.repos.aksiPlan.lokusDecision(cycle.id);
    return {
      decision: d ? await this.toDecision(cycle, d) : null,
      canEdit: !checkAccess(user, "aksi:write", cycle.district_code),
    };
  }

  /**
   * The district records its desa lokus: any of its villages (not necessarily the top of the
   * ranking), the reason, the ranking it was made on and, optionally, the decision document (an
   * evidence file of this cycle).
   */
  async decide(user: AksiCaller, cycleId: string, body: LokusDecisionBody): Promise<LokusDecision> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:write");
    const codes = [...new Set(body.villages)];
    const ranking = await this.ranking(user, cycleId, body, codes.length);
    const known = new Set(ranking.villages.map((v) => v.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length)
      throw badRequest(
        "villages",
        `${unknown.join(", ")}: not villages of district ${cycle.district_code}`,
        userMessage("region.outsideDistrict", { code: unknown.join(", "), district: cycle.district_code }),
      );
    if (body.evidenceId) {
      const ev = UUID.test(body.evidenceId) ? await this.repos.aksi.evidenceById(body.evidenceId) : undefined;
      if (!ev || ev.cycle_id !== cycle.id || ev.removed_at !== null)
        throw badRequest(
          "evidenceId",
          "expected an evidence file uploaded to this cycle",
          userMessage("aksi.evidenceNotInCycle"),
        );
    }
    const saved = await this.repos.transaction(async (tx) => {
      const before = await tx.aksiPlan.lokusDecision(cycle.id);
      if ((before?.version ?? null) !== body.version)
        throw staleVersion(
          before ? { villages: before.villages, reason: before.reason, version: before.version } : null,
        );
      const row = await tx.aksiPlan.saveLokusDecision(
        {
          cycle_id: cycle.id,
          district_code: cycle.district_code,
          data_year: ranking.year,
          villages: JSON.stringify(codes),
          reason: body.reason,
          rule: JSON.stringify({ weights: ranking.weights, normalisation: ranking.normalisation }),
          ranking: JSON.stringify(
            ranking.villages.map((v) => ({ code: v.code, position: v.position, score: v.score })),
          ),
          evidence_id: body.evidenceId ?? before?.evidence_id ?? null,
          decided_by: user.id,
          updated_at: new Date(),
        },
        body.version,
      );
      if (!row) throw staleVersion(null);
      await recordAudit(tx, {
        actor: user,
        action: "lokus_decide",
        entity: "aksi_lokus_decision",
        entityId: cycle.id,
        regionCode: cycle.district_code,
        before: before ? { villages: before.villages, reason: before.reason } : null,
        after: {
          villages: codes,
          reason: body.reason,
          weights: ranking.weights,
          evidenceId: row.evidence_id,
        },
      });
      return row;
    });
    return this.toDecision(cycle, saved);
  }

  /** The cycle's activities with the budget tagging summaries (desa lokus from its decision). */
  async plan(user: Actor, cycleId: string): Promise<PlanResponse> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:read");
    const rows = await this.repos.aksiPlan.activities(cycle.id);
    const desaLokus = decisionVillages(await this.repos.aksiPlan.lokusDecision(cycle.id));
    const lokus = new Set(desaLokus);
    const plans = rows.map((r) => ({ row: r, activity: activityOf(r) }));
    const summary = budgetSummary(
      plans.map((p) => toBudgetActivity(p.row.id, p.activity)),
      desaLokus,
    );
    const villageCodes = summary.byVillage.map((v) => v.key).filter((k): k is string => k !== null);
    const names = new Map((await this.repos.regions.byCodes(villageCodes)).map((r) => [r.code, r.name]));
    return {
      cycleId: cycle.id,
      districtCode: cycle.district_code,
      year: cycle.year,
      activities: plans.map(
        (p): Activity => ({
          id: p.row.id,
          activity: p.activity,
          paguTotal: sumOf(p.activity.pagu),
          realisasiTotal: sumOf(p.activity.realisasi),
          lokusVillages: p.activity.villages.filter((v) => lokus.has(v.code)).length,
          version: p.row.version,
        }),
      ),
      desaLokus,
      summary: {
        ...summary,
        byVillage: summary.byVillage.map((v) => ({
          ...v,
          name: v.key === null ? null : (names.get(v.key) ?? null),
        })),
      },
      canEdit: !checkAccess(user, "aksi:write", cycle.district_code),
    };
  }

  /** Checks an activity against the district: its villages and the indicator it serves. */
  private async checkActivity(cycle: AksiCycleRow, a: PlanActivity): Promise<void> {
    const outside = a.villages.filter((v) => districtOfCode(v.code) !== cycle.district_code);
    if (outside.length)
      throw badRequest(
        "villages",
        `${outside.map((v) => v.code).join(", ")}: not villages of district ${cycle.district_code}`,
        userMessage("region.outsideDistrict", {
          code: outside.map((v) => v.code).join(", "),
          district: cycle.district_code,
        }),
      );
    if (a.villages.length) {
      const found = new Set(
        (await this.repos.regions.byCodes(a.villages.map((v) => v.code))).map((r) => r.code),
      );
      const missing = a.villages.filter((v) => !found.has(v.code));
      if (missing.length)
        throw badRequest(
          "villages",
          `${missing.map((v) => v.code).join(", ")}: no village has this code`,
          userMessage("region.unknown", { code: missing.map((v) => v.code).join(", ") }),
        );
    }
    if (a.indicatorCode !== null) this.indicator(a.indicatorCode);
  }

  /** Adds activities to the cycle's plan in one transaction (one audit entry each). */
  private async insert(
    user: AksiCaller,
    cycle: AksiCycleRow,
    activities: readonly PlanActivity[],
    action: string,
  ) {
    const rows = activities.map((a) => ({
      id: randomUUID(),
      cycle_id: cycle.id,
      district_code: cycle.district_code,
      created_by: user.id,
      updated_by: user.id,
      updated_at: new Date(),
      ...rowFields(a),
    }));
    await this.repos.transaction(async (tx) => {
      await tx.aksiPlan.insertActivities(rows);
      for (const [i, r] of rows.entries())
        await recordAudit(tx, {
          actor: user,
          action,
          entity: "aksi_activity",
          entityId: r.id,
          regionCode: cycle.district_code,
          after: activities[i],
        });
    });
    return rows.map((r) => r.id);
  }

  /** Adds an activity to the cycle's plan. */
  async addActivity(user: AksiCaller, cycleId: string, activity: PlanActivity): Promise<{ id: string }> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:write");
    await this.checkActivity(cycle, activity);
    const [id] = await this.insert(user, cycle, [activity], "activity_add");
    return { id };
  }

  private async loadActivity(user: AksiCaller, id: string) {
    const row = UUID.test(id) ? await this.repos.aksiPlan.activity(id) : undefined;
    if (!row) throw notFound("activity");
    const cycle = await loadCycle(this.repos, user, row.cycle_id, "aksi:write");
    return { row, cycle };
  }

  /** Changes an activity (its plan or its realisation) when `version` is still current. */
  async updateActivity(user: AksiCaller, id: string, activity: PlanActivity, version: number): Promise<void> {
    const { row, cycle } = await this.loadActivity(user, id);
    await this.checkActivity(cycle, activity);
    await this.repos.transaction(async (tx) => {
      const after = await tx.aksiPlan.updateActivity(id, version, {
        ...rowFields(activity),
        updated_by: user.id,
      });
      if (!after) throw staleVersion(activityOf(row));
      await recordAudit(tx, {
        actor: user,
        action: "activity_update",
        entity: "aksi_activity",
        entityId: id,
        regionCode: cycle.district_code,
        before: activityOf(row),
        after: activity,
      });
    });
  }

  /** Takes an activity off the plan (its last state stays in the audit log). */
  async removeActivity(user: AksiCaller, id: string): Promise<void> {
    const { row, cycle } = await this.loadActivity(user, id);
    await this.repos.transaction(async (tx) => {
      await tx.aksiPlan.deleteActivity(id);
      await recordAudit(tx, {
        actor: user,
        action: "activity_remove",
        entity: "aksi_activity",
        entityId: id,
        regionCode: cycle.district_code,
        before: activityOf(row),
      });
    });
  }

  /** Imports parsed activities (all of them, or none when any row has an error). */
  async importActivities(
    user: AksiCaller,
    cycleId: string,
    activities: readonly PlanActivity[],
  ): Promise<{ saved: number }> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:write");
    for (const a of activities) await this.checkActivity(cycle, a);
    const ids = await this.insert(user, cycle, activities, "activity_import");
    return { saved: ids.length };
  }

  /** What an import sheet is checked against: the district's villages, the indicator codes. */
  async sheetContext(user: AksiCaller, cycleId: string) {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:write");
    const villages = await this.repos.regions.villagesOf(cycle.district_code);
    return {
      villages: new Set(villages.map((v) => v.code)),
      indicators: new Set(INDICATORS.map((i) => i.code)),
    };
  }

  /** The cycle's activities for the export, with the cycle they belong to. */
  async exportRows(
    user: Actor,
    cycleId: string,
  ): Promise<{ cycle: AksiCycleRow; activities: PlanActivity[] }> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:read");
    const rows = await this.repos.aksiPlan.activities(cycle.id);
    return { cycle, activities: rows.map(activityOf) };
  }
}
