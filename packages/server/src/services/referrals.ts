/**
 * Referrals of faltering children (core referral.ts): the posyandu refers a child whose growth
 * alerts call for it (2T, BGM; a single T or another reason with a note), the puskesmas marks it
 * attended and resolved. Lists name children, so they need referrals:read in the region and every
 * view is audited; each write lands with its audit entry. The puskesmas acts through the district
 * health office's accounts (no puskesmas role exists yet).
 */

import { randomUUID } from "node:crypto";
import {
  canMoveReferral,
  type FalteringWeighing,
  growthAlerts,
  type KbmTable,
  needsReferral,
  type ReferralStatus,
  referralReasons,
  regionWithin,
  userMessage,
} from "@tumbuh/core";
import type { Referral, ReferralBody, ReferralList, ReferralQuery, ReferralUpdate } from "@tumbuh/core/api";
import { checkAccess, type Permission, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { ReferralListRow, ReferralRow } from "../db/repositories/referrals.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, UUID } from "./child-access.ts";
import { badRequest, conflict, notFound, staleVersion } from "./errors.ts";
import type { KbmService } from "./kbm.ts";

/** Referrals listed at most. */
const LIST_LIMIT = 500;

type Events = Awaited<ReturnType<Repositories["referrals"]["events"]>>;

function toReferral(r: ReferralListRow, events: Events): Referral {
  return {
    id: r.id,
    childId: r.child_id,
    childName: r.child_name,
    sex: r.child_sex,
    birthDate: r.child_birth_date,
    villageCode: r.village_code,
    villageName: r.village_name,
    posyanduId: r.posyandu_id,
    posyanduName: r.posyandu_name,
    puskesmasId: r.puskesmas_id,
    puskesmasName: r.puskesmas_name,
    reasons: r.reasons,
    alertMonth: r.alert_month,
    referredOn: r.referred_on,
    status: r.status,
    note: r.note,
    statusBy: r.status_by_name,
    statusAt: new Date(r.status_at).toISOString(),
    version: r.version,
    events: events.map((e) => ({
      status: e.status,
      note: e.note,
      by: e.username,
      at: new Date(e.at).toISOString(),
    })),
  };
}

/** Weighings of stored measurements for core's faltering rules (stored weight-for-age z reused). */
function weighingsOf(
  rows: ReadonlyArray<{
    measured_on: string;
    weight: number | null;
    oedema: boolean;
    zwei: number | null;
    fwei: boolean;
  }>,
): FalteringWeighing[] {
  return rows
    .filter((m) => m.weight !== null)
    .map((m) => ({
      date: m.measured_on,
      weight: m.weight as number,
      oedema: m.oedema,
      zwei: m.zwei !== null || m.fwei ? m.zwei : undefined,
      zweiFlagged: m.fwei,
    }));
}

export class ReferralService {
  constructor(
    private readonly repos: Repositories,
    private readonly kbm: KbmService,
  ) {}

  /**
   * The referrals of a region (default the caller's scope), a posyandu, a puskesmas or a child,
   * newest first, with their history; for one posyandu also its children whose alerts call for a
   * referral and who have none open. Audited.
   */
  async list(caller: Caller, q: ReferralQuery, today: string, ip?: string): Promise<ReferralList> {
    let region = q.region ?? caller.regionCode;
    let posyandu: { id: string; name: string; district: string } | null = null;
    if (q.posyandu) {
      const p = await this.repos.children.posyandu(q.posyandu);
      if (!p) throw notFound("posyandu");
      this.check(caller, "referrals:read", p.villageCode, "posyandu");
      region = p.villageCode;
      posyandu = { id: p.id, name: p.name, district: p.district_code };
    } else if (q.child) {
      region = (await this.child(caller, q.child, "referrals:read")).village_code;
    } else {
      requireAccess(caller, "referrals:read", region);
    }
    const rows = await this.repos.referrals.list({
      region,
      posyanduId: q.posyandu,
      puskesmasId: q.puskesmas,
      status: q.status,
      limit: LIST_LIMIT,
    });
    const shown = q.child ? rows.filter((r) => r.child_id === q.child) : rows;
    const referrals = await Promise.all(
      shown.map(async (r) => toReferral(r, await this.repos.referrals.events(r.district_code, r.id))),
    );
    const candidates = posyandu ? await this.candidates(posyandu, today, shown) : [];
    const counts = { referred: 0, attended: 0, resolved: 0 };
    for (const r of shown) counts[r.status]++;
    await recordAudit(this.repos, {
      actor: caller,
      action: "view",
      entity: "referrals",
      entityId: posyandu?.id ?? q.child ?? null,
      regionCode: region,
      after: { referrals: referrals.length, candidates: candidates.length, status: q.status ?? null },
      ip,
    });
    const puskesmas = region === "ID" ? [] : await this.repos.referrals.puskesmasIn(region);
    return {
      region,
      posyandu: posyandu ? { id: posyandu.id, name: posyandu.name } : null,
      counts,
      referrals,
      candidates,
      puskesmas: puskesmas.map((p) => ({ id: p.id, name: p.name })),
      mayCreate: checkAccess(caller, "referrals:create", region) === null,
      mayUpdate: checkAccess(caller, "referrals:update", region) === null,
    };
  }

  /** A posyandu's children with a 2T or BGM alert as of this month and no open referral. */
  private async candidates(
    p: { id: string; district: string },
    today: string,
    referrals: readonly ReferralListRow[],
  ): Promise<ReferralList["candidates"]> {
    const [children, measurements, kbm] = await Promise.all([
      this.repos.posyanduPage.children(p.district, p.id),
      this.repos.posyanduPage.measurements(p.district, p.id),
      this.kbm.forDistrict(p.district),
    ]);
    const open = new Set(referrals.filter((r) => r.status !== "resolved").map((r) => r.child_id));
    const byChild = new Map<string, typeof measurements>();
    for (const m of measurements) {
      const list = byChild.get(m.child_id) ?? [];
      list.push(m);
      byChild.set(m.child_id, list);
    }
    const out: ReferralList["candidates"] = [];
    for (const c of children) {
      if (open.has(c.id)) continue;
      const { alerts } = growthAlerts(
        { sex: c.sex, birthDate: c.birth_date, weighings: weighingsOf(byChild.get(c.id) ?? []) },
        today.slice(0, 7),
        kbm.table,
      );
      if (needsReferral(alerts)) out.push({ childId: c.id, childName: c.name, posyanduId: p.id, alerts });
    }
    return out;
  }

  /**
   * Refers a child: its current alerts (the district's KBM table) are the reasons, or "other"
   * with the note. One open referral per child (409 with the open one's status). Audited.
   */
  async create(caller: Caller, body: ReferralBody, today: string, ip?: string): Promise<Referral> {
    const child = await this.child(caller, body.childId, "referrals:create");
    const open = await this.repos.referrals.openOfChild(child.district_code, child.id);
    if (open)
      throw conflict(
        "childId",
        `the child already has an open referral (${open.status})`,
        userMessage("referral.alreadyOpen", { status: open.status }),
        { referralId: open.id },
      );
    const kbm: KbmTable = (await this.kbm.forDistrict(child.district_code)).table;
    const measurements = await this.repos.children.measurements(child.district_code, child.id);
    const month = today.slice(0, 7);
    const summary = growthAlerts(
      { sex: child.sex, birthDate: child.birth_date, weighings: weighingsOf(measurements) },
      month,
      kbm,
    );
    const note = body.note?.trim() || null;
    const reasons = referralReasons(summary.alerts, note);
    if (!reasons)
      throw badRequest(
        "note",
        "the child has no T, 2T or BGM alert: give the reason in the note",
        userMessage("referral.noAlert"),
      );
    const puskesmasId = child.posyandu_id
      ? await this.repos.referrals.puskesmasOfPosyandu(child.district_code, child.posyandu_id)
      : null;
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      const row = await tx.referrals.insert(
        {
          district_code: child.district_code,
          id,
          child_id: child.id,
          village_code: child.village_code,
          posyandu_id: child.posyandu_id,
          puskesmas_id: puskesmasId,
          reasons,
          alert_month: summary.lastWeighed ?? month,
          status: "referred",
          referred_on: today,
          note,
          status_by: caller.id,
          status_by_name: caller.username,
        },
        caller.username,
      );
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "referral",
        entityId: id,
        regionCode: child.village_code,
        after: { childId: child.id, reasons, status: row.status, note },
        ip,
      });
    });
    return this.get(caller, id);
  }

  /**
   * Moves a referral forward (referred → attended → resolved) with a note; the version must be the
   * one the user saw (else 409 with the current referral). Audited.
   */
  async update(caller: Caller, id: string, body: ReferralUpdate, ip?: string): Promise<Referral> {
    const current = await this.load(caller, id, "referrals:update");
    if (!canMoveReferral(current.status, body.status))
      throw badRequest(
        "status",
        `a referral cannot go from ${current.status} to ${body.status}`,
        userMessage("referral.statusOrder", { from: current.status, to: body.status }),
      );
    const note = body.note?.trim() || null;
    const updated = await this.repos.transaction(async (tx) => {
      const row = await tx.referrals.setStatus(current, body.version, {
        status: body.status as ReferralStatus,
        note,
        userId: caller.id,
        username: caller.username,
      });
      if (!row) return undefined;
      await recordAudit(tx, {
        actor: caller,
        action: "update",
        entity: "referral",
        entityId: id,
        regionCode: current.village_code,
        before: { status: current.status, note: current.note, version: current.version },
        after: { status: row.status, note: row.note, version: row.version },
        ip,
      });
      return row;
    });
    if (!updated) throw staleVersion(await this.get(caller, id));
    return this.get(caller, id);
  }

  /** One referral with its history (referrals:read in the child's village). */
  async get(caller: Caller, id: string): Promise<Referral> {
    const r = await this.load(caller, id, "referrals:read");
    const [row] = await this.repos.referrals.list({ region: r.village_code, id: r.id, limit: 1 });
    if (!row) throw notFound("referral");
    return toReferral(row, await this.repos.referrals.events(r.district_code, r.id));
  }

  /** A referral the caller may act on: outside the scope it does not exist. */
  private async load(caller: Caller, id: string, permission: "referrals:read" | "referrals:update") {
    const r: ReferralRow | undefined = UUID.test(id) ? await this.repos.referrals.find(id) : undefined;
    if (!r) throw notFound("referral");
    this.check(caller, permission, r.village_code, "referral");
    return r;
  }

  /** A child the caller may act on with `permission` (see check). */
  private async child(caller: Caller, id: string, permission: Permission) {
    const row = UUID.test(id) ? await this.repos.children.find(id, caller.regionCode) : undefined;
    if (!row) throw notFound("child");
    this.check(caller, permission, row.village_code, "child");
    return row;
  }

  /** Outside the caller's scope the record does not exist (404); inside it without the permission: 403. */
  private check(caller: Caller, permission: Permission, village: string, what: string): void {
    if (!regionWithin(village, caller.regionCode)) throw notFound(what);
    requireAccess(caller, permission, village);
  }
}
