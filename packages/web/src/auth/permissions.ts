/**
 * Permission names the server hands out in GET /api/auth/me (packages/server/src/auth/access.ts).
 * The browser uses them only to show or hide navigation and buttons; the server checks every request.
 */
export const PERMISSION = {
  dashboard: "dashboard:read",
  children: "children:read",
  identity: "children:identity",
  childWrite: "children:write",
  entry: "measurements:write",
  import: "import:write",
  boundaries: "boundaries:write",
  users: "users:manage",
  audit: "audit:read",
  export: "export:read",
  aksi: "aksi:read",
  aksiVillage: "aksi:village",
  penilaianManage: "penilaian:manage",
  penilaianGrade: "penilaian:grade",
  families: "families:read",
  familiesWrite: "families:write",
  tpkVisit: "tpk:visit",
  tpkManage: "tpk:manage",
  aksManage: "aks:manage",
  aksCases: "aks:cases",
  tppsManage: "tpps:manage",
  minilokManage: "minilok:manage",
  referrals: "referrals:read",
  referralsCreate: "referrals:create",
  referralsUpdate: "referrals:update",
  kbm: "kbm:configure",
} as const;
