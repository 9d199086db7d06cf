/**
 * Children and their measurements as the web app reads and writes them: search by name within the
 * user's scope (NIK masked), search by NIK for roles that may see NIK (audited), one child's record
 * and history (each view audited), the full NIK for allowed roles (audited),
 * registering a child and recording a measurement (z-scores from @tumbuh/growth, the district's
 * roll-ups refreshed). Every method checks access first; a child outside the scope is "not found".
 */
import { randomUUID } from "node:crypto";
import { districtOfCode, personKey, userMessage } from "@tumbuh/core";
import type {
  Child,
  ChildListItem,
  ChildrenNikSearchBody,
  ChildrenQuery,
  CreateChildBody,
  Measurement,
} from "@tumbuh/core/api";
import { checkAccess, requireAccess } from "../auth/access.ts";
import type { PiiKeys } from "../db/pii.ts";
import { decryptIdentifier, encryptIdentifier, hashIdentifier, maskIdentifier } from "../db/pii.ts";
import type { ChildRow, LastMeasurement } from "../db/repositories/children.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, loadChild, UUID } from "./child-access.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, conflict, notFound } from "./errors.ts";
import { toApiMeasurement } from "./measurements.ts";

/** A timestamptz value (Date from pg) as an ISO string. */
function isoTime(value: unknown): string {
  return new Date(value as Date | string).toISOString();
}

function safeMask(keys: PiiKeys, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return maskIdentifier(decryptIdentifier(keys, sealed));
  } catch {
    return "••••";
  }
}

function safeDecrypt(keys: PiiKeys, sealed: string | null): string | null {
  return sealed ? decryptIdentifier(keys, sealed) : null;
}

export class ChildrenService {
  private readonly repos: Repositories;
  private readonly keys: PiiKeys;

  constructor(readonly ctx: ServiceContext) {
    this.repos = ctx.repos;
    this.keys = ctx.keys;
  }

  private toListItem(r: ChildRow, last: LastMeasurement | null): ChildListItem {
    return {
      id: r.id,
      name: r.name,
      sex: r.sex,
      birthDate: r.birth_date,
      nikMasked: safeMask(this.keys, r.nik_enc),
      villageCode: r.village_code,
      villageName: r.village_name,
      posyanduId: r.posyandu_id,
      posyanduName: r.posyandu_name,
      lastMeasurement: last,
    };
  }

  private toChild(r: ChildRow, last: LastMeasurement | null): Child {
    return {
      ...this.toListItem(r, last),
      kkMasked: safeMask(this.keys, r.kk_enc),
      motherName: r.mother_name,
      birthWeight: r.birth_weight,
      birthLength: r.birth_length,
      createdAt: isoTime(r.created_at),
      updatedAt: isoTime(r.updated_at),
      version: r.version,
    };
  }

  /**
   * Children inside `region` (default the caller's scope) whose name contains `q`, ordered by
   * name; NIK and KK are masked. A NIK is searched with searchByNik.
   */
  async search(caller: Caller, query: ChildrenQuery): Promise<{ children: ChildListItem[]; total: number }> {
    const region = query.region ?? caller.regionCode;
    requireAccess(caller, "children:read", region);
    const text = query.q?.trim() ?? "";
    if (query.posyanduId && !UUID.test(query.posyanduId)) return { children: [], total: 0 };
    const { rows, total } = await this.repos.children.search({
      region,
      nameKey: text ? personKey(text) : undefined,
      posyanduId: query.posyanduId,
      limit: query.limit,
      offset: query.offset,
    });
    const last = await this.repos.children.lastMeasurements(rows);
    return { children: rows.map((r) => this.toListItem(r, last.get(r.id) ?? null)), total };
  }

  /**
   * The children inside `region` (default the caller's scope) registered with this NIK, for roles
   * that may see NIK. Each search is audited — that it ran and how many it matched, never the NIK.
   */
  async searchByNik(
    caller: Caller,
    body: ChildrenNikSearchBody,
    ip?: string,
  ): Promise<{ children: ChildListItem[]; total: number }> {
    const region = body.region ?? caller.regionCode;
    requireAccess(caller, "children:identity", region);
    const { rows, total } = await this.repos.children.search({
      region,
      nikHash: hashIdentifier(this.keys, body.nik),
      limit: 100,
      offset: 0,
    });
    await recordAudit(this.repos, {
      actor: caller,
      action: "search_nik",
      entity: "identity",
      regionCode: region,
      after: { matched: total },
      ip,
    });
    const last = await this.repos.children.lastMeasurements(rows);
    return { children: rows.map((r) => this.toListItem(r, last.get(r.id) ?? null)), total };
  }

  /** One child (masked identifiers) with every measurement, oldest first; the view is audited. */
  async get(caller: Caller, id: string, ip?: string): Promise<{ child: Child; measurements: Measurement[] }> {
    const row = await loadChild(this.repos, caller, id, "children:read");
    await recordAudit(this.repos, {
      actor: caller,
      action: "view",
      entity: "child",
      entityId: row.id,
      regionCode: row.village_code,
      ip,
    });
    return this.record(row);
  }

  /** A loaded child's record as the API shows it. */
  private async record(row: ChildRow): Promise<{ child: Child; measurements: Measurement[] }> {
    const ms = await this.repos.children.measurements(row.district_code, row.id);
    const lastM = ms[ms.length - 1];
    const last = lastM
      ? {
          date: lastM.measured_on,
          ageDays: lastM.age_days,
          weight: lastM.weight,
          height: lastM.lenhei,
          zlen: lastM.zlen,
          tbu: lastM.status_tbu,
        }
      : null;
    return { child: this.toChild(row, last), measurements: ms.map(toApiMeasurement) };
  }

  /** The child's full NIK, KK and mother's NIK for roles allowed to see them; the read is logged. */
  async identity(
    caller: Caller,
    id: string,
    ip?: string,
  ): Promise<{ nik: string | null; kk: string | null; motherNik: string | null }> {
    const base = UUID.test(id) ? await this.repos.children.find(id, caller.regionCode) : undefined;
    if (!base || checkAccess(caller, "children:read", base.village_code)?.reason === "scope")
      throw notFound("child");
    requireAccess(caller, "children:identity", base.village_code);
    const row = await this.repos.children.identifiers(base.district_code, id);
    await recordAudit(this.repos, {
      actor: caller,
      action: "view_identity",
      entity: "identity",
      entityId: id,
      regionCode: base.village_code,
      ip,
    });
    return {
      nik: safeDecrypt(this.keys, row.nik_enc),
      kk: safeDecrypt(this.keys, row.kk_enc),
      motherNik: safeDecrypt(this.keys, row.mother_nik_enc),
    };
  }

  private async assertPosyanduInVillage(posyanduId: string, villageCode: string): Promise<void> {
    const p = UUID.test(posyanduId)
      ? await this.repos.children.posyanduIn(districtOfCode(villageCode), posyanduId)
      : undefined;
    if (!p) {
      throw badRequest(
        "posyanduId",
        `no posyandu ${posyanduId} in this district`,
        userMessage("posyandu.unknown"),
      );
    }
    if (p.village_code !== villageCode) {
      throw badRequest(
        "posyanduId",
        `the posyandu is not in village ${villageCode}`,
        userMessage("posyandu.otherVillage", { village: villageCode }),
      );
    }
  }

  /**
   * Registers a child in a village of the caller's scope, born no later than `today` (in Indonesia);
   * a NIK already registered is a conflict. A child an offline device registered before with the
   * same `clientId` is answered again, not registered twice.
   */
  async create(caller: Caller, input: CreateChildBody, today: string): Promise<Child> {
    requireAccess(caller, "children:write", input.villageCode);
    if (input.birthDate > today) {
      throw badRequest(
        "birthDate",
        `the birth date ${input.birthDate} is in the future (today in Indonesia is ${today})`,
        userMessage("child.birthInFuture", { date: input.birthDate, today }),
      );
    }
    const village = await this.repos.regions.get(input.villageCode);
    if (village?.level !== "village") {
      throw badRequest(
        "villageCode",
        `expected the code of a village, got ${input.villageCode}`,
        userMessage("region.notVillage", { code: input.villageCode }),
      );
    }
    const district = districtOfCode(input.villageCode);
    if (input.clientId) {
      const earlier = await this.repos.children.childIdByClientId(district, input.clientId);
      if (earlier)
        return (await this.record(await loadChild(this.repos, caller, earlier, "children:read"))).child;
    }
    if (input.posyanduId) await this.assertPosyanduInVillage(input.posyanduId, input.villageCode);
    const nikHash = input.nik ? hashIdentifier(this.keys, input.nik) : null;
    if (nikHash) {
      const existing = await this.repos.children.findByNikHash(district, nikHash);
      if (existing) {
        const visible = !checkAccess(caller, "children:read", existing.village_code);
        throw conflict(
          "nik",
          "a child with this NIK is already registered",
          userMessage("child.nikTaken"),
          visible ? { childId: existing.id } : {},
        );
      }
    }
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.children.insertChild({
        district_code: district,
        id,
        village_code: input.villageCode,
        posyandu_id: input.posyanduId ?? null,
        nik_hash: nikHash,
        nik_enc: input.nik ? encryptIdentifier(this.keys, input.nik) : null,
        kk_hash: input.kk ? hashIdentifier(this.keys, input.kk) : null,
        kk_enc: input.kk ? encryptIdentifier(this.keys, input.kk) : null,
        name: input.name,
        name_key: personKey(input.name),
        sex: input.sex,
        birth_date: input.birthDate,
        birth_weight: input.birthWeight ?? null,
        birth_length: input.birthLength ?? null,
        mother_name: input.motherName ?? null,
        mother_nik_hash: null,
        mother_nik_enc: null,
        rt: null,
        rw: null,
        address: null,
        client_id: input.clientId ?? null,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "child",
        entityId: id,
        regionCode: input.villageCode,
        after: {
          name: input.name,
          sex: input.sex,
          birthDate: input.birthDate,
          villageCode: input.villageCode,
          posyanduId: input.posyanduId ?? null,
          nik: input.nik ? maskIdentifier(input.nik) : null,
          kk: input.kk ? maskIdentifier(input.kk) : null,
        },
      });
    });
    const row = await loadChild(this.repos, caller, id, "children:read");
    return (await this.record(row)).child;
  }

  /** Posyandu inside a region the caller may see (names and villages only). */
  async listPosyandu(caller: Caller, region: string) {
    requireAccess(caller, "dashboard:read", region);
    return this.repos.children.listPosyandu(region);
  }

  /** A posyandu's children for a session: each with its last measurement and whether it was measured on `date`. */
  async posyanduChildren(caller: Caller, id: string, date?: string) {
    const p = UUID.test(id) ? await this.repos.children.posyandu(id) : undefined;
    if (!p || checkAccess(caller, "children:read", p.villageCode)?.reason === "scope")
      throw notFound("posyandu");
    requireAccess(caller, "children:read", p.villageCode);
    const rows = await this.repos.children.childrenOfPosyandu(p.district_code, id);
    const last = await this.repos.children.lastMeasurements(rows);
    const measuredOn = date
      ? await this.repos.children.measuredOn(
          p.district_code,
          rows.map((r) => r.id),
          date,
        )
      : new Set<string>();
    return {
      posyandu: { id: p.id, name: p.name, villageCode: p.villageCode, villageName: p.villageName },
      children: rows.map((r) => ({
        ...this.toListItem(r, last.get(r.id) ?? null),
        measuredOnDate: measuredOn.has(r.id),
        version: r.version,
      })),
    };
  }
}
