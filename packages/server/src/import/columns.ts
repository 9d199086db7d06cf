/**
 * Column mapping for measurement files: the header names e-PPGBM and district tools use for
 * each field, compared after normalizeHeader (case, spacing and punctuation ignored). Status
 * and z-score columns are recognised only to be ignored: Tumbuh computes its own.
 */
import { normalizeHeader } from "@tumbuh/core";

export type Field =
  | "nik"
  | "kk"
  | "name"
  | "sex"
  | "birthDate"
  | "birthWeight"
  | "birthLength"
  | "motherName"
  | "motherNik"
  | "province"
  | "district"
  | "subdistrict"
  | "puskesmas"
  | "village"
  | "villageCode"
  | "posyandu"
  | "rt"
  | "rw"
  | "address"
  | "measuredOn"
  | "weight"
  | "lenhei"
  | "measure"
  | "headc"
  | "armc"
  | "oedema";

/** Aliases per field (any spelling; normalised before comparison). The first is the e-PPGBM name. */
export const FIELD_ALIASES: Record<Field, readonly string[]> = {
  nik: ["NIK", "NIK Anak", "No NIK", "Nomor Induk Kependudukan", "NIK Balita"],
  kk: ["No. KK", "No KK", "Nomor KK", "KK", "Nomor Kartu Keluarga", "No Kartu Keluarga"],
  name: ["Nama", "Nama Anak", "Nama Balita", "Name", "Nama Lengkap"],
  sex: ["JK", "Jenis Kelamin", "L/P", "Sex", "Gender", "Kelamin"],
  birthDate: ["Tgl Lahir", "Tanggal Lahir", "Tgl. Lahir", "TTL", "Birth Date", "DOB", "Date of Birth"],
  birthWeight: ["BB Lahir", "Berat Lahir", "Berat Badan Lahir", "BBL"],
  birthLength: ["TB Lahir", "PB Lahir", "Panjang Lahir", "Panjang Badan Lahir", "Tinggi Lahir"],
  motherName: ["Nama Ortu", "Nama Ibu", "Nama Orang Tua", "Ibu", "Nama Ibu Kandung"],
  motherNik: ["NIK Ibu", "NIK Ortu", "NIK Orang Tua"],
  province: ["Prov", "Provinsi", "Province"],
  district: ["Kab/Kota", "Kabupaten/Kota", "Kabupaten", "Kota", "Kab", "District"],
  subdistrict: ["Kec", "Kecamatan", "Subdistrict"],
  puskesmas: ["Pukesmas", "Puskesmas", "Nama Puskesmas", "PKM"],
  village: ["Desa/Kel", "Desa/Kelurahan", "Desa", "Kelurahan", "Kel/Desa", "Village"],
  villageCode: ["Kode Desa", "Kode Kelurahan", "Kode Desa/Kel", "Kode Wilayah", "Village Code"],
  posyandu: ["Posyandu", "Nama Posyandu"],
  rt: ["RT"],
  rw: ["RW"],
  address: ["Alamat", "Address", "Alamat Lengkap"],
  measuredOn: [
    "Tanggal Pengukuran",
    "Tgl Pengukuran",
    "Tanggal Ukur",
    "Tgl Ukur",
    "Tanggal Penimbangan",
    "Tgl Timbang",
    "Tanggal Kunjungan",
    "Measurement Date",
    "Date",
  ],
  weight: ["Berat", "BB", "Berat Badan", "BB (kg)", "Berat (kg)", "Weight"],
  lenhei: [
    "Tinggi",
    "TB",
    "PB",
    "Tinggi Badan",
    "Panjang Badan",
    "TB/PB",
    "PB/TB",
    "Tinggi (cm)",
    "TB (cm)",
    "Height",
    "Length",
    "Lenhei",
  ],
  measure: ["Cara Ukur", "Cara Pengukuran", "Posisi", "Posisi Ukur", "Measure"],
  headc: ["Lingkar Kepala", "LK", "LIKA", "Head Circumference"],
  armc: ["LiLA", "LILA", "Lingkar Lengan Atas", "MUAC"],
  oedema: ["Oedema", "Edema", "Oedem"],
};

/** Columns of e-PPGBM exports that are read past on purpose (computed by Tumbuh or not needed). */
const KNOWN_IGNORED = [
  "No",
  "Usia Saat Ukur",
  "Bulan Pengukuran",
  "Status Bulan",
  "status tahun",
  "BB/U",
  "ZS BB/U",
  "TB/U",
  "ZS TB/U",
  "BB/TB",
  "ZS BB/TB",
  "Naik Berat Badan",
  "PMT Diterima (kg)",
  "Jml Vit A",
  "KPSP",
  "KIA",
  "Detail Status",
  "status desa",
].map(normalizeHeader);

const aliasToField = new Map<string, Field>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [Field, readonly string[]][]) {
  for (const a of aliases) aliasToField.set(normalizeHeader(a), field);
}

export interface ColumnMap {
  /** Cell index of each recognised field. */
  index: Partial<Record<Field, number>>;
  /** Headers that matched nothing (reported, not an error). */
  unknown: string[];
}

/** Maps a header row to fields; the first column of a field wins when a file repeats one. */
export function mapColumns(header: readonly string[]): ColumnMap {
  const index: Partial<Record<Field, number>> = {};
  const unknown: string[] = [];
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!key) return;
    const field = aliasToField.get(key);
    if (field) {
      if (index[field] === undefined) index[field] = i;
    } else if (!KNOWN_IGNORED.includes(key)) {
      unknown.push(h);
    }
  });
  return { index, unknown };
}

export type SheetKind = "flat" | "children" | "monitoring" | "other";

/**
 * What a sheet holds: both child and measurement columns (flat), child register only
 * (birth date, no measurement date), monthly monitoring only (measurement date and a child
 * reference, no birth date), or neither.
 */
export function sheetKind(map: ColumnMap): SheetKind {
  const has = (f: Field) => map.index[f] !== undefined;
  const child = has("birthDate") && has("name");
  const meas = has("measuredOn") && (has("weight") || has("lenhei"));
  if (child && meas) return "flat";
  if (child) return "children";
  if (meas && (has("nik") || has("name"))) return "monitoring";
  return "other";
}
