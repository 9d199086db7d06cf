import { randomUUID } from "node:crypto";
import type { Role } from "@tumbuh/core/api";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { Caller } from "./child-access.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const V1 = "35.03.01.2001";
const TODAY = "2025-10-01";
const A = "00000000-0000-4000-8000-0000000000a1";
const B = "00000000-0000-4000-8000-0000000000b1";

describeEachEngine("Audit Kasus Stunting", (t) => {
  const users: Record<string, Caller> = {};
  const account = async (username: string, role: Role, regionCode: string) => {
    const row = await testServices(t.database).users.createInitial({
      username,
      displayName: username,
      role,
      regionCode,
      password: "kata-sandi-uji-2025",
    });
    users[username] = { id: row.id, username, role, regionCode };
  };
  let cycleId = "";
  let caseId = "";
  let catinAtRisk = "";

  beforeAll(async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await account("tpps", "district_tpps", "35.03");
    await account("dinkes", "district_health", "35.03");
    await account("pakar", "district_health", "35.03");
    await account("luar", "district_health", "35.03");
    await account("kec", "kecamatan_tpps", "35.03.01");
    await account("kader", "posyandu_cadre", V1);
    users.lain = { id: randomUUID(), username: "lain", role: "district_tpps", regionCode: "35.04" };
    const child = (id: string, name: string, birth: string) => ({
      district_code: "35.03",
      id,
      village_code: V1,
      name,
      name_key: name.toLowerCase(),
      sex: 1 as const,
      birth_date: birth,
    });
    await t.database.db
      .insertInto("children")
      .values([child(A, "Anak Sintetis Satu", "2023-06-01"), child(B, "Anak Sintetis Dua", "2023-01-01")])
      .execute();
    const m = (childId: string, date: string, tbu: string, weight: number) => ({
      district_code: "35.03",
      id: randomUUID(),
      child_id: childId,
      village_code: V1,
      measured_on: date,
      age_days: 1,
      weight,
      status_tbu: tbu,
      source: "posyandu" as const,
    });
    await t.database.db
      .insertInto("measurements")
      .values([
        // A: normal in 2024-S2, pendek in 2025-S1 (a new case), normal again in 2025-S2
        // (gaining weight, so not faltering)
        m(A, "2024-11-10", "normal", 9.0),
        m(A, "2025-03-10", "pendek", 9.9),
        m(A, "2025-09-10", "normal", 11.0),
        // B: normal: not a case
        m(B, "2025-02-01", "normal", 11.0),
      ])
      .execute();
    // a pregnant mother of 19 (terlalu muda): an at-risk pregnancy
    const family = await testServices(t.database).families.create(
      { ...users.tpps, role: "village_tpps", regionCode: V1 },
      {
        villageCode: V1,
        semester: "2025-S1",
        dataSource: "pk",
        headName: "Kepala Sintetis",
        motherName: "Ibu Hamil Sintetis",
        motherBirthDate: "2006-01-01",
        pregnant: true,
        assessedOn: "2025-05-01",
      },
      TODAY,
    );
    // screenings at TPK visits in 2025-S1: two brides-to-be (one anaemic), the same pregnant
    // mother (LiLA under 23.5 cm: KEK) and a pregnant woman with no family record (anaemic)
    await account("tpk", "tpk_member", V1);
    const tpk = testServices(t.database).tpk;
    const screen = async (
      target: { kind: "catin" | "ibu_hamil"; name: string; weddingDate?: string; familyId?: string },
      visit: { lilaCm?: number; hbGdl?: number; elsimil?: "ideal" | "berisiko" },
    ) => {
      const added = await tpk.addTarget(users.tpk, { villageCode: V1, ...target }, "2025-03-01");
      await tpk.recordVisit(
        users.tpk,
        { targetId: added.id, visitedOn: "2025-03-15", visitType: "penyuluhan", ...visit },
        "2025-03-15",
      );
      return added.id;
    };
    catinAtRisk = await screen(
      { kind: "catin", name: "Catin Sintetis Anemia", weddingDate: "2025-05-10" },
      { hbGdl: 11.5, lilaCm: 23.9 },
    );
    await screen(
      { kind: "catin", name: "Catin Sintetis Sehat", weddingDate: "2025-05-31" },
      { hbGdl: 12.5, lilaCm: 24, elsimil: "ideal" },
    );
    await screen({ kind: "ibu_hamil", name: "Ibu Hamil Sintetis", familyId: family.id }, { lilaCm: 22.8 });
    await screen({ kind: "ibu_hamil", name: "Bumil Tanpa KK Sintetis" }, { hbGdl: 10.5 });
  });

  it("opens a cycle whose team only district accounts that may work on cases join", async () => {
    const s = testServices(t.database);
    await expect(
      s.auditKasus.createCycle(users.tpps, {
        districtCode: "35.03",
        semester: "2025-S1",
        team: [{ username: "kader", role: "tim_teknis" }],
        panel: [],
      }),
    ).rejects.toMatchObject({ details: { field: "team[0].username" } });
    await expect(
      s.auditKasus.createCycle(users.dinkes, {
        districtCode: "35.03",
        semester: "2025-S1",
        team: [],
        panel: [],
      }),
    ).rejects.toMatchObject({ reason: "permission" });
    const cycle = await s.auditKasus.createCycle(users.tpps, {
      districtCode: "35.03",
      semester: "2025-S1",
      team: [
        { username: "dinkes", role: "tim_teknis" },
        { username: "pakar", role: "tim_pakar" },
      ],
      panel: [
        { name: "dr. Pakar Sintetis, Sp.A", role: "ketua tim pakar", expertise: "dokter spesialis anak" },
      ],
    });
    cycleId = cycle.id;
    expect(cycle.team.map((m) => [m.username, m.role])).toEqual([
      ["dinkes", "tim_teknis"],
      ["pakar", "tim_pakar"],
      ["tpps", "ketua"],
    ]);
    expect(cycle.member).toBe(true);
  });

  it("shows named cases to the audit team only; everyone else in the district gets counts", async () => {
    const s = testServices(t.database);
    // not on the team, though the role may work on cases
    await expect(s.auditKasus.candidates(users.luar, cycleId)).rejects.toMatchObject({
      reason: "permission",
    });
    // the role may not work on cases at all
    await expect(s.auditKasus.cases(users.kec, cycleId)).rejects.toMatchObject({ reason: "permission" });
    await expect(s.auditKasus.cases(users.kader, cycleId)).rejects.toMatchObject({ reason: "permission" });
    // another district: the cycle does not exist
    await expect(s.auditKasus.summary(users.lain, cycleId)).rejects.toMatchObject({ code: "not_found" });
    expect((await s.auditKasus.summary(users.kec, cycleId)).cases).toBe(0);

    const found = await s.auditKasus.candidates(users.dinkes, cycleId);
    const shown = found.candidates.map((c) => [c.kind, c.name, c.reasons.map((r) => r.detail)]);
    expect(shown.slice(0, 1)).toEqual([
      [
        "anak",
        "Anak Sintetis Satu",
        ["TB/U pendek on 2025-03-10, normal on 2024-11-10", "TB/U pendek on 2025-03-10"],
      ],
    ]);
    // the pregnant mother once (her family's record and her TPK screening), the woman without a
    // family record on her own, the anaemic bride-to-be; the healthy one is not a case
    expect(shown.slice(1, 3)).toEqual(
      expect.arrayContaining([
        ["ibu_hamil", "Ibu Hamil Sintetis", ["KEK (LiLA 22.8 cm), 4 Terlalu"]],
        ["ibu_hamil", "Bumil Tanpa KK Sintetis", ["anaemia (Hb 10.5 g/dL)"]],
      ]),
    );
    expect(shown.slice(3)).toEqual([["catin", "Catin Sintetis Anemia", ["Hb 11.5 g/dL"]]]);
    expect(found.candidates.map((c) => c.reasons[0].reason)).toEqual([
      "kasus_baru",
      "ibu_hamil_berisiko",
      "ibu_hamil_berisiko",
      "catin_berisiko",
    ]);
    const mother = found.candidates.find((c) => c.name === "Ibu Hamil Sintetis");
    expect([mother?.familyId !== null, mother?.targetId]).toEqual([true, null]);
    expect(found.candidates[3]).toMatchObject({ familyId: null, childId: null, targetId: catinAtRisk });
    expect(found.candidates[0].reasons[0].detail).toBe("TB/U pendek on 2025-03-10, normal on 2024-11-10");
  });

  it("runs one case from selection to follow-up and evaluates it at the next semester", async () => {
    const s = testServices(t.database);
    await expect(
      s.auditKasus.select(users.dinkes, cycleId, { kind: "anak", childId: B, note: "x" }),
    ).rejects.toMatchObject({ details: { field: "childId" } });
    const selected = await s.auditKasus.select(users.dinkes, cycleId, {
      kind: "anak",
      childId: A,
      note: "kasus baru di desa lokus",
    });
    caseId = selected.id;
    expect(selected.status).toBe("terpilih");
    await expect(
      s.auditKasus.select(users.dinkes, cycleId, { kind: "anak", childId: A, note: "lagi" }),
    ).rejects.toMatchObject({ code: "conflict" });

    const ws = await s.auditKasus.saveWorksheet(users.dinkes, caseId, {
      version: selected.version,
      worksheet: { polaMakanAsuh: "MP-ASI kurang protein", lingkungan: "air minum layak" },
    });
    expect(ws.status).toBe("dikaji");
    const review = {
      version: ws.version,
      reviewedOn: "2025-09-01",
      review: "asupan protein kurang sejak 9 bulan",
      recommendations: "PMT pemulihan 90 hari; konseling MP-ASI",
    };
    // the technical team does not write the expert review
    await expect(s.auditKasus.saveReview(users.dinkes, caseId, review, TODAY)).rejects.toMatchObject({
      reason: "permission",
    });
    const reviewed = await s.auditKasus.saveReview(users.pakar, caseId, review, TODAY);
    expect(reviewed.status).toBe("direkomendasikan");
    // a stale version is refused with the current case
    await expect(
      s.auditKasus.saveWorksheet(users.dinkes, caseId, { version: ws.version, worksheet: {} }),
    ).rejects.toMatchObject({
      code: "stale_version",
    });

    const f = await s.auditKasusPlan.addFollowup(users.tpps, cycleId, {
      caseId,
      agency: "Dinas Kesehatan",
      action: "PMT pemulihan 90 hari",
      dueOn: "2025-12-31",
    });
    await s.auditKasusPlan.setFollowupStatus(users.dinkes, f.id, { version: f.version, status: "selesai" });
    const cyc = (await s.auditKasus.cycles(users.tpps, "35.03"))[0];
    await s.auditKasusPlan.dissemination(
      users.tpps,
      cycleId,
      { version: cyc.version, on: "2025-09-15", participants: "Bappeda, Dinkes, DP3AP2KB" },
      TODAY,
    );

    const done = await s.auditKasus.get(users.tpps, caseId);
    expect(done.followups.map((x) => [x.agency, x.status])).toEqual([["Dinas Kesehatan", "selesai"]]);
    // 2025-S1 pendek (2025-03-10) → 2025-S2 normal (2025-09-10)
    expect(done.evaluation).toMatchObject({ next: "2025-S2", changed: true, outcome: "tidak_stunting_lagi" });
    expect(await s.auditKasus.summary(users.kec, cycleId)).toEqual({
      semester: "2025-S1",
      cases: 1,
      byReason: { kasus_baru: 1, stunting: 1 },
      byStatus: { direkomendasikan: 1 },
      followups: { selesai: 1 },
    });

    // every view of named cases is audited, and no name reaches the audit log
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "username", "before", "after"])
      .where("entity", "=", "aks_case")
      .execute();
    const seen = rows.map((r) => `${r.action}:${r.username}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "list_candidates:dinkes",
        "select:dinkes",
        "view:tpps",
        "worksheet:dinkes",
        "review:pakar",
      ]),
    );
    expect(JSON.stringify(rows)).not.toMatch(/Sintetis|protein|PMT/);
  });

  it("selects a bride-to-be found at a TPK screening, once", async () => {
    const s = testServices(t.database);
    const selected = await s.auditKasus.select(users.dinkes, cycleId, {
      kind: "catin",
      targetId: catinAtRisk,
      note: "anemia pada skrining catin",
    });
    expect(selected).toMatchObject({
      kind: "catin",
      targetId: catinAtRisk,
      childId: null,
      familyId: null,
      name: "Catin Sintetis Anemia",
      reasons: [{ reason: "catin_berisiko", detail: "Hb 11.5 g/dL" }],
    });
    await expect(
      s.auditKasus.select(users.dinkes, cycleId, { kind: "catin", targetId: catinAtRisk, note: "lagi" }),
    ).rejects.toMatchObject({ code: "conflict", details: { field: "targetId" } });
    const found = await s.auditKasus.candidates(users.dinkes, cycleId);
    expect(found.candidates.find((c) => c.targetId === catinAtRisk)?.selected).toBe(true);
  });
});
