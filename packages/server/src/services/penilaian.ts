/**
 * Penilaian kinerja: a province assesses its districts' aksi konvergensi for a year. The province
 * (penilaian:manage) opens the assessment with its instrument, sets the panel (chair + members,
 * provincial assessors), fills the web-completeness item from Pantau Aksi, writes recommendations
 * and publishes the ranking with its decree number; panelists (penilaian:grade) only grade. The
 * scores and ranks come from core's `penilaianKinerja`. Districts see their own result once it is
 * published, the public sees the published ranking only.
 */
import { randomUUID } from "node:crypto";
import { levelOfCode, regionWithin } from "@tumbuh/core";
import type { Role } from "@tumbuh/core/api";
import {
  checkConfig,
  PenilaianInstrument,
  type PenilaianResult,
  penilaianKinerja,
  TEMPLATE_INSTRUMENT,
} from "@tumbuh/core/programme";
import { type Actor, checkAccess, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { PkAssessmentRow } from "../db/repositories/penilaian.ts";
import type { AksiService } from "./aksi.ts";
import { recordAudit } from "./audit.ts";
import { UUID } from "./child-access.ts";
import { badRequest, conflict, notFound, ServiceError, staleVersion } from "./errors.ts";

type Caller = Actor & { username: string };

/** The item filled from Pantau Aksi (the share of the district's aksi progress, 0–100). */
const PENGISIAN_ITEM = "pengisian.web";

export interface AssessmentView {
  id: string;
  provinceCode: string;
  year: number;
  status: "draft" | "published";
  decreeNumber: string | null;
  version: number;
  instrument: PenilaianInstrument;
  panel: { userId: string; role: "ketua" | "anggota"; username: string; displayName: string }[];
  districts: { code: string; name: string; recommendation: string }[];
}

/** What a district or the public sees of a published assessment. */
export interface PublishedView {
  provinceCode: string;
  year: number;
  decreeNumber: string | null;
  ranking: { code: string; name: string; total: number | null; rank: number | null; awards: string[] }[];
  /** The caller's own district in full (scores per component and item, recommendation), if any. */
  own: (PenilaianResult["districts"][number] & { recommendation: string }) | null;
}

export class PenilaianService {
  constructor(
    private readonly repos: Repositories,
    private readonly aksi: AksiService,
  ) {}

  private async load(user: Actor, id: string, permission: "penilaian:manage" | "penilaian:grade") {
    const row = UUID.test(id) ? await this.repos.penilaian.assessment(id) : undefined;
    if (!row) throw notFound("penilaian");
    const denied = checkAccess(user, permission, row.province_code);
    if (denied) {
      if (denied.reason === "permission" && regionWithin(row.province_code, user.regionCode)) throw denied;
      throw notFound("penilaian");
    }
    return row;
  }

  private instrumentOf(row: PkAssessmentRow): PenilaianInstrument {
    return PenilaianInstrument.parse(row.instrument);
  }

  /** Opens the province's assessment of a year with the given instrument (default: the template). */
  async open(
    user: Caller,
    provinceCode: string,
    year: number,
    instrument?: unknown,
  ): Promise<AssessmentView> {
    if (levelOfCode(provinceCode) !== "province")
      throw badRequest("provinceCode", `expected a province code such as 35, got ${provinceCode}`);
    requireAccess(user, "penilaian:manage", provinceCode);
    const checked = checkConfig(
      PenilaianInstrument,
      instrument ?? { ...TEMPLATE_INSTRUMENT, year, regionCode: provinceCode },
    );
    if (!checked.ok)
      throw new ServiceError("bad_request", `instrumen tidak valid: ${checked.errors.join("; ")}`, {
        field: "instrument",
        errors: checked.errors,
      });
    if ((await this.repos.penilaian.assessmentsIn(provinceCode)).some((a) => a.year === year))
      throw conflict("year", `penilaian kinerja ${provinceCode} tahun ${year} sudah dibuka (already open)`);
    const districts = (await this.repos.regions.children(provinceCode)).filter((r) => r.level === "district");
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.penilaian.insertAssessment(
        {
          id,
          province_code: provinceCode,
          year,
          instrument: JSON.stringify(checked.value),
          created_by: user.id,
          updated_at: new Date(),
        },
        districts.map((d) => d.code),
      );
      await recordAudit(tx, {
        actor: user,
        action: "open",
        entity: "penilaian",
        entityId: id,
        regionCode: provinceCode,
        after: { year, instrument: checked.value.version, districts: districts.length },
      });
    });
    return this.view(user, id);
  }

  /** The assessment as the province and its panelists see it. */
  async view(user: Actor, id: string): Promise<AssessmentView> {
    const row = await this.loadManageOrGrade(user, id);
    const districts = await this.repos.penilaian.districts(id);
    const names = new Map(
      (await this.repos.regions.byCodes(districts.map((d) => d.districtCode))).map((r) => [r.code, r.name]),
    );
    return {
      id,
      provinceCode: row.province_code,
      year: row.year,
      status: row.status,
      decreeNumber: row.decree_number,
      version: row.version,
      instrument: this.instrumentOf(row),
      panel: await this.repos.penilaian.panel(id),
      districts: districts.map((d) => ({
        code: d.districtCode,
        name: names.get(d.districtCode) ?? d.districtCode,
        recommendation: d.recommendation,
      })),
    };
  }

  private async loadManageOrGrade(user: Actor, id: string) {
    try {
      return await this.load(user, id, "penilaian:manage");
    } catch (e) {
      if ((e as { reason?: string }).reason !== "permission") throw e;
      return this.load(user, id, "penilaian:grade");
    }
  }

  /** Sets the panel: provincial assessors of the province, one chair (ketua). */
  async setPanel(user: Caller, id: string, members: { userId: string; role: "ketua" | "anggota" }[]) {
    const row = await this.load(user, id, "penilaian:manage");
    if (row.status !== "draft") throw conflict("status", "penilaian sudah diumumkan (already published)");
    if (members.filter((m) => m.role === "ketua").length !== 1)
      throw badRequest("members", "expected exactly one ketua (chair) in the panel");
    for (const [i, m] of members.entries()) {
      const u = UUID.test(m.userId) ? await this.repos.users.findById(m.userId) : undefined;
      if (
        !u ||
        u.disabled ||
        checkAccess(
          { id: u.id, role: u.role as Role, regionCode: u.region_code },
          "penilaian:grade",
          row.province_code,
        )
      )
        throw badRequest(
          `members.${i}.userId`,
          `expected an active provincial assessor of ${row.province_code}`,
        );
    }
    await this.repos.transaction(async (tx) => {
      const before = await tx.penilaian.panel(id);
      await tx.penilaian.setPanel(id, members);
      await recordAudit(tx, {
        actor: user,
        action: "set_panel",
        entity: "penilaian",
        entityId: id,
        regionCode: row.province_code,
        before: before.map((p) => ({ userId: p.userId, role: p.role })),
        after: members,
      });
    });
    return this.view(user, id);
  }

  /** A panelist's grade (and note) for a district and item; null clears it. */
  async grade(
    user: Caller,
    id: string,
    body: { districtCode: string; itemCode: string; grade: string | null; note: string },
  ): Promise<void> {
    const row = await this.load(user, id, "penilaian:grade");
    requireAccess(user, "penilaian:grade", body.districtCode);
    if (row.status !== "draft") throw conflict("status", "penilaian sudah diumumkan (already published)");
    if (!(await this.repos.penilaian.panel(id)).some((p) => p.userId === user.id))
      throw new ServiceError("bad_request", "Anda bukan anggota panel penilaian ini (not a panelist)", {
        field: "panel",
      });
    if (!(await this.repos.penilaian.districts(id)).some((d) => d.districtCode === body.districtCode))
      throw badRequest("districtCode", `${body.districtCode} is not assessed here`);
    const instrument = this.instrumentOf(row);
    const item = instrument.components.flatMap((c) => c.items).find((i) => i.code === body.itemCode);
    if (!item || item.scoring !== "grade")
      throw badRequest("itemCode", `${body.itemCode} is not a graded item`);
    const grades = instrument.gradeScale.map((g) => g.grade);
    if (body.grade !== null && !grades.includes(body.grade))
      throw badRequest("grade", `found '${body.grade}', expected one of ${grades.join(", ")}`);
    await this.repos.transaction(async (tx) => {
      const before = await tx.penilaian.grade(id, body.districtCode, body.itemCode, user.id);
      await tx.penilaian.upsertGrade({
        assessment_id: id,
        district_code: body.districtCode,
        item_code: body.itemCode,
        panelist_id: user.id,
        grade: body.grade,
        note: body.note,
      });
      await recordAudit(tx, {
        actor: user,
        action: "grade",
        entity: "penilaian",
        entityId: id,
        regionCode: body.districtCode,
        before: before ? { item: body.itemCode, grade: before.grade, note: before.note } : null,
        after: { item: body.itemCode, grade: body.grade, note: body.note },
      });
    });
  }

  /** Fills the web-completeness item of every district from Pantau Aksi (no cycle: 0 %). */
  async fillFromPantauAksi(user: Caller, id: string): Promise<void> {
    const row = await this.load(user, id, "penilaian:manage");
    if (row.status !== "draft") throw conflict("status", "penilaian sudah diumumkan (already published)");
    const progress = await this.aksi.provinceProgress(user, row.province_code, row.year);
    const assessed = new Set((await this.repos.penilaian.districts(id)).map((d) => d.districtCode));
    const values = progress.districts
      .filter((d) => assessed.has(d.code))
      .map((d) => ({
        assessment_id: id,
        district_code: d.code,
        item_code: PENGISIAN_ITEM,
        value: d.progressPct ?? 0,
        source: `Pantau Aksi ${row.year}`,
      }));
    await this.repos.transaction(async (tx) => {
      await tx.penilaian.upsertValues(values);
      await recordAudit(tx, {
        actor: user,
        action: "fill_pengisian",
        entity: "penilaian",
        entityId: id,
        regionCode: row.province_code,
        after: Object.fromEntries(values.map((v) => [v.district_code, v.value])),
      });
    });
  }

  /** A recommendation to one district. */
  async recommend(user: Caller, id: string, districtCode: string, text: string): Promise<void> {
    await this.load(user, id, "penilaian:manage");
    if (!(await this.repos.penilaian.districts(id)).some((d) => d.districtCode === districtCode))
      throw badRequest("districtCode", `${districtCode} is not assessed here`);
    await this.repos.transaction(async (tx) => {
      await tx.penilaian.setRecommendation(id, districtCode, text);
      await recordAudit(tx, {
        actor: user,
        action: "recommend",
        entity: "penilaian",
        entityId: id,
        regionCode: districtCode,
        after: { text },
      });
    });
  }

  private async compute(row: PkAssessmentRow): Promise<PenilaianResult> {
    const districts = await this.repos.penilaian.districts(row.id);
    const names = new Map(
      (await this.repos.regions.byCodes(districts.map((d) => d.districtCode))).map((r) => [r.code, r.name]),
    );
    return penilaianKinerja(this.instrumentOf(row), {
      districts: districts.map((d) => ({
        code: d.districtCode,
        name: names.get(d.districtCode) ?? d.districtCode,
      })),
      panelists: (await this.repos.penilaian.panel(row.id)).map((p) => p.userId),
      grades: (await this.repos.penilaian.grades(row.id)).map((g) => ({
        districtCode: g.district_code,
        itemCode: g.item_code,
        panelist: g.panelist_id,
        grade: g.grade,
      })),
      values: (await this.repos.penilaian.values(row.id)).map((v) => ({
        districtCode: v.district_code,
        itemCode: v.item_code,
        value: v.value,
      })),
    });
  }

  /** The current (draft) scores, ranks and awards, for the province. */
  async result(user: Actor, id: string): Promise<PenilaianResult> {
    return this.compute(await this.load(user, id, "penilaian:manage"));
  }

  /** Publishes the ranking with its decree number: the result is fixed as it is now. */
  async publish(user: Caller, id: string, decreeNumber: string, version: number): Promise<void> {
    const row = await this.load(user, id, "penilaian:manage");
    if (row.status !== "draft") throw conflict("status", "penilaian sudah diumumkan (already published)");
    if (!decreeNumber.trim())
      throw badRequest("decreeNumber", "nomor SK/Surat Gubernur wajib diisi (required)");
    const result = await this.compute(row);
    await this.repos.transaction(async (tx) => {
      const after = await tx.penilaian.updateAssessment(id, version, {
        status: "published",
        decreeNumber: decreeNumber.trim(),
        result,
        publishedAt: new Date(),
      });
      if (!after) throw staleVersion({ version: row.version, status: row.status });
      await recordAudit(tx, {
        actor: user,
        action: "publish",
        entity: "penilaian",
        entityId: id,
        regionCode: row.province_code,
        after: { decreeNumber, ranking: result.districts.map((d) => [d.code, d.total, d.rank]) },
      });
    });
  }

  /**
   * The published result of a province and year: the ranking for everyone (the public too, with
   * `user` null), and the caller's own district in full when the caller belongs to one. Nothing
   * before publication.
   */
  async published(user: Actor | null, provinceCode: string, year: number): Promise<PublishedView> {
    const row = (await this.repos.penilaian.assessmentsIn(provinceCode)).find((a) => a.year === year);
    if (!row || row.status !== "published") throw notFound("hasil penilaian kinerja");
    const result = row.result as PenilaianResult;
    const recs = new Map(
      (await this.repos.penilaian.districts(row.id)).map((d) => [d.districtCode, d.recommendation]),
    );
    const own =
      user && levelOfCode(user.regionCode) === "district" && !checkAccess(user, "aksi:read", user.regionCode)
        ? result.districts.find((d) => d.code === user.regionCode)
        : undefined;
    return {
      provinceCode,
      year,
      decreeNumber: row.decree_number,
      ranking: result.districts.map((d) => ({
        code: d.code,
        name: d.name ?? d.code,
        total: d.total,
        rank: d.rank,
        awards: d.awards,
      })),
      own: own ? { ...own, recommendation: recs.get(own.code) ?? "" } : null,
    };
  }
}
