import { ROLES, type Role } from "@tumbuh/core/api";
import { describe, expect, it } from "vitest";
import { type Actor, checkAccess, checkGrant, checkManage, mayGrantRole, type Permission } from "./access.ts";

const actor = (role: Role, regionCode: string, disabled = false): Actor => ({
  id: "u",
  role,
  regionCode,
  disabled,
});

describe("checkAccess", () => {
  // [role, scope, permission, region asked for, allowed?, reason when denied]
  const cases: Array<[Role, string, Permission, string, boolean, string?]> = [
    ["national_admin", "ID", "dashboard:read", "35.03.01.2001", true],
    ["national_admin", "ID", "users:manage", "11", true],
    ["national_admin", "ID", "children:identity", "35.03", false, "permission"],
    ["provincial_admin", "35", "dashboard:read", "35.03", true],
    ["provincial_admin", "35", "dashboard:read", "33.01", false, "scope"],
    ["provincial_admin", "35", "dashboard:read", "ID", false, "scope"],
    ["provincial_admin", "35", "audit:read", "35", true],
    ["provincial_assessor", "35", "dashboard:read", "35.03", true],
    ["provincial_assessor", "35", "children:read", "35.03", false, "permission"],
    ["provincial_assessor", "35", "users:manage", "35.03", false, "permission"],
    ["district_tpps", "35.03", "children:read", "35.03.01", true],
    ["district_tpps", "35.03", "children:identity", "35.03.01", false, "permission"],
    ["district_tpps", "35.03", "boundaries:write", "35.03", true],
    ["district_tpps", "35.03", "import:write", "35.03", false, "permission"],
    ["district_health", "35.03", "import:write", "35.03", true],
    ["district_health", "35.03", "import:write", "35.04", false, "scope"],
    ["district_health", "35.03", "children:identity", "35.03.01.2001", true],
    ["district_health", "35.03", "dashboard:read", "35", false, "scope"],
    ["district_health", "35.03", "dashboard:read", "35.030", false, "scope"],
    ["kecamatan_tpps", "35.03.01", "children:read", "35.03.01.2001", true],
    ["kecamatan_tpps", "35.03.01", "children:read", "35.03.02.2001", false, "scope"],
    ["kecamatan_tpps", "35.03.01", "children:write", "35.03.01.2001", false, "permission"],
    ["village_tpps", "35.03.01.2001", "children:write", "35.03.01.2001", true],
    ["posyandu_cadre", "35.03.01.2001", "measurements:write", "35.03.01.2001", true],
    ["posyandu_cadre", "35.03.01.2001", "measurements:write", "35.03.01.2002", false, "scope"],
    ["posyandu_cadre", "35.03.01.2001", "dashboard:read", "35.03.01", false, "scope"],
    ["posyandu_cadre", "35.03.01.2001", "audit:read", "35.03.01.2001", false, "permission"],
    ["tpk_member", "35.03.01.2001", "measurements:write", "35.03.01.2001", true],
    ["tpk_member", "35.03.01.2001", "children:write", "35.03.01.2001", false, "permission"],
    ["tpk_member", "35.03.01.2001", "children:identity", "35.03.01.2001", false, "permission"],
  ];
  it.each(cases)("%s @ %s asking %s on %s → %s", (role, scope, permission, region, allowed, reason) => {
    const denied = checkAccess(actor(role, scope), permission, region);
    expect(denied === null).toBe(allowed);
    if (!allowed) expect(denied?.reason).toBe(reason);
  });

  it("denies everything to a disabled account", () => {
    expect(checkAccess(actor("national_admin", "ID", true), "dashboard:read", "35")?.reason).toBe("disabled");
  });
});

describe("checkGrant", () => {
  const cases: Array<[Role, string, Role, string, boolean, string?]> = [
    ["national_admin", "ID", "provincial_admin", "35", true],
    ["national_admin", "ID", "national_admin", "ID", true],
    ["provincial_admin", "35", "district_health", "35.03", true],
    ["provincial_admin", "35", "posyandu_cadre", "35.03.01.2001", true],
    ["provincial_admin", "35", "provincial_assessor", "35", true],
    ["provincial_admin", "35", "national_admin", "ID", false, "scope"],
    ["provincial_admin", "35", "provincial_admin", "35", false, "permission"], // a peer could not be managed
    ["provincial_admin", "35", "district_health", "33.01", false, "scope"],
    ["provincial_admin", "35", "posyandu_cadre", "35.03", false, "scope"], // cadre needs a village
    ["provincial_admin", "35", "district_health", "35.03.01", false, "scope"],
    ["district_health", "35.03", "posyandu_cadre", "35.03.01.2001", false, "permission"],
  ];
  it.each(cases)("%s @ %s granting %s @ %s → %s", (role, scope, grant, region, allowed, reason) => {
    const denied = checkGrant(actor(role, scope), grant, region);
    expect(denied === null).toBe(allowed);
    if (!allowed) expect(denied?.reason).toBe(reason);
  });
});

describe("mayGrantRole", () => {
  it("offers a provincial admin the lower roles of its province, not its own or the national ones", () => {
    const granted = (role: Role, scope: string) =>
      (Object.keys(ROLES) as Role[]).filter((r) => mayGrantRole(actor(role, scope), r)).sort();
    expect(granted("provincial_admin", "35")).toEqual(
      (Object.keys(ROLES) as Role[])
        .filter((r) => ROLES[r].rank < ROLES.provincial_admin.rank && ROLES[r].scopeLevel !== "nation")
        .sort(),
    );
    expect(granted("provincial_admin", "35")).not.toContain("provincial_admin");
    expect(granted("national_admin", "ID")).toEqual((Object.keys(ROLES) as Role[]).sort());
    expect(granted("district_health", "35.03")).toEqual([]);
  });

  it("agrees with checkGrant for every role at a region of its level inside the scope", () => {
    const regionAt: Record<string, string> = {
      nation: "ID",
      province: "35",
      district: "35.03",
      subdistrict: "35.03.01",
      village: "35.03.01.2001",
    };
    for (const admin of [actor("national_admin", "ID"), actor("provincial_admin", "35")])
      for (const r of Object.keys(ROLES) as Role[])
        expect(mayGrantRole(admin, r)).toBe(checkGrant(admin, r, regionAt[ROLES[r].scopeLevel]) === null);
  });
});

describe("checkManage", () => {
  // [admin role, admin scope, user's role, user's scope, allowed?, reason when denied]
  const cases: Array<[Role, string, Role, string, boolean, string?]> = [
    ["national_admin", "ID", "provincial_admin", "35", true],
    ["national_admin", "ID", "national_admin", "ID", true],
    ["provincial_admin", "35", "district_health", "35.03", true],
    ["provincial_admin", "35", "provincial_assessor", "35", true],
    ["provincial_admin", "35", "provincial_admin", "35", false, "permission"],
    ["provincial_admin", "35", "national_admin", "ID", false, "scope"],
    ["provincial_admin", "35", "district_health", "33.01", false, "scope"],
    ["provincial_admin", "35", "provincial_admin", "33", false, "scope"],
    ["district_health", "35.03", "posyandu_cadre", "35.03.01.2001", false, "permission"],
  ];
  it.each(cases)("%s @ %s managing %s @ %s → %s", (role, scope, target, region, allowed, reason) => {
    const denied = checkManage(actor(role, scope), { role: target, regionCode: region });
    expect(denied === null).toBe(allowed);
    if (!allowed) expect(denied?.reason).toBe(reason);
  });
});
