/** The 2025 regrouping of the aksi konvergensi, as configuration (see aksi.ts). */
import type { AksiConfig } from "./aksi.ts";

const TRANSFORMASI_2025 =
  "workflows.md §1.3 (malinau.go.id 18 May 2025; bedanews.com; Kemendagri sosialisasi 17 Apr 2025, kukarkab.go.id); programme.md §1 (slidepub Kutim deck)";

/**
 * The 2025 regrouping: four aksi utama and the aksi pendukung; kecamatan run their own analisis
 * situasi. The sources give the grouping, not the due months or every output: those are null or
 * marked `mem`.
 */
export const AKSI_2025: AksiConfig = {
  version: "transformasi-2025",
  title: "Transformasi aksi konvergensi 2025: aksi utama dan aksi pendukung",
  validFrom: 2025,
  validUntil: null,
  sources: [TRANSFORMASI_2025, "DESIGN.md §1.3"],
  notes: [
    "Based on the draft revision of Perpres 72/2021; the per-aksi entry fields of konvergensi.bangda.kemendagri.go.id were not found (workflows.md §1.3).",
    "No due months were found for 2025: dueMonth is null until a national admin configures them.",
    "Evaluation classifies each district as Berdaya, Berkembang or Bertumbuh.",
  ],
  aksi: [
    {
      code: "U1",
      name: "Analisis situasi",
      group: "utama",
      levels: ["kabupaten_kota", "kecamatan"],
      pic: ["Bappeda", "Kecamatan"],
      outputs: [
        {
          code: "U1.ansit-eppgbm",
          kind: "data",
          name: "Analisis situasi dari data e-PPGBM",
          confidence: "src",
        },
        {
          code: "U1.sasaran-kecamatan",
          kind: "data",
          name: "Data sasaran kecamatan (ibu hamil, baduta, balita) diverifikasi camat",
          confidence: "src",
        },
        {
          code: "U1.kendala-anggaran",
          kind: "data",
          name: "Identifikasi kendala anggaran",
          confidence: "src",
        },
        {
          code: "U1.rekomendasi-lokus",
          kind: "keputusan",
          name: "Desa/kelurahan lokus dan intervensi prioritas",
          confidence: "mem",
          fulfilledBy: "lokus",
        },
      ],
      dueMonth: null,
      timing: "Tidak disebut dalam sumber",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: TRANSFORMASI_2025,
    },
    {
      code: "U2",
      name: "Penguatan perencanaan",
      group: "utama",
      levels: ["kabupaten_kota"],
      pic: ["Bappeda"],
      outputs: [
        {
          code: "U2.target-rpjmd-rkpd",
          kind: "data",
          name: "Target RPJMD dan RKPD terhadap baseline",
          confidence: "src",
        },
        {
          code: "U2.tagging-apbd",
          kind: "data",
          name: "Penandaan (tagging) APBD: belanja langsung ke sasaran",
          confidence: "src",
        },
        {
          code: "U2.rencana-kegiatan",
          kind: "dokumen",
          name: "Rencana kegiatan terintegrasi",
          confidence: "mem",
          fulfilledBy: "rencana",
        },
      ],
      dueMonth: null,
      timing: "Tidak disebut dalam sumber",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: TRANSFORMASI_2025,
    },
    {
      code: "U3",
      name: "Penguatan pelaksanaan",
      group: "utama",
      levels: ["kabupaten_kota"],
      pic: ["OPD pelaksana"],
      outputs: [
        {
          code: "U3.realisasi",
          kind: "data",
          name: "Realisasi kegiatan dan anggaran terhadap sasaran",
          confidence: "mem",
        },
      ],
      dueMonth: null,
      timing: "Tidak disebut dalam sumber",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: TRANSFORMASI_2025,
    },
    {
      code: "U4",
      name: "Penilaian hasil (monev)",
      group: "utama",
      levels: ["kabupaten_kota"],
      pic: ["Bappeda"],
      outputs: [
        {
          code: "U4.laporan-monev",
          kind: "dokumen",
          name: "Laporan pemantauan dan evaluasi",
          confidence: "mem",
          fulfilledBy: "reviu",
        },
        {
          code: "U4.klasifikasi",
          kind: "keputusan",
          name: "Klasifikasi hasil evaluasi: Berdaya / Berkembang / Bertumbuh",
          confidence: "src",
        },
      ],
      dueMonth: null,
      timing: "Tidak disebut dalam sumber",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: TRANSFORMASI_2025,
    },
    {
      code: "P1",
      name: "Regulasi",
      group: "pendukung",
      levels: ["kabupaten_kota"],
      pic: ["Bagian Hukum Setda"],
      outputs: [
        {
          code: "P1.regulasi",
          kind: "keputusan",
          name: "Peraturan daerah pendukung (Perbup/Perwali)",
          confidence: "mem",
          fulfilledBy: "regulasi",
        },
      ],
      dueMonth: null,
      timing: "Tidak disebut dalam sumber",
      confidence: "mem",
      dueMonthConfidence: "mem",
      source: TRANSFORMASI_2025,
    },
    {
      code: "P2",
      name: "Publikasi",
      group: "pendukung",
      levels: ["kabupaten_kota"],
      pic: ["Dinas Kesehatan"],
      outputs: [
        {
          code: "P2.publikasi",
          kind: "dokumen",
          name: "Publikasi data stunting",
          confidence: "mem",
          fulfilledBy: "publikasi",
        },
      ],
      dueMonth: null,
      timing: "Tidak disebut dalam sumber",
      confidence: "mem",
      dueMonthConfidence: "mem",
      source: TRANSFORMASI_2025,
    },
  ],
};
