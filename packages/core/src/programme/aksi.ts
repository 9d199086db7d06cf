/**
 * The aksi konvergensi a district (and, from 2025, a kecamatan) carries out each year, as versioned
 * configuration: the 2022 technical guidance (8 aksi) and the 2025 regrouping ("transformasi aksi
 * konvergensi": aksi utama and aksi pendukung). Each aksi names its PIC, its required outputs
 * (documents, data, decisions) and the month it is due, with the source and how sure it is.
 * A national admin may add a configuration for a year; `aksiConfigForYear` tells which applies.
 */
import { z } from "zod";
import { Confidence, reportDuplicates } from "./config.ts";

/** What an aksi must produce: a document, data, or a decision (keputusan). */
export const AksiOutputKind = z.enum(["dokumen", "data", "keputusan"]);
export type AksiOutputKind = z.infer<typeof AksiOutputKind>;

export const AksiOutput = z.object({
  /** Unique within the configuration, e.g. `1.rekomendasi-lokus`. */
  code: z.string().min(1),
  kind: AksiOutputKind,
  name: z.string().min(1),
  confidence: Confidence,
});
export type AksiOutput = z.infer<typeof AksiOutput>;

/** The levels of government that carry out an aksi. */
export const AksiLevel = z.enum(["kabupaten_kota", "kecamatan"]);
export type AksiLevel = z.infer<typeof AksiLevel>;

export const AksiDefinition = z.object({
  /** `1` … `8` in 2022; `U1` … `U4` (aksi utama) and `P1`, `P2` (aksi pendukung) in 2025. */
  code: z.string().min(1),
  name: z.string().min(1),
  /** `utama` or `pendukung` from 2025; null in the 2022 guidance, which does not group the aksi. */
  group: z.enum(["utama", "pendukung"]).nullable(),
  levels: z.array(AksiLevel).min(1),
  /** The responsible agencies (PIC), first the lead. */
  pic: z.array(z.string().min(1)).min(1),
  outputs: z.array(AksiOutput),
  /** Month (1–12) of the year by which the aksi is due; null when the source gives none. */
  dueMonth: z.number().int().min(1).max(12).nullable(),
  /** The timing as the source words it. */
  timing: z.string(),
  /** How sure the name, group and PIC are. */
  confidence: Confidence,
  dueMonthConfidence: Confidence,
  source: z.string().min(1),
});
export type AksiDefinition = z.infer<typeof AksiDefinition>;

/** A version of the aksi list, applying from `validFrom` until the next version (or `validUntil`). */
export const AksiConfig = z
  .object({
    version: z.string().min(1),
    title: z.string().min(1),
    validFrom: z.number().int().min(2018).max(2100),
    validUntil: z.number().int().min(2018).max(2100).nullable(),
    sources: z.array(z.string().min(1)).min(1),
    notes: z.array(z.string()),
    aksi: z.array(AksiDefinition).min(1),
  })
  .superRefine((c, ctx) => {
    reportDuplicates(
      ctx,
      c.aksi.map((a) => a.code),
      ["aksi"],
      "aksi code",
    );
    reportDuplicates(
      ctx,
      c.aksi.flatMap((a) => a.outputs.map((o) => o.code)),
      ["aksi"],
      "output code",
    );
    if (c.validUntil !== null && c.validUntil < c.validFrom)
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: `found ${c.validUntil}, expected a year not before validFrom ${c.validFrom}`,
      });
  });
export type AksiConfig = z.infer<typeof AksiConfig>;

const JUKNIS_2022 =
  "programme.md §1 (Juknis 8 Aksi 2022; '8 Aksi Integrasi' deck scribd 562016312; Bangda bimtek deck slideshare 266645780)";
const WEB_AKSI_2022 = "programme.md §1, web instrumen 8 aksi user guide 2022 (scribd 618652414)";

/** The 8 aksi of the 2022 technical guidance (revised for Perpres 72/2021). */
export const AKSI_2022: AksiConfig = {
  version: "juknis-2022",
  title: "8 Aksi Konvergensi (Petunjuk Teknis 2022, Perpres 72/2021)",
  validFrom: 2022,
  validUntil: null,
  sources: [JUKNIS_2022, WEB_AKSI_2022, "DESIGN.md §1.3"],
  notes: [
    "Due months marked mem are a reading of the cycle (RKPD/APBD calendar), not a date printed in the guidance.",
    "Aksi 5 and 6 run all year and aksi 7 publishes after the weighing months; their due month is the year's end.",
  ],
  aksi: [
    {
      code: "1",
      name: "Analisis situasi",
      group: null,
      levels: ["kabupaten_kota"],
      pic: ["Bappeda", "OPD terkait"],
      outputs: [
        {
          code: "1.data-sasaran",
          kind: "data",
          name: "Data sasaran per desa/kelurahan: keluarga, keluarga berisiko stunting, balita diukur, pendek, sangat pendek (Master Ansit)",
          confidence: "src",
        },
        {
          code: "1.cakupan-layanan",
          kind: "data",
          name: "Cakupan layanan intervensi per desa/kelurahan (Master Ansit)",
          confidence: "src",
        },
        {
          code: "1.pemetaan-program",
          kind: "data",
          name: "Pemetaan program/kegiatan tahun berjalan",
          confidence: "src",
        },
        {
          code: "1.rekomendasi-lokus",
          kind: "keputusan",
          name: "Rekomendasi desa/kelurahan lokus dan kegiatan prioritas",
          confidence: "src",
        },
      ],
      dueMonth: 1,
      timing: "Awal tahun (Januari), bersamaan dengan musrenbang desa/kecamatan dan rancangan RKPD",
      confidence: "src",
      dueMonthConfidence: "src",
      source: JUKNIS_2022,
    },
    {
      code: "2",
      name: "Penyusunan rencana kegiatan",
      group: null,
      levels: ["kabupaten_kota"],
      pic: ["Bappeda"],
      outputs: [
        {
          code: "2.rancangan-rencana",
          kind: "dokumen",
          name: "Rancangan rencana kegiatan terintegrasi (program, kegiatan, sub-kegiatan per OPD; lokasi; anggaran)",
          confidence: "src",
        },
        {
          code: "2.tagging-apbd",
          kind: "data",
          name: "Penandaan (tagging) sub-kegiatan APBD yang mendukung penurunan stunting (SE Mendagri 400.5/8476/SJ)",
          confidence: "src",
        },
      ],
      dueMonth: 3,
      timing: "Setelah Aksi 1, kira-kira Februari–Maret",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: JUKNIS_2022,
    },
    {
      code: "3",
      name: "Rembuk stunting",
      group: null,
      levels: ["kabupaten_kota"],
      pic: ["Sekretariat Daerah", "Bappeda"],
      outputs: [
        {
          code: "3.komitmen",
          kind: "keputusan",
          name: "Dokumen komitmen ditandatangani Bupati/Wali Kota, DPRD, kepala desa, kepala OPD dan pihak non-pemerintah",
          confidence: "src",
        },
        {
          code: "3.rencana-disepakati",
          kind: "dokumen",
          name: "Rencana kegiatan terintegrasi yang disepakati",
          confidence: "src",
        },
        {
          code: "3.publikasi-ansit",
          kind: "data",
          name: "Publikasi hasil analisis situasi",
          confidence: "src",
        },
      ],
      dueMonth: 4,
      timing: "Setelah Aksi 1–2, pada momen pra-musrenbang sebelum RKPD ditetapkan",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: `${JUKNIS_2022}; Juknis Aksi 3 (scribd 649257623, 543806822)`,
    },
    {
      code: "4",
      name: "Peraturan Bupati/Wali Kota tentang peran desa/kelurahan",
      group: null,
      levels: ["kabupaten_kota"],
      pic: ["Dinas PMD"],
      outputs: [
        {
          code: "4.perbup",
          kind: "keputusan",
          name: "Perbup/Perwali tentang peran dan kewenangan desa/kelurahan dalam penurunan stunting (nomor, tanggal, dokumen)",
          confidence: "src",
        },
      ],
      dueMonth: 6,
      timing: "Setelah rembuk stunting, sebelum perencanaan desa (RKPDes)",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: JUKNIS_2022,
    },
    {
      code: "5",
      name: "Pembinaan kader pembangunan manusia (KPM)",
      group: null,
      levels: ["kabupaten_kota"],
      pic: ["Dinas PMD"],
      outputs: [
        {
          code: "5.kpm-terlatih",
          kind: "data",
          name: "KPM terlatih per desa/kelurahan",
          confidence: "src",
        },
        {
          code: "5.scorecard-desa",
          kind: "data",
          name: "Pemantauan konvergensi desa (scorecard) per triwulan",
          confidence: "src",
        },
      ],
      dueMonth: 12,
      timing: "Sepanjang tahun",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: JUKNIS_2022,
    },
    {
      code: "6",
      name: "Sistem manajemen data stunting",
      group: null,
      levels: ["kabupaten_kota"],
      pic: ["Bappeda"],
      outputs: [
        {
          code: "6.kesenjangan-data",
          kind: "dokumen",
          name: "Analisis kesenjangan data",
          confidence: "src",
        },
        {
          code: "6.perbaikan-sistem",
          kind: "keputusan",
          name: "Kegiatan perbaikan sistem data",
          confidence: "src",
        },
        {
          code: "6.data-cakupan",
          kind: "data",
          name: "Data stunting dan cakupan intervensi",
          confidence: "src",
        },
      ],
      dueMonth: 12,
      timing: "Sepanjang tahun",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: JUKNIS_2022,
    },
    {
      code: "7",
      name: "Pengukuran dan publikasi data stunting",
      group: null,
      levels: ["kabupaten_kota"],
      pic: ["Dinas Kesehatan"],
      outputs: [
        {
          code: "7.hasil-pengukuran",
          kind: "data",
          name: "Hasil pengukuran (bulan timbang Februari dan Agustus)",
          confidence: "src",
        },
        {
          code: "7.publikasi",
          kind: "dokumen",
          name: "Publikasi sebaran dan tren kasus stunting",
          confidence: "src",
        },
      ],
      dueMonth: 12,
      timing: "Pengukuran pada bulan timbang; publikasi sesudahnya",
      confidence: "src",
      dueMonthConfidence: "mem",
      source: JUKNIS_2022,
    },
    {
      code: "8",
      name: "Reviu kinerja tahunan",
      group: null,
      levels: ["kabupaten_kota"],
      pic: ["Sekretariat Daerah", "Bappeda"],
      outputs: [
        {
          code: "8.laporan-reviu",
          kind: "dokumen",
          name: "Laporan reviu kinerja tahunan: rencana vs realisasi kegiatan, anggaran dan capaian indikator",
          confidence: "src",
        },
        {
          code: "8.masukan-ansit",
          kind: "keputusan",
          name: "Masukan untuk analisis situasi tahun berikutnya",
          confidence: "src",
        },
      ],
      dueMonth: 12,
      timing: "Akhir tahun / awal siklus berikutnya",
      confidence: "src",
      dueMonthConfidence: "src",
      source: JUKNIS_2022,
    },
  ],
};

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

/** The built-in versions, oldest first. */
export const AKSI_CONFIGS: readonly AksiConfig[] = [AKSI_2022, AKSI_2025];

/**
 * The configuration that applies to `year`: among those with `validFrom ≤ year` (and `validUntil`
 * unset or ≥ year), the one with the latest `validFrom`; on equal `validFrom` the one listed last,
 * so a national admin's configuration appended after the built-ins replaces them for that year.
 * Null before the first version (the 2018 guidance is not modelled).
 */
export function aksiConfigForYear(
  year: number,
  configs: readonly AksiConfig[] = AKSI_CONFIGS,
): AksiConfig | null {
  let best: AksiConfig | null = null;
  for (const c of configs) {
    if (c.validFrom > year || (c.validUntil !== null && c.validUntil < year)) continue;
    if (best === null || c.validFrom >= best.validFrom) best = c;
  }
  return best;
}
