/**
 * The measurement part of the data-quality roll-ups (migration 0114): tallied in the SKDN pass
 * (rollup-skdn.ts), which loads every measurement of the district anyway. Each measurement is
 * tallied once, into its leaf (village, posyandu, month) by where it was measured (core
 * data-quality-tally.ts); posyandu, village, kecamatan and district rows, months and years, are
 * sums of leaves. Likely duplicate children (same name key, birth date and sex in the district)
 * are counted per unit among the children measured there. The per-child part (z-score sums, boys
 * and girls) is in the prevalence statement (rollup-refresh.ts).
 */
import { addQualityTally, type DqMeasurement, emptyQualityTally, tallyMeasurement } from "@tumbuh/core";
import { sql } from "kysely";
import type { HasDb } from "../schema.ts";

/** A measurement as the SKDN pass loads it (rollup-skdn.ts). */
export interface QualityMeasurementRow {
  child_id: string;
  village_code: string;
  posyandu_id: string | null;
  measured_on: string;
  age_days: number;
  weight: number | null;
  lenhei: number | null;
  measure: "l" | "h" | null;
  oedema: boolean;
  zwei: number | null;
  fwei: boolean;
  /** Presence and flag of the other z-scores (only these count): 1 HAZ, 2 HAZ flagged, 4 WHZ, 8 WHZ flagged, 16 BMIZ, 32 BMIZ flagged. */
  zbits: number;
}

/** SQL of QualityMeasurementRow.zbits. */
export const ZBITS_SQL = `((zlen IS NOT NULL)::int + 2 * flen::int + 4 * (zwfl IS NOT NULL)::int
  + 8 * fwfl::int + 16 * (zbmi IS NOT NULL)::int + 32 * fbmi::int)`;

/** What the tally needs of a child. */
export interface QualityChild {
  sex: 1 | 2;
  birth_date: string;
  has_nik: boolean;
}

type UnitKind = "posyandu" | "village" | "subdistrict" | "district";

interface QualityRow {
  kind: UnitKind;
  code: string;
  period: string;
  tally: number[];
  /** Likely-duplicate groups (by id) of the children measured there. */
  groups: Set<number>;
}

/** The row of a measurement for core's tally: z-scores present as 0, since only presence and flags count. */
function dqOf(m: QualityMeasurementRow, c: QualityChild | undefined): DqMeasurement {
  const b = m.zbits;
  return {
    sex: c?.sex,
    birthDate: c?.birth_date,
    ageDays: m.age_days,
    weight: m.weight,
    lenhei: m.lenhei,
    measure: m.measure,
    oedema: m.oedema,
    hasNik: c?.has_nik === true,
    zlen: b & 1 ? 0 : null,
    flen: (b & 2) !== 0,
    zwei: m.zwei,
    fwei: m.fwei,
    zwfl: b & 4 ? 0 : null,
    fwfl: (b & 8) !== 0,
    zbmi: b & 16 ? 0 : null,
    fbmi: (b & 32) !== 0,
  };
}

/**
 * The quality rows of a district: every unit and period (month and year) with a measurement.
 * `groups` maps a child to its likely-duplicate group (id) and the group's size.
 */
function districtQualityRows(
  district: string,
  children: ReadonlyMap<string, QualityChild>,
  measurements: readonly QualityMeasurementRow[],
  groups: ReadonlyMap<string, { group: number; size: number }>,
): { rows: QualityRow[]; groupSize: Map<number, number> } {
  // Leaves: (village, posyandu, month).
  const leaves = new Map<
    string,
    { village: string; posyandu: string | null; month: string; tally: number[]; groups: Set<number> }
  >();
  const groupSize = new Map<number, number>();
  for (const m of measurements) {
    const month = m.measured_on.slice(0, 7);
    const key = `${m.village_code}|${m.posyandu_id ?? ""}|${month}`;
    let leaf = leaves.get(key);
    if (!leaf) {
      leaf = {
        village: m.village_code,
        posyandu: m.posyandu_id,
        month,
        tally: emptyQualityTally(),
        groups: new Set(),
      };
      leaves.set(key, leaf);
    }
    tallyMeasurement(leaf.tally, dqOf(m, children.get(m.child_id)));
    const g = groups.get(m.child_id);
    if (g) {
      leaf.groups.add(g.group);
      groupSize.set(g.group, g.size);
    }
  }
  const rows = new Map<string, QualityRow>();
  const add = (kind: UnitKind, code: string, period: string, tally: number[], gs: Set<number>) => {
    const key = `${kind}|${code}|${period}`;
    let row = rows.get(key);
    if (!row) {
      row = { kind, code, period, tally: emptyQualityTally(), groups: new Set() };
      rows.set(key, row);
    }
    addQualityTally(row.tally, tally);
    for (const g of gs) row.groups.add(g);
  };
  // Each level from the one below (fewer sums than from every leaf): posyandu and village months
  // from leaves, kecamatan months from villages, the district's from kecamatan, years from months.
  for (const leaf of leaves.values()) {
    add("village", leaf.village, leaf.month, leaf.tally, leaf.groups);
    if (leaf.posyandu) add("posyandu", leaf.posyandu, leaf.month, leaf.tally, leaf.groups);
  }
  const months = (kind: UnitKind) =>
    [...rows.values()].filter((r) => r.kind === kind && r.period.length === 7);
  for (const r of months("village")) add("subdistrict", r.code.slice(0, 8), r.period, r.tally, r.groups);
  for (const r of months("subdistrict")) add("district", district, r.period, r.tally, r.groups);
  for (const r of [...rows.values()]) add(r.kind, r.code, r.period.slice(0, 4), r.tally, r.groups);
  return { rows: [...rows.values()], groupSize };
}

/** Rows written per INSERT statement. */
const BATCH = 500;

/** Replaces the district's quality rows (inside the refresh's transaction). */
export async function writeDistrictQuality(
  h: HasDb,
  district: string,
  children: ReadonlyMap<string, QualityChild>,
  measurements: readonly QualityMeasurementRow[],
  groups: ReadonlyMap<string, { group: number; size: number }>,
): Promise<void> {
  await sql`DELETE FROM rollup_quality WHERE district_code = ${district}`.execute(h.db);
  const { rows, groupSize } = districtQualityRows(district, children, measurements, groups);
  const extra = (gs: Set<number>) => {
    let n = 0;
    for (const g of gs) n += (groupSize.get(g) ?? 1) - 1;
    return n;
  };
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    await sql`
      INSERT INTO rollup_quality (district_code, unit_kind, unit_code, period, tally, dup_groups, dup_extra)
      SELECT ${district}, u.kind, u.code, u.period, u.tally::integer[], u.dup_groups, u.dup_extra
      FROM unnest(${part.map((r) => r.kind)}::text[], ${part.map((r) => r.code)}::text[],
        ${part.map((r) => r.period)}::text[], ${part.map((r) => `{${r.tally.join(",")}}`)}::text[],
        ${part.map((r) => r.groups.size)}::int[], ${part.map((r) => extra(r.groups))}::int[])
        AS u(kind, code, period, tally, dup_groups, dup_extra)`.execute(h.db);
  }
}

/** The district's likely-duplicate children: each child of a group of more than one, with the group's id and size. */
export async function likelyDuplicateGroups(
  h: HasDb,
  district: string,
): Promise<Map<string, { group: number; size: number }>> {
  const r = await sql<{ id: string; g: number; n: number }>`
    WITH g AS (
      SELECT name_key, birth_date, sex, count(*)::integer AS n,
        (row_number() OVER (ORDER BY name_key, birth_date, sex))::integer AS g
      FROM children WHERE district_code = ${district}
      GROUP BY name_key, birth_date, sex HAVING count(*) > 1
    )
    SELECT c.id, g.g, g.n FROM children c JOIN g USING (name_key, birth_date, sex)
    WHERE c.district_code = ${district}`.execute(h.db);
  return new Map(r.rows.map((x) => [x.id, { group: Number(x.g), size: Number(x.n) }]));
}
