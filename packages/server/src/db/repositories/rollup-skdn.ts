/**
 * SKDN roll-ups (migration 0060): refreshed per district with the prevalence roll-ups, from every
 * child registered in the district and its weighings. The rules are core's (skdn-counts.ts); this
 * module only loads the rows and stores the sums: each child in its registered posyandu and
 * village, kecamatan and district rows summed from the village rows.
 */
import {
  addSkdnCounts,
  childSkdnCounts,
  emptySkdnCounts,
  type FalteringWeighing,
  type KbmChoices,
  type KbmTable,
  type KmsRecord,
  kbmForDistrict,
  SKDN_COUNT_KEYS,
  type SkdnCounts,
} from "@tumbuh/core";
import { sql } from "kysely";
import type { HasDb } from "../schema.ts";
import {
  likelyDuplicateGroups,
  type QualityMeasurementRow,
  writeDistrictQuality,
  ZBITS_SQL,
} from "./rollup-quality.ts";

type UnitKind = "posyandu" | "village" | "subdistrict" | "district";

/** The column of each count. */
const COLUMN: Record<keyof SkdnCounts, string> = {
  s: "s",
  k: "k",
  kUnknown: "k_unknown",
  d: "d",
  n: "n",
  t: "t",
  o: "o",
  b: "b",
  twoT: "two_t",
  bgm: "bgm",
};

/** The count columns in the order of SKDN_COUNT_KEYS. */
export const SKDN_COLUMNS = SKDN_COUNT_KEYS.map((k) => COLUMN[k]);

interface ChildRow {
  id: string;
  sex: 1 | 2;
  birth_date: string;
  village_code: string;
  posyandu_id: string | null;
  has_kms: boolean | null;
  has_nik: boolean;
}

interface KmsRow {
  child_id: string;
  measured_on: string;
  has_kms: boolean;
}

type WeighingRow = QualityMeasurementRow & { weight: number };

/** Children counted between two turns of the event loop (other requests served meanwhile). */
const YIELD_CHILDREN = 2000;

/**
 * Counts per unit and month of one district's children (pure once the rows are loaded). A large
 * district takes seconds: it lets other requests through every YIELD_CHILDREN children.
 */
async function districtSkdnCounts(
  district: string,
  children: readonly ChildRow[],
  weighings: readonly WeighingRow[],
  kmsRows: readonly KmsRow[],
  months: readonly string[],
  kbm: KbmTable,
): Promise<Map<string, { kind: UnitKind; code: string; month: string; counts: SkdnCounts }>> {
  const byChild = new Map<string, FalteringWeighing[]>();
  for (const w of weighings) {
    let list = byChild.get(w.child_id);
    if (!list) {
      list = [];
      byChild.set(w.child_id, list);
    }
    // The stored weight-for-age z (computed by the growth engine when stored) spares computing it again.
    // (a weighing stored without one, e.g. by hand, has it computed).
    const stored = w.zwei !== null || w.fwei;
    list.push({
      date: w.measured_on,
      weight: w.weight,
      oedema: w.oedema,
      zwei: stored ? w.zwei : undefined,
      zweiFlagged: w.fwei,
    });
  }
  const kmsByChild = new Map<string, KmsRecord[]>();
  for (const r of kmsRows) {
    let list = kmsByChild.get(r.child_id);
    if (!list) {
      list = [];
      kmsByChild.set(r.child_id, list);
    }
    list.push({ date: r.measured_on, hasKms: r.has_kms });
  }
  const rows = new Map<string, { kind: UnitKind; code: string; month: string; counts: SkdnCounts }>();
  const add = (kind: UnitKind, code: string, month: string, c: SkdnCounts) => {
    const key = `${kind}|${code}|${month}`;
    let row = rows.get(key);
    if (!row) {
      row = { kind, code, month, counts: emptySkdnCounts() };
      rows.set(key, row);
    }
    addSkdnCounts(row.counts, c);
  };
  let counted = 0;
  for (const child of children) {
    if (++counted % YIELD_CHILDREN === 0) await new Promise<void>((r) => setImmediate(r));
    const counts = childSkdnCounts(
      {
        id: child.id,
        sex: child.sex,
        birthDate: child.birth_date,
        hasKms: child.has_kms ?? undefined,
        kmsRecords: kmsByChild.get(child.id),
        weighings: byChild.get(child.id) ?? [],
      },
      months,
      kbm,
    );
    for (const [month, c] of counts) {
      add("village", child.village_code, month, c);
      add("subdistrict", child.village_code.slice(0, 8), month, c);
      add("district", district, month, c);
      if (child.posyandu_id) add("posyandu", child.posyandu_id, month, c);
    }
  }
  return rows;
}

/** Rows written per INSERT statement. */
const BATCH = 2000;

/** The KBM table the district uses (its own choice, else the national one, else variant A; core kbm.ts). */
async function districtKbm(h: HasDb, district: string): Promise<KbmTable> {
  const rows = await sql<{ region_code: string; kbm_table: string }>`
    SELECT region_code, kbm_table FROM kbm_choice WHERE region_code IN ('ID', ${district})`.execute(h.db);
  const choices: KbmChoices = { national: null, districts: {} };
  for (const r of rows.rows) {
    if (r.region_code === "ID") choices.national = r.kbm_table;
    else choices.districts = { [r.region_code]: r.kbm_table };
  }
  return kbmForDistrict(choices, district).table;
}

/**
 * Recomputes the SKDN rows of one district for every month in which it has measurements, with the
 * district's KBM table unless one is given, and from the same rows the measurement part of its
 * data-quality rows (rollup-quality.ts). Run it inside the refresh's transaction, which holds the
 * district's roll-up lock.
 */
export async function refreshDistrictSkdn(h: HasDb, district: string, kbmTable?: KbmTable): Promise<void> {
  if (!/^\d{2}\.\d{2}$/.test(district)) throw new Error(`invalid district code '${district}'`);
  const kbm = kbmTable ?? (await districtKbm(h, district));
  const monthRows = await sql<{ month: string }>`
    SELECT DISTINCT to_char(measured_on, 'YYYY-MM') AS month FROM measurements
    WHERE district_code = ${district} ORDER BY 1`.execute(h.db);
  await sql`DELETE FROM rollup_skdn WHERE district_code = ${district}`.execute(h.db);
  const months = monthRows.rows.map((r) => r.month);
  if (months.length === 0) {
    await sql`DELETE FROM rollup_quality WHERE district_code = ${district}`.execute(h.db);
    return;
  }
  const children = await sql<ChildRow>`
    SELECT id, sex, birth_date, village_code, posyandu_id, has_kms, nik_hash IS NOT NULL AS has_nik
    FROM children WHERE district_code = ${district}`.execute(h.db);
  const measurements = await sql<QualityMeasurementRow>`
    SELECT child_id, village_code, posyandu_id, measured_on, age_days, weight, lenhei, measure, oedema,
      zwei, fwei, ${sql.raw(ZBITS_SQL)} AS zbits
    FROM measurements WHERE district_code = ${district}`.execute(h.db);
  const weighings = measurements.rows.filter((m): m is WeighingRow => m.weight !== null);
  const kms = await sql<KmsRow>`
    SELECT child_id, measured_on, has_kms FROM measurements
    WHERE district_code = ${district} AND has_kms IS NOT NULL`.execute(h.db);
  const rows = [
    ...(await districtSkdnCounts(district, children.rows, weighings, kms.rows, months, kbm)).values(),
  ];
  await writeDistrictQuality(
    h,
    district,
    new Map(children.rows.map((c) => [c.id, c])),
    measurements.rows,
    await likelyDuplicateGroups(h, district),
  );
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const col = (k: keyof SkdnCounts) => part.map((r) => r.counts[k]);
    await sql`
      INSERT INTO rollup_skdn (district_code, unit_kind, unit_code, period, ${sql.raw(SKDN_COLUMNS.join(", "))}, kbm_table)
      SELECT ${district}, u.kind, u.code, u.month, u.s, u.k, u.k_unknown, u.d, u.n, u.t, u.o, u.b, u.two_t, u.bgm, ${kbm.id}
      FROM unnest(${part.map((r) => r.kind)}::text[], ${part.map((r) => r.code)}::text[],
        ${part.map((r) => r.month)}::text[], ${col("s")}::int[], ${col("k")}::int[], ${col("kUnknown")}::int[],
        ${col("d")}::int[], ${col("n")}::int[], ${col("t")}::int[], ${col("o")}::int[], ${col("b")}::int[],
        ${col("twoT")}::int[], ${col("bgm")}::int[])
        AS u(kind, code, month, s, k, k_unknown, d, n, t, o, b, two_t, bgm)`.execute(h.db);
  }
}
