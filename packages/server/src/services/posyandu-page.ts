/**
 * The posyandu page: its registered children with their latest status and growth alerts, and
 * the cadre's action lists (core action-lists.ts). Names are personal data: the page needs
 * children:read in the posyandu's village, and every view is audited.
 */
import { ACTION_LISTS, childActionStatus, latestSessionMonth, needsReferral } from "@tumbuh/core";
import type { PosyanduPage } from "@tumbuh/core/api";
import { checkAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, UUID } from "./child-access.ts";
import { notFound } from "./errors.ts";
import { type KbmService, kbmInfo } from "./kbm.ts";
import type { RegionService } from "./regions.ts";

export class PosyanduPageService {
  constructor(
    private readonly repos: Repositories,
    private readonly regions: RegionService,
    private readonly kbm: KbmService,
  ) {}

  /**
   * The page of a posyandu as of `today`. Outside the caller's scope the posyandu does not exist;
   * inside it without children:read the caller is told so.
   */
  async page(caller: Caller, id: string, today: string, ip?: string): Promise<PosyanduPage> {
    const p = UUID.test(id) ? await this.repos.children.posyandu(id) : undefined;
    if (!p) throw notFound("posyandu");
    const denied = checkAccess(caller, "children:read", p.villageCode);
    if (denied) throw denied.reason === "scope" ? notFound("posyandu") : denied;
    const [children, measurements, path, kbm] = await Promise.all([
      this.repos.posyanduPage.children(p.district_code, p.id),
      this.repos.posyanduPage.measurements(p.district_code, p.id),
      this.regions.withAncestors(p.villageCode),
      this.kbm.forDistrict(p.district_code),
    ]);
    const mayReadReferrals = checkAccess(caller, "referrals:read", p.villageCode) === null;
    const referrals = mayReadReferrals
      ? await this.repos.referrals.latestOfChildren(
          p.district_code,
          children.map((c) => c.id),
        )
      : new Map();
    const byChild = new Map<string, typeof measurements>();
    for (const m of measurements) {
      const list = byChild.get(m.child_id) ?? [];
      list.push(m);
      byChild.set(m.child_id, list);
    }
    const inputs = children.map((c) => ({
      id: c.id,
      sex: c.sex,
      birthDate: c.birth_date,
      measurements: (byChild.get(c.id) ?? []).map((m) => ({
        date: m.measured_on,
        weight: m.weight,
        lenhei: m.lenhei,
        oedema: m.oedema,
        zlen: m.zlen,
        flen: m.flen,
        zwei: m.zwei,
        fwei: m.fwei,
        zwfl: m.zwfl,
        fwfl: m.fwfl,
      })),
    }));
    const lastSession = latestSessionMonth(inputs, today);
    const counts: Record<string, number> = Object.fromEntries(ACTION_LISTS.map((l) => [l, 0]));
    const rows = inputs.map((input, i) => {
      const s = childActionStatus(input, today, lastSession, kbm.table);
      const referral = referrals.get(input.id);
      for (const l of s.lists) counts[l]++;
      return {
        id: input.id,
        name: children[i].name,
        sex: input.sex,
        birthDate: input.birthDate,
        ageMonths: s.ageMonths,
        lastDate: s.latest?.date ?? null,
        weight: s.latest?.weight ?? null,
        height: s.latest?.lenhei ?? null,
        haz: s.haz ?? null,
        waz: s.waz ?? null,
        whz: s.whz ?? null,
        alerts: s.alerts,
        lists: s.lists,
        needsReferral: needsReferral(s.alerts),
        referral: referral ? { id: referral.id, status: referral.status } : null,
      };
    });
    await recordAudit(this.repos, {
      actor: caller,
      action: "view",
      entity: "posyandu_children",
      entityId: p.id,
      regionCode: p.villageCode,
      after: { children: rows.length },
      ip,
    });
    return {
      posyandu: { id: p.id, name: p.name, villageCode: p.villageCode, villageName: p.villageName },
      ancestors: [...path.ancestors, path.region],
      asOf: today,
      lastSession,
      kbm: { ...kbmInfo(kbm.table), chosenBy: kbm.source },
      mayRefer: checkAccess(caller, "referrals:create", p.villageCode) === null,
      counts,
      children: rows,
    };
  }
}
