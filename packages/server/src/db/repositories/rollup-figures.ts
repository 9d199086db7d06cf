/**
 * The rows a district's figures are computed from (core district-figures.ts), loaded column by
 * column, and the computed rows stored: prevalence rows of villages and posyandu in
 * `rollup_district`, SKDN rows in `rollup_skdn`, data-quality rows in `rollup_quality`. The
 * caller (rollup-refresh.ts) holds the district's roll-up lock in its transaction.
 */

import {
  type DistrictFigures,
  type FigureInput,
  FigureInputBuilder,
  FLAG_BMI,
  FLAG_LEN,
  FLAG_WEI,
  FLAG_WFL,
  type KbmTable,
  PREVALENCE_COUNTS,
  PREVALENCE_MOMENTS,
  packTally,
  QUALITY_TALLY_LENGTH,
  SKDN_COUNT_KEYS,
  unpackTally,
} from "@tumbuh/core";
import { sql } from "kysely";
import { PgBinaryRows } from "../pg-binary.ts";
import type { HasDb } from "../schema.ts";
import { COUNT_COLUMNS } from "./rollup-counts.ts";
import { SKDN_COLUMNS } from "./rollup-skdn.ts";

/** A binary COPY into a table, when the caller's session offers one (faster than INSERT for large rows). */
export type CopyBinary = (target: string, data: Uint8Array) => Promise<void>;

interface ChildRow {
  id: string;
  sex: number;
  birth_date: string;
  village_code: string;
  posyandu_id: string | null;
  has_kms: boolean | null;
  has_nik: boolean;
  name_key: string;
}

interface MeasurementRow {
  child_id: string;
  village_code: string;
  posyandu_id: string | null;
  day: number;
  age_days: number;
  weight: number | null;
  lenhei: number | null;
  measure: "l" | "h" | null;
  oedema: boolean;
  has_kms: boolean | null;
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  zbmi: number | null;
  flags: number;
}

const nan = (x: number | null) => (x === null ? Number.NaN : x);

/**
 * Every child and measurement of the district in the columns the figures are computed from; with
 * `onlyChildren` (SQL selecting child ids), only those children and their measurements.
 */
export async function loadFigureInput(
  h: HasDb,
  district: string,
  onlyChildren?: string,
): Promise<FigureInput> {
  const b = new FigureInputBuilder(district);
  const childFilter = onlyChildren ? sql` AND id IN (${sql.raw(onlyChildren)})` : sql``;
  const measurementFilter = onlyChildren ? sql` AND child_id IN (${sql.raw(onlyChildren)})` : sql``;
  const children = await sql<ChildRow>`
    SELECT id, sex, birth_date::text AS birth_date, village_code, posyandu_id, has_kms,
      nik_hash IS NOT NULL AS has_nik, name_key
    FROM children WHERE district_code = ${district}${childFilter}`.execute(h.db);
  const index = new Map<string, number>();
  for (const c of children.rows)
    index.set(
      c.id,
      b.addChild({
        id: c.id,
        sex: c.sex,
        birthDate: c.birth_date,
        village: c.village_code,
        posyandu: c.posyandu_id,
        hasKms: c.has_kms,
        hasNik: c.has_nik,
        nameKey: c.name_key,
      }),
    );
  const measurements = await sql<MeasurementRow>`
    SELECT child_id, village_code, posyandu_id, (measured_on - date '1970-01-01') AS day, age_days, weight,
      lenhei, measure, oedema, has_kms, zlen, zwei, zwfl, zbmi,
      (${FLAG_LEN} * coalesce(flen, false)::int + ${FLAG_WEI} * coalesce(fwei, false)::int
        + ${FLAG_WFL} * coalesce(fwfl, false)::int + ${FLAG_BMI} * coalesce(fbmi, false)::int) AS flags
    FROM measurements WHERE district_code = ${district}${measurementFilter}`.execute(h.db);
  for (const m of measurements.rows) {
    const child = index.get(m.child_id);
    // The children trigger (migration 0007) keeps every measurement's child; none is skipped in practice.
    if (child === undefined) continue;
    b.addMeasurement(child, m.village_code, m.posyandu_id, {
      day: Number(m.day),
      ageDays: m.age_days,
      weight: nan(m.weight),
      lenhei: nan(m.lenhei),
      measure: m.measure === "l" ? 1 : m.measure === "h" ? 2 : 0,
      oedema: m.oedema,
      hasKms: m.has_kms === null ? -1 : m.has_kms ? 1 : 0,
      zlen: nan(m.zlen),
      zwei: nan(m.zwei),
      zwfl: nan(m.zwfl),
      zbmi: nan(m.zbmi),
      flags: Number(m.flags),
    });
  }
  return b.build();
}

/** The district's children as counted in the database (to check rows known without loading them). */
export async function districtChildCount(h: HasDb, district: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::integer AS n FROM children WHERE district_code = ${district}`.execute(h.db);
  return Number(r.rows[0].n);
}

/** Rows written per INSERT statement. */
const BATCH = 2000;

/**
 * Inserts the village and posyandu prevalence rows (the table's rows of the district deleted
 * first by the caller), by binary COPY when `copy` is given.
 */
export async function insertPrevalenceRows(
  h: HasDb,
  district: string,
  figures: DistrictFigures,
  copy?: CopyBinary,
): Promise<void> {
  const rows = figures.prevalence;
  // The stored columns (rollup-counts.ts takes its lists from core's).
  const names = [...PREVALENCE_COUNTS, ...PREVALENCE_MOMENTS];
  const integer = new Set<string>([...COUNT_COLUMNS, "bmiz_valid", "boys", "girls"]);
  if (copy) {
    if (rows.length === 0) return;
    const isInt = names.map((n) => integer.has(n));
    const w = new PgBinaryRows(rows.length * (names.length * 12 + 120));
    for (const r of rows) {
      w.row(4 + names.length)
        .text(district)
        .text(r.kind)
        .text(r.code)
        .text(r.period);
      for (let j = 0; j < names.length; j++) {
        if (isInt[j]) w.int4(r.values[j]);
        else w.float8(r.values[j]);
      }
    }
    const data = w.take();
    if (data)
      await copy(`rollup_district (district_code, unit_kind, unit_code, period, ${names.join(", ")})`, data);
    return;
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const arrays = names.map((name, j) => {
      const type = integer.has(name) ? "int" : "float8";
      return sql`${part.map((r) => r.values[j])}::${sql.raw(type)}[]`;
    });
    await sql`
      INSERT INTO rollup_district (district_code, unit_kind, unit_code, period, ${sql.raw(names.join(", "))}, target)
      SELECT ${district}, u.*, NULL FROM unnest(${part.map((r) => r.kind)}::text[], ${part.map((r) => r.code)}::text[],
        ${part.map((r) => r.period)}::text[], ${sql.join(arrays)})
        AS u(kind, code, period, ${sql.raw(names.join(", "))})`.execute(h.db);
  }
}

/** Replaces the district's SKDN rows (by binary COPY when `copy` is given). */
export async function writeSkdnRows(
  h: HasDb,
  district: string,
  figures: DistrictFigures,
  kbm: KbmTable,
  copy?: CopyBinary,
): Promise<void> {
  await sql`DELETE FROM rollup_skdn WHERE district_code = ${district}`.execute(h.db);
  const rows = figures.skdn;
  if (copy) {
    if (rows.length === 0) return;
    const w = new PgBinaryRows(rows.length * (SKDN_COLUMNS.length * 8 + 120));
    for (const r of rows) {
      w.row(5 + SKDN_COLUMNS.length)
        .text(district)
        .text(r.kind)
        .text(r.code)
        .text(r.month);
      for (let j = 0; j < SKDN_COLUMNS.length; j++) w.int4(r.counts[j]);
      w.text(kbm.id);
    }
    const data = w.take();
    if (data)
      await copy(
        `rollup_skdn (district_code, unit_kind, unit_code, period, ${SKDN_COLUMNS.join(", ")}, kbm_table)`,
        data,
      );
    return;
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const counts = SKDN_COUNT_KEYS.map((_, j) => sql`${part.map((r) => r.counts[j])}::int[]`);
    await sql`
      INSERT INTO rollup_skdn (district_code, unit_kind, unit_code, period, ${sql.raw(SKDN_COLUMNS.join(", "))}, kbm_table)
      SELECT ${district}, u.*, ${kbm.id} FROM unnest(${part.map((r) => r.kind)}::text[], ${part.map((r) => r.code)}::text[],
        ${part.map((r) => r.month)}::text[], ${sql.join(counts)})
        AS u(kind, code, month, ${sql.raw(SKDN_COLUMNS.join(", "))})`.execute(h.db);
  }
}

/** Quality rows written per INSERT statement (each holds a tally of a few hundred numbers). */
const QUALITY_BATCH = 500;

/** A tally as stored: packed (core tally-packing.ts, migration 0116). */
function tallyBytes(tally: Int32Array): Buffer {
  const packed = packTally(tally);
  return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
}

/** A stored tally's counts. */
export function tallyOfBytes(bytes: Uint8Array): number[] {
  return unpackTally(bytes, QUALITY_TALLY_LENGTH);
}

/** Replaces the district's data-quality rows (by binary COPY when `copy` is given). */
export async function writeQualityRows(
  h: HasDb,
  district: string,
  figures: DistrictFigures,
  copy?: CopyBinary,
): Promise<void> {
  await sql`DELETE FROM rollup_quality WHERE district_code = ${district}`.execute(h.db);
  const rows = figures.quality;
  if (rows.length === 0) return;
  if (copy) {
    const w = new PgBinaryRows(rows.length * 400);
    for (const r of rows)
      w.row(7)
        .text(district)
        .text(r.kind)
        .text(r.code)
        .text(r.period)
        .bytes(tallyBytes(r.tally))
        .int4(r.dupGroups)
        .int4(r.dupExtra);
    const data = w.take();
    if (data)
      await copy(
        "rollup_quality (district_code, unit_kind, unit_code, period, tally, dup_groups, dup_extra)",
        data,
      );
    return;
  }
  for (let i = 0; i < rows.length; i += QUALITY_BATCH) {
    const part = rows.slice(i, i + QUALITY_BATCH);
    await sql`
      INSERT INTO rollup_quality (district_code, unit_kind, unit_code, period, tally, dup_groups, dup_extra)
      SELECT ${district}, u.kind, u.code, u.period, u.tally, u.dup_groups, u.dup_extra
      FROM unnest(${part.map((r) => r.kind)}::text[], ${part.map((r) => r.code)}::text[],
        ${part.map((r) => r.period)}::text[], ${part.map((r) => tallyBytes(r.tally))}::bytea[],
        ${part.map((r) => r.dupGroups)}::int[], ${part.map((r) => r.dupExtra)}::int[])
        AS u(kind, code, period, tally, dup_groups, dup_extra)`.execute(h.db);
  }
}
