/**
 * Audit Kasus Stunting, per district and semester. Named cases are the most sensitive records in
 * Tumbuh: only the accounts on the cycle's audit team see them (the role's `aks:cases` within the
 * district AND a seat on the team), every view is audited, names never enter the audit log or a
 * URL; everyone else with access to the district sees the aggregate summary.
 *
 * Case finding runs @tumbuh/core/programme's selectAuditCases over Tumbuh's data: children
 * (stunted, new cases, faltering — from measurements) and families recorded pregnant with a
 * "4 Terlalu" factor. Brides-to-be have no screening data in Tumbuh (Elsimil is not imported), so
 * none are found. Evaluation compares a child's TB/U in the audit semester with the next one.
 */
import { randomUUID } from "node:crypto";
import { districtOfCode, regionLevelOf, userMessage } from "@tumbuh/core";
import type {
  AksCandidate,
  AksCase,
  AksCasesResponse,
  AksCycle,
  AksCycleBody,
  AksReviewBody,
  AksSelectBody,
  AksSummary,
  AksWorksheet,
} from "@tumbuh/core/api";
import { AccessDenied, checkAccess, requireAccess } from "../auth/access.ts";
import type { AksCycleRow } from "../db/repositories/audit-kasus.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { AksTeamRole } from "../db/schema-families.ts";
import { recordAudit } from "./audit.ts";
import { loadCase, loadCycle, requireTeam, toCycle } from "./audit-kasus-access.ts";
import { countBy, findAuditCandidates, toCase, toFollowup } from "./audit-kasus-read.ts";
import type { Caller } from "./child-access.ts";
import { badRequest, conflict, staleVersion } from "./errors.ts";

export class AuditKasusService {
  constructor(private readonly repos: Repositories) {}

  private cycle(caller: Caller, id: string) {
    return loadCycle(this.repos, caller, id);
  }

  private requireTeam(caller: Caller, cycle: AksCycleRow) {
    return requireTeam(this.repos, caller, cycle);
  }

  private caseOf(caller: Caller, id: string) {
    return loadCase(this.repos, caller, id);
  }

  private toCycle(caller: Caller, r: AksCycleRow) {
    return toCycle(this.repos, caller, r);
  }

  /** Opens the cycle of a semester for a district with its team (the opener sits on it as ketua) and panel. */
  async createCycle(caller: Caller, body: AksCycleBody, ip?: string): Promise<AksCycle> {
    requireAccess(caller, "aks:manage", body.districtCode);
    if (regionLevelOf(body.districtCode) !== "district")
      throw badRequest(
        "districtCode",
        `expected a district code such as 35.03, got ${body.districtCode}`,
        userMessage("region.notDistrict", { code: body.districtCode }),
      );
    if (await this.repos.auditKasus.cycleBySemester(body.districtCode, body.semester))
      throw conflict(
        "semester",
        `the audit of ${body.semester} is already open for ${body.districtCode}`,
        userMessage("audit.cycleExists", { semester: body.semester, district: body.districtCode }),
      );
    const team = new Map<string, AksTeamRole>([[caller.id, "ketua"]]);
    for (const [i, m] of body.team.entries()) {
      const user = await this.repos.users.findByUsername(m.username);
      const fits =
        user &&
        !user.disabled &&
        !checkAccess(
          { id: user.id, role: user.role as Caller["role"], regionCode: user.region_code },
          "aks:cases",
          body.districtCode,
        );
      if (!user || !fits)
        throw badRequest(
          `team[${i}].username`,
          `${m.username}: expected an active account of the district whose role may work on audit cases (TPPS or health office)`,
          userMessage("audit.teamMemberNotEligible", { username: m.username }),
        );
      team.set(user.id, m.role);
    }
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.auditKasus.insertCycle(
        {
          district_code: body.districtCode,
          id,
          semester: body.semester,
          panel: JSON.stringify(body.panel),
          created_by: caller.id,
        },
        [...team].map(([user_id, team_role]) => ({ user_id, team_role })),
      );
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "aks_cycle",
        entityId: id,
        regionCode: body.districtCode,
        after: { semester: body.semester, team: team.size, panel: body.panel.length },
        ip,
      });
    });
    return this.toCycle(caller, await this.cycle(caller, id));
  }

  /** The cycles of a district (team and panel are staff, not cases). */
  async cycles(caller: Caller, region?: string): Promise<AksCycle[]> {
    const code = region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    if (code.split(".").length < 2)
      throw badRequest(
        "region",
        "expected a district or a region below one",
        userMessage("region.districtOrBelow", { code }),
      );
    const rows = await this.repos.auditKasus.cycles(districtOfCode(code));
    return Promise.all(rows.map((r) => this.toCycle(caller, r)));
  }

  /** One cycle with its team and panel (staff, not cases): for everyone who sees the district. */
  async getCycle(caller: Caller, id: string): Promise<AksCycle> {
    return this.toCycle(caller, await this.cycle(caller, id));
  }

  /** Counts of a cycle's cases and follow-ups, without names: for everyone with access to the district. */
  async summary(caller: Caller, cycleId: string): Promise<AksSummary> {
    const cycle = await this.cycle(caller, cycleId);
    const cases = await this.repos.auditKasus.cases(cycle.district_code, cycle.id);
    const follow = await this.repos.auditKasus.followups(cycle.district_code, cycle.id);
    return {
      semester: cycle.semester,
      cases: cases.length,
      byReason: countBy(cases.flatMap((c) => (c.reasons as { reason: string }[]).map((r) => r.reason))),
      byStatus: countBy(cases.map((c) => c.status)),
      followups: countBy(follow.map((f) => f.status)),
    };
  }

  /** The semester's cases found in Tumbuh's data, named (team only; the view is audited). */
  async candidates(
    caller: Caller,
    cycleId: string,
    ip?: string,
  ): Promise<{ semester: string; candidates: AksCandidate[] }> {
    const cycle = await this.cycle(caller, cycleId);
    await this.requireTeam(caller, cycle);
    const candidates = await findAuditCandidates(this.repos, cycle);
    await recordAudit(this.repos, {
      actor: caller,
      action: "list_candidates",
      entity: "aks_case",
      entityId: cycle.id,
      regionCode: cycle.district_code,
      after: { found: candidates.length },
      ip,
    });
    return { semester: cycle.semester, candidates };
  }

  /** Selects a found case by name and address, with the team's reason (team only). */
  async select(caller: Caller, cycleId: string, body: AksSelectBody, ip?: string): Promise<AksCase> {
    const { candidates } = await this.candidates(caller, cycleId, ip);
    const cycle = await this.cycle(caller, cycleId);
    const field = body.childId ? "childId" : body.familyId ? "familyId" : "targetId";
    const found = candidates.find((c) =>
      body.childId
        ? c.childId === body.childId
        : body.familyId
          ? c.familyId === body.familyId
          : c.targetId === body.targetId,
    );
    if (!found)
      throw badRequest(
        field,
        `this person is not among the cases found in ${cycle.semester}; only found cases are selected`,
        userMessage("audit.notAFoundCase", { semester: cycle.semester }),
      );
    if (found.selected)
      throw conflict(field, "this case is already selected", userMessage("audit.caseAlreadySelected"));
    const target = found.targetId ? await this.repos.tpk.findTarget(found.targetId) : undefined;
    const familyId = body.familyId ?? target?.family_id ?? null;
    const family = familyId
      ? await this.repos.families.find(familyId)
      : body.childId
        ? (await this.repos.families.familiesOfChild(cycle.district_code, body.childId))[0]
        : undefined;
    const address = family
      ? [
          family.address,
          family.rt ? `RT ${family.rt}` : null,
          family.rw ? `RW ${family.rw}` : null,
          found.villageName,
        ]
          .filter(Boolean)
          .join(", ")
      : found.villageName;
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.auditKasus.insertCase({
        district_code: cycle.district_code,
        id,
        cycle_id: cycle.id,
        village_code: found.villageCode,
        kind: found.kind,
        child_id: found.childId,
        family_id: found.familyId ?? family?.id ?? null,
        tpk_target_id: found.targetId,
        person_name: found.name,
        address,
        reasons: JSON.stringify(found.reasons),
        selection_note: body.note,
        worksheet: "{}",
        selected_by: caller.id,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "select",
        entity: "aks_case",
        entityId: id,
        regionCode: found.villageCode,
        after: { kind: found.kind, reasons: found.reasons.map((r) => r.reason) },
        ip,
      });
    });
    return this.get(caller, id, ip);
  }

  /** The cycle's cases (named) and its follow-up plan (team only; the view is audited). */
  async cases(caller: Caller, cycleId: string, ip?: string): Promise<AksCasesResponse> {
    const cycle = await this.cycle(caller, cycleId);
    await this.requireTeam(caller, cycle);
    const rows = await this.repos.auditKasus.cases(cycle.district_code, cycle.id);
    await recordAudit(this.repos, {
      actor: caller,
      action: "list",
      entity: "aks_case",
      entityId: cycle.id,
      regionCode: cycle.district_code,
      after: { shown: rows.length },
      ip,
    });
    return {
      cases: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        villageCode: r.village_code,
        villageName: r.village_name,
        name: r.person_name,
        reasons: r.reasons as AksCase["reasons"],
        status: r.status,
      })),
      followups: (await this.repos.auditKasus.followups(cycle.district_code, cycle.id)).map(toFollowup),
    };
  }

  /** One case with worksheet, review, follow-ups and evaluation (team only; the view is audited). */
  async get(caller: Caller, id: string, ip?: string): Promise<AksCase> {
    const { row, cycle } = await this.caseOf(caller, id);
    await recordAudit(this.repos, {
      actor: caller,
      action: "view",
      entity: "aks_case",
      entityId: id,
      regionCode: row.village_code,
      ip,
    });
    return toCase(this.repos, row, cycle);
  }

  /** Writes one case change (team only) with its audit entry; a stale version gets 409 with the current case. */
  private async changeCase(
    caller: Caller,
    id: string,
    version: number,
    action: string,
    set: Parameters<Repositories["auditKasus"]["updateCase"]>[3],
    ip?: string,
    allowed?: (seat: AksTeamRole) => boolean,
  ): Promise<AksCase> {
    const { row, cycle, seat } = await this.caseOf(caller, id);
    if (allowed && !allowed(seat))
      throw new AccessDenied(
        "permission",
        "only the expert panel (tim pakar) or the team's ketua records the review",
        userMessage("audit.reviewPanelOnly"),
      );
    await this.repos.transaction(async (tx) => {
      if (!(await tx.auditKasus.updateCase(row.district_code, id, version, set))) {
        const now = await tx.auditKasus.findCase(id);
        throw staleVersion(now ? await toCase(tx, now, cycle) : null);
      }
      await recordAudit(tx, {
        actor: caller,
        action,
        entity: "aks_case",
        entityId: id,
        regionCode: row.village_code,
        before: { status: row.status },
        after: { status: set.status ?? row.status },
        ip,
      });
    });
    return this.get(caller, id, ip);
  }

  saveWorksheet(caller: Caller, id: string, body: { version: number; worksheet: AksWorksheet }, ip?: string) {
    return this.changeCase(
      caller,
      id,
      body.version,
      "worksheet",
      { worksheet: JSON.stringify(body.worksheet), status: "dikaji" },
      ip,
    );
  }

  saveReview(caller: Caller, id: string, body: AksReviewBody, today: string, ip?: string) {
    if (body.reviewedOn > today)
      throw badRequest(
        "reviewedOn",
        `the date ${body.reviewedOn} is in the future (today is ${today})`,
        userMessage("validation.dateInFuture", { field: "reviewedOn", date: body.reviewedOn, today }),
      );
    return this.changeCase(
      caller,
      id,
      body.version,
      "review",
      {
        review: body.review,
        recommendations: body.recommendations,
        reviewed_on: body.reviewedOn,
        status: "direkomendasikan",
      },
      ip,
      (seat) => seat === "tim_pakar" || seat === "ketua",
    );
  }

  setStatus(caller: Caller, id: string, body: { version: number; status: AksCase["status"] }, ip?: string) {
    return this.changeCase(caller, id, body.version, "status", { status: body.status }, ip);
  }
}
