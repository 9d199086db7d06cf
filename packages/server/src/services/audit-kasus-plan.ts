/**
 * Audit Kasus Stunting after the review: the follow-up plan (rencana tindak lanjut, an action per
 * agency with due date and status) and the dissemination meeting. Team only, every write audited.
 */

import { randomUUID } from "node:crypto";
import { userMessage } from "@tumbuh/core";
import type { AksCycle, AksDisseminationBody, AksFollowup, AksFollowupBody } from "@tumbuh/core/api";
import type { AksCycleRow } from "../db/repositories/audit-kasus.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { recordAudit } from "./audit.ts";
import { loadCycle, requireTeam, toCycle } from "./audit-kasus-access.ts";
import { toFollowup } from "./audit-kasus-read.ts";
import { type Caller, UUID } from "./child-access.ts";
import { badRequest, notFound, staleVersion } from "./errors.ts";

export class AuditKasusPlanService {
  constructor(private readonly repos: Repositories) {}

  private cycle(caller: Caller, id: string) {
    return loadCycle(this.repos, caller, id);
  }

  private requireTeam(caller: Caller, cycle: AksCycleRow) {
    return requireTeam(this.repos, caller, cycle);
  }

  private toCycle(caller: Caller, r: AksCycleRow) {
    return toCycle(this.repos, caller, r);
  }

  /** Adds an action of the follow-up plan (RTL) for an agency, for the cycle or one of its cases. */
  async addFollowup(
    caller: Caller,
    cycleId: string,
    body: AksFollowupBody,
    ip?: string,
  ): Promise<AksFollowup> {
    const cycle = await this.cycle(caller, cycleId);
    await this.requireTeam(caller, cycle);
    if (body.caseId) {
      const c = await this.repos.auditKasus.findCase(body.caseId);
      if (!c || c.cycle_id !== cycle.id)
        throw badRequest("caseId", "expected a case of this cycle", userMessage("audit.caseOfOtherCycle"));
    }
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.auditKasus.insertFollowup({
        district_code: cycle.district_code,
        id,
        cycle_id: cycle.id,
        case_id: body.caseId ?? null,
        agency: body.agency,
        action: body.action,
        due_on: body.dueOn ?? null,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "followup",
        entity: "aks_case",
        entityId: body.caseId ?? cycle.id,
        regionCode: cycle.district_code,
        after: { agency: body.agency, dueOn: body.dueOn ?? null },
        ip,
      });
    });
    const row = (await this.repos.auditKasus.followups(cycle.district_code, cycle.id)).find(
      (f) => f.id === id,
    );
    if (!row) throw notFound("follow-up");
    return toFollowup(row);
  }

  async setFollowupStatus(
    caller: Caller,
    id: string,
    body: { version: number; status: AksFollowup["status"] },
    ip?: string,
  ): Promise<AksFollowup> {
    const row = UUID.test(id) ? await this.repos.auditKasus.findFollowup(id) : undefined;
    if (!row) throw notFound("follow-up");
    const cycle = await this.cycle(caller, row.cycle_id);
    await this.requireTeam(caller, cycle);
    await this.repos.transaction(async (tx) => {
      if (!(await tx.auditKasus.updateFollowup(row.district_code, id, body.version, body.status)))
        throw staleVersion(toFollowup((await tx.auditKasus.findFollowup(id)) ?? row));
      await recordAudit(tx, {
        actor: caller,
        action: "followup_status",
        entity: "aks_case",
        entityId: row.case_id ?? cycle.id,
        regionCode: cycle.district_code,
        before: { status: row.status },
        after: { status: body.status },
        ip,
      });
    });
    const now = await this.repos.auditKasus.findFollowup(id);
    if (!now) throw notFound("follow-up");
    return toFollowup(now);
  }

  /** Records the dissemination meeting (date, participants, notes) of a cycle (team only). */
  async dissemination(
    caller: Caller,
    cycleId: string,
    body: AksDisseminationBody,
    today: string,
    ip?: string,
  ): Promise<AksCycle> {
    const cycle = await this.cycle(caller, cycleId);
    await this.requireTeam(caller, cycle);
    if (body.on > today)
      throw badRequest(
        "on",
        `the date ${body.on} is in the future (today is ${today})`,
        userMessage("validation.dateInFuture", { field: "on", date: body.on, today }),
      );
    await this.repos.transaction(async (tx) => {
      const ok = await tx.auditKasus.updateCycle(cycle.district_code, cycle.id, body.version, {
        dissemination_on: body.on,
        dissemination_participants: body.participants,
        dissemination_notes: body.notes ?? null,
      });
      if (!ok)
        throw staleVersion(await toCycle(tx, caller, (await tx.auditKasus.findCycle(cycle.id)) ?? cycle));
      await recordAudit(tx, {
        actor: caller,
        action: "dissemination",
        entity: "aks_cycle",
        entityId: cycle.id,
        regionCode: cycle.district_code,
        after: { on: body.on },
        ip,
      });
    });
    return this.toCycle(caller, await this.cycle(caller, cycle.id));
  }
}
