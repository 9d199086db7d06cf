/** The catalogue of Perpres 72/2021 indicators and the stunting prevalence (see indicators.ts). */
import type { Indicator } from "./indicators.ts";

/** Where the Perpres 72/2021 indicators and targets come from. */
export const PERPRES = "Perpres 72/2021 Lampiran (programme.md §2; scribd 620615824, 715573486)";
const DINKES = "Dinas Kesehatan";
const ROUTINE_HEALTH = "Laporan rutin Dinas Kesehatan (e-PPGBM / Sigizi Terpadu, kohort KIA)";

function spesifik(
  code: string,
  name: string,
  targetGroup: string,
  numerator: string,
  denominator: string,
  aksi1TemplateRow: number | null,
): Indicator {
  return {
    code,
    name,
    intervention: "spesifik",
    targetGroup,
    numerator,
    denominator,
    unit: "persen",
    direction: "higher",
    dataSource: ROUTINE_HEALTH,
    responsibleAgency: DINKES,
    kepmendagriCode: null,
    aksi1TemplateRow,
    definitionConfidence: "mem",
    source: PERPRES,
  };
}

function sensitif(
  code: string,
  name: string,
  fields: Pick<
    Indicator,
    "targetGroup" | "numerator" | "denominator" | "dataSource" | "responsibleAgency" | "aksi1TemplateRow"
  > &
    Partial<Pick<Indicator, "unit" | "direction">>,
): Indicator {
  return {
    code,
    name,
    intervention: "sensitif",
    unit: "persen",
    direction: "higher",
    kepmendagriCode: null,
    definitionConfidence: "mem",
    source: PERPRES,
    ...fields,
  };
}

/** The catalogue: 9 intervensi spesifik, 11 intervensi sensitif, and the stunting prevalence. */
export const INDICATORS: readonly Indicator[] = [
  spesifik(
    "SPE1",
    "Ibu hamil KEK yang mendapatkan tambahan asupan gizi",
    "Ibu hamil",
    "Ibu hamil KEK yang mendapat tambahan asupan gizi (PMT)",
    "Ibu hamil KEK",
    10,
  ),
  spesifik(
    "SPE2",
    "Ibu hamil yang mengonsumsi tablet tambah darah (TTD) minimal 90 tablet selama kehamilan",
    "Ibu hamil",
    "Ibu hamil yang mengonsumsi ≥ 90 TTD selama kehamilan",
    "Ibu hamil",
    11,
  ),
  spesifik(
    "SPE3",
    "Remaja putri yang mengonsumsi tablet tambah darah (TTD)",
    "Remaja putri",
    "Remaja putri yang mengonsumsi TTD",
    "Remaja putri",
    1,
  ),
  spesifik(
    "SPE4",
    "Bayi usia kurang dari 6 bulan mendapat ASI eksklusif",
    "Bayi 0–5 bulan",
    "Bayi < 6 bulan yang mendapat ASI eksklusif",
    "Bayi < 6 bulan",
    14,
  ),
  spesifik(
    "SPE5",
    "Anak usia 6–23 bulan yang mendapat makanan pendamping ASI (MP-ASI)",
    "Anak 6–23 bulan",
    "Anak 6–23 bulan yang mendapat MP-ASI",
    "Anak 6–23 bulan",
    15,
  ),
  spesifik(
    "SPE6",
    "Anak berusia di bawah lima tahun (balita) gizi buruk yang mendapat pelayanan tata laksana gizi buruk",
    "Balita gizi buruk",
    "Balita gizi buruk yang mendapat tata laksana",
    "Balita gizi buruk",
    16,
  ),
  spesifik(
    "SPE7",
    "Balita yang dipantau pertumbuhan dan perkembangannya",
    "Balita 0–59 bulan",
    "Balita yang dipantau pertumbuhan dan perkembangannya",
    "Balita (sasaran)",
    17,
  ),
  spesifik(
    "SPE8",
    "Balita gizi kurang yang mendapat tambahan asupan gizi",
    "Balita gizi kurang",
    "Balita gizi kurang yang mendapat tambahan asupan gizi",
    "Balita gizi kurang",
    18,
  ),
  spesifik(
    "SPE9",
    "Balita yang memperoleh imunisasi dasar lengkap",
    "Bayi/balita",
    "Anak yang memperoleh imunisasi dasar lengkap",
    "Bayi (sasaran imunisasi)",
    19,
  ),
  sensitif("SEN1", "Pelayanan Keluarga Berencana (KB) pascapersalinan", {
    targetGroup: "Ibu pascapersalinan",
    numerator: "Ibu bersalin yang mendapat pelayanan KB pascapersalinan",
    denominator: "Ibu bersalin",
    dataSource: "BKKBN (SIGA, pelayanan KB)",
    responsibleAgency: "Dinas Pengendalian Penduduk dan KB",
    aksi1TemplateRow: null,
  }),
  sensitif("SEN2", "Kehamilan yang tidak diinginkan", {
    targetGroup: "Pasangan usia subur (PUS)",
    numerator: "Kehamilan yang tidak diinginkan",
    denominator: "Seluruh kehamilan",
    dataSource: "BKKBN (Pendataan Keluarga / survei)",
    responsibleAgency: "Dinas Pengendalian Penduduk dan KB",
    aksi1TemplateRow: 13,
    direction: "lower",
  }),
  sensitif(
    "SEN3",
    "Calon pasangan usia subur (catin) yang memperoleh pemeriksaan kesehatan sebagai bagian dari pelayanan nikah",
    {
      targetGroup: "Calon pengantin (catin)",
      numerator: "Catin yang memperoleh pemeriksaan kesehatan",
      denominator: "Catin yang mendaftar nikah",
      dataSource: "Elsimil; Kementerian Agama (KUA)",
      responsibleAgency: "Kantor Kementerian Agama; Dinas Kesehatan",
      aksi1TemplateRow: 4,
    },
  ),
  sensitif("SEN4", "Rumah tangga yang mendapatkan akses air minum layak di kabupaten/kota lokasi prioritas", {
    targetGroup: "Rumah tangga",
    numerator: "Rumah tangga dengan akses air minum layak",
    denominator: "Rumah tangga",
    dataSource: "Susenas (BPS); Dinas PUPR",
    responsibleAgency: "Dinas Pekerjaan Umum dan Perumahan Rakyat",
    aksi1TemplateRow: null,
  }),
  sensitif("SEN5", "Rumah tangga yang mendapatkan akses sanitasi (air limbah domestik) layak", {
    targetGroup: "Rumah tangga",
    numerator: "Rumah tangga dengan akses sanitasi layak",
    denominator: "Rumah tangga",
    dataSource: "Susenas (BPS); Dinas PUPR",
    responsibleAgency: "Dinas Pekerjaan Umum dan Perumahan Rakyat",
    aksi1TemplateRow: null,
  }),
  sensitif("SEN6", "Cakupan Penerima Bantuan Iuran (PBI) Jaminan Kesehatan Nasional", {
    targetGroup: "Penduduk miskin dan rentan",
    numerator: "Penduduk terdaftar sebagai PBI JKN",
    denominator: "",
    unit: "jiwa",
    dataSource: "BPJS Kesehatan; Kementerian Sosial (DTKS)",
    responsibleAgency: "Dinas Sosial",
    aksi1TemplateRow: 9,
  }),
  sensitif("SEN7", "Keluarga berisiko stunting yang memperoleh pendampingan", {
    targetGroup: "Keluarga berisiko stunting",
    numerator: "Keluarga berisiko stunting yang didampingi TPK",
    denominator: "Keluarga berisiko stunting",
    dataSource: "BKKBN (Pendataan Keluarga, Elsimil)",
    responsibleAgency: "Dinas Pengendalian Penduduk dan KB",
    aksi1TemplateRow: null,
  }),
  sensitif("SEN8", "Keluarga miskin dan rentan yang memperoleh bantuan tunai bersyarat (PKH)", {
    targetGroup: "Keluarga miskin dan rentan",
    numerator: "Keluarga penerima PKH",
    denominator: "",
    unit: "keluarga",
    dataSource: "Kementerian Sosial (DTKS)",
    responsibleAgency: "Dinas Sosial",
    aksi1TemplateRow: 7,
  }),
  sensitif("SEN9", "Target sasaran yang memiliki pemahaman yang baik tentang stunting di lokasi prioritas", {
    targetGroup: "Sasaran prioritas",
    numerator: "Sasaran dengan pemahaman yang baik tentang stunting",
    denominator: "Sasaran yang disurvei",
    dataSource: "Survei",
    responsibleAgency: "Dinas Komunikasi dan Informatika",
    aksi1TemplateRow: null,
  }),
  sensitif("SEN10", "Keluarga miskin dan rentan yang menerima bantuan sosial pangan (BPNT)", {
    targetGroup: "Keluarga miskin dan rentan",
    numerator: "Keluarga penerima BPNT",
    denominator: "",
    unit: "keluarga",
    dataSource: "Kementerian Sosial (DTKS)",
    responsibleAgency: "Dinas Sosial",
    aksi1TemplateRow: 8,
  }),
  sensitif(
    "SEN11",
    "Desa/kelurahan stop buang air besar sembarangan (BABS) atau open defecation free (ODF)",
    {
      targetGroup: "Desa/kelurahan",
      numerator: "Desa/kelurahan ODF",
      denominator: "Desa/kelurahan",
      dataSource: "STBM (Kemenkes)",
      responsibleAgency: DINKES,
      aksi1TemplateRow: null,
    },
  ),
  {
    code: "STUNTING",
    name: "Prevalensi stunting pada balita",
    intervention: "hasil",
    targetGroup: "Balita 0–59 bulan",
    numerator: "Balita pendek dan sangat pendek (TB/U < −2 SD)",
    denominator: "Balita diukur dengan TB/U valid",
    unit: "persen",
    direction: "lower",
    dataSource: "SSGI/SKI (survei, tolok ukur target); e-PPGBM (rutin) — tidak dicampur",
    responsibleAgency: "TPPS kabupaten/kota",
    kepmendagriCode: null,
    aksi1TemplateRow: null,
    definitionConfidence: "src",
    source: "DESIGN.md §1.2; programme.md §0, §6",
  },
];
