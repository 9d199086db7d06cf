/**
 * Aksi 6–8 of a cycle: the links to the data-quality report (aksi 6) and to the public page of the
 * cycle's year with the district's commentary (aksi 7), and the annual review (aksi 8) — indicator
 * targets vs achieved, the stunting trend from the roll-ups, the village scorecards, KPM, rembuk and
 * regulations of the year, the lessons — printable, and copied into next year's analisis situasi.
 *
 * Access: the district (aksi:write) writes its own review; whoever reads the cycle reads it.
 */

import { userMessage } from "@tumbuh/core";
import type { AksiReview, ReviewBody } from "@tumbuh/core/api";
import {
  desaScorecardFromCounts,
  indicatorByCode,
  NATIONAL_TARGETS,
  percent,
  type ScorecardCounts,
  targetFor,
} from "@tumbuh/core/programme";
import { checkAccess } from "../auth/access.ts";
import { formatPdfNumber, type PdfDocument, pdfFileName, renderPdf } from "../pdf/document.ts";
import { type AksiCaller, type AksiService, loadCycle } from "./aksi.ts";
import { findAksiConfig } from "./aksi-config.ts";
import { recordAudit } from "./audit.ts";
import { holdsDemoData, type ServiceContext } from "./context.ts";
import { badRequest, notFound, staleVersion } from "./errors.ts";

/** Years of the stunting trend shown, up to the cycle's year. */
const TREND_YEARS = 5;

/** The heading the lessons carry in next year's analisis situasi notes. */
const lessonsHeading = (year: number) => `Pelajaran dari reviu kinerja tahun ${year}:`;

/** The publication columns a save sets: kept when not asked, the first publication time kept on republishing. */
function publication(published: boolean | undefined, current: Date | null, by: string) {
  if (published === undefined) return {};
  if (!published) return { publication_published_at: null, publication_published_by: null };
  return current ? {} : { publication_published_at: new Date(), publication_published_by: by };
}

export class AksiReviewService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly aksi: AksiService,
  ) {}

  private get repos() {
    return this.ctx.repos;
  }

  /** The review of a cycle, its stored parts and those computed now. */
  async get(user: AksiCaller, cycleId: string): Promise<AksiReview> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:read");
    const district = cycle.district_code;
    const row = await this.repos.aksiDocs.review(district, cycle.id);

    const yearly = (await this.repos.rollups.own(district))
      .filter(
        (r) =>
          /^\d{4}$/.test(r.period) &&
          Number(r.period) <= cycle.year &&
          Number(r.period) > cycle.year - TREND_YEARS,
      )
      .sort((a, b) => a.period.localeCompare(b.period));
    const stuntingTrend = yearly.map((r) => ({
      year: Number(r.period),
      measured: r.haz_valid,
      stunted: r.stunted,
      prevalencePct: percent(r.stunted, r.haz_valid),
    }));
    const target = targetFor(indicatorByCode("STUNTING"), district, cycle.year, NATIONAL_TARGETS);

    const cards = await this.repos.aksiDocs.scorecardsIn(district, district, String(cycle.year));
    const quarters = [...new Set(cards.map((c) => c.quarter))].sort();
    const scorecards = quarters.map((q) => {
      let y = 0;
      let denominator = 0;
      const of = cards.filter((c) => c.quarter === q);
      for (const c of of) {
        const input: ScorecardCounts = {
          targets: { ibu_hamil: c.targets_ibu_hamil, anak_0_23: c.targets_anak },
          counts: (c.counts ?? {}) as ScorecardCounts["counts"],
        };
        const level = desaScorecardFromCounts(q, input).level;
        y += level.y;
        denominator += level.denominator;
      }
      return { quarter: q, villages: of.length, levelPct: percent(y, denominator) };
    });

    const villages = await this.repos.regions.villagesOf(district);
    const kpm = (await this.repos.aksiDocs.kpmIn(district, district)).filter((k) => k.active);
    const rembuk = await this.repos.aksiDocs.rembukOfCycle(district, cycle.id);
    const regulations = await this.repos.aksiDocs.regulationsIn(district, district);

    return {
      cycleId: cycle.id,
      districtCode: district,
      districtName: (await this.repos.regions.name(district)) ?? district,
      year: cycle.year,
      publicationComment: row?.publication_comment ?? "",
      publicationPublishedAt: row?.publication_published_at
        ? new Date(row.publication_published_at).toISOString()
        : null,
      lessons: row?.lessons ?? "",
      indicators: Array.isArray(row?.indicators) ? (row.indicators as AksiReview["indicators"]) : [],
      stuntingTrend,
      stuntingTarget: target ? { value: target.value, source: target.source } : null,
      scorecards,
      kpm: {
        villages: villages.length,
        villagesWithKpm: new Set(kpm.map((k) => k.village_code)).size,
        kpm: kpm.length,
        trained: kpm.filter((k) => k.trained_on !== null).length,
      },
      rembuk: rembuk.length,
      regulations: regulations.filter((r) => r.issued_on.slice(0, 4) <= String(cycle.year)).length,
      activities: null,
      links: {
        dataQuality: `#/quality?region=${district}&period=${cycle.year}`,
        publicPage: `#/publik?district=${district}&period=${cycle.year}`,
      },
      prefilledCycleId: row?.prefilled_cycle_id ?? null,
      version: row?.version ?? 0,
      canEdit: checkAccess(user, "aksi:write", district) === null,
    };
  }

  /** The district saves its commentary (aksi 7), indicators and lessons (aksi 8); 409 when stale. */
  async save(user: AksiCaller, cycleId: string, body: ReviewBody): Promise<AksiReview> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:write");
    await this.repos.transaction(async (tx) => {
      const before = await tx.aksiDocs.review(cycle.district_code, cycle.id);
      const saved = await tx.aksiDocs.saveReview(
        {
          cycle_id: cycle.id,
          district_code: cycle.district_code,
          publication_comment: body.publicationComment ?? (body.version === 0 ? "" : undefined),
          lessons: body.lessons ?? (body.version === 0 ? "" : undefined),
          ...publication(body.publicationPublished, before?.publication_published_at ?? null, user.id),
          indicators:
            body.indicators !== undefined
              ? JSON.stringify(body.indicators)
              : body.version === 0
                ? "[]"
                : undefined,
          updated_by: user.id,
        },
        body.version,
      );
      if (!saved) throw staleVersion(before ?? null);
      await recordAudit(tx, {
        actor: user,
        action: body.version === 0 ? "create" : "update",
        entity: "aksi_review",
        entityId: cycle.id,
        regionCode: cycle.district_code,
        before: before ?? null,
        after: body,
      });
    });
    return this.get(user, cycleId);
  }

  /**
   * Copies the review's lessons into the notes of next year's analisis situasi (the first aksi of
   * that cycle's configuration), opening next year's cycle when it is not open yet. Copying twice
   * does not repeat them.
   */
  async prefillNext(user: AksiCaller, cycleId: string): Promise<{ cycleId: string; aksiCode: string }> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:write");
    const row = await this.repos.aksiDocs.review(cycle.district_code, cycle.id);
    if (!row?.lessons.trim())
      throw badRequest("lessons", "the review has no lessons to copy", userMessage("aksi.reviewNoLessons"));
    const next =
      (await this.repos.aksi.cycleOf(cycle.district_code, cycle.year + 1)) ??
      (await this.repos.aksi.cycle((await this.aksi.open(user, cycle.district_code, cycle.year + 1)).id));
    if (!next) throw notFound("aksi cycle");
    const config = await findAksiConfig(this.repos, { version: next.config_version });
    const first = config?.aksi[0];
    if (!first) throw notFound(`aksi configuration ${next.config_version}`);
    const entry = await this.repos.aksi.entry(next.id, first.code);
    if (!entry) throw notFound(`aksi ${first.code}`);
    const heading = lessonsHeading(cycle.year);
    const block = `${heading}\n${row.lessons.trim()}`;
    const notes = entry.notes.includes(heading)
      ? entry.notes.replace(
          new RegExp(`${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\s\\S]*?(?=\\n\\n|$)`),
          block,
        )
      : [block, entry.notes].filter(Boolean).join("\n\n");
    await this.aksi.update(user, next.id, first.code, { notes, version: entry.version });
    await this.repos.aksiDocs.saveReview(
      {
        cycle_id: cycle.id,
        district_code: cycle.district_code,
        prefilled_cycle_id: next.id,
        updated_by: user.id,
      },
      row.version,
    );
    return { cycleId: next.id, aksiCode: first.code };
  }

  /** The annual review as a PDF. */
  async pdf(user: AksiCaller, cycleId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const r = await this.get(user, cycleId);
    const detail = await this.aksi.detail(user, cycleId);
    const num = (v: number | null, unit = "") =>
      v === null ? null : `${formatPdfNumber(Math.round(v * 10) / 10)}${unit}`;
    const latest = r.stuntingTrend.at(-1);
    const doc: PdfDocument = {
      title: "Reviu Kinerja Tahunan Aksi Konvergensi",
      subtitle: `${r.districtName} — Tahun ${r.year}`,
      letterhead: [`Pemerintah ${r.districtName}`, "Tim Percepatan Penurunan Stunting"],
      synthetic: holdsDemoData(this.ctx.demo, r.districtCode),
      blocks: [
        { kind: "heading", text: "Pelaksanaan aksi" },
        {
          kind: "table",
          headers: ["Aksi", "Nama", "Status", "Kemajuan"],
          widths: ["auto", "*", "auto", "auto"],
          rows: detail.entries.map((e) => [e.aksiCode, e.name, e.status, num(e.progressPct, "%")]),
          totalRow: ["", "Siklus", "", num(detail.cycle.progressPct, "%")],
        },
        { kind: "heading", text: "Target dan capaian indikator" },
        {
          kind: "table",
          headers: ["Indikator", "Target", "Capaian", "Sumber"],
          widths: ["*", "auto", "auto", "*"],
          rows: [
            [
              `Prevalensi stunting ${r.year} (data rutin)`,
              r.stuntingTarget ? num(r.stuntingTarget.value, "%") : null,
              latest && latest.year === r.year ? num(latest.prevalencePct, "%") : null,
              "Roll-up pengukuran (e-PPGBM / posyandu)",
            ],
            ...r.indicators.map((i) => [i.name, num(i.target, i.unit), num(i.achieved, i.unit), i.source]),
          ],
        },
        { kind: "heading", text: "Tren stunting" },
        {
          kind: "table",
          headers: ["Tahun", "Balita diukur (TB/U sah)", "Stunting", "Prevalensi"],
          rows: r.stuntingTrend.map((t) => [
            String(t.year),
            t.measured,
            t.stunted,
            num(t.prevalencePct, "%"),
          ]),
        },
        { kind: "heading", text: "Konvergensi desa (scorecard)" },
        {
          kind: "table",
          headers: ["Triwulan", "Desa melapor", "Tingkat konvergensi"],
          rows: r.scorecards.map((s) => [s.quarter, s.villages, num(s.levelPct, "%")]),
        },
        {
          kind: "fields",
          rows: [
            ["Desa dengan KPM", `${r.kpm.villagesWithKpm} dari ${r.kpm.villages}`],
            ["KPM aktif / terlatih", `${r.kpm.kpm} / ${r.kpm.trained}`],
            ["Rembuk stunting", String(r.rembuk)],
            ["Regulasi peran desa", String(r.regulations)],
            ["Rencana vs realisasi kegiatan", "belum ada rencana kegiatan di Tumbuh"],
          ],
        },
        { kind: "heading", text: "Publikasi (aksi 7): catatan kabupaten/kota" },
        { kind: "paragraph", text: r.publicationComment || "—" },
        { kind: "heading", text: "Pelajaran dan rekomendasi" },
        { kind: "paragraph", text: r.lessons || "—" },
      ],
    };
    return {
      fileName: pdfFileName("reviu-kinerja-tahunan", r.districtName, String(r.year)),
      pdf: await renderPdf(doc),
    };
  }
}
