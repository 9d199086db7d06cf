/**
 * How the export tables read in a spreadsheet: Indonesian column headers, labels instead of codes
 * (levels, sex, nutrition status, lying/standing), region and posyandu names beside their codes, and
 * sheet names that fit Excel's 31 characters.
 */
import type { CsvCell } from "@tumbuh/core";

/** The figure columns of the prevalence and trend tables: the API field and its header. */
export const FIGURE_COLUMNS = [
  ["measured", "Anak diukur"],
  ["validHaz", "Anak dengan TB/U sah"],
  ["stunted", "Stunting (anak)"],
  ["severelyStunted", "Sangat pendek (anak)"],
  ["stuntingRate", "Prevalensi stunting (%)"],
  ["wasted", "Wasting (anak)"],
  ["wastingRate", "Prevalensi wasting (%)"],
  ["underweight", "Underweight (anak)"],
  ["underweightRate", "Prevalensi underweight (%)"],
  ["overweight", "Overweight (anak)"],
  ["overweightRate", "Prevalensi overweight (%)"],
  ["newStunting", "Kasus stunting baru"],
  ["target", "Sasaran"],
  ["coverageRate", "Cakupan pengukuran (%)"],
] as const;

const LEVEL: Record<string, string> = {
  nation: "Nasional",
  province: "Provinsi",
  district: "Kabupaten/kota",
  subdistrict: "Kecamatan",
  village: "Desa/kelurahan",
  posyandu: "Posyandu",
};

const STATUS: Record<string, string> = {
  sangat_pendek: "Sangat pendek",
  pendek: "Pendek",
  normal: "Normal",
  tinggi: "Tinggi",
  sangat_kurang: "BB sangat kurang",
  kurang: "BB kurang",
  risiko_lebih: "Risiko BB lebih",
  gizi_buruk: "Gizi buruk",
  gizi_kurang: "Gizi kurang",
  gizi_baik: "Gizi baik",
  berisiko_gizi_lebih: "Berisiko gizi lebih",
  gizi_lebih: "Gizi lebih",
  obesitas: "Obesitas",
};

const SOURCE: Record<string, string> = {
  posyandu: "Posyandu",
  eppgbm_import: "Impor e-PPGBM",
  serentak: "Pengukuran serentak",
};

/** A region level in words ("Kecamatan"). */
export function levelLabel(level: string): string {
  return LEVEL[level] ?? level;
}

/** A nutrition-status code in words ("gizi_baik" → "Gizi baik"); null stays empty. */
export function statusLabel(code: string | null | undefined): string | null {
  return code ? (STATUS[code] ?? code) : null;
}

/** Sex as on the KIA book: "L" (laki-laki) or "P" (perempuan). */
export function sexLabel(sex: number | null | undefined): string | null {
  return sex === 1 ? "L" : sex === 2 ? "P" : null;
}

/** How length/height was measured: "l" lying (panjang badan), "h" standing (tinggi badan). */
function measureLabel(measure: string | null | undefined): string | null {
  return measure === "l" ? "Berbaring (PB)" : measure === "h" ? "Berdiri (TB)" : (measure ?? null);
}

/** Where a measurement came from, in words. */
function sourceLabel(source: string | null | undefined): string | null {
  return source ? (SOURCE[source] ?? source) : null;
}

interface MeasurementRow {
  child_name: string;
  sex: number;
  birth_date: string;
  village_code: string;
  village_name: string | null;
  posyandu_name: string | null;
  measured_on: string;
  age_days: number | null;
  weight: number | null;
  height: number | null;
  measure: string | null;
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  status_tbu: string | null;
  status_bbu: string | null;
  status_bbtb: string | null;
  source: string | null;
}

/** Headers of the measurements table (the WHO anthro names kept for the z-scores). */
export const MEASUREMENT_COLUMNS = [
  "Nama anak",
  "JK",
  "Tanggal lahir",
  "Kode desa/kelurahan",
  "Desa/kelurahan",
  "Posyandu",
  "Tanggal ukur",
  "Umur (hari)",
  "Berat (kg)",
  "Panjang/tinggi (cm)",
  "Cara ukur",
  "zlen",
  "zwei",
  "zwfl",
  "TB/U",
  "BB/U",
  "BB/TB",
  "Sumber",
];

/** One measurement as a row under MEASUREMENT_COLUMNS. */
export function measurementRow(r: MeasurementRow): CsvCell[] {
  return [
    r.child_name,
    sexLabel(r.sex),
    r.birth_date,
    r.village_code,
    r.village_name,
    r.posyandu_name,
    r.measured_on,
    r.age_days,
    r.weight,
    r.height,
    measureLabel(r.measure),
    r.zlen,
    r.zwei,
    r.zwfl,
    statusLabel(r.status_tbu),
    statusLabel(r.status_bbu),
    statusLabel(r.status_bbtb),
    sourceLabel(r.source),
  ];
}
