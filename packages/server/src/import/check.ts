/**
 * Checking one file row: cells parsed (dates in every form, decimal commas, L/P), identifiers
 * sealed (sealing.ts), age computed and limits checked. A faulty row gives its rejections, one
 * per faulty field, in the order users read them; a good one its CheckedRow.
 */
import {
  ENTRY_LIMITS,
  type LimitedField,
  parseDecimal,
  parseMeasure,
  parseOedema,
  parseSex,
  type RowCode,
} from "@tumbuh/core";
import { parseIdentifier, plainDecimal, text } from "./cells.ts";
import {
  type CheckedRow,
  FIELD_LABEL,
  MAX_AGE_DAYS,
  type MeasurementPart,
  type PlaceInfo,
  type RawRecord,
  type Rejection,
  rejection,
} from "./checked-row.ts";
import type { Field } from "./columns.ts";
import { identityKey, nikKey } from "./matching.ts";
import type { ImportMemo } from "./memo.ts";
import type { Cell } from "./read.ts";
import type { IdentifierSealer } from "./sealing.ts";

/** What checking the rows of a sheet needs besides the row. */
export interface RowContext {
  /** The sheet's name, as rejections give it. */
  sheet: string;
  /** False for child-register rows (a measurement is optional there). */
  requireMeasurement: boolean;
  /** Dates after this day are rejected. */
  today: string;
  sealer: IdentifierSealer;
  memo: ImportMemo;
}

/** Records a rejection of `field` for the row: the message `code`, its parameters and the value found. */
function fail(
  errors: Rejection[],
  ctx: RowContext,
  rowNo: number,
  field: Field,
  code: RowCode,
  params?: Record<string, string | number>,
  value?: string,
): void {
  errors.push(rejection(ctx.sheet, rowNo, FIELD_LABEL[field], code, params, value));
}

/** Records the rejection of a cell that does not parse (ParseFailure of @tumbuh/core). */
function failParse(
  errors: Rejection[],
  ctx: RowContext,
  rowNo: number,
  field: Field,
  p: { code: RowCode; found: string },
): void {
  fail(errors, ctx, rowNo, field, p.code, { value: p.found }, p.found);
}

/**
 * Parses a number cell; positive values only (0 and below count as missing), within the hard
 * limits of ENTRY_LIMITS[limit] for a measurement (a weight of 3.5e15 kg is refused, not
 * imported and flagged).
 */
function positive(
  cell: Cell | undefined,
  field: Field,
  errors: Rejection[],
  ctx: RowContext,
  rowNo: number,
  limit?: LimitedField,
): number | undefined {
  if (cell === null || cell === undefined) return undefined;
  let v: number | undefined;
  if (typeof cell === "string") v = plainDecimal(cell);
  if (v === undefined) {
    const p = parseDecimal(cell instanceof Date ? String(cell) : cell);
    if (!p.ok) {
      failParse(errors, ctx, rowNo, field, p);
      return undefined;
    }
    v = p.value;
  }
  if (v === undefined || !(v > 0)) return undefined;
  if (!limit) return v;
  const { min, max, unit } = ENTRY_LIMITS[limit];
  if (v >= min && v <= max) return v;
  fail(errors, ctx, rowNo, field, "row.outOfRange", { value: v, min, max, unit }, String(v));
  return undefined;
}

function checkMeasurement(
  rec: RawRecord,
  rowNo: number,
  ctx: RowContext,
  birthValue: string | undefined,
  birthDays: number | undefined,
  errors: Rejection[],
): MeasurementPart {
  let measuredOn: string | undefined;
  let ageDays: number | undefined;
  const weight = positive(rec.weight, "weight", errors, ctx, rowNo, "weight");
  const lenhei = positive(rec.lenhei, "lenhei", errors, ctx, rowNo, "lenhei");
  const headc = positive(rec.headc, "headc", errors, ctx, rowNo, "headc");
  const armc = positive(rec.armc, "armc", errors, ctx, rowNo, "armc");
  const measure = parseMeasure(text(rec.measure));
  if (!measure.ok) failParse(errors, ctx, rowNo, "measure", measure);
  const oedema = parseOedema(text(rec.oedema));
  if (!oedema.ok) failParse(errors, ctx, rowNo, "oedema", oedema);
  const hasMeasurementCells = rec.measuredOn !== undefined || weight !== undefined || lenhei !== undefined;
  if (ctx.requireMeasurement || hasMeasurementCells) {
    const d = ctx.memo.date(rec.measuredOn);
    if (!d.ok) failParse(errors, ctx, rowNo, "measuredOn", d);
    else if (d.value === undefined) fail(errors, ctx, rowNo, "measuredOn", "row.empty");
    else if (d.value > ctx.today)
      fail(
        errors,
        ctx,
        rowNo,
        "measuredOn",
        "row.dateInFuture",
        { value: d.value, today: ctx.today },
        d.value,
      );
    else measuredOn = d.value;
    if (measuredOn && birthValue && birthDays !== undefined) {
      ageDays = (d.days as number) - birthDays;
      if (ageDays < 0)
        fail(
          errors,
          ctx,
          rowNo,
          "measuredOn",
          "row.beforeBirth",
          { value: measuredOn, birthDate: birthValue },
          measuredOn,
        );
      else if (ageDays > MAX_AGE_DAYS)
        fail(
          errors,
          ctx,
          rowNo,
          "measuredOn",
          "row.tooOld",
          { value: measuredOn, ageDays, maxDays: MAX_AGE_DAYS },
          measuredOn,
        );
    }
    if (
      weight === undefined &&
      lenhei === undefined &&
      !errors.some((e) => e.field === "Berat" || e.field === "Tinggi")
    ) {
      fail(errors, ctx, rowNo, "weight", "row.nothingMeasured");
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
  prev: CheckedRow,
  ctx: RowContext,
): MeasurementPart | Rejection[] {
  const errors: Rejection[] = [];
  const m = checkMeasurement(rec, rowNo, ctx, prev.birthDate, prev.birthDays, errors);
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

/**
 * Validates and converts one record of a row in `place`. Returns the checked row, or the
 * rejections (one per faulty field).
 */
export function checkRecord(
  rec: RawRecord,
  rowNo: number,
  place: PlaceInfo,
  ctx: RowContext,
): CheckedRow | Rejection[] {
  const errors: Rejection[] = [];
  const name = text(rec.name);
  if (!name) fail(errors, ctx, rowNo, "name", "row.empty");
  const sex = parseSex(
    rec.sex === null || rec.sex === undefined ? undefined : rec.sex instanceof Date ? "" : rec.sex,
  );
  if (!sex.ok) failParse(errors, ctx, rowNo, "sex", sex);
  else if (sex.value === undefined) fail(errors, ctx, rowNo, "sex", "row.empty");
  const birth = ctx.memo.date(rec.birthDate);
  if (!birth.ok) failParse(errors, ctx, rowNo, "birthDate", birth);
  else if (birth.value === undefined) fail(errors, ctx, rowNo, "birthDate", "row.empty");
  else if (birth.value > ctx.today)
    fail(
      errors,
      ctx,
      rowNo,
      "birthDate",
      "row.dateInFuture",
      { value: birth.value, today: ctx.today },
      birth.value,
    );

  const nik = parseIdentifier(rec.nik);
  if (!nik.ok)
    fail(errors, ctx, rowNo, "nik", "row.notIdentifier", { value: nik.found, digits: nik.digits }, nik.found);
  const kk = parseIdentifier(rec.kk);
  if (!kk.ok)
    fail(errors, ctx, rowNo, "kk", "row.notIdentifier", { value: kk.found, digits: kk.digits }, kk.found);
  const motherNik = parseIdentifier(rec.motherNik);
  if (!motherNik.ok)
    fail(
      errors,
      ctx,
      rowNo,
      "motherNik",
      "row.notIdentifier",
      { value: motherNik.found, digits: motherNik.digits },
      motherNik.found,
    );

  const birthWeight = positive(rec.birthWeight, "birthWeight", errors, ctx, rowNo);
  const birthLength = positive(rec.birthLength, "birthLength", errors, ctx, rowNo);

  const m = checkMeasurement(
    rec,
    rowNo,
    ctx,
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

  const nameKey = ctx.memo.personKey(name);
  const { sealer } = ctx;
  // The NIK's hash now (matching needs it); the rest when the batch is written.
  const nikSealed = nik.value ? sealer.seal(nik.value, true) : undefined;
  const identity = identityKey(nameKey, birth.value, sex.value, place.villageCode);
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
    identityKey: identity,
    checkedKey: nikSealed ? nikKey(nikSealed.hash) : identity,
  };
  return assemble(rowNo, child, m, child.checkedKey);
}
