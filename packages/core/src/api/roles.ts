/**
 * The roles of DESIGN.md §1.5: who a user is in the programme and at which region level the
 * role's scope sits. What each role may do is decided on the server (auth/access.ts).
 */
import { z } from "zod";

export const ROLE_CODES = [
  "national_admin",
  "provincial_admin",
  "provincial_assessor",
  "district_tpps",
  "district_health",
  "kecamatan_tpps",
  "village_tpps",
  "posyandu_cadre",
  "tpk_member",
] as const;
export const Role = z.enum(ROLE_CODES);
export type Role = z.infer<typeof Role>;

export type ScopeLevel = "nation" | "province" | "district" | "subdistrict" | "village";

export interface RoleInfo {
  code: Role;
  label: string;
  labelEn: string;
  /** The level of region a user with this role is scoped to. */
  scopeLevel: ScopeLevel;
  /** Higher ranks may manage lower ones; equal ranks may not outrank each other. */
  rank: number;
}

export const ROLES: Record<Role, RoleInfo> = {
  national_admin: {
    code: "national_admin",
    label: "Admin nasional",
    labelEn: "National administrator",
    scopeLevel: "nation",
    rank: 100,
  },
  provincial_admin: {
    code: "provincial_admin",
    label: "Admin provinsi",
    labelEn: "Provincial administrator",
    scopeLevel: "province",
    rank: 90,
  },
  provincial_assessor: {
    code: "provincial_assessor",
    label: "Penilai provinsi",
    labelEn: "Provincial assessor",
    scopeLevel: "province",
    rank: 80,
  },
  district_tpps: {
    code: "district_tpps",
    label: "TPPS kabupaten/kota (Bappeda)",
    labelEn: "District TPPS (Bappeda)",
    scopeLevel: "district",
    rank: 70,
  },
  district_health: {
    code: "district_health",
    label: "Dinas Kesehatan kabupaten/kota",
    labelEn: "District health office",
    scopeLevel: "district",
    rank: 70,
  },
  kecamatan_tpps: {
    code: "kecamatan_tpps",
    label: "TPPS kecamatan",
    labelEn: "Subdistrict TPPS",
    scopeLevel: "subdistrict",
    rank: 50,
  },
  village_tpps: {
    code: "village_tpps",
    label: "TPPS desa / KPM",
    labelEn: "Village TPPS / KPM",
    scopeLevel: "village",
    rank: 30,
  },
  posyandu_cadre: {
    code: "posyandu_cadre",
    label: "Kader posyandu",
    labelEn: "Posyandu cadre",
    scopeLevel: "village",
    rank: 20,
  },
  tpk_member: {
    code: "tpk_member",
    label: "Anggota TPK",
    labelEn: "Family assistance team member",
    scopeLevel: "village",
    rank: 20,
  },
};
