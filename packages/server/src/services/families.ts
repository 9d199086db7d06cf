/**
 * Keluarga sasaran: recording a target family of a village (its facts, its children matched to
 * child records) with the at-risk assessment of @tumbuh/core/programme stored beside it, the
 * named list and one family for the roles that work with families (each view audited), and the
 * per-village at-risk counts (aggregate) analisis situasi reads.
 */
import { randomUUID } from "node:crypto";
import { districtOfCode, personKey, userMessage } from "@tumbuh/core";
import type {
  FamiliesQuery,
  Family,
  FamilyBody,
  FamilyCountRow,
  FamilyCountsResponse,
  FamilyListItem,
  FamilyUpdateBody,
} from "@tumbuh/core/api";
import {
  assessKeluargaBerisiko,
  KRS_FACTORS,
  KRS_RULE_PK21,
  type KrsAssessment,
  krsRuleForYear,
  semesterDates,
} from "@tumbuh/core/programme";
import { requireAccess } from "../auth/access.ts";
import type { PiiKeys } from "../db/pii.ts";
import { hashIdentifier } from "../db/pii.ts";
import type {
  FamilyChildRow,
  FamilyCountDbRow,
  FamilyRow,
  NewFamilyChildRow,
} from "../db/repositories/families.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, UUID } from "./child-access.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, notFound, staleVersion } from "./errors.ts";
import { requireRecordAccess } from "./family-access.ts";

function iso(value: unknown): string {
  return new Date(value as Date | string).toISOString();
}

function reasonsOf(factors: unknown): string[] {
  const f = (factors ?? {}) as Record<string, { value: boolean | null }>;
  return KRS_FACTORS.filter((k) => f[k]?.value === true);
}

function toCountRow(r: FamilyCountDbRow): FamilyCountRow {
  return {
    villageCode: r.village_code,
    villageName: r.village_name,
    families: r.families,
    berisiko: r.berisiko,
    tidakBerisiko: r.tidak_berisiko,
    tidakDiketahui: r.tidak_diketahui,
    factors: r.factors,
  };
}

export class FamilyService {
  private readonly repos: Repositories;
  private readonly keys: PiiKeys;

  constructor(readonly ctx: ServiceContext) {
    this.repos = ctx.repos;
    this.keys = ctx.keys;
  }

  /** The named families of a region (default the caller's scope); the view is audited. */
  async list(
    caller: Caller,
    query: FamiliesQuery,
    ip?: string,
  ): Promise<{ families: FamilyListItem[]; total: number }> {
    const region = query.region ?? caller.regionCode;
    requireAccess(caller, "families:read", region);
    const { rows, total } = await this.repos.families.search({
      region,
      semester: query.semester,
      verdict: query.verdict,
      nameKey: query.q?.trim() ? query.q.trim().toLowerCase() : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    await recordAudit(this.repos, {
      actor: caller,
      action: "list",
      entity: "family",
      regionCode: region,
      after: { shown: rows.length, total },
      ip,
    });
    return {
      families: rows.map((r) => ({
        id: r.id,
        villageCode: r.village_code,
        villageName: r.village_name,
        semester: r.semester,
        headName: r.head_name,
        motherName: r.mother_name,
        pregnant: r.pregnant,
        childrenCount: r.children_recorded ? r.children_count : null,
        verdict: r.krs_verdict,
        reasons: reasonsOf(r.krs_factors),
      })),
      total,
    };
  }

  private async load(
    caller: Caller,
    id: string,
    permission: "families:read" | "families:write",
  ): Promise<FamilyRow> {
    const row = UUID.test(id) ? await this.repos.families.find(id) : undefined;
    if (!row) throw notFound("family");
    requireRecordAccess(caller, permission, row.village_code, "family");
    return row;
  }

  /** One family with its children and assessment; the view is audited. */
  async get(caller: Caller, id: string, ip?: string): Promise<Family> {
    const row = await this.load(caller, id, "families:read");
    await recordAudit(this.repos, {
      actor: caller,
      action: "view",
      entity: "family",
      entityId: row.id,
      regionCode: row.village_code,
      ip,
    });
    return this.toFamily(row, await this.repos.families.children(row.district_code, row.id));
  }

  private toFamily(r: FamilyRow, children: FamilyChildRow[]): Family {
    const factors = (r.krs_factors ?? {}) as Record<string, { value: boolean | null; detail: string }>;
    return {
      id: r.id,
      villageCode: r.village_code,
      villageName: r.village_name,
      semester: r.semester,
      dataSource: r.data_source,
      headName: r.head_name,
      motherName: r.mother_name,
      motherBirthDate: r.mother_birth_date,
      pregnant: r.pregnant,
      waterSource: r.water_source,
      latrine: r.latrine,
      rt: r.rt,
      rw: r.rw,
      address: r.address,
      children: r.children_recorded
        ? children.map((c) => ({ name: c.name, birthDate: c.birth_date, childId: c.child_id }))
        : null,
      assessment: {
        rule: r.krs_rule,
        on: r.assessed_on,
        verdict: r.krs_verdict,
        factors,
        reasons: reasonsOf(factors),
      },
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      version: r.version,
    };
  }

  /** Checks the body and computes what is stored: the assessment and the matched children (the family import uses it too). */
  async prepare(body: FamilyBody, today: string, district: string, familyId: string) {
    const village = await this.repos.regions.get(body.villageCode);
    if (village?.level !== "village")
      throw badRequest(
        "villageCode",
        `expected the code of a village, got ${body.villageCode}`,
        userMessage("region.notVillage", { code: body.villageCode }),
      );
    const on = body.assessedOn ?? today;
    if (on > today)
      throw badRequest(
        "assessedOn",
        `the date ${on} is in the future (today is ${today})`,
        userMessage("validation.dateInFuture", { field: "assessedOn", date: on, today }),
      );
    if (body.motherBirthDate && body.motherBirthDate > on)
      throw badRequest(
        "motherBirthDate",
        `the mother's birth date ${body.motherBirthDate} is after ${on}`,
        userMessage("family.motherBornAfter", { date: body.motherBirthDate, on }),
      );
    const { from } = semesterDates(body.semester);
    if (Number(from.slice(0, 4)) > Number(today.slice(0, 4)))
      throw badRequest(
        "semester",
        `the semester ${body.semester} has not begun (today is ${today})`,
        userMessage("family.semesterNotBegun", { semester: body.semester, today }),
      );
    body.children?.forEach((c, i) => {
      if (c.birthDate && c.birthDate > on)
        throw badRequest(
          `children[${i}].birthDate`,
          `the birth date ${c.birthDate} is after ${on}`,
          userMessage("family.childBornAfter", { row: i + 1, date: c.birthDate, on }),
        );
    });
    const rule = krsRuleForYear(Number(on.slice(0, 4))) ?? KRS_RULE_PK21;
    const assessment: KrsAssessment = assessKeluargaBerisiko(
      {
        motherBirthDate: body.motherBirthDate ?? null,
        children: body.children ? body.children.map((c) => ({ birthDate: c.birthDate ?? null })) : null,
        waterSource: body.waterSource ?? null,
        latrine: body.latrine ?? null,
      },
      on,
      rule,
    );
    const children: NewFamilyChildRow[] = [];
    for (const [i, c] of (body.children ?? []).entries()) {
      const childId = await this.repos.families.matchChild(district, body.villageCode, {
        nikHash: c.nik ? hashIdentifier(this.keys, c.nik) : undefined,
        nameKey: personKey(c.name),
        birthDate: c.birthDate ?? null,
      });
      children.push({
        district_code: district,
        id: randomUUID(),
        family_id: familyId,
        position: i + 1,
        name: c.name,
        birth_date: c.birthDate ?? null,
        child_id: childId ?? null,
      });
    }
    const row = {
      village_code: body.villageCode,
      semester: body.semester,
      data_source: body.dataSource,
      head_name: body.headName,
      mother_name: body.motherName ?? null,
      mother_birth_date: body.motherBirthDate ?? null,
      pregnant: body.pregnant ?? null,
      children_recorded: body.children != null,
      water_source: body.waterSource ?? null,
      latrine: body.latrine ?? null,
      rt: body.rt ?? null,
      rw: body.rw ?? null,
      address: body.address ?? null,
      assessed_on: on,
      krs_rule: assessment.rule,
      krs_verdict: assessment.verdict,
      krs_factors: JSON.stringify(assessment.factors),
      updated_at: new Date(),
    };
    return { row, children, assessment };
  }

  /** Records a family of a village; its assessment is computed and stored with it. */
  async create(caller: Caller, body: FamilyBody, today: string, ip?: string): Promise<Family> {
    requireAccess(caller, "families:write", body.villageCode);
    const district = districtOfCode(body.villageCode);
    const id = randomUUID();
    const { row, children, assessment } = await this.prepare(body, today, district, id);
    await this.repos.transaction(async (tx) => {
      await tx.families.insert({ ...row, district_code: district, id }, children);
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "family",
        entityId: id,
        regionCode: body.villageCode,
        after: { semester: body.semester, verdict: assessment.verdict, reasons: assessment.reasons },
        ip,
      });
    });
    return this.get(caller, id, ip);
  }

  /** Replaces a family's facts (optimistic concurrency: a stale version gets 409 with the current record). */
  async update(
    caller: Caller,
    id: string,
    body: FamilyUpdateBody,
    today: string,
    ip?: string,
  ): Promise<Family> {
    const current = await this.load(caller, id, "families:write");
    requireAccess(caller, "families:write", body.villageCode);
    if (districtOfCode(body.villageCode) !== current.district_code)
      throw badRequest(
        "villageCode",
        "a family cannot move to another district",
        userMessage("family.otherDistrict"),
      );
    const { row, children, assessment } = await this.prepare(body, today, current.district_code, id);
    await this.repos.transaction(async (tx) => {
      const ok = await tx.families.update(current.district_code, id, body.version, row, children);
      if (!ok) {
        const now = await tx.families.find(id);
        throw staleVersion(
          now ? this.toFamily(now, await tx.families.children(now.district_code, id)) : null,
        );
      }
      await recordAudit(tx, {
        actor: caller,
        action: "update",
        entity: "family",
        entityId: id,
        regionCode: body.villageCode,
        before: { verdict: current.krs_verdict, reasons: reasonsOf(current.krs_factors) },
        after: { verdict: assessment.verdict, reasons: assessment.reasons },
        ip,
      });
    });
    return this.get(caller, id, ip);
  }

  /** At-risk families of a semester per village of a region (aggregate: no names). */
  async counts(caller: Caller, region: string | undefined, semester: string): Promise<FamilyCountsResponse> {
    const code = region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    const villages = (await this.repos.families.counts(code, semester)).map(toCountRow);
    const total: FamilyCountRow = {
      villageCode: code,
      villageName: null,
      families: 0,
      berisiko: 0,
      tidakBerisiko: 0,
      tidakDiketahui: 0,
      factors: Object.fromEntries(KRS_FACTORS.map((k) => [k, 0])),
    };
    for (const v of villages) {
      total.families += v.families;
      total.berisiko += v.berisiko;
      total.tidakBerisiko += v.tidakBerisiko;
      total.tidakDiketahui += v.tidakDiketahui;
      for (const k of KRS_FACTORS) total.factors[k] += v.factors[k] ?? 0;
    }
    const year = Number(semester.slice(0, 4));
    return { region: code, semester, rule: (krsRuleForYear(year) ?? KRS_RULE_PK21).version, villages, total };
  }
}
