/**
 * The one access mechanism: what each role may do (permissions) and where (its region scope).
 * Every route and service asks `requireAccess(user, permission, regionCode)` before it reads or
 * writes anything. Pure: no I/O, unit-tested with a table of cases.
 */

import { NATION_CODE, regionLevelOf, regionWithin, type UserMessage, userMessage } from "@tumbuh/core";
import { ROLES, type Role } from "@tumbuh/core/api";

const PERMISSIONS = [
  "dashboard:read", // aggregates: prevalence, trend, coverage, region tables, boundaries
  "children:read", // child records with masked NIK/KK, measurement history
  "children:identity", // full NIK/KK (each read is logged)
  "children:write", // register a child
  "measurements:write", // record a measurement
  "import:write", // upload e-PPGBM files
  "boundaries:write", // upload map boundaries
  "users:manage", // create, change, disable users; reset passwords
  "audit:read", // view the audit log
  "export:read", // download tables as CSV/XLSX
  "families:read", // named target families and TPK targets (each view logged)
  "families:write", // record target families
  "tpk:visit", // record TPK targets and visits
  "tpk:manage", // TPK teams and their villages
  "aks:manage", // open an Audit Kasus Stunting cycle and name its team
  "aks:cases", // named audit cases: only with a seat on the cycle's team (services/audit-kasus.ts)
  "aksi:read", // a district's aksi konvergensi cycle: statuses, evidence, progress, published results
  "aksi:write", // edit the district's cycle: open it, status, notes, evidence
  "aksi:review", // the province's review of a district's aksi
  "aksi:configure", // add a year's version of the aksi list
  "aksi:village", // a village's own aksi documents: its KPM, its scorecard, its Perdes/Perkades
  "kpm:contact", // a KPM's contact (personal data; each view logged)
  "penilaian:manage", // open a penilaian kinerja, set its panel and values, publish it
  "penilaian:grade", // grade districts as a member of a penilaian panel
  "tpps:manage", // TPPS teams of the scope: decree, period, members
  "minilok:manage", // mini lokakarya kecamatan: meetings, checklist, verification, recommendations
  "referrals:read", // the named referral list of faltering children (each view logged)
  "referrals:create", // refer a faltering child from the posyandu to the puskesmas
  "referrals:update", // mark a referral attended or resolved (the puskesmas, i.e. the health office)
  "kbm:configure", // choose the KBM table variant: national default (nation scope) or a district's own
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL_READS: Permission[] = ["dashboard:read", "export:read"];
const ADMIN: Permission[] = [
  ...ALL_READS,
  "children:read",
  "import:write",
  "boundaries:write",
  "users:manage",
  "audit:read",
];
const FAMILIES: Permission[] = ["families:read", "families:write"];
const FIELD_ENTRY: Permission[] = [
  ...ALL_READS,
  "children:read",
  "children:identity",
  "children:write",
  "measurements:write",
  "referrals:read",
  "referrals:create",
];

/** What each role may do (within its scope). docs/api.md shows the same table. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  national_admin: [...ADMIN, "aksi:read", "aksi:configure", "penilaian:manage", "kbm:configure"],
  provincial_admin: [...ADMIN, "aksi:read", "aksi:review", "penilaian:manage", "tpps:manage"],
  provincial_assessor: [...ALL_READS, "aksi:read", "aksi:review", "penilaian:grade"],
  district_tpps: [
    ...ALL_READS,
    "children:read",
    "boundaries:write",
    ...FAMILIES,
    "tpk:manage",
    "aks:manage",
    "aks:cases",
    "aksi:read",
    "aksi:write",
    "tpps:manage",
    "minilok:manage",
    "kpm:contact",
  ],
  kecamatan_tpps: [
    ...ALL_READS,
    "children:read",
    "families:read",
    "tpk:manage",
    "tpps:manage",
    "minilok:manage",
  ],
  village_tpps: [...FIELD_ENTRY, ...FAMILIES, "tpps:manage", "aksi:village", "kpm:contact"],
  district_health: [
    ...FIELD_ENTRY,
    "import:write",
    ...FAMILIES,
    "aks:cases",
    "aksi:read",
    "referrals:update",
    "kbm:configure",
  ],
  posyandu_cadre: FIELD_ENTRY,
  tpk_member: [...ALL_READS, "children:read", "measurements:write", ...FAMILIES, "tpk:visit"],
};

/** The part of a user access decisions need. */
export interface Actor {
  id: string;
  role: Role;
  /** Region scope: a code prefix, `ID` for the nation. */
  regionCode: string;
  disabled?: boolean;
}

export class AccessDenied extends Error {
  constructor(
    readonly reason: "permission" | "scope" | "disabled",
    message: string,
    readonly userMessage: UserMessage,
  ) {
    super(message);
  }
}

/** Whether the role grants the permission anywhere (ignoring region). */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return !actor.disabled && ROLE_PERMISSIONS[actor.role].includes(permission);
}

/** The access decision: null when allowed, else why not. */
export function checkAccess(actor: Actor, permission: Permission, regionCode: string): AccessDenied | null {
  if (actor.disabled) {
    return new AccessDenied("disabled", "this account is disabled", userMessage("access.disabled"));
  }
  if (!ROLE_PERMISSIONS[actor.role].includes(permission)) {
    return new AccessDenied(
      "permission",
      `the role ${actor.role} may not use ${permission}`,
      userMessage("access.permission", { role: actor.role, permission }),
    );
  }
  if (!regionWithin(regionCode, actor.regionCode)) {
    return new AccessDenied(
      "scope",
      `region ${regionCode} is outside this account's scope ${actor.regionCode}`,
      userMessage("access.scope", { region: regionCode, scope: actor.regionCode }),
    );
  }
  return null;
}

/** Throws AccessDenied unless the actor's role grants `permission` and `regionCode` lies in its scope. */
export function requireAccess(actor: Actor, permission: Permission, regionCode: string): void {
  const denied = checkAccess(actor, permission, regionCode);
  if (denied) throw denied;
}

/** Whether a role's scope may sit at this region code (a cadre at a village, a district user at a district). */
export function scopeFitsRole(role: Role, regionCode: string): boolean {
  return regionLevelOf(regionCode) === ROLES[role].scopeLevel;
}

/**
 * Whether an administrator may give `role` with scope `regionCode` to a user: the admin needs
 * users:manage over that region, the role must be below the admin's own (a national
 * administrator may give any role), and the scope must sit at the role's level.
 */
export function checkGrant(admin: Actor, role: Role, regionCode: string): AccessDenied | null {
  const denied = checkAccess(admin, "users:manage", regionCode);
  if (denied) return denied;
  if (admin.role !== "national_admin" && ROLES[role].rank >= ROLES[admin.role].rank) {
    return new AccessDenied(
      "permission",
      `the role ${admin.role} may grant only lower roles, not ${role}`,
      userMessage("access.grantRank", { role }),
    );
  }
  if (!scopeFitsRole(role, regionCode)) {
    const level = ROLES[role].scopeLevel;
    return new AccessDenied(
      "scope",
      `the role ${role} needs a ${level} scope, got ${regionCode}`,
      userMessage("access.grantScope", { role, level, region: regionCode }),
    );
  }
  return null;
}

const LEVEL_DEPTH: Record<string, number> = {
  nation: 0,
  province: 1,
  district: 2,
  subdistrict: 3,
  village: 4,
};

/**
 * Whether an administrator may give `role` to somebody at all (for some region of the admin's
 * scope): checkGrant would allow it for a region at the role's level within the scope. Used to
 * offer only the roles an admin can give.
 */
export function mayGrantRole(admin: Actor, role: Role): boolean {
  if (!hasPermission(admin, "users:manage")) return false;
  if (admin.role !== "national_admin" && ROLES[role].rank >= ROLES[admin.role].rank) return false;
  return LEVEL_DEPTH[ROLES[role].scopeLevel] >= LEVEL_DEPTH[regionLevelOf(admin.regionCode)];
}

/**
 * Whether an administrator may manage an existing user (change, disable, reset the password):
 * users:manage over the user's scope, and a role strictly below the admin's own; a national
 * administrator may manage every user. Null when allowed.
 */
export function checkManage(admin: Actor, target: { role: Role; regionCode: string }): AccessDenied | null {
  const denied = checkAccess(admin, "users:manage", target.regionCode);
  if (denied) return denied;
  if (admin.role !== "national_admin" && ROLES[target.role].rank >= ROLES[admin.role].rank) {
    return new AccessDenied(
      "permission",
      `the role ${admin.role} may manage only users of a lower role, not ${target.role}`,
      userMessage("access.grantRank", { role: target.role }),
    );
  }
  return null;
}

/**
 * The operator of a server at its command line (`tumbuh …`): whoever can run it holds the database
 * and its key already, so it acts with the national administrator's rights. Its audit entries name
 * it with the nil UUID.
 */
export const OPERATOR: Actor & { username: string } = {
  id: "00000000-0000-0000-0000-000000000000",
  username: "tumbuh (command line)",
  role: "national_admin",
  regionCode: NATION_CODE,
};
