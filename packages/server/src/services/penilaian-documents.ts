/**
 * Penilaian kinerja as files for the province: the ranking and every panelist's grade as XLSX, and
 * the printable result (ranking, awards, recommendations, the chair's signature) as PDF. Both read
 * through PenilaianService, so they carry its access checks (penilaian:manage of the province).
 */
import type { AssessmentView } from "@tumbuh/core/api";
import type { PenilaianInstrument, PenilaianResult } from "@tumbuh/core/programme";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/access.ts";
import { type PdfLanguage, pdfFileName, renderPdf } from "../pdf/document.ts";
import type { PenilaianService } from "./penilaian.ts";

export interface PenilaianFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const T = {
  id: {
    title: "Hasil Penilaian Kinerja Aksi Konvergensi Percepatan Penurunan Stunting",
    province: "Pemerintah Provinsi",
    team: "Tim Penilai Kinerja Kabupaten/Kota",
    year: "Tahun",
    status: "Status",
    draft: "DRAF — belum diumumkan",
    published: "Diumumkan",
    decree: "Nomor SK/Surat Gubernur",
    rank: "Peringkat",
    district: "Kabupaten/Kota",
    total: "Nilai akhir",
    awards: "Penghargaan",
    recs: "Rekomendasi kepada kabupaten/kota",
    none: "—",
    chair: "Ketua Tim Panelis",
    unranked: "tidak diperingkat (belum lengkap)",
  },
  en: {
    title: "Performance Assessment of the Convergence Actions for Stunting Reduction: Results",
    province: "Provincial Government of",
    team: "District Performance Assessment Team",
    year: "Year",
    status: "Status",
    draft: "DRAFT — not announced",
    published: "Announced",
    decree: "Governor's decree number",
    rank: "Rank",
    district: "District",
    total: "Final score",
    awards: "Awards",
    recs: "Recommendations to the districts",
    none: "—",
    chair: "Chair of the panel",
    unranked: "not ranked (incomplete)",
  },
} as const;

function componentNames(instrument: PenilaianInstrument): { code: string; name: string; weight: number }[] {
  return instrument.components.map((c) => ({ code: c.code, name: c.name, weight: c.weight }));
}

function rankingRows(view: AssessmentView, result: PenilaianResult) {
  const recs = new Map(view.districts.map((d) => [d.code, d.recommendation]));
  return result.districts.map((d) => ({
    rank: d.rank,
    code: d.code,
    name: d.name ?? d.code,
    components: view.instrument.components.map(
      (c) => d.components.find((x) => x.code === c.code)?.score ?? null,
    ),
    total: d.total,
    complete: d.complete,
    awards: d.awards.join(", "),
    recommendation: recs.get(d.code) ?? "",
  }));
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export class PenilaianDocuments {
  constructor(private readonly penilaian: PenilaianService) {}

  /** Two sheets: the ranking (scores per component, total, awards, recommendation) and every grade with its note. */
  async xlsx(user: Actor, id: string): Promise<PenilaianFile> {
    const result = await this.penilaian.result(user, id);
    const view = await this.penilaian.view(user, id);
    const { grades } = await this.penilaian.grades(user, id);
    const wb = new ExcelJS.Workbook();
    const ranking = wb.addWorksheet("Peringkat");
    const comps = componentNames(view.instrument);
    ranking.addRow([
      "Peringkat",
      "Kode",
      "Kabupaten/Kota",
      ...comps.map((c) => `${c.name} (bobot ${c.weight})`),
      "Nilai akhir",
      "Lengkap",
      "Penghargaan",
      "Rekomendasi",
    ]);
    ranking.getRow(1).font = { bold: true };
    for (const r of rankingRows(view, result))
      ranking.addRow([
        r.rank,
        r.code,
        r.name,
        ...r.components.map(round2),
        r.total,
        r.complete ? "ya" : "tidak",
        r.awards,
        r.recommendation,
      ]);
    const sheet = wb.addWorksheet("Nilai panelis");
    sheet.addRow(["Kode", "Kabupaten/Kota", "Indikator", "Panelis", "Nilai", "Catatan"]);
    sheet.getRow(1).font = { bold: true };
    const names = new Map(view.districts.map((d) => [d.code, d.name]));
    for (const g of grades)
      sheet.addRow([
        g.districtCode,
        names.get(g.districtCode) ?? g.districtCode,
        g.itemCode,
        g.username,
        g.grade,
        g.note,
      ]);
    return {
      fileName: `penilaian-kinerja-${view.provinceCode}-${view.year}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    };
  }

  /** The printable result: a draft is marked as such; the chair signs. */
  async pdf(
    user: Actor,
    id: string,
    opts: { language: PdfLanguage; synthetic: boolean },
  ): Promise<PenilaianFile> {
    const t = T[opts.language];
    const result = await this.penilaian.result(user, id);
    const view = await this.penilaian.view(user, id);
    const comps = componentNames(view.instrument);
    const rows = rankingRows(view, result);
    const chair = view.panel.find((p) => p.role === "ketua");
    const body = await renderPdf({
      title: t.title,
      subtitle: `${view.provinceName} · ${t.year} ${view.year}`,
      letterhead: [`${t.province} ${view.provinceName}`, t.team],
      orientation: "landscape",
      language: opts.language,
      synthetic: opts.synthetic,
      blocks: [
        {
          kind: "fields",
          rows: [
            [t.status, view.status === "published" ? t.published : t.draft],
            [t.decree, view.decreeNumber ?? t.none],
          ],
        },
        {
          kind: "table",
          headers: [t.rank, t.district, ...comps.map((c) => c.name), t.total, t.awards],
          rows: rows.map((r) => [
            r.rank === null ? t.unranked : r.rank,
            r.name,
            ...r.components.map(round2),
            r.total,
            r.awards || t.none,
          ]),
        },
        { kind: "heading", text: t.recs },
        {
          kind: "list",
          items: rows.map((r) => `${r.name}: ${r.recommendation || t.none}`),
        },
        {
          kind: "signatures",
          people: [{ role: t.chair, name: chair?.displayName ?? "" }],
        },
      ],
    });
    return {
      fileName: pdfFileName("penilaian-kinerja", view.provinceCode, String(view.year)),
      contentType: "application/pdf",
      body,
    };
  }
}
