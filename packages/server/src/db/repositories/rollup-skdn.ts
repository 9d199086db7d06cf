/**
 * SKDN roll-ups (migration 0060): their columns, and the KBM table a district's are counted
 * with. The counts are computed with the other figures of the district (core district-figures.ts,
 * by the rules of skdn-counts.ts) and stored by rollup-figures.ts: each child in its registered
 * posyandu and village, kecamatan and district rows summed from the village rows.
 */
import {
  type KbmChoices,
  type KbmTable,
  kbmForDistrict,
  SKDN_COUNT_KEYS,
  type SkdnCounts,
} from "@tumbuh/core";
import { sql } from "kysely";
import type { HasDb } from "../schema.ts";

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

/** The KBM table the district uses (its own choice, else the national one, else variant A; core kbm.ts). */
export async function districtKbm(h: HasDb, district: string): Promise<KbmTable> {
  const rows = await sql<{ region_code: string; kbm_table: string }>`
    SELECT region_code, kbm_table FROM kbm_choice WHERE region_code IN ('ID', ${district})`.execute(h.db);
  const choices: KbmChoices = { national: null, districts: {} };
  for (const r of rows.rows) {
    if (r.region_code === "ID") choices.national = r.kbm_table;
    else choices.districts = { [r.region_code]: r.kbm_table };
  }
  return kbmForDistrict(choices, district).table;
}
