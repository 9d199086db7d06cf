/**
 * Penilaian kinerja: a province assesses its districts' aksi konvergensi for a year. The province
 * (penilaian:manage) opens the assessment over the chosen districts with its instrument (editable
 * while a draft), sets the panel (chair + members, provincial assessors), fills the number items
 * (web completeness from Pantau Aksi or by hand, prevalence change), writes recommendations and
 * publishes the ranking with its decree number. Panelists (penilaian:grade, with a seat) only
 * grade: a member sees only their own grades, the chair sees every grade and the scores and may
 * publish too. The scores and ranks come from core's `penilaianKinerja`. Districts see nothing
 * before publication, then their own result in full; the public sees the published ranking only.
 */
import { randomUUID } from "node:crypto";
import { levelOfCode, regionWithin, userMessage } from "@tumbuh/core";
import type {
  AssessmentSummary,
  AssessmentView,
  PkGradeView,
  PkSeat,
  PkValueView,
  PublishedView,
  Role,
} from "@tumbuh/core/api";
import {
  checkConfig,
  PenilaianInstrument,
  type PenilaianResult,
  penilaianKinerja,
  prevalenceChangeScore,
  TEMPLATE_INSTRUMENT,
} from "@tumbuh/core/programme";
import { AccessDenied, type Actor, checkAccess, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { PkAssessmentRow } from "../db/repositories/penilaian.ts";
import type { AksiService } from "./aksi.ts";
import { recordAudit } from "./audit.ts";
import { UUID } from "./child-access.ts";
import { badRequest, conflict, notFound, ServiceError, staleVersion } from "./errors.ts";

type Caller = Actor & { username: string };

/** The item filled from Pantau Aksi (the share of the district's aksi progress, 0–100). */
const PENGISIAN_ITEM = "pengisian.web";

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
    chosen?: readonly string[],
  ): Promise<AssessmentView> {
    if (levelOfCode(provinceCode) !== "province")
      throw badRequest(
        "provinceCode",
        `expected a province code such as 35, got ${provinceCode}`,
        userMessage("region.notProvince", { code: provinceCode }),
      );
    requireAccess(user, "penilaian:manage", provinceCode);
    const checked = {
      value: checkInstrument(instrument ?? { ...TEMPLATE_INSTRUMENT, year, regionCode: provinceCode }),
    };
    if ((await this.repos.penilaian.assessmentsIn(provinceCode)).some((a) => a.year === year))
      throw conflict(
        "year",
        `the penilaian kinerja of ${provinceCode} for ${year} is already open`,
        userMessage("penilaian.exists", { province: provinceCode, year }),
      );
    const all = (await this.repos.regions.children(provinceCode)).filter((r) => r.level === "district");
    const districts = chosen ? all.filter((d) => chosen.includes(d.code)) : all;
    for (const [i, code] of (chosen ?? []).entries())
      if (!all.some((d) => d.code === code))
        throw badRequest(
          `districts.${i}`,
          `found ${code}, expected a district of province ${provinceCode}`,
          userMessage("region.outsideProvince", { code, province: provinceCode }),
        );
    if (districts.length === 0)
      throw badRequest(
        "districts",
        `expected at least one district of province ${provinceCode}`,
        userMessage("penilaian.noDistricts", { province: provinceCode }),
      );
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
    const { row, seat } = await this.loadWithSeat(user, id);
    const districts = await this.repos.penilaian.districts(id);
    const names = new Map(
      (await this.repos.regions.byCodes([row.province_code, ...districts.map((d) => d.districtCode)])).map(
        (r) => [r.code, r.name],
      ),
    );
    return {
      id,
      seat,
      provinceCode: row.province_code,
      provinceName: names.get(row.province_code) ?? row.province_code,
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
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    };
  }

  /**
   * The assessment and the caller's part in it: the province (penilaian:manage), or a panelist
   * (penilaian:grade and a seat on this panel). An assessor of the province without a seat is
   * refused; anybody outside the province gets not-found.
   */
  private async loadWithSeat(user: Actor, id: string): Promise<{ row: PkAssessmentRow; seat: PkSeat }> {
    try {
      return { row: await this.load(user, id, "penilaian:manage"), seat: "pengelola" };
    } catch (e) {
      if ((e as { reason?: string }).reason !== "permission") throw e;
    }
    const row = await this.load(user, id, "penilaian:grade");
    const seat = (await this.repos.penilaian.panel(id)).find((p) => p.userId === user.id)?.role;
    if (!seat) throw notAPanelist();
    return { row, seat };
  }

  /**
   * The assessments the caller takes part in: a province's (or, for the nation, every province's
   * unless `provinceCode` narrows it) for penilaian:manage; those with a seat on the panel for a
   * panelist.
   */
  async list(user: Actor, provinceCode?: string): Promise<{ assessments: AssessmentSummary[] }> {
    let rows: (PkAssessmentRow & { seat: PkSeat })[];
    if (!checkAccess(user, "penilaian:manage", provinceCode ?? user.regionCode)) {
      const scope = provinceCode ?? (levelOfCode(user.regionCode) === "province" ? user.regionCode : null);
      rows = (await this.repos.penilaian.assessmentsIn(scope)).map((r) => ({ ...r, seat: "pengelola" }));
    } else {
      requireAccess(user, "penilaian:grade", provinceCode ?? user.regionCode);
      rows = (await this.repos.penilaian.assessmentsOfPanelist(user.id)).filter(
        (r) => !provinceCode || r.province_code === provinceCode,
      );
    }
    const names = new Map(
      (await this.repos.regions.byCodes([...new Set(rows.map((r) => r.province_code))])).map((r) => [
        r.code,
        r.name,
      ]),
    );
    const assessments: AssessmentSummary[] = [];
    for (const r of rows)
      assessments.push({
        id: r.id,
        provinceCode: r.province_code,
        provinceName: names.get(r.province_code) ?? r.province_code,
        year: r.year,
        status: r.status,
        decreeNumber: r.decree_number,
        districtCount: (await this.repos.penilaian.districts(r.id)).length,
        seat: r.seat,
      });
    return { assessments };
  }

  /** The provincial assessors who may sit on the panel (for the province's panel form). */
  async candidates(user: Actor, id: string) {
    const row = await this.load(user, id, "penilaian:manage");
    return { candidates: await this.repos.penilaian.assessorsOf(row.province_code) };
  }

  /** Replaces the instrument of a draft (checked like on opening; year and province stay the assessment's). */
  async setInstrument(
    user: Caller,
    id: string,
    instrument: unknown,
    version: number,
  ): Promise<AssessmentView> {
    const row = await this.load(user, id, "penilaian:manage");
    if (row.status !== "draft") throw published();
    const checked = checkInstrument(instrument);
    if (checked.year !== row.year || checked.regionCode !== row.province_code)
      throw badRequest(
        "instrument.year",
        `expected the assessment's year ${row.year} and province ${row.province_code}, found ${checked.year} and ${checked.regionCode}`,
        userMessage("penilaian.instrumentMismatch", {
          year: row.year,
          province: row.province_code,
          foundYear: checked.year,
          foundProvince: checked.regionCode,
        }),
      );
    await this.repos.transaction(async (tx) => {
      const after = await tx.penilaian.updateInstrument(id, version, checked);
      if (!after) throw staleVersion({ version: row.version, status: row.status });
      await recordAudit(tx, {
        actor: user,
        action: "set_instrument",
        entity: "penilaian",
        entityId: id,
        regionCode: row.province_code,
        before: row.instrument,
        after: checked,
      });
    });
    return this.view(user, id);
  }

  /**
   * Grades of the assessment as the caller may see them: the province and the chair see every
   * panelist's grades, a member only their own (drafts of others stay private).
   */
  async grades(user: Actor, id: string): Promise<{ grades: PkGradeView[]; values: PkValueView[] }> {
    const { seat } = await this.loadWithSeat(user, id);
    const rows = await this.repos.penilaian.gradesWithNames(id, seat === "anggota" ? user.id : undefined);
    return {
      grades: rows.map((g) => ({
        districtCode: g.districtCode,
        itemCode: g.itemCode,
        panelistId: g.panelistId,
        username: g.username,
        grade: g.grade,
        note: g.note,
      })),
      values: (await this.repos.penilaian.values(id)).map((v) => ({
        districtCode: v.district_code,
        itemCode: v.item_code,
        value: v.value,
        before: v.prevalence_before,
        after: v.prevalence_after,
        source: v.source,
      })),
    };
  }

  /**
   * The province's value of a number item (0–100) or a prevalence item (before and after, scored
   * by the item's bands) for a district.
   */
  async setValue(
    user: Caller,
    id: string,
    body: {
      districtCode: string;
      itemCode: string;
      value?: number | null;
      before?: number | null;
      after?: number | null;
      source: string;
    },
  ): Promise<PkValueView> {
    const row = await this.load(user, id, "penilaian:manage");
    if (row.status !== "draft") throw published();
    if (!(await this.repos.penilaian.districts(id)).some((d) => d.districtCode === body.districtCode))
      throw notAssessed(body.districtCode);
    const item = this.instrumentOf(row)
      .components.flatMap((c) => c.items)
      .find((i) => i.code === body.itemCode);
    if (!item || item.scoring === "grade")
      throw badRequest(
        "itemCode",
        `${body.itemCode} is not a number or prevalence item (panelists grade it)`,
        userMessage("penilaian.itemNotValue", { item: body.itemCode }),
      );
    let value: number | null;
    let before: number | null = null;
    let after: number | null = null;
    if (item.scoring === "prevalence") {
      before = body.before ?? null;
      after = body.after ?? null;
      value = prevalenceChangeScore(before, after, item.bands ?? []);
    } else {
      value = body.value ?? null;
      if (value !== null && !(value >= 0 && value <= 100))
        throw badRequest(
          "value",
          `found ${value}, expected a number from 0 to 100`,
          userMessage("validation.percentage", { field: "value", value }),
        );
    }
    const stored = {
      assessment_id: id,
      district_code: body.districtCode,
      item_code: body.itemCode,
      value,
      source: body.source,
      prevalence_before: before,
      prevalence_after: after,
    };
    await this.repos.transaction(async (tx) => {
      await tx.penilaian.upsertValues([stored]);
      await recordAudit(tx, {
        actor: user,
        action: "set_value",
        entity: "penilaian",
        entityId: id,
        regionCode: body.districtCode,
        after: { item: body.itemCode, value, before, after, source: body.source },
      });
    });
    return {
      districtCode: body.districtCode,
      itemCode: body.itemCode,
      value,
      before,
      after,
      source: body.source,
    };
  }

  /** Sets the panel: provincial assessors of the province, one chair (ketua). */
  async setPanel(user: Caller, id: string, members: { userId: string; role: "ketua" | "anggota" }[]) {
    const row = await this.load(user, id, "penilaian:manage");
    if (row.status !== "draft") throw published();
    if (members.filter((m) => m.role === "ketua").length !== 1)
      throw badRequest(
        "members",
        "expected exactly one ketua (chair) in the panel",
        userMessage("penilaian.oneChair"),
      );
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
          userMessage("penilaian.notAssessor", { province: row.province_code }),
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
    if (row.status !== "draft") throw published();
    if (!(await this.repos.penilaian.panel(id)).some((p) => p.userId === user.id)) throw notAPanelist();
    if (!(await this.repos.penilaian.districts(id)).some((d) => d.districtCode === body.districtCode))
      throw notAssessed(body.districtCode);
    const instrument = this.instrumentOf(row);
    const item = instrument.components.flatMap((c) => c.items).find((i) => i.code === body.itemCode);
    if (item?.scoring !== "grade")
      throw badRequest(
        "itemCode",
        `${body.itemCode} is not a graded item`,
        userMessage("penilaian.itemNotGraded", { item: body.itemCode }),
      );
    const grades = instrument.gradeScale.map((g) => g.grade);
    if (body.grade !== null && !grades.includes(body.grade))
      throw badRequest(
        "grade",
        `found '${body.grade}', expected one of ${grades.join(", ")}`,
        userMessage("validation.oneOf", { field: "grade", options: grades.join(", ") }),
      );
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
    if (row.status !== "draft") throw published();
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
      throw notAssessed(districtCode);
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
    const instrument = this.instrumentOf(row);
    // Grades and values of items an edited instrument no longer has are kept, but not counted.
    const known = new Set(instrument.components.flatMap((c) => c.items.map((i) => i.code)));
    const districts = await this.repos.penilaian.districts(row.id);
    const names = new Map(
      (await this.repos.regions.byCodes(districts.map((d) => d.districtCode))).map((r) => [r.code, r.name]),
    );
    return penilaianKinerja(instrument, {
      districts: districts.map((d) => ({
        code: d.districtCode,
        name: names.get(d.districtCode) ?? d.districtCode,
      })),
      panelists: (await this.repos.penilaian.panel(row.id)).map((p) => p.userId),
      grades: (await this.repos.penilaian.grades(row.id))
        .filter((g) => known.has(g.item_code))
        .map((g) => ({
          districtCode: g.district_code,
          itemCode: g.item_code,
          panelist: g.panelist_id,
          grade: g.grade,
        })),
      values: (await this.repos.penilaian.values(row.id))
        .filter((v) => known.has(v.item_code))
        .map((v) => ({
          districtCode: v.district_code,
          itemCode: v.item_code,
          value: v.value,
        })),
    });
  }

  /** The assessment for the province or the panel's chair (who sees every grade); members are refused. */
  private async loadManagerOrChair(user: Actor, id: string): Promise<PkAssessmentRow> {
    const { row, seat } = await this.loadWithSeat(user, id);
    if (seat === "anggota")
      throw new AccessDenied(
        "permission",
        "only the province or the panel's chair sees the scores and publishes them",
        userMessage("penilaian.chairOnly"),
      );
    return row;
  }

  /** The current (draft) scores, ranks and awards, for the province and the panel's chair. */
  async result(user: Actor, id: string): Promise<PenilaianResult> {
    return this.compute(await this.loadManagerOrChair(user, id));
  }

  /**
   * Publishes the ranking with its decree number — the province or the panel's chair, who closes the
   * panel's work: the result is fixed as it is now.
   */
  async publish(user: Caller, id: string, decreeNumber: string, version: number): Promise<void> {
    const row = await this.loadManagerOrChair(user, id);
    if (row.status !== "draft") throw published();
    if (!decreeNumber.trim())
      throw badRequest(
        "decreeNumber",
        "the number of the governor's decree (SK/Surat Gubernur) is required",
        userMessage("validation.required", { field: "decreeNumber" }),
      );
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
  async published(user: Actor | null, provinceCode: string, year?: number): Promise<PublishedView> {
    // assessmentsIn lists the newest year first: without a year, the latest published.
    const row = (await this.repos.penilaian.assessmentsIn(provinceCode)).find(
      (a) => a.status === "published" && (year === undefined || a.year === year),
    );
    if (!row) throw notFound("hasil penilaian kinerja");
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
      year: row.year,
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

/** An assessor of the province who has no seat on this panel: refused (403), like a missing permission. */
/** The conflict of changing an assessment already published. */
function published(): ServiceError {
  return conflict("status", "the penilaian kinerja is already published", userMessage("penilaian.published"));
}

/** A district the assessment does not cover. */
function notAssessed(code: string): ServiceError {
  return badRequest(
    "districtCode",
    `${code} is not assessed here`,
    userMessage("penilaian.districtNotAssessed", { code }),
  );
}

function notAPanelist(): AccessDenied {
  return new AccessDenied(
    "permission",
    "not a panelist of this assessment: only its panel grades",
    userMessage("penilaian.notPanelist"),
  );
}

/** The instrument checked, or a 400 listing each wrong field. */
function checkInstrument(instrument: unknown): PenilaianInstrument {
  const checked = checkConfig(PenilaianInstrument, instrument);
  if (!checked.ok)
    throw new ServiceError(
      "bad_request",
      `the instrument is not valid: ${checked.errors.join("; ")}`,
      { field: "instrument", errors: checked.errors, messages: checked.messages },
      userMessage("penilaian.instrumentInvalid", { count: checked.errors.length }),
    );
  return checked.value;
}
