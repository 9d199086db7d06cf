/**
 * One file row to one staged record: cells parsed (dates in every form, decimal commas, L/P),
 * places resolved, identifiers hashed and encrypted, age and z-scores computed by
 * @tumbuh/growth. Problems become rejections naming the row, field and reason.
 */
import { daysBetween, parseDate, parseDecimal, parseMeasure, parseOedema, parseSex } from "@tumbuh/core";
import { anthroZScores, statusBbtb, statusBbu, statusImtu, statusTbu } from "@tumbuh/growth";
import { encryptIdentifier, hashIdentifier, normalizeIdentifier, type PiiKeys } from "../db/pii.ts";
import { personKey, placeKey } from "../services/normalize.ts";
import type { Field } from "./columns.ts";
import type { Cell } from "./read.ts";

export interface Rejection {
  sheet: string;
  rowNo: number;
  field: string;
  reason: string;
}

/** A row's fields as text or native cells, by field name. */
export type RawRecord = Partial<Record<Field, Cell>>;

/** Columns of the staging table, in COPY order. */
export const STAGE_COLUMNS = [
  "row_no",
  "district_code",
  "child_key",
  "village_code",
  "puskesmas_name",
  "puskesmas_key",
  "posyandu_name",
  "posyandu_key",
  "nik_hash",
  "nik_enc",
  "kk_hash",
  "kk_enc",
  "mother_nik_hash",
  "mother_nik_enc",
  "name",
  "name_key",
  "sex",
  "birth_date",
  "birth_weight",
  "birth_length",
  "mother_name",
  "rt",
  "rw",
  "address",
  "measured_on",
  "age_days",
  "weight",
  "lenhei",
  "measure",
  "oedema",
  "headc",
  "armc",
  "zlen",
  "zwei",
  "zwfl",
  "zbmi",
  "zhc",
  "zac",
  "flen",
  "fwei",
  "fwfl",
  "fbmi",
  "status_tbu",
  "status_bbu",
  "status_bbtb",
  "status_imtu",
] as const;

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

export function text(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const t = String(cell).replace(/\s+/g, " ").trim();
  return t === "" || t === "-" ? undefined : t;
}

function csvValue(v: string | number | boolean | undefined | null): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return v === "" ? '""' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Caches identifier hashes and ciphertexts: a child's NIK repeats on every monthly row. */
export class IdentifierSealer {
  private cache = new Map<string, [string, string]>();
  constructor(private readonly keys: PiiKeys) {}
  seal(digits: string): [string, string] {
    let v = this.cache.get(digits);
    if (!v) {
      if (this.cache.size > 100_000) this.cache.clear();
      v = [hashIdentifier(this.keys, digits), encryptIdentifier(this.keys, digits)];
      this.cache.set(digits, v);
    }
    return v;
  }
}

/** A NIK/KK cell: undefined when empty or all zeros (no number yet); an error unless 16 digits. */
export function parseIdentifier(
  cell: Cell | undefined,
): { ok: true; value?: string } | { ok: false; error: string } {
  const t = text(cell);
  if (t === undefined) return { ok: true };
  const digits = normalizeIdentifier(typeof cell === "number" ? cell.toFixed(0) : t);
  if (digits === "" || /^0+$/.test(digits)) return { ok: true };
  if (digits.length !== 16 || /[^\d\s.'-]/.test(t.replace(/^'/, ""))) {
    return {
      ok: false,
      error: `expected 16 digits, found ${digits.length} digit(s)${/[^\d\s.'-]/.test(t) ? " and other characters" : ""}`,
    };
  }
  return { ok: true, value: digits };
}

export interface PlaceInfo {
  districtCode: string;
  villageCode: string;
}

export interface StagedRow {
  csv: string;
  flagged: boolean;
}

/**
 * Validates and converts one record. `requireMeasurement` is false for child-register rows.
 * Returns the staging CSV line, or the rejections (one per faulty field).
 */
export function stageRecord(
  rec: RawRecord,
  rowNo: number,
  sheet: string,
  place: PlaceInfo,
  sealer: IdentifierSealer,
  requireMeasurement: boolean,
  today: string,
): StagedRow | Rejection[] {
  const errors: Rejection[] = [];
  const reject = (field: Field, reason: string) =>
    errors.push({ sheet, rowNo, field: FIELD_LABEL[field], reason });

  const name = text(rec.name);
  if (!name) reject("name", "name is empty");
  const sex = parseSex(
    rec.sex === null || rec.sex === undefined ? undefined : rec.sex instanceof Date ? "" : rec.sex,
  );
  if (!sex.ok) reject("sex", sex.error);
  else if (sex.value === undefined) reject("sex", "sex is empty; expected L or P");
  const birth = parseDate(rec.birthDate);
  if (!birth.ok) reject("birthDate", birth.error);
  else if (birth.value === undefined) reject("birthDate", "birth date is empty; expected dd/mm/yyyy");
  else if (birth.value > today) reject("birthDate", `birth date ${birth.value} is in the future`);

  const nik = parseIdentifier(rec.nik);
  if (!nik.ok) reject("nik", nik.error);
  const kk = parseIdentifier(rec.kk);
  if (!kk.ok) reject("kk", kk.error);
  const motherNik = parseIdentifier(rec.motherNik);
  if (!motherNik.ok) reject("motherNik", motherNik.error);

  const num = (f: Field) => {
    const cell = rec[f];
    const p = parseDecimal(cell instanceof Date ? String(cell) : cell);
    if (!p.ok) {
      reject(f, p.error);
      return undefined;
    }
    return p.value !== undefined && p.value > 0 ? p.value : undefined;
  };
  const birthWeight = num("birthWeight");
  const birthLength = num("birthLength");

  let measuredOn: string | undefined;
  let ageDays: number | undefined;
  const weight = num("weight");
  const lenhei = num("lenhei");
  const headc = num("headc");
  const armc = num("armc");
  const measure = parseMeasure(text(rec.measure));
  if (!measure.ok) reject("measure", measure.error);
  const oedema = parseOedema(text(rec.oedema));
  if (!oedema.ok) reject("oedema", oedema.error);
  const hasMeasurementCells = rec.measuredOn !== undefined || weight !== undefined || lenhei !== undefined;
  if (requireMeasurement || hasMeasurementCells) {
    const d = parseDate(rec.measuredOn);
    if (!d.ok) reject("measuredOn", d.error);
    else if (d.value === undefined) reject("measuredOn", "measurement date is empty; expected dd/mm/yyyy");
    else if (d.value > today) reject("measuredOn", `measurement date ${d.value} is in the future`);
    else measuredOn = d.value;
    if (measuredOn && birth.ok && birth.value) {
      ageDays = daysBetween(birth.value, measuredOn);
      if (ageDays < 0)
        reject("measuredOn", `measured on ${measuredOn}, before the birth date ${birth.value}`);
      else if (ageDays > MAX_AGE_DAYS)
        reject(
          "measuredOn",
          `age at measurement is ${ageDays} days; expected a child under 60 months (at most ${MAX_AGE_DAYS} days)`,
        );
    }
    if (
      weight === undefined &&
      lenhei === undefined &&
      !errors.some((e) => e.field === "Berat" || e.field === "Tinggi")
    ) {
      reject("weight", "neither weight nor length/height given");
    }
  }
  if (
    errors.length > 0 ||
    !name ||
    !sex.ok ||
    !sex.value ||
    !birth.ok ||
    !birth.value ||
    !nik.ok ||
    !kk.ok ||
    !motherNik.ok
  ) {
    return errors;
  }

  const nameKey = personKey(name);
  const [nikHash, nikEnc] = nik.value ? sealer.seal(nik.value) : [undefined, undefined];
  const [kkHash, kkEnc] = kk.value ? sealer.seal(kk.value) : [undefined, undefined];
  const [mHash, mEnc] = motherNik.value ? sealer.seal(motherNik.value) : [undefined, undefined];
  const childKey = nikHash ? `n:${nikHash}` : `k:${nameKey}|${birth.value}|${sex.value}|${place.villageCode}`;
  const puskesmas = text(rec.puskesmas);
  const posyandu = text(rec.posyandu);

  let z: ReturnType<typeof anthroZScores> | undefined;
  if (measuredOn && ageDays !== undefined) {
    z = anthroZScores({
      sex: sex.value,
      ageDays,
      weight,
      lenhei,
      measure: measure.ok ? measure.value : undefined,
      oedema: oedema.ok ? oedema.value : undefined,
      headc,
      armc,
    });
  }
  const zv = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? undefined : v);
  const flagged = !!(z && (z.flen || z.fwei || z.fwfl || z.fbmi || z.c9moFlag));
  const cells: (string | number | boolean | undefined | null)[] = [
    rowNo,
    place.districtCode,
    childKey,
    place.villageCode,
    puskesmas,
    puskesmas ? placeKey(puskesmas) : undefined,
    posyandu,
    posyandu ? placeKey(posyandu) : undefined,
    nikHash,
    nikEnc,
    kkHash,
    kkEnc,
    mHash,
    mEnc,
    name,
    nameKey,
    sex.value,
    birth.value,
    birthWeight,
    birthLength,
    text(rec.motherName),
    text(rec.rt),
    text(rec.rw),
    text(rec.address),
    measuredOn,
    ageDays,
    weight,
    lenhei,
    measure.ok ? measure.value : undefined,
    oedema.ok ? (oedema.value ?? false) : false,
    headc,
    armc,
    zv(z?.zlen),
    zv(z?.zwei),
    zv(z?.zwfl),
    zv(z?.zbmi),
    zv(z?.zhc),
    zv(z?.zac),
    z?.flen ?? false,
    z?.fwei ?? false,
    z?.fwfl ?? false,
    z?.fbmi ?? false,
    statusTbu(zv(z?.zlen))?.code,
    statusBbu(zv(z?.zwei))?.code,
    statusBbtb(zv(z?.zwfl))?.code,
    statusImtu(zv(z?.zbmi))?.code,
  ];
  return { csv: `${cells.map(csvValue).join(",")}\n`, flagged };
}
