/**
 * TPPS (Tim Percepatan Penurunan Stunting): the coordination team at province, district,
 * kecamatan and village level (programme.md §0), its seats and whether a team's decree period
 * covers a date. A person may hold seats in several teams (a camat in the kecamatan team and in
 * the district's bidang, for instance).
 */
import type { RegionLevel } from "../regions.ts";

export const TPPS_LEVELS = ["province", "district", "subdistrict", "village"] as const;
export type TppsLevel = (typeof TPPS_LEVELS)[number];

/** Seats on a team, in the order a decree lists them; `bidang` seats name their bidang. */
export const TPPS_ROLES = ["pengarah", "ketua", "wakil_ketua", "sekretaris", "bidang", "anggota"] as const;
export type TppsRole = (typeof TPPS_ROLES)[number];

/** The team level for a region level, or null for the nation (pusat is not kept in Tumbuh). */
export function tppsLevelOf(level: RegionLevel): TppsLevel | null {
  return (TPPS_LEVELS as readonly string[]).includes(level) ? (level as TppsLevel) : null;
}

/** Whether a team's period `[from, to]` (to: open-ended when null) covers `on`; all YYYY-MM-DD. */
export function tppsPeriodCovers(period: { from: string; to: string | null }, on: string): boolean {
  return period.from <= on && (period.to === null || on <= period.to);
}

/** Orders seats as the decree lists them: by role, then by the given position. */
export function compareSeats(
  a: { role: TppsRole; position: number },
  b: { role: TppsRole; position: number },
): number {
  return TPPS_ROLES.indexOf(a.role) - TPPS_ROLES.indexOf(b.role) || a.position - b.position;
}
