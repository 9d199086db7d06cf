import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { Caller } from "./child-access.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const V1 = "35.03.01.2001";
const V2 = "35.03.01.2002";
const ON = "2025-07-20";
const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";

const caller = (role: Caller["role"], regionCode: string): Caller => ({
  id: randomUUID(),
  username: `${role}@${regionCode}`,
  role,
  regionCode,
});
const district = caller("district_tpps", "35.03");
const tpk1 = caller("tpk_member", V1);
const tpk2 = caller("tpk_member", V2);
const cadre = caller("posyandu_cadre", V1);
const kec = caller("kecamatan_tpps", "35.03.01");

describeEachEngine("TPK family assistance", (t) => {
  const child = (id: string, village: string, name: string, birth: string) => ({
    district_code: "35.03",
    id,
    village_code: village,
    name,
    name_key: name.toLowerCase(),
    sex: 2 as const,
    birth_date: birth,
  });
  const m = (childId: string, village: string, date: string, weight: number, tbu: string) => ({
    district_code: "35.03",
    id: randomUUID(),
    child_id: childId,
    village_code: village,
    measured_on: date,
    age_days: 1,
    weight,
    status_tbu: tbu,
    source: "posyandu" as const,
  });

  beforeAll(async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await t.database.db
      .insertInto("children")
      .values([
        child(A, V1, "Ayu", "2024-01-10"),
        child(B, V1, "Bima", "2021-03-01"),
        child(C, V2, "Citra", "2023-02-01"),
      ])
      .execute();
    await t.database.db
      .insertInto("measurements")
      .values([
        // Ayu loses 100 g twice: T in June, T again in July (2T): faltering, not stunted
        m(A, V1, "2025-05-10", 9.0, "normal"),
        m(A, V1, "2025-06-10", 8.9, "normal"),
        m(A, V1, "2025-07-10", 8.8, "normal"),
        // Bima's latest TB/U is pendek: stunted; gains weight
        m(B, V1, "2025-06-05", 11.5, "normal"),
        m(B, V1, "2025-07-05", 12.0, "pendek"),
        // Citra: normal and growing
        m(C, V2, "2025-06-01", 10.0, "normal"),
        m(C, V2, "2025-07-01", 10.5, "normal"),
      ])
      .execute();
  });

  it("makes the children the posyandu flagged targets, linked to their family, once", async () => {
    const s = testServices(t.database);
    const fam = await s.families.create(
      caller("village_tpps", V1),
      {
        villageCode: V1,
        semester: "2025-S1",
        dataSource: "pk",
        headName: "Keluarga Ayu",
        motherBirthDate: "2007-01-01",
        waterSource: "ledeng",
        latrine: "jamban_septik",
        children: [{ name: "Ayu", birthDate: "2024-01-10" }],
        assessedOn: ON,
      },
      ON,
    );
    expect(fam.assessment.reasons).toEqual(["terlalu_muda"]);
    const team = await s.tpk.createTeam(district, {
      name: "TPK Panggul 1",
      bidanName: "Bidan Sintetis",
      villages: [V1, V2],
    });
    expect(team.villages.map((v) => v.code)).toEqual([V1, V2]);

    expect(await s.tpk.fromPosyandu(tpk1, V1, ON)).toEqual({ checked: 2, added: 2, alreadyTargets: 0 });
    expect(await s.tpk.fromPosyandu(tpk1, V1, ON)).toEqual({ checked: 2, added: 0, alreadyTargets: 2 });
    expect(await s.tpk.fromPosyandu(tpk2, V2, ON)).toEqual({ checked: 1, added: 0, alreadyTargets: 0 });

    const targets = await s.tpk.targets(tpk1, {});
    expect(targets.map((x) => [x.name, x.kind, x.reasons, x.familyVerdict, x.familyReasons])).toEqual([
      ["Ayu", "baduta", ["faltering"], "berisiko", ["terlalu_muda"]],
      ["Bima", "balita", ["stunted"], null, []],
    ]);
  });

  it("records visits within scope and computes coverage worked by hand", async () => {
    const s = testServices(t.database);
    const [ayu] = await s.tpk.targets(tpk1, { q: "ayu" });
    const other = await s.tpk.addTarget(
      tpk2,
      { villageCode: V2, kind: "ibu_hamil", name: "Ibu Sintetis" },
      ON,
    );
    // out of scope: V2's target does not exist for V1's member; V2's list is refused
    await expect(s.tpk.target(tpk1, other.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(s.tpk.targets(tpk1, { region: V2 })).rejects.toMatchObject({ reason: "scope" });
    // a posyandu cadre neither reads named targets nor records visits
    await expect(s.tpk.targets(cadre, {})).rejects.toMatchObject({ reason: "permission" });
    await expect(
      s.tpk.recordVisit(cadre, { targetId: ayu.id, visitedOn: "2025-07-15", visitType: "penyuluhan" }, ON),
    ).rejects.toMatchObject({ reason: "permission" });
    // wrong dates are refused by field
    await expect(
      s.tpk.recordVisit(tpk1, { targetId: ayu.id, visitedOn: "2025-07-21", visitType: "penyuluhan" }, ON),
    ).rejects.toMatchObject({ details: { field: "visitedOn" } });
    await expect(
      s.tpk.recordVisit(
        tpk1,
        { targetId: ayu.id, visitedOn: "2025-07-15", visitType: "rujukan", followUpDue: "2025-07-01" },
        ON,
      ),
    ).rejects.toMatchObject({ details: { field: "followUpDue" } });

    const v = await s.tpk.recordVisit(
      tpk1,
      {
        targetId: ayu.id,
        visitedOn: "2025-07-15",
        visitType: "rujukan",
        findings: "berat turun dua bulan",
        followUpDue: "2025-08-15",
      },
      ON,
    );
    expect(v.teamId).not.toBeNull();
    // a second visit to the same target counts once; a visit in June is outside the period
    await s.tpk.recordVisit(tpk1, { targetId: ayu.id, visitedOn: "2025-07-18", visitType: "penyuluhan" }, ON);
    await s.tpk.recordVisit(
      tpk2,
      { targetId: other.id, visitedOn: "2025-06-30", visitType: "penyuluhan" },
      ON,
    );

    // July: V1 has 2 targets, 1 assisted (50 %); V2 1 target, 0 assisted (0 %); team 1 of 3 (33.3 %)
    const c = await s.tpk.coverage(kec, "35.03.01", "2025-07-01", "2025-08-01");
    expect(c.total).toMatchObject({ targets: 3, assisted: 1 });
    expect(c.total.coveragePct).toBeCloseTo(100 / 3, 6);
    expect(c.byVillage.map((r) => [r.key, r.targets, r.assisted, r.coveragePct])).toEqual([
      [V1, 2, 1, 50],
      [V2, 1, 0, 0],
    ]);
    expect(c.byTeam.map((r) => [r.name, r.targets, r.assisted])).toEqual([["TPK Panggul 1", 3, 1]]);
    expect(c.byKind.map((r) => [r.key, r.targets, r.assisted])).toEqual([
      ["ibu_hamil", 1, 0],
      ["baduta", 1, 1],
      ["balita", 1, 0],
    ]);
    // June and July together: V2's June visit counts too (2 of 3)
    expect((await s.tpk.coverage(kec, "35.03.01", "2025-06-01", "2025-08-01")).total.assisted).toBe(2);

    const { visits } = await s.tpk.target(tpk1, ayu.id);
    expect(visits.map((x) => x.visitedOn)).toEqual(["2025-07-18", "2025-07-15"]);
    const audited = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "username"])
      .where("entity", "=", "tpk_target")
      .where("action", "in", ["list", "view"])
      .execute();
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: "list", username: tpk1.username },
        { action: "view", username: tpk1.username },
      ]),
    );
  });

  it("makes a child a target automatically when a recorded weighing flags it as faltering, once", async () => {
    const s = testServices(t.database);
    const D = "00000000-0000-4000-8000-00000000000d";
    await t.database.db
      .insertInto("children")
      .values(child(D, V2, "Dewi", "2024-02-01"))
      .execute();
    await t.database.db
      .insertInto("measurements")
      .values([m(D, V2, "2025-06-01", 10.0, "normal"), m(D, V2, "2025-07-01", 10.4, "normal")])
      .execute();
    const kader2 = caller("posyandu_cadre", V2);
    const isTarget = async () => (await s.tpk.targets(tpk2, {})).filter((x) => x.childId === D);
    // gaining weight: no target
    await s.measurements.create(kader2, D, { date: "2025-07-20", weight: 10.6 }, "2025-07-25");
    expect(await isTarget()).toEqual([]);
    // 10.6 kg in July, 10.5 kg in August: not gained (T) — a target at once, with its reason
    await s.measurements.create(kader2, D, { date: "2025-08-03", weight: 10.5 }, "2025-08-05");
    const [d] = await isTarget();
    expect([d.kind, d.source, d.reasons, d.since]).toEqual([
      "baduta",
      "posyandu",
      ["faltering"],
      "2025-08-03",
    ]);
    // a later weighing never adds it twice
    await s.measurements.create(kader2, D, { date: "2025-08-20", weight: 10.4 }, "2025-08-25");
    expect(await isTarget()).toHaveLength(1);
  });

  it("accompanies a bride-to-be from 3 months before her wedding and screens her at visits", async () => {
    const s = testServices(t.database);
    const catin = (weddingDate?: string) =>
      s.tpk.addTarget(tpk2, { villageCode: V2, kind: "catin", name: "Catin Sintetis", weddingDate }, ON);
    // no wedding date; a wedding more than 3 months away (2025-10-21 is 3 months and a day after
    // 2025-07-20); a wedding already past: each refused by field with its message
    await expect(catin()).rejects.toMatchObject({
      details: { field: "weddingDate" },
      userMessage: { key: "catin.weddingDateRequired" },
    });
    await expect(catin("2025-10-21")).rejects.toMatchObject({
      details: { field: "weddingDate" },
      userMessage: { key: "catin.tooEarly", params: { weddingDate: "2025-10-21", from: "2025-07-21" } },
    });
    await expect(catin("2025-07-19")).rejects.toMatchObject({
      userMessage: { key: "catin.weddingPassed", params: { weddingDate: "2025-07-19", today: ON } },
    });
    // the last day of the window, and the wedding day itself, are accepted
    const bride = await catin("2025-10-20");
    expect(bride).toMatchObject({ kind: "catin", weddingDate: "2025-10-20" });
    expect((await catin(ON)).weddingDate).toBe(ON);

    const v = await s.tpk.recordVisit(
      tpk2,
      {
        targetId: bride.id,
        visitedOn: ON,
        visitType: "penyuluhan",
        lilaCm: 22.9,
        hbGdl: 11.8,
        elsimil: "berisiko",
      },
      ON,
    );
    expect([v.lilaCm, v.hbGdl, v.elsimil]).toEqual([22.9, 11.8, "berisiko"]);
    const shown = await s.tpk.target(tpk2, bride.id);
    expect(shown.visits.map((x) => [x.lilaCm, x.hbGdl, x.elsimil])).toEqual([[22.9, 11.8, "berisiko"]]);
    // a child target is not screened this way
    const [ayu] = await s.tpk.targets(tpk1, { q: "ayu" });
    await expect(
      s.tpk.recordVisit(tpk1, { targetId: ayu.id, visitedOn: ON, visitType: "penyuluhan", hbGdl: 11 }, ON),
    ).rejects.toMatchObject({
      details: { field: "hbGdl" },
      userMessage: { key: "screening.notForKind", params: { kind: ayu.kind } },
    });
  });
});
