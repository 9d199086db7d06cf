/**
 * One file row to one staged record: cells parsed (dates in every form, decimal commas, L/P),
 * places resolved, identifiers hashed and encrypted, age and z-scores computed by
 * @tumbuh/growth. Problems become rejections naming the row, field and reason.
 */
import {
  parseDate,
  parseDecimal,
  parseMeasure,
  parseOedema,
  parseSex,
  personKey,
  placeKey,
} from "@tumbuh/core";
import { statusBbtb, statusBbu, statusImtu, statusTbu } from "@tumbuh/growth";
import { normalizeIdentifier } from "../db/pii.ts";
import { AnthroColumns, flaggedAt, type MeasurementValues, setAnthroRow, zAt } from "./anthro-columns.ts";
import type { Field } from "./columns.ts";
import type { Cell } from "./read.ts";
import type { IdentifierSealer, SealedIdentifier } from "./sealing.ts";

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
  "posyandu_key",
  "nik_hash",
  "kk_hash",
  "mother_nik_hash",
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

/** True when `s` is exactly 16 digits, not all zeros (the usual NIK/KK cell). */
function isSixteenDigits(s: string): boolean {
  if (s.length !== 16) return false;
  let nonZero = false;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    if (c !== 48) nonZero = true;
  }
  return nonZero;
}

/** True when `s` is printable ASCII without leading, trailing or doubled spaces (already tidy). */
function isTidy(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c < 33 || c > 126) return false;
    else prevSpace = false;
  }
  return !prevSpace;
}

/** A cell as tidy text (runs of white space as one space, trimmed); undefined when empty or "-". */
export function text(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "string" && isTidy(cell)) return cell === "-" ? undefined : detach(cell);
  const t = String(cell).replace(/\s+/g, " ").trim();
  return t === "" || t === "-" ? undefined : detach(t);
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. A cell read from a file is a
 * slice of a 1 MiB chunk of it; a child's name or NIK kept for the rest of the import (caches,
 * the children written directly) would otherwise keep every chunk, i.e. the whole file, in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** A NIK/KK cell: undefined when empty or all zeros (no number yet); an error unless 16 digits. */
export function parseIdentifier(
  cell: Cell | undefined,
): { ok: true; value?: string } | { ok: false; error: string } {
  if (typeof cell === "string" && isSixteenDigits(cell)) return { ok: true, value: detach(cell) };
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

/** Memoised key of a text that repeats row after row (a child's name, a posyandu). */
class KeyCache {
  private map = new Map<string, string>();
  constructor(private readonly fn: (text: string) => string) {}
  get(text: string): string {
    let v = this.map.get(text);
    if (v === undefined) {
      if (this.map.size > 100_000) this.map.clear();
      v = this.fn(text);
      this.map.set(text, v);
    }
    return v;
  }
}

const personKeys = new KeyCache(personKey);

/** Parsed date cells with their day number (since 1970), memoised: birth and measurement dates repeat row after row. */
type ParsedDate = ReturnType<typeof parseDate> & { days?: number };
const dateCache = new Map<string, ParsedDate>();
function parseDateCell(cell: Cell | undefined): ParsedDate {
  if (typeof cell !== "string") return withDays(parseDate(cell));
  let p = dateCache.get(cell);
  if (p === undefined) {
    if (dateCache.size > 100_000) dateCache.clear();
    p = withDays(parseDate(cell));
    dateCache.set(cell, p);
  }
  return p;
}
function withDays(p: ReturnType<typeof parseDate>): ParsedDate {
  return p.ok && p.value !== undefined ? { ...p, days: Date.parse(`${p.value}T00:00:00Z`) / 86_400_000 } : p;
}
const placeKeys = new KeyCache(placeKey);

/** A text cell for the staging CSV: quoted when it holds a quote, comma or line break. */
function q(v: string | undefined): string {
  if (v === undefined) return "";
  return v === "" ? '""' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A number cell for the staging CSV (empty when missing). */
function n(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "" : String(v);
}

/**
 * Staged rows waiting for their z-scores: each row's leading columns as CSV text and its
 * anthropometry in typed columns, scored together by anthroZScoresBatch when the batch is
 * turned into COPY text.
 */
export class StageBatch {
  private lines: string[] = [];
  /** Per district and identity (the key of a child without NIK): the key of its last row with a NIK. */
  private readonly nikChildByIdentity = new Map<string, string>();
  /** Keys of the children staged without NIK, per district. */
  private readonly identitiesWithoutNik = new Set<string>();
  /** Totals over every row added so far (measured, with and without a NIK). */
  readonly counts = { measured: 0, withNik: 0, withoutNik: 0 };
  private readonly anthro: AnthroColumns;

  constructor(readonly capacity: number) {
    this.anthro = new AnthroColumns(capacity);
  }

  get size(): number {
    return this.lines.length;
  }

  /** Notes a staged child's identity key, with its NIK child key when the row has a NIK. */
  noteIdentity(districtCode: string, identityKey: string, nikChildKey: string | undefined): void {
    const k = `${districtCode}|${identityKey}`;
    if (nikChildKey) this.nikChildByIdentity.set(k, nikChildKey);
    else this.identitiesWithoutNik.add(k);
  }

  /**
   * A child written without NIK on some rows and with it on others is one child: for each key of
   * rows without NIK whose identity (name, birth date, sex, village) also came with a NIK, the key
   * of the last such row, as CSV lines (district_code, child_key, nik_child_key).
   */
  takeIdentityMatches(): string {
    const lines: string[] = [];
    for (const k of this.identitiesWithoutNik) {
      const nikKey = this.nikChildByIdentity.get(k);
      if (nikKey === undefined) continue;
      const bar = k.indexOf("|");
      lines.push(`${k.slice(0, bar)},${q(k.slice(bar + 1))},${nikKey}\n`);
    }
    return lines.join("");
  }

  /** Adds a row with its staging line; a row that is not `measured` gets no z-scores. */
  add(line: string, sex: number, m: MeasurementValues, measured: boolean, hasNik: boolean): void {
    const i = this.lines.length;
    if (hasNik) this.counts.withNik++;
    else this.counts.withoutNik++;
    if (measured) this.counts.measured++;
    this.lines.push(line);
    setAnthroRow(this.anthro, i, measured ? sex : 0, m);
  }

  /**
   * Scores the rows and returns them as staging CSV (STAGE_COLUMNS order) with the number of
   * measurements flagged implausible; the batch is empty afterwards.
   */
  take(): { csv: string; flagged: number } {
    const count = this.lines.length;
    const z = this.anthro.score(count);
    let flagged = 0;
    const parts: string[] = new Array(count);
    for (let i = 0; i < count; i++) {
      if (this.anthro.sex[i] === 0) {
        parts[i] = `${this.lines[i]},,,,,,,f,f,f,f,,,,\n`;
        continue;
      }
      if (flaggedAt(z, i)) flagged++;
      const zl = zAt(z.zlen, i);
      const zw = zAt(z.zwei, i);
      const zf = zAt(z.zwfl, i);
      const zb = zAt(z.zbmi, i);
      parts[i] =
        `${this.lines[i]},${n(zl)},${n(zw)},${n(zf)},${n(zb)},${n(z.zhc[i])},${n(z.zac[i])},` +
        `${tf(z.flen, i)},${tf(z.fwei, i)},${tf(z.fwfl, i)},${tf(z.fbmi, i)},` +
        `${statusTbu(zl)?.code ?? ""},${statusBbu(zw)?.code ?? ""},${statusBbtb(zf)?.code ?? ""},${statusImtu(zb)?.code ?? ""}\n`;
    }
    this.lines = [];
    return { csv: parts.join(""), flagged };
  }
}

/** A flag of a scored batch as a CSV boolean. */
function tf(flag: Uint8Array, i: number): "t" | "f" {
  return flag[i] === 1 ? "t" : "f";
}

/** Records a rejection of `field` for the row. */
function fail(errors: Rejection[], sheet: string, rowNo: number, field: Field, reason: string): void {
  errors.push({ sheet, rowNo, field: FIELD_LABEL[field], reason });
}

/** Exact powers of ten up to 10^15 (every one a double without rounding). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of a cell written as plain digits with at most one inner '.' or ',' (decimal comma),
 * as parseDecimal reads it; undefined for anything else (parseDecimal then decides). Most
 * measurement cells are like this: no regular expression, string or result object for them.
 * At most 15 digits, so the digits form an exact integer m and m / 10^k is the double nearest
 * the decimal, as Number() gives it.
 */
export function plainDecimal(s: string): number | undefined {
  const n = s.length;
  if (n === 0 || n > 15) return undefined;
  let sep = -1;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      continue;
    }
    if ((c === 46 || c === 44) && sep < 0 && i > 0 && i < n - 1) {
      sep = i;
      continue;
    }
    return undefined;
  }
  return sep < 0 ? m : m / POW10[n - 1 - sep];
}

/** Parses a number cell; positive values only (0 and below count as missing). */
function positive(
  cell: Cell | undefined,
  field: Field,
  errors: Rejection[],
  sheet: string,
  rowNo: number,
): number | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "string") {
    const v = plainDecimal(cell);
    if (v !== undefined) return v > 0 ? v : undefined;
  }
  const p = parseDecimal(cell instanceof Date ? String(cell) : cell);
  if (!p.ok) {
    errors.push({ sheet, rowNo, field: FIELD_LABEL[field], reason: p.error });
    return undefined;
  }
  return p.value !== undefined && p.value > 0 ? p.value : undefined;
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

function checkMeasurement(
  rec: RawRecord,
  rowNo: number,
  sheet: string,
  requireMeasurement: boolean,
  today: string,
  birthValue: string | undefined,
  birthDays: number | undefined,
  errors: Rejection[],
): MeasurementPart {
  let measuredOn: string | undefined;
  let ageDays: number | undefined;
  const weight = positive(rec.weight, "weight", errors, sheet, rowNo);
  const lenhei = positive(rec.lenhei, "lenhei", errors, sheet, rowNo);
  const headc = positive(rec.headc, "headc", errors, sheet, rowNo);
  const armc = positive(rec.armc, "armc", errors, sheet, rowNo);
  const measure = parseMeasure(text(rec.measure));
  if (!measure.ok) fail(errors, sheet, rowNo, "measure", measure.error);
  const oedema = parseOedema(text(rec.oedema));
  if (!oedema.ok) fail(errors, sheet, rowNo, "oedema", oedema.error);
  const hasMeasurementCells = rec.measuredOn !== undefined || weight !== undefined || lenhei !== undefined;
  if (requireMeasurement || hasMeasurementCells) {
    const d = parseDateCell(rec.measuredOn);
    if (!d.ok) fail(errors, sheet, rowNo, "measuredOn", d.error);
    else if (d.value === undefined)
      fail(errors, sheet, rowNo, "measuredOn", "measurement date is empty; expected dd/mm/yyyy");
    else if (d.value > today)
      fail(errors, sheet, rowNo, "measuredOn", `measurement date ${d.value} is in the future`);
    else measuredOn = d.value;
    if (measuredOn && birthValue && birthDays !== undefined) {
      ageDays = (d.days as number) - birthDays;
      if (ageDays < 0)
        fail(
          errors,
          sheet,
          rowNo,
          "measuredOn",
          `measured on ${measuredOn}, before the birth date ${birthValue}`,
        );
      else if (ageDays > MAX_AGE_DAYS)
        fail(
          errors,
          sheet,
          rowNo,
          "measuredOn",
          `age at measurement is ${ageDays} days; expected a child under 60 months (at most ${MAX_AGE_DAYS} days)`,
        );
    }
    if (
      weight === undefined &&
      lenhei === undefined &&
      !errors.some((e) => e.field === "Berat" || e.field === "Tinggi")
    ) {
      fail(errors, sheet, rowNo, "weight", "neither weight nor length/height given");
    }
  }
  const scored = measuredOn !== undefined && ageDays !== undefined;
  return {
    measuredOn: scored ? measuredOn : undefined,
    ageDays: measuredOn !== undefined ? ageDays : undefined,
    measuredDays: scored && birthDays !== undefined ? birthDays + (ageDays as number) : undefined,
    weight,
    lenhei,
    measure: measure.ok ? measure.value : undefined,
    oedema: oedema.ok ? (oedema.value ?? false) : false,
    headc,
    armc,
  };
}

/**
 * Checks the measurement of a row whose child columns are exactly those of `prev` (an accepted
 * row of the same child just before it): only its measurement columns are parsed. With
 * `repeatOf`, gives what checkRecord would give for the row.
 */
export function checkRepeatRecord(
  rec: RawRecord,
  rowNo: number,
  sheet: string,
  prev: CheckedRow,
  requireMeasurement: boolean,
  today: string,
): MeasurementPart | Rejection[] {
  const errors: Rejection[] = [];
  const m = checkMeasurement(
    rec,
    rowNo,
    sheet,
    requireMeasurement,
    today,
    prev.birthDate,
    prev.birthDays,
    errors,
  );
  return errors.length > 0 ? errors : m;
}

/** The checked row of a row repeating `prev`'s child with the measurement `m` (checkRepeatRecord). */
export function repeatOf(rowNo: number, prev: CheckedRow, m: MeasurementPart): CheckedRow {
  // The child key the row was checked with (the direct path may have changed prev.childKey).
  return assemble(rowNo, prev, m, prev.checkedKey);
}

/** A checked row from a child part (the fields of a checked row that describe the child) and a measurement part. */
function assemble(
  rowNo: number,
  c: Omit<CheckedRow, "rowNo" | "childKey" | keyof MeasurementPart>,
  m: MeasurementPart,
  childKey: string,
): CheckedRow {
  return {
    rowNo,
    districtCode: c.districtCode,
    villageCode: c.villageCode,
    puskesmas: c.puskesmas,
    posyandu: c.posyandu,
    nik: c.nik,
    kk: c.kk,
    motherNik: c.motherNik,
    name: c.name,
    nameKey: c.nameKey,
    sex: c.sex,
    birthDate: c.birthDate,
    birthDays: c.birthDays,
    birthWeight: c.birthWeight,
    birthLength: c.birthLength,
    motherName: c.motherName,
    rt: c.rt,
    rw: c.rw,
    address: c.address,
    measuredOn: m.measuredOn,
    ageDays: m.ageDays,
    measuredDays: m.measuredDays,
    weight: m.weight,
    lenhei: m.lenhei,
    measure: m.measure,
    oedema: m.oedema,
    headc: m.headc,
    armc: m.armc,
    identityKey: c.identityKey,
    checkedKey: c.checkedKey,
    childKey,
  };
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

/**
 * Validates and converts one record. `requireMeasurement` is false for child-register rows.
 * Returns the checked row, or the rejections (one per faulty field).
 */
export function checkRecord(
  rec: RawRecord,
  rowNo: number,
  sheet: string,
  place: PlaceInfo,
  sealer: IdentifierSealer,
  requireMeasurement: boolean,
  today: string,
): CheckedRow | Rejection[] {
  const errors: Rejection[] = [];
  const name = text(rec.name);
  if (!name) fail(errors, sheet, rowNo, "name", "name is empty");
  const sex = parseSex(
    rec.sex === null || rec.sex === undefined ? undefined : rec.sex instanceof Date ? "" : rec.sex,
  );
  if (!sex.ok) fail(errors, sheet, rowNo, "sex", sex.error);
  else if (sex.value === undefined) fail(errors, sheet, rowNo, "sex", "sex is empty; expected L or P");
  const birth = parseDateCell(rec.birthDate);
  if (!birth.ok) fail(errors, sheet, rowNo, "birthDate", birth.error);
  else if (birth.value === undefined)
    fail(errors, sheet, rowNo, "birthDate", "birth date is empty; expected dd/mm/yyyy");
  else if (birth.value > today)
    fail(errors, sheet, rowNo, "birthDate", `birth date ${birth.value} is in the future`);

  const nik = parseIdentifier(rec.nik);
  if (!nik.ok) fail(errors, sheet, rowNo, "nik", nik.error);
  const kk = parseIdentifier(rec.kk);
  if (!kk.ok) fail(errors, sheet, rowNo, "kk", kk.error);
  const motherNik = parseIdentifier(rec.motherNik);
  if (!motherNik.ok) fail(errors, sheet, rowNo, "motherNik", motherNik.error);

  const birthWeight = positive(rec.birthWeight, "birthWeight", errors, sheet, rowNo);
  const birthLength = positive(rec.birthLength, "birthLength", errors, sheet, rowNo);

  const m = checkMeasurement(
    rec,
    rowNo,
    sheet,
    requireMeasurement,
    today,
    birth.ok ? birth.value : undefined,
    birth.ok ? birth.days : undefined,
    errors,
  );
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

  const nameKey = personKeys.get(name);
  // The NIK's hash now (matching needs it); the rest when the batch is written.
  const nikSealed = nik.value ? sealer.seal(nik.value, true) : undefined;
  const identityKey = `k:${nameKey}|${birth.value}|${sex.value}|${place.villageCode}`;
  const child = {
    districtCode: place.districtCode,
    villageCode: place.villageCode,
    puskesmas: text(rec.puskesmas),
    posyandu: text(rec.posyandu),
    nik: nikSealed,
    kk: kk.value ? sealer.seal(kk.value, false) : undefined,
    motherNik: motherNik.value ? sealer.seal(motherNik.value, false) : undefined,
    name,
    nameKey,
    sex: sex.value as 1 | 2,
    birthDate: birth.value,
    birthDays: birth.days as number,
    birthWeight,
    birthLength,
    motherName: text(rec.motherName),
    rt: text(rec.rt),
    rw: text(rec.rw),
    address: text(rec.address),
    identityKey,
    checkedKey: nikSealed ? `n:${nikSealed.hash}` : identityKey,
  };
  return assemble(rowNo, child, m, child.checkedKey);
}

/** Adds a checked row to the staging batch (its identity, its places and its staging line). */
export function stageChecked(row: CheckedRow, batch: StageBatch): void {
  batch.noteIdentity(row.districtCode, row.identityKey, row.nik ? row.childKey : undefined);
  const line =
    `${row.rowNo},${row.districtCode},${q(row.childKey)},${row.villageCode},` +
    `${row.posyandu ? q(placeKeys.get(row.posyandu)) : ""},` +
    `${row.nik ? row.nik.hash : ""},${row.kk ? row.kk.hash : ""},${row.motherNik ? row.motherNik.hash : ""},` +
    `${q(row.name)},${q(row.nameKey)},${row.sex},${row.birthDate},${n(row.birthWeight)},${n(row.birthLength)},` +
    `${q(row.motherName)},${q(row.rt)},${q(row.rw)},${q(row.address)},` +
    `${row.measuredOn ?? ""},${n(row.ageDays)},${n(row.weight)},${n(row.lenhei)},${row.measure ?? ""},` +
    `${row.oedema ? "t" : "f"},${n(row.headc)},${n(row.armc)}`;
  batch.add(line, row.sex, row, row.measuredOn !== undefined, row.nik !== undefined);
}

/**
 * Validates and converts one record, then stages it (checkRecord + stageChecked).
 * Adds the row to `batch` and returns undefined, or returns the rejections (one per faulty field).
 */
export function stageRecord(
  rec: RawRecord,
  rowNo: number,
  sheet: string,
  place: PlaceInfo,
  sealer: IdentifierSealer,
  requireMeasurement: boolean,
  today: string,
  batch: StageBatch,
): Rejection[] | undefined {
  const checked = checkRecord(rec, rowNo, sheet, place, sealer, requireMeasurement, today);
  if (Array.isArray(checked)) return checked;
  stageChecked(checked, batch);
  return undefined;
}
