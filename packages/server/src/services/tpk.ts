/**
 * TPK family assistance: teams and their villages, the people they accompany (targets, added by
 * hand or taken automatically from the children the posyandu flagged — stunted, faltering),
 * visits recorded on a phone, and coverage (targets assisted ÷ targets) per team, village and
 * group from @tumbuh/core/programme. Named targets and visits are personal data: each view is
 * audited; coverage is aggregate.
 */
import { randomUUID } from "node:crypto";
import { districtOfCode, growthAlerts, monthOf, userMessage } from "@tumbuh/core";
import type {
  CoverageRow,
  TpkCoverageResponse,
  TpkTarget,
  TpkTargetBody,
  TpkTeam,
  TpkTeamBody,
  TpkVisit,
  TpkVisitBody,
} from "@tumbuh/core/api";
import {
  addMonths,
  DEFAULT_TPK_WINDOWS,
  KRS_FACTORS,
  type PosyanduFlag,
  tpkCoverage,
  tpkTargetFromPosyandu,
  tpkTargetKind,
} from "@tumbuh/core/programme";
import { requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { ChildGrowthRow, TpkTargetRow, TpkVisitRow } from "../db/repositories/tpk.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, UUID } from "./child-access.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, notFound } from "./errors.ts";
import { requireRecordAccess } from "./family-access.ts";

function toTarget(r: TpkTargetRow): TpkTarget {
  const factors = (r.family_factors ?? {}) as Record<string, { value: boolean | null }>;
  return {
    id: r.id,
    villageCode: r.village_code,
    villageName: r.village_name,
    kind: r.kind,
    name: r.name,
    familyId: r.family_id,
    childId: r.child_id,
    source: r.source,
    reasons: Array.isArray(r.reasons) ? (r.reasons as string[]) : [],
    since: r.since,
    weddingDate: r.wedding_date ?? null,
    familyVerdict: (r.family_verdict as TpkTarget["familyVerdict"]) ?? null,
    familyReasons: KRS_FACTORS.filter((k) => factors[k]?.value === true),
    lastVisit: r.last_visit,
    visits: r.visits,
  };
}

/**
 * The wedding date of a catin target: required, and the person must be a catin on `today`
 * (from 3 months before the wedding to the wedding day, @tumbuh/core/programme tpkTargetKind);
 * null for the other groups, which carry none.
 */
function checkWeddingDate(body: TpkTargetBody, today: string): string | null {
  if (body.kind !== "catin") return null;
  const weddingDate = body.weddingDate;
  if (!weddingDate)
    throw badRequest(
      "weddingDate",
      "expected the wedding date of a bride-to-be",
      userMessage("catin.weddingDateRequired"),
    );
  if (weddingDate < today)
    throw badRequest(
      "weddingDate",
      `the wedding date ${weddingDate} has passed (today is ${today})`,
      userMessage("catin.weddingPassed", { weddingDate, today }),
    );
  if (tpkTargetKind({ type: "catin", weddingDate }, today) !== "catin") {
    const from = addMonths(weddingDate, -DEFAULT_TPK_WINDOWS.catinMonthsBefore);
    throw badRequest(
      "weddingDate",
      `the wedding on ${weddingDate} is more than ${DEFAULT_TPK_WINDOWS.catinMonthsBefore} months away; a catin is accompanied from ${from}`,
      userMessage("catin.tooEarly", { weddingDate, from }),
    );
  }
  return weddingDate;
}

function toVisit(r: TpkVisitRow): TpkVisit {
  return {
    id: r.id,
    targetId: r.target_id,
    teamId: r.team_id,
    villageCode: r.village_code,
    visitedOn: r.visited_on,
    visitType: r.visit_type,
    findings: r.findings,
    followUp: r.follow_up,
    followUpDue: r.follow_up_due,
    lilaCm: r.lila_cm ?? null,
    hbGdl: r.hb_gdl ?? null,
    elsimil: r.elsimil ?? null,
  };
}

/** The posyandu flags of a child on `on`: stunted (latest valid TB/U) and faltering (T or 2T at the latest weighing). */
export function posyanduFlags(child: ChildGrowthRow, on: string): Record<PosyanduFlag, boolean> {
  const valid = child.measurements.filter((m) => m.tbu !== null && !m.flen);
  const last = valid[valid.length - 1];
  const alerts = growthAlerts(
    {
      sex: child.sex,
      birthDate: child.birth_date,
      weighings: child.measurements
        .filter((m): m is typeof m & { weight: number } => m.weight !== null)
        .map((m) => ({ date: m.date, weight: m.weight })),
    },
    monthOf(on),
  );
  return {
    stunted: last !== undefined && (last.tbu === "pendek" || last.tbu === "sangat_pendek"),
    faltering: alerts.alerts.some((a) => a.rule === "T" || a.rule === "2T"),
    wasted: false,
    underweight: false,
  };
}

export class TpkService {
  private readonly repos: Repositories;

  constructor(readonly ctx: ServiceContext) {
    this.repos = ctx.repos;
  }

  /** Forms a team over villages of one district. */
  async createTeam(caller: Caller, body: TpkTeamBody, ip?: string): Promise<TpkTeam> {
    const villages = [...new Set(body.villages)];
    for (const v of villages) requireAccess(caller, "tpk:manage", v);
    const district = districtOfCode(villages[0]);
    for (const [i, v] of villages.entries()) {
      const region = await this.repos.regions.get(v);
      if (region?.level !== "village")
        throw badRequest(
          `villages[${i}]`,
          `expected the code of a village, got ${v}`,
          userMessage("region.notVillage", { code: v }),
        );
      if (districtOfCode(v) !== district)
        throw badRequest(
          `villages[${i}]`,
          `every village of a team lies in one district (${district}), got ${v}`,
          userMessage("region.outsideDistrict", { code: v, district }),
        );
    }
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.tpk.insertTeam(
        {
          district_code: district,
          id,
          name: body.name,
          bidan_name: body.bidanName ?? null,
          pkk_name: body.pkkName ?? null,
          kb_name: body.kbName ?? null,
        },
        villages,
      );
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "tpk_team",
        entityId: id,
        regionCode: district,
        after: { name: body.name, villages },
        ip,
      });
    });
    const team = (await this.repos.tpk.teams(district)).find((t) => t.id === id);
    if (!team) throw notFound("team");
    return {
      ...team,
      districtCode: team.district_code,
      bidanName: team.bidan_name,
      pkkName: team.pkk_name,
      kbName: team.kb_name,
    };
  }

  /** The teams working in a region (their members are programme staff, not clients). */
  async teams(caller: Caller, region?: string): Promise<TpkTeam[]> {
    const code = region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    return (await this.repos.tpk.teams(code)).map((t) => ({
      id: t.id,
      districtCode: t.district_code,
      name: t.name,
      bidanName: t.bidan_name,
      pkkName: t.pkk_name,
      kbName: t.kb_name,
      villages: t.villages,
    }));
  }

  /** The targets of a region (default the caller's scope) with visits and family risk; the view is audited. */
  async targets(
    caller: Caller,
    query: { region?: string; kind?: string; q?: string },
    ip?: string,
  ): Promise<TpkTarget[]> {
    const region = query.region ?? caller.regionCode;
    requireAccess(caller, "families:read", region);
    const rows = await this.repos.tpk.targets(region, {
      kind: query.kind,
      nameKey: query.q?.trim() ? query.q.trim().toLowerCase() : undefined,
    });
    await recordAudit(this.repos, {
      actor: caller,
      action: "list",
      entity: "tpk_target",
      regionCode: region,
      after: { shown: rows.length },
      ip,
    });
    return rows.map(toTarget);
  }

  private async loadTarget(caller: Caller, id: string, permission: "families:read" | "tpk:visit") {
    const row = UUID.test(id) ? await this.repos.tpk.findTarget(id) : undefined;
    if (!row) throw notFound("target");
    requireRecordAccess(caller, permission, row.village_code, "target");
    return row;
  }

  /** One target and its visits, newest first; the view is audited. */
  async target(caller: Caller, id: string, ip?: string): Promise<{ target: TpkTarget; visits: TpkVisit[] }> {
    const row = await this.loadTarget(caller, id, "families:read");
    const [full] = await this.repos.tpk.targets(row.village_code, { id });
    await recordAudit(this.repos, {
      actor: caller,
      action: "view",
      entity: "tpk_target",
      entityId: id,
      regionCode: row.village_code,
      ip,
    });
    const visits = await this.repos.tpk.visitsOfTarget(row.district_code, id);
    return { target: toTarget(full), visits: visits.map(toVisit) };
  }

  /** Adds a person to accompany (linked to a family or a child of the same village when given). */
  async addTarget(caller: Caller, body: TpkTargetBody, today: string, ip?: string): Promise<TpkTarget> {
    requireAccess(caller, "tpk:visit", body.villageCode);
    const region = await this.repos.regions.get(body.villageCode);
    if (region?.level !== "village")
      throw badRequest(
        "villageCode",
        `expected the code of a village, got ${body.villageCode}`,
        userMessage("region.notVillage", { code: body.villageCode }),
      );
    const district = districtOfCode(body.villageCode);
    const weddingDate = checkWeddingDate(body, today);
    if (body.familyId) {
      const f = await this.repos.families.find(body.familyId);
      if (!f || f.village_code !== body.villageCode)
        throw badRequest(
          "familyId",
          "expected a family of the same village",
          userMessage("tpk.familyOtherVillage"),
        );
    }
    if (body.childId) {
      const c = await this.repos.children.find(body.childId);
      if (!c || c.village_code !== body.villageCode)
        throw badRequest(
          "childId",
          "expected a child of the same village",
          userMessage("tpk.childOtherVillage"),
        );
      if ((await this.repos.tpk.childTargets(district)).has(body.childId))
        throw badRequest("childId", "this child is already a target", userMessage("tpk.childAlreadyTarget"));
    }
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.tpk.insertTarget({
        district_code: district,
        id,
        village_code: body.villageCode,
        kind: body.kind,
        name: body.name,
        family_id: body.familyId ?? null,
        child_id: body.childId ?? null,
        source: "manual",
        reasons: null,
        since: today,
        wedding_date: weddingDate,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "tpk_target",
        entityId: id,
        regionCode: body.villageCode,
        after: { kind: body.kind },
        ip,
      });
    });
    const [row] = await this.repos.tpk.targets(body.villageCode, { id });
    return toTarget(row);
  }

  /**
   * Makes every child of the region whom the posyandu flagged on `on` (stunted by the latest valid
   * TB/U, faltering T/2T at the latest weighing) a target, linked to its family when one lists it;
   * children already targets are left as they are.
   */
  async fromPosyandu(
    caller: Caller,
    region: string,
    on: string,
    ip?: string,
  ): Promise<{ checked: number; added: number; alreadyTargets: number }> {
    requireAccess(caller, "tpk:visit", region);
    if (region.split(".").length < 2)
      throw badRequest(
        "region",
        "expected a district or a region below one",
        userMessage("region.districtOrBelow", { code: region }),
      );
    const district = districtOfCode(region);
    const children = await this.repos.tpk.childrenGrowth(region, on);
    const existing = await this.repos.tpk.childTargets(district);
    let added = 0;
    let alreadyTargets = 0;
    await this.repos.transaction(async (tx) => {
      for (const c of children) {
        const target = tpkTargetFromPosyandu({ birthDate: c.birth_date, flags: posyanduFlags(c, on) }, on);
        if (!target) continue;
        if (existing.has(c.id)) {
          alreadyTargets++;
          continue;
        }
        const [family] = await tx.families.familiesOfChild(district, c.id);
        await tx.tpk.insertTarget({
          district_code: district,
          id: randomUUID(),
          village_code: c.village_code,
          kind: target.kind,
          name: c.name,
          family_id: family?.id ?? null,
          child_id: c.id,
          source: "posyandu",
          reasons: JSON.stringify(target.reasons),
          since: on,
        });
        added++;
      }
      await recordAudit(tx, {
        actor: caller,
        action: "targets_from_posyandu",
        entity: "tpk_target",
        regionCode: region,
        after: { on, checked: children.length, added, alreadyTargets },
        ip,
      });
    });
    return { checked: children.length, added, alreadyTargets };
  }

  /**
   * Called after a measurement is written: when the posyandu now flags the child (stunted by the
   * latest valid TB/U, faltering T/2T) and it is not a target yet, it becomes one automatically,
   * linked to its family when one lists it; audited as the measurement's consequence. True when added.
   */
  async targetFromMeasurement(
    caller: Caller,
    child: { id: string; district_code: string; village_code: string },
    on: string,
  ): Promise<boolean> {
    if (await this.repos.tpk.isChildTarget(child.district_code, child.id)) return false;
    const [growth] = await this.repos.tpk.childrenGrowth(child.village_code, on, child.id);
    if (!growth) return false;
    const target = tpkTargetFromPosyandu(
      { birthDate: growth.birth_date, flags: posyanduFlags(growth, on) },
      on,
    );
    if (!target) return false;
    await this.repos.transaction(async (tx) => {
      const [family] = await tx.families.familiesOfChild(child.district_code, child.id);
      const id = randomUUID();
      await tx.tpk.insertTarget({
        district_code: child.district_code,
        id,
        village_code: child.village_code,
        kind: target.kind,
        name: growth.name,
        family_id: family?.id ?? null,
        child_id: child.id,
        source: "posyandu",
        reasons: JSON.stringify(target.reasons),
        since: on,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "target_from_posyandu",
        entity: "tpk_target",
        entityId: id,
        regionCode: child.village_code,
        after: { on, reasons: target.reasons },
      });
    });
    return true;
  }

  /** Records a visit to a target by the team of the target's village. */
  async recordVisit(caller: Caller, body: TpkVisitBody, today: string, ip?: string): Promise<TpkVisit> {
    const target = await this.loadTarget(caller, body.targetId, "tpk:visit");
    if (body.visitedOn > today)
      throw badRequest(
        "visitedOn",
        `the visit date ${body.visitedOn} is in the future (today is ${today})`,
        userMessage("validation.dateInFuture", { field: "visitedOn", date: body.visitedOn, today }),
      );
    if (body.followUpDue && body.followUpDue < body.visitedOn)
      throw badRequest(
        "followUpDue",
        `the follow-up date ${body.followUpDue} is before the visit ${body.visitedOn}`,
        userMessage("tpk.followUpBeforeVisit", { date: body.followUpDue, visit: body.visitedOn }),
      );
    const screened = body.lilaCm != null || body.hbGdl != null || body.elsimil != null;
    if (screened && target.kind !== "catin" && target.kind !== "ibu_hamil")
      throw badRequest(
        body.lilaCm != null ? "lilaCm" : body.hbGdl != null ? "hbGdl" : "elsimil",
        `screening is recorded for a catin or a pregnant woman, not for a ${target.kind} target`,
        userMessage("screening.notForKind", { kind: target.kind }),
      );
    const id = randomUUID();
    const teamId = (await this.repos.tpk.teamOfVillage(target.district_code, target.village_code)) ?? null;
    await this.repos.transaction(async (tx) => {
      await tx.tpk.insertVisit({
        district_code: target.district_code,
        id,
        target_id: target.id,
        team_id: teamId,
        village_code: target.village_code,
        visited_on: body.visitedOn,
        visit_type: body.visitType,
        findings: body.findings ?? null,
        follow_up: body.followUp ?? null,
        follow_up_due: body.followUpDue ?? null,
        lila_cm: body.lilaCm ?? null,
        hb_gdl: body.hbGdl ?? null,
        elsimil: body.elsimil ?? null,
        created_by: caller.id,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "tpk_visit",
        entityId: id,
        regionCode: target.village_code,
        after: { targetId: target.id, visitedOn: body.visitedOn, visitType: body.visitType },
        ip,
      });
    });
    const visits = await this.repos.tpk.visitsOfTarget(target.district_code, target.id);
    const visit = visits.find((v) => v.id === id);
    if (!visit) throw notFound("visit");
    return toVisit(visit);
  }

  /** Coverage of a region's targets by the visits dated in `[from, to)` (aggregate). */
  async coverage(
    caller: Caller,
    region: string | undefined,
    from: string,
    to: string,
  ): Promise<TpkCoverageResponse> {
    const code = region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    if (to <= from)
      throw badRequest(
        "to",
        `expected a date after ${from}, got ${to}`,
        userMessage("validation.endNotAfterStart", { from, to }),
      );
    const targets = await this.repos.tpk.coverageTargets(code);
    const visits = await this.repos.tpk.visitsIn(code, from, to);
    const c = tpkCoverage(
      targets.map((t) => ({
        id: t.id,
        kind: t.kind as TpkTarget["kind"],
        villageCode: t.village_code,
        teamId: t.team_id ?? "",
      })),
      visits.map((v) => ({ targetId: v.target_id, date: v.visited_on })),
      { from, to },
    );
    const villageNames = new Map<string, string | null>();
    for (const v of c.byVillage) villageNames.set(v.key, (await this.repos.regions.get(v.key))?.name ?? null);
    const teamNames = await this.repos.tpk.teamNames(c.byTeam.map((t) => t.key).filter((k) => k !== ""));
    const row = (
      r: { key: string; targets: number; assisted: number; coveragePct: number | null },
      name: string | null,
    ): CoverageRow => ({
      key: r.key,
      name,
      targets: r.targets,
      assisted: r.assisted,
      coveragePct: r.coveragePct,
    });
    return {
      region: code,
      from,
      to,
      total: row(c.total, null),
      byVillage: c.byVillage
        .map((r) => row(r, villageNames.get(r.key) ?? null))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
      byTeam: c.byTeam.map((r) => row(r, teamNames.get(r.key) ?? null)),
      byKind: c.byKind.map((r) => row(r, null)),
    };
  }
}
