/** Accounts the browser tests' server creates (one password for all, test data only). */
export const E2E_PASSWORD = "tumbuh-e2e-2025";

export const E2E_USERS = [
  { username: "admin", displayName: "Admin Nasional", role: "national_admin", regionCode: "ID" },
  { username: "dinkes", displayName: "Dinkes Trenggalek", role: "district_health", regionCode: "35.03" },
  { username: "kader", displayName: "Kader Posyandu", role: "posyandu_cadre", regionCode: "35.03.01.2001" },
  { username: "bappeda", displayName: "Bappeda Trenggalek", role: "district_tpps", regionCode: "35.03" },
  { username: "jatim", displayName: "Admin Provinsi Jawa Timur", role: "provincial_admin", regionCode: "35" },
  { username: "penilai", displayName: "Penilai Provinsi", role: "provincial_assessor", regionCode: "35" },
  { username: "penilai2", displayName: "Penilai Provinsi 2", role: "provincial_assessor", regionCode: "35" },
] as const;

/** Last month of the seeded data (a bulan timbang); the seed covers the six months up to it. */
export const SEED_END_MONTH = "2025-08";
