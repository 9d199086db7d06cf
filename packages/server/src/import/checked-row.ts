/**
 * What checking a file row gives: the row's fields as read (RawRecord), the rejections of a
 * faulty row (row, field as users see it, reason), or the checked row with parsed values,
 * resolved place, sealed identifiers and matching keys.
 */
import { type RowCode, rowMessageText } from "@tumbuh/core";
import type { MeasurementValues } from "./anthro-columns.ts";
import type { Field } from "./columns.ts";
import type { Cell } from "./read.ts";
import type { SealedIdentifier } from "./sealing.ts";

export interface Rejection {
  sheet: string;
  rowNo: number;
  /** The column as users see it (FIELD_LABEL). */
  field: string;
  /** The cell as found ("" when empty; identifiers masked). */
  value: string;
  /** The catalogue code and its parameters (the field among them). */
  code: RowCode;
  params: Record<string, string | number>;
  /** The English text, for logs and API clients. */
  reason: string;
}

/** Why a row cannot be taken, before it is a rejection: the column, message and value found. */
export interface RowProblem {
  field: string;
  code: RowCode;
  params: Record<string, string | number>;
  value: string;
}

/** A row problem of `field` with the message `code` about the cell `value`. */
export function rowProblem(
  field: string,
  code: RowCode,
  value = "",
  params: Record<string, string | number> = {},
): RowProblem {
  return { field, code, params: value ? { value, ...params } : params, value };
}

/** A rejection of `field` (its label) with the message `code`; the English reason follows from them. */
export function rejection(
  sheet: string,
  rowNo: number,
  field: string,
  code: RowCode,
  params: Record<string, string | number> = {},
  value = "",
): Rejection {
  const all = { field, ...params };
  return { sheet, rowNo, field, value, code, params: all, reason: rowMessageText("en", code, all) };
}

/** A row's fields as text or native cells, by field name. */
export type RawRecord = Partial<Record<Field, Cell>>;

/** Column labels users see in rejections (the e-PPGBM names). */
export const FIELD_LABEL: Record<Field, string> = {
  nik: "NIK",
  kk: "No. KK",
  name: "Nama",
  sex: "JK",
  birthDate: "Tgl Lahir",
  birthWeight: "BB Lahir",
  birthLength: "TB Lahir",
  motherName: "Nama Ortu",
  motherNik: "NIK Ibu",
  province: "Prov",
  district: "Kab/Kota",
  subdistrict: "Kec",
  puskesmas: "Puskesmas",
  village: "Desa/Kel",
  villageCode: "Kode Desa",
  posyandu: "Posyandu",
  rt: "RT",
  rw: "RW",
  address: "Alamat",
  measuredOn: "Tanggal Pengukuran",
  weight: "Berat",
  lenhei: "Tinggi",
  measure: "Cara Ukur",
  headc: "Lingkar Kepala",
  armc: "LiLA",
  oedema: "Oedema",
};

/** Oldest age (days) a balita record may have: 59 completed months. */
export const MAX_AGE_DAYS = 1826;

export interface PlaceInfo {
  districtCode: string;
  villageCode: string;
}

/**
 * A row's measurement part, checked (problems added to `errors` in the order users read them):
 * the anthropometry (the child's sex aside), the date, and its day number since 1970-01-01. Set
 * for a row with a measurement (with its age in days).
 */
export interface MeasurementPart extends MeasurementValues {
  measuredOn?: string;
  measuredDays?: number;
}

/** A row that passed every check: parsed cells, resolved place, sealed identifiers, keys. */
export interface CheckedRow extends MeasurementPart {
  rowNo: number;
  districtCode: string;
  villageCode: string;
  /** Puskesmas and posyandu as written (tidy text). */
  puskesmas?: string;
  posyandu?: string;
  /** The NIK (its hash known), KK and mother's NIK, sealed (sealing.ts). */
  nik?: SealedIdentifier;
  kk?: SealedIdentifier;
  motherNik?: SealedIdentifier;
  name: string;
  nameKey: string;
  sex: 1 | 2;
  birthDate: string;
  /** Days since 1970-01-01 of the birth date (the measurement's: measuredDays). */
  birthDays: number;
  birthWeight?: number;
  birthLength?: number;
  motherName?: string;
  rt?: string;
  rw?: string;
  address?: string;
  /** The child's identity without NIK: name key, birth date, sex and village. */
  identityKey: string;
  /** `n:<NIK hash>` for a row with a NIK, else the identity key. */
  checkedKey: string;
  /** The key the row is staged under: checkedKey, unless the direct path gave it its child's NIK key. */
  childKey: string;
}
