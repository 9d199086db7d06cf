import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { Caller } from "./child-access.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const caller = (role: Caller["role"], regionCode: string): Caller => ({
  id: randomUUID(),
  username: `${role}@${regionCode}`,
  role,
  regionCode,
});
const trenggalek = caller("district_tpps", "35.03");
const tulungagung = caller("district_tpps", "35.04");
const jatim = caller("provincial_admin", "35");

describeEachEngine("TPPS teams", (t) => {
  beforeAll(async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await loadRegions(t.database, { prefix: "35.04" });
  });

  it("keeps people per district: a name in another district is another person", async () => {
    const s = testServices(t.database);
    const body = { name: "TPPS", periodFrom: "2025-01-01", decreeNumber: "1/2025" };
    const a = await s.tpps.createTeam(trenggalek, { ...body, regionCode: "35.03" });
    const b = await s.tpps.createTeam(tulungagung, { ...body, regionCode: "35.04" });
    const p = await s.tpps.createTeam(jatim, { ...body, regionCode: "35" });
    expect([a.level, b.level, p.level]).toEqual(["district", "district", "province"]);
    const seatA = (
      await s.tpps.addMember(trenggalek, a.id, { name: "Sri Wahyuni", role: "sekretaris", agency: "Bappeda" })
    ).members[0];
    const seatB = (
      await s.tpps.addMember(tulungagung, b.id, {
        name: "Sri Wahyuni",
        role: "sekretaris",
        agency: "Bappeda",
      })
    ).members[0];
    expect(seatA.personId).not.toBe(seatB.personId);
    expect([seatA.seats, seatB.seats]).toEqual([1, 1]);
    // Tulungagung cannot seat Trenggalek's person by id
    await expect(
      s.tpps.addMember(tulungagung, b.id, { personId: seatA.personId, role: "anggota", agency: "x" }),
    ).rejects.toMatchObject({ details: { field: "personId" } });
    // the province sees both districts' teams and its own, in code order
    expect((await s.tpps.teams(jatim)).teams.map((x) => x.regionCode)).toEqual(["35", "35.03", "35.04"]);
  });

  it("changes a decree with optimistic concurrency and removes a seat", async () => {
    const s = testServices(t.database);
    const [team] = (await s.tpps.teams(trenggalek)).teams;
    const changed = await s.tpps.updateTeam(trenggalek, team.id, {
      version: team.version,
      name: "TPPS Kabupaten Trenggalek",
      decreeNumber: "2/2026",
      decreeDate: "2026-01-05",
      periodFrom: "2026-01-01",
      periodTo: "2027-12-31",
    });
    expect([changed.decreeNumber, changed.version]).toEqual(["2/2026", team.version + 1]);
    await expect(
      s.tpps.updateTeam(trenggalek, team.id, { ...changed, version: team.version, name: "x" }),
    ).rejects.toMatchObject({ code: "stale_version" });
    const after = await s.tpps.removeMember(trenggalek, team.id, changed.members[0].id);
    expect(after.members).toEqual([]);
    await expect(s.tpps.removeMember(trenggalek, team.id, changed.members[0].id)).rejects.toMatchObject({
      code: "not_found",
    });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "in", ["tpps_team", "tpps_member"])
      .where("username", "=", trenggalek.username)
      .orderBy("id")
      .execute();
    expect(audit.map((x) => x.action)).toEqual(["create", "create", "update", "delete"]);
  });
});
