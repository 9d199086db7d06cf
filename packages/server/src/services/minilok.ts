/**
 * Mini lokakarya kecamatan: a meeting of the kecamatan (date, place, participants) reviews TPK
 * coverage and the problems of each village, answers the checklist ("3 standar dan 4 PASTI" by
 * default; the kecamatan edits it and the next meeting starts from its edit), verifies the named
 * lists of stunting/faltering cases and at-risk families, and follows recommendations (owner, due
 * date, status) from meeting to meeting until closed; the minutes are a PDF.
 *
 * Access: managing needs `minilok:manage` over the kecamatan (its TPPS, the district TPPS); the
 * meeting and its figures are aggregate (`dashboard:read`); the named lists need `families:read`
 * and every read and verification is audited.
 */
import { randomUUID } from "node:crypto";
import { districtOfCode, regionLevelOf, todayInIndonesia, userMessage } from "@tumbuh/core";
import type {
  CoverageRow,
  MinilokChecklistEntry,
  MinilokListEntry,
  MinilokListsResponse,
  MinilokMeeting,
  MinilokMeetingBody,
  MinilokMeetingSummary,
  MinilokMeetingUpdateBody,
  MinilokParticipant,
  MinilokRecommendation,
  MinilokRecommendationBody,
  MinilokRecommendationUpdateBody,
  MinilokReviewBody,
  MinilokVerificationBody,
} from "@tumbuh/core/api";
import {
  addMonths,
  DEFAULT_MINILOK_CHECKLIST,
  KRS_FACTORS,
  MinilokChecklist,
  recommendationsForMeeting,
  semesterOf,
  summarizeChecklist,
} from "@tumbuh/core/programme";
import { requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { MinilokMeetingRow, MinilokRecommendationRow } from "../db/repositories/minilok.ts";
import { formatPdfDate, type PdfDocument, pdfFileName, renderPdf } from "../pdf/document.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, UUID } from "./child-access.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, notFound, staleVersion } from "./errors.ts";
import { requireRecordAccess } from "./family-access.ts";
import type { TpkService } from "./tpk.ts";

const STATUS_LABEL = { belum: "Belum", proses: "Dalam proses", selesai: "Selesai", batal: "Batal" } as const;
const GROUP_LABEL: Record<string, string> = {
  "3_standar": "3 Standar",
  "4_pasti": "4 PASTI",
  lainnya: "Lainnya",
  total: "Jumlah",
};

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function pct(v: number | null): string {
  return v === null ? "—" : `${v.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%`;
}

export class MinilokService {
  private readonly repos: Repositories;

  constructor(
    readonly ctx: ServiceContext,
    private readonly tpk: TpkService,
  ) {
    this.repos = ctx.repos;
  }

  /** Meetings of a region's kecamatan (default the caller's scope), newest first. */
  async list(caller: Caller, region?: string): Promise<MinilokMeetingSummary[]> {
    const code = region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    return (await this.repos.minilok.meetings(code)).map((m) => ({
      id: m.id,
      subdistrictCode: m.subdistrict_code,
      subdistrictName: m.subdistrict_name,
      heldOn: m.held_on,
      place: m.place,
      participants: Array.isArray(m.participants) ? m.participants.length : 0,
    }));
  }

  private async load(
    caller: Caller,
    id: string,
    permission: "dashboard:read" | "minilok:manage" | "families:read",
  ): Promise<MinilokMeetingRow> {
    const row = UUID.test(id) ? await this.repos.minilok.meeting(id) : undefined;
    if (!row) throw notFound("meeting");
    requireRecordAccess(caller, permission, row.subdistrict_code, "meeting");
    return row;
  }

  /** Holds a meeting of a kecamatan; its checklist starts from the kecamatan's last edit, else the default. */
  async create(caller: Caller, body: MinilokMeetingBody, ip?: string): Promise<MinilokMeeting> {
    requireAccess(caller, "minilok:manage", body.subdistrictCode);
    if (
      regionLevelOf(body.subdistrictCode) !== "subdistrict" ||
      !(await this.repos.regions.get(body.subdistrictCode))
    )
      throw badRequest(
        "subdistrictCode",
        `expected the code of a kecamatan, got ${body.subdistrictCode}`,
        userMessage("region.notSubdistrict", { code: body.subdistrictCode }),
      );
    const reviewTo = body.reviewTo ?? nextDay(body.heldOn);
    const reviewFrom = body.reviewFrom ?? addMonths(reviewTo, -3);
    if (reviewTo <= reviewFrom)
      throw badRequest(
        "reviewTo",
        `expected a date after ${reviewFrom}, got ${reviewTo}`,
        userMessage("validation.endNotAfterStart", { from: reviewFrom, to: reviewTo }),
      );
    const id = randomUUID();
    const previous = await this.repos.minilok.previousMeeting(body.subdistrictCode, body.heldOn);
    const carried = previous ? await this.repos.minilok.checklist(previous.id) : [];
    const checklist = carried.length
      ? {
          version: previous?.checklist_version ?? DEFAULT_MINILOK_CHECKLIST.version,
          source: previous?.checklist_source ?? DEFAULT_MINILOK_CHECKLIST.source,
          confidence: previous?.checklist_confidence ?? DEFAULT_MINILOK_CHECKLIST.confidence,
          items: carried.map((c) => ({ code: c.code, group: c.item_group, label: c.label })),
        }
      : DEFAULT_MINILOK_CHECKLIST;
    await this.repos.transaction(async (tx) => {
      await tx.minilok.insertMeeting({
        id,
        district_code: districtOfCode(body.subdistrictCode),
        subdistrict_code: body.subdistrictCode,
        held_on: body.heldOn,
        place: body.place ?? null,
        review_from: reviewFrom,
        review_to: reviewTo,
        semester: body.semester ?? semesterOf(body.heldOn),
        participants: JSON.stringify(body.participants),
        notes: null,
        checklist_version: checklist.version,
        checklist_source: checklist.source,
        checklist_confidence: checklist.confidence,
        created_by: caller.id,
      });
      await tx.minilok.replaceChecklist(
        id,
        checklist.items.map((item, i) => ({
          meeting_id: id,
          position: i + 1,
          code: item.code,
          item_group: item.group,
          label: item.label,
          met: null,
          note: null,
        })),
      );
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "minilok",
        entityId: id,
        regionCode: body.subdistrictCode,
        after: { heldOn: body.heldOn, participants: body.participants.length },
        ip,
      });
    });
    return this.get(caller, id);
  }

  /** A meeting with its figures: coverage per village, checklist, verification counts, recommendations. */
  async get(caller: Caller, id: string): Promise<MinilokMeeting> {
    const m = await this.load(caller, id, "dashboard:read");
    const [checklist, reviews, verifications, recs, coverage, families, villages] = await Promise.all([
      this.repos.minilok.checklist(id),
      this.repos.minilok.reviews(id),
      this.repos.minilok.verifications(id),
      this.repos.minilok.recommendations(m.subdistrict_code),
      this.tpk.coverage(caller, m.subdistrict_code, m.review_from, m.review_to),
      this.repos.families.counts(m.subdistrict_code, m.semester),
      this.repos.regions.children(m.subdistrict_code),
    ]);
    const cov = new Map(coverage.byVillage.map((v) => [v.key, v]));
    const fam = new Map(families.map((f) => [f.village_code, f]));
    const rev = new Map(reviews.map((r) => [r.village_code, r]));
    const items = checklist.map((c) => ({
      code: c.code,
      group: c.item_group,
      label: c.label,
      met: c.met,
      note: c.note,
    }));
    const count = (kind: "kasus" | "keluarga", verdict: "valid" | "tidak_valid") =>
      verifications.filter((v) => v.kind === kind && v.verdict === verdict).length;
    return {
      id: m.id,
      districtCode: m.district_code,
      subdistrictCode: m.subdistrict_code,
      subdistrictName: m.subdistrict_name,
      heldOn: m.held_on,
      place: m.place,
      reviewFrom: m.review_from,
      reviewTo: m.review_to,
      semester: m.semester,
      participants: (Array.isArray(m.participants) ? m.participants : []) as MinilokParticipant[],
      notes: m.notes,
      checklist: {
        version: m.checklist_version,
        source: m.checklist_source,
        confidence: m.checklist_confidence,
        items,
        summary: summarizeChecklist(items),
      },
      coverage: coverage.total,
      villages: villages
        .filter((v) => v.level === "village")
        .map((v) => {
          const c: CoverageRow | undefined = cov.get(v.code);
          return {
            villageCode: v.code,
            villageName: v.name,
            targets: c?.targets ?? 0,
            assisted: c?.assisted ?? 0,
            coveragePct: c?.coveragePct ?? null,
            families: fam.get(v.code)?.families ?? 0,
            berisiko: fam.get(v.code)?.berisiko ?? 0,
            problems: rev.get(v.code)?.problems ?? null,
            followUp: rev.get(v.code)?.follow_up ?? null,
          };
        }),
      verified: {
        kasus: { valid: count("kasus", "valid"), tidakValid: count("kasus", "tidak_valid") },
        keluarga: { valid: count("keluarga", "valid"), tidakValid: count("keluarga", "tidak_valid") },
      },
      recommendations: this.reviewed(m, recs),
      version: m.version,
    };
  }

  private reviewed(m: MinilokMeetingRow, recs: MinilokRecommendationRow[]): MinilokRecommendation[] {
    return recommendationsForMeeting(
      { id: m.id, heldOn: m.held_on },
      recs.map((r) => ({
        id: r.id,
        meetingId: r.meeting_id,
        raisedOn: r.raised_on,
        dueOn: r.due_on,
        status: r.status,
        closedOn: r.closed_on,
        row: r,
      })),
    ).map(({ recommendation: { row: r }, carried, overdue }) => ({
      id: r.id,
      meetingId: r.meeting_id,
      raisedOn: r.raised_on,
      villageCode: r.village_code,
      action: r.action,
      owner: r.owner,
      dueOn: r.due_on,
      status: r.status,
      statusNote: r.status_note,
      closedOn: r.closed_on,
      carried,
      overdue,
      version: r.version,
    }));
  }

  /** Changes the place, participants and notes (a stale version gets 409 with the current meeting). */
  async update(
    caller: Caller,
    id: string,
    body: MinilokMeetingUpdateBody,
    ip?: string,
  ): Promise<MinilokMeeting> {
    const m = await this.load(caller, id, "minilok:manage");
    // the current meeting for a stale version is read after the transaction (one connection on PGlite)
    const updated = await this.repos.transaction(async (tx) => {
      const ok = await tx.minilok.updateMeeting(id, body.version, {
        place: body.place ?? null,
        notes: body.notes ?? null,
        participants: JSON.stringify(body.participants),
      });
      if (!ok) return false;
      await recordAudit(tx, {
        actor: caller,
        action: "update",
        entity: "minilok",
        entityId: id,
        regionCode: m.subdistrict_code,
        after: { participants: body.participants.length },
        ip,
      });
      return true;
    });
    if (!updated) throw staleVersion(await this.get(caller, id));
    return this.get(caller, id);
  }

  /** Replaces the checklist's items and answers (items added, edited or removed carry to the next meeting). */
  async setChecklist(
    caller: Caller,
    id: string,
    items: readonly MinilokChecklistEntry[],
    ip?: string,
  ): Promise<MinilokMeeting> {
    const m = await this.load(caller, id, "minilok:manage");
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.code))
        throw badRequest(
          `items[${i}].code`,
          `the code '${item.code}' appears more than once`,
          userMessage("minilok.duplicateItem", { code: item.code }),
        );
      seen.add(item.code);
    });
    const current = await this.repos.minilok.checklist(id);
    const sameItems =
      current.length === items.length &&
      current.every(
        (c, i) => c.code === items[i].code && c.label === items[i].label && c.item_group === items[i].group,
      );
    const edited = {
      version: sameItems ? m.checklist_version : `${m.checklist_version}+${m.subdistrict_code}-${m.held_on}`,
      source: m.checklist_source,
      confidence: m.checklist_confidence,
      items: items.map((i) => ({ code: i.code, group: i.group, label: i.label })),
    };
    if (!MinilokChecklist.safeParse(edited).success)
      throw badRequest(
        "items",
        "expected 1 to 40 items with a code and text",
        userMessage("minilok.checklistSize"),
      );
    await this.repos.transaction(async (tx) => {
      await tx.minilok.replaceChecklist(
        id,
        items.map((item, i) => ({
          meeting_id: id,
          position: i + 1,
          code: item.code,
          item_group: item.group,
          label: item.label,
          met: item.met,
          note: item.note ?? null,
        })),
      );
      if (!sameItems)
        await tx.db
          .updateTable("minilok_meetings")
          .set({ checklist_version: edited.version, updated_at: new Date() })
          .where("id", "=", id)
          .execute();
      await recordAudit(tx, {
        actor: caller,
        action: "checklist",
        entity: "minilok",
        entityId: id,
        regionCode: m.subdistrict_code,
        after: { items: items.length, met: items.filter((i) => i.met === true).length, edited: !sameItems },
        ip,
      });
    });
    return this.get(caller, id);
  }

  /** Records a village's problems and follow-up for the meeting. */
  async setReview(caller: Caller, id: string, body: MinilokReviewBody, ip?: string): Promise<MinilokMeeting> {
    const m = await this.load(caller, id, "minilok:manage");
    if (
      !body.villageCode.startsWith(`${m.subdistrict_code}.`) ||
      regionLevelOf(body.villageCode) !== "village"
    )
      throw badRequest(
        "villageCode",
        `expected a village of kecamatan ${m.subdistrict_code}, got ${body.villageCode}`,
        userMessage("minilok.villageOutside", { code: body.villageCode, subdistrict: m.subdistrict_code }),
      );
    await this.repos.transaction(async (tx) => {
      await tx.minilok.upsertReview({
        meeting_id: id,
        village_code: body.villageCode,
        problems: body.problems ?? null,
        follow_up: body.followUp ?? null,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "review",
        entity: "minilok",
        entityId: id,
        regionCode: body.villageCode,
        ip,
      });
    });
    return this.get(caller, id);
  }

  /** The named lists the meeting verifies: stunting/faltering cases (TPK targets from the posyandu) and at-risk families; audited. */
  async lists(caller: Caller, id: string, ip?: string): Promise<MinilokListsResponse> {
    const m = await this.load(caller, id, "families:read");
    const [targets, families, verifications] = await Promise.all([
      this.repos.tpk.targets(m.subdistrict_code),
      this.repos.families.search({
        region: m.subdistrict_code,
        semester: m.semester,
        verdict: "berisiko",
        limit: 2000,
        offset: 0,
      }),
      this.repos.minilok.verifications(id),
    ]);
    const v = new Map(verifications.map((x) => [`${x.kind}:${x.entity_id}`, x]));
    const kasus: MinilokListEntry[] = targets
      .filter((t) => t.source === "posyandu")
      .map((t) => ({
        kind: "kasus",
        id: t.id,
        villageCode: t.village_code,
        villageName: t.village_name,
        name: t.name,
        reasons: Array.isArray(t.reasons) ? (t.reasons as string[]) : [],
        lastVisit: t.last_visit,
        verdict: v.get(`kasus:${t.id}`)?.verdict ?? null,
        note: v.get(`kasus:${t.id}`)?.note ?? null,
      }));
    const keluarga: MinilokListEntry[] = families.rows.map((f) => {
      const factors = (f.krs_factors ?? {}) as Record<string, { value: boolean | null }>;
      return {
        kind: "keluarga",
        id: f.id,
        villageCode: f.village_code,
        villageName: f.village_name,
        name: f.head_name,
        reasons: KRS_FACTORS.filter((k) => factors[k]?.value === true),
        lastVisit: null,
        verdict: v.get(`keluarga:${f.id}`)?.verdict ?? null,
        note: v.get(`keluarga:${f.id}`)?.note ?? null,
      };
    });
    await recordAudit(this.repos, {
      actor: caller,
      action: "list",
      entity: "minilok_lists",
      entityId: id,
      regionCode: m.subdistrict_code,
      after: { kasus: kasus.length, keluarga: keluarga.length },
      ip,
    });
    return { kasus, keluarga };
  }

  /** Records whether a listed case or family was found valid at the meeting; audited. */
  async verify(
    caller: Caller,
    id: string,
    body: MinilokVerificationBody,
    ip?: string,
  ): Promise<{ ok: true }> {
    const m = await this.load(caller, id, "minilok:manage");
    requireAccess(caller, "families:read", m.subdistrict_code);
    const village =
      body.kind === "kasus"
        ? (await this.repos.tpk.findTarget(body.entityId))?.village_code
        : (await this.repos.families.find(body.entityId))?.village_code;
    if (!village?.startsWith(`${m.subdistrict_code}.`))
      throw badRequest(
        "entityId",
        `expected a ${body.kind === "kasus" ? "case" : "family"} of kecamatan ${m.subdistrict_code}`,
        userMessage(body.kind === "kasus" ? "minilok.caseOutside" : "minilok.familyOutside", {
          subdistrict: m.subdistrict_code,
        }),
      );
    await this.repos.transaction(async (tx) => {
      await tx.minilok.upsertVerification({
        meeting_id: id,
        kind: body.kind,
        entity_id: body.entityId,
        verdict: body.verdict,
        note: body.note ?? null,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "verify",
        entity: body.kind === "kasus" ? "tpk_target" : "family",
        entityId: body.entityId,
        regionCode: village,
        after: { meetingId: id, verdict: body.verdict },
        ip,
      });
    });
    return { ok: true };
  }

  /** Adds a recommendation of the meeting (owner, due date; status `belum`). */
  async addRecommendation(
    caller: Caller,
    id: string,
    body: MinilokRecommendationBody,
    ip?: string,
  ): Promise<MinilokMeeting> {
    const m = await this.load(caller, id, "minilok:manage");
    if (body.villageCode && !body.villageCode.startsWith(`${m.subdistrict_code}.`))
      throw badRequest(
        "villageCode",
        `expected a village of kecamatan ${m.subdistrict_code}, got ${body.villageCode}`,
        userMessage("minilok.villageOutside", { code: body.villageCode, subdistrict: m.subdistrict_code }),
      );
    if (body.dueOn && body.dueOn < m.held_on)
      throw badRequest(
        "dueOn",
        `the due date ${body.dueOn} is before the meeting (${m.held_on})`,
        userMessage("minilok.dueBeforeMeeting", { date: body.dueOn, meeting: m.held_on }),
      );
    const recId = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.minilok.insertRecommendation({
        id: recId,
        meeting_id: id,
        subdistrict_code: m.subdistrict_code,
        village_code: body.villageCode ?? null,
        action: body.action,
        owner: body.owner,
        due_on: body.dueOn ?? null,
        status_note: null,
        closed_on: null,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "minilok_recommendation",
        entityId: recId,
        regionCode: m.subdistrict_code,
        after: { owner: body.owner, dueOn: body.dueOn ?? null },
        ip,
      });
    });
    return this.get(caller, id);
  }

  /** Sets a recommendation's status (at a meeting, whose date closes it; else today). */
  async updateRecommendation(
    caller: Caller,
    recId: string,
    body: MinilokRecommendationUpdateBody,
    ip?: string,
  ): Promise<MinilokRecommendation> {
    const r = UUID.test(recId) ? await this.repos.minilok.recommendation(recId) : undefined;
    if (!r) throw notFound("recommendation");
    requireRecordAccess(caller, "minilok:manage", r.subdistrict_code, "recommendation");
    let on = todayInIndonesia(this.ctx.now());
    if (body.meetingId) {
      const meeting = await this.repos.minilok.meeting(body.meetingId);
      if (!meeting || meeting.subdistrict_code !== r.subdistrict_code)
        throw badRequest(
          "meetingId",
          "expected a meeting of the same kecamatan",
          userMessage("minilok.meetingOtherSubdistrict"),
        );
      on = meeting.held_on;
    }
    const closing = body.status === "selesai" || body.status === "batal";
    await this.repos.transaction(async (tx) => {
      const ok = await tx.minilok.updateRecommendation(recId, body.version, {
        status: body.status,
        status_note: body.statusNote ?? r.status_note,
        closed_on: closing ? (r.closed_on ?? on) : null,
        owner: body.owner ?? r.owner,
        due_on: body.dueOn === undefined ? r.due_on : body.dueOn,
      });
      if (!ok) throw staleVersion(null);
      await recordAudit(tx, {
        actor: caller,
        action: "update",
        entity: "minilok_recommendation",
        entityId: recId,
        regionCode: r.subdistrict_code,
        before: { status: r.status },
        after: { status: body.status },
        ip,
      });
    });
    const now = await this.repos.minilok.recommendation(recId);
    if (!now) throw notFound("recommendation");
    const meeting = await this.repos.minilok.meeting(body.meetingId ?? r.meeting_id);
    const [shown] = meeting ? this.reviewed(meeting, [now]) : [];
    return shown;
  }

  /** The minutes (berita acara/notulen) of a meeting as a PDF: aggregate figures, no names of families or children. */
  async minutes(caller: Caller, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    const m = await this.get(caller, id);
    const name = m.subdistrictName ?? m.subdistrictCode;
    const blocks: PdfDocument["blocks"][number][] = [
      {
        kind: "fields",
        rows: [
          ["Kecamatan", name],
          ["Tanggal", formatPdfDate(m.heldOn)],
          ["Tempat", m.place ?? "—"],
          [
            "Periode pendampingan ditinjau",
            `${formatPdfDate(m.reviewFrom)} – ${formatPdfDate(nextDayBefore(m.reviewTo))}`,
          ],
          ["Data keluarga", `Semester ${m.semester}`],
        ],
      },
      { kind: "heading", text: "1. Peserta" },
      m.participants.length
        ? {
            kind: "table",
            headers: ["No", "Nama", "Instansi", "Peran"],
            widths: ["auto", "*", "*", "*"],
            rows: m.participants.map((p, i) => [i + 1, p.name, p.agency ?? null, p.role ?? null]),
          }
        : { kind: "paragraph", text: "Belum dicatat." },
      { kind: "heading", text: "2. Cakupan pendampingan keluarga per desa" },
      {
        kind: "table",
        headers: [
          "Desa/Kel",
          "Sasaran",
          "Didampingi",
          "Cakupan",
          "Keluarga",
          "Berisiko",
          "Masalah",
          "Tindak lanjut",
        ],
        widths: ["*", "auto", "auto", "auto", "auto", "auto", "*", "*"],
        rows: m.villages.map((v) => [
          v.villageName ?? v.villageCode,
          v.targets,
          v.assisted,
          pct(v.coveragePct),
          v.families,
          v.berisiko,
          v.problems,
          v.followUp,
        ]),
        totalRow: [
          "Jumlah",
          m.coverage.targets,
          m.coverage.assisted,
          pct(m.coverage.coveragePct),
          m.villages.reduce((s, v) => s + v.families, 0),
          m.villages.reduce((s, v) => s + v.berisiko, 0),
          null,
          null,
        ],
      },
      { kind: "heading", text: '3. Daftar periksa pelaksanaan "3 standar dan 4 PASTI"' },
      {
        kind: "paragraph",
        text:
          m.checklist.confidence === "mem"
            ? `Butir daftar periksa belum terkonfirmasi dengan juknis minilok BKKBN (versi ${m.checklist.version}).`
            : `Versi daftar periksa: ${m.checklist.version}.`,
      },
      {
        kind: "table",
        headers: ["Kelompok", "Butir", "Terpenuhi", "Catatan"],
        widths: ["auto", "*", "auto", "*"],
        rows: m.checklist.items.map((i) => [
          GROUP_LABEL[i.group] ?? i.group,
          i.label,
          i.met === null ? "belum dinilai" : i.met ? "ya" : "tidak",
          i.note,
        ]),
      },
      {
        kind: "table",
        headers: ["Kelompok", "Butir", "Terpenuhi", "Tidak", "Belum dinilai", "% terpenuhi"],
        rows: m.checklist.summary.map((s) => [
          GROUP_LABEL[s.group] ?? s.group,
          s.items,
          s.met,
          s.notMet,
          s.notAssessed,
          pct(s.metPct),
        ]),
      },
      { kind: "heading", text: "4. Verifikasi dan validasi data" },
      {
        kind: "table",
        headers: ["Data", "Valid", "Tidak valid"],
        rows: [
          [
            "Kasus stunting / gagal tumbuh (sasaran TPK dari posyandu)",
            m.verified.kasus.valid,
            m.verified.kasus.tidakValid,
          ],
          ["Keluarga berisiko stunting", m.verified.keluarga.valid, m.verified.keluarga.tidakValid],
        ],
      },
      { kind: "heading", text: "5. Rencana tindak lanjut" },
      m.recommendations.length
        ? {
            kind: "table",
            headers: ["No", "Tindak lanjut", "Penanggung jawab", "Batas waktu", "Status", "Asal"],
            widths: ["auto", "*", "*", "auto", "auto", "auto"],
            rows: m.recommendations.map((r, i) => [
              i + 1,
              r.action,
              r.owner,
              r.dueOn ? formatPdfDate(r.dueOn) : null,
              `${STATUS_LABEL[r.status]}${r.overdue ? " (lewat batas)" : ""}`,
              r.carried ? `rapat ${formatPdfDate(r.raisedOn)}` : "rapat ini",
            ]),
          }
        : { kind: "paragraph", text: "Tidak ada." },
    ];
    if (m.notes) blocks.push({ kind: "heading", text: "6. Catatan" }, { kind: "paragraph", text: m.notes });
    blocks.push({
      kind: "signatures",
      place: name,
      date: formatPdfDate(m.heldOn),
      people: [
        { role: "Camat", name: "(………………………)" },
        { role: "Notulis", name: "(………………………)" },
      ],
    });
    const pdf = await renderPdf({
      title: "Notulen Mini Lokakarya Kecamatan",
      subtitle: `Kecamatan ${name} — ${formatPdfDate(m.heldOn)}`,
      letterhead: ["Tim Percepatan Penurunan Stunting Kecamatan", `Kecamatan ${name}`],
      blocks,
      orientation: "landscape",
      synthetic: this.ctx.demo.synthetic,
    });
    return { fileName: pdfFileName("notulen-minilok", name, m.heldOn), pdf };
  }
}

function nextDayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
