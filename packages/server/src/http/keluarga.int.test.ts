/**
 * TPPS teams and mini lokakarya kecamatan over HTTP, in the role × region matrix of the fixture
 * users: who may read, who may change, what lies outside a scope (404 for records, 403 for
 * regions), the named lists audited, and the two PDFs. The app is closed after the tests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { type Client, seedFixtures, signIn, testApp } from "./test-app.ts";

const KEC = "35.03.01";
const V1 = "35.03.01.2001";
const V2 = "35.03.01.2002";
const USERS = [
  "nasional",
  "jatim",
  "jateng",
  "bappeda",
  "dinkes",
  "dinkes-lain",
  "camat",
  "desa",
  "kader",
  "tpk",
] as const;
type Who = (typeof USERS)[number];

describeEachEngine("TPPS and mini lokakarya routes: role × region", (ctx) => {
  let app: App;
  const c = {} as Record<Who, Client>;
  let districtTeam = "";
  let kecTeam = "";
  let meeting1 = "";
  let familyId = "";
  let targetId = "";

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database);
    for (const u of USERS) c[u] = await signIn(app, u);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("TPPS", () => {
    it("lets each TPPS role form teams at its own level and below, nobody else", async () => {
      const team = (regionCode: string, name: string) => ({
        regionCode,
        name,
        decreeNumber: "188.45/12/406.013/2025",
        decreeDate: "2025-02-03",
        periodFrom: "2025-01-01",
        periodTo: "2026-12-31",
      });
      const d = await c.bappeda.send("POST", "/api/tpps/teams", team("35.03", "TPPS Kabupaten Trenggalek"));
      expect(d.statusCode).toBe(201);
      districtTeam = d.json().team.id;
      expect(d.json().team.level).toBe("district");
      const k = await c.camat.send("POST", "/api/tpps/teams", team(KEC, "TPPS Kecamatan Panggul"));
      expect(k.statusCode).toBe(201);
      kecTeam = k.json().team.id;
      expect((await c.desa.send("POST", "/api/tpps/teams", team(V1, "TPPS Desa"))).statusCode).toBe(201);
      expect(
        (await c.jatim.send("POST", "/api/tpps/teams", team("35", "TPPS Provinsi Jawa Timur"))).statusCode,
      ).toBe(201);
      // above the caller's level, another district, or a role without tpps:manage
      expect((await c.camat.send("POST", "/api/tpps/teams", team("35.03", "x"))).statusCode).toBe(403);
      expect((await c["dinkes-lain"].send("POST", "/api/tpps/teams", team("35.03", "x"))).statusCode).toBe(
        403,
      );
      expect((await c.kader.send("POST", "/api/tpps/teams", team(V1, "x"))).statusCode).toBe(403);
      expect((await c.tpk.send("POST", "/api/tpps/teams", team(V1, "x"))).statusCode).toBe(403);
      expect((await c.dinkes.send("POST", "/api/tpps/teams", team("35.03", "x"))).statusCode).toBe(403);
      // a wrong period names its field
      const bad = await c.bappeda.send("POST", "/api/tpps/teams", {
        ...team("35.03", "x"),
        periodTo: "2024-12-31",
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.field).toBe("periodTo");
    });

    it("seats one person on several teams and lists teams within the scope only", async () => {
      const a = await c.bappeda.send("POST", `/api/tpps/teams/${districtTeam}/members`, {
        name: "Drs. Budi Santoso",
        role: "bidang",
        bidang: "Data, Monitoring dan Evaluasi",
        agency: "Bappeda",
      });
      expect(a.statusCode).toBe(201);
      const b = await c.camat.send("POST", `/api/tpps/teams/${kecTeam}/members`, {
        name: "Drs. Budi  Santoso",
        role: "ketua",
        positionTitle: "Camat",
        agency: "Kecamatan Panggul",
      });
      expect(b.statusCode).toBe(201);
      const seat = b.json().team.members[0];
      expect(seat.seats).toBe(2);
      expect(seat.personId).toBe(a.json().team.members[0].personId);
      const noBidang = await c.bappeda.send("POST", `/api/tpps/teams/${districtTeam}/members`, {
        name: "X",
        role: "bidang",
        agency: "Dinkes",
      });
      expect([noBidang.statusCode, noBidang.json().error.details.field]).toEqual([400, "bidang"]);
      // the camat cannot seat anyone on the district's team: it is above the kecamatan
      const up = await c.camat.send("POST", `/api/tpps/teams/${districtTeam}/members`, {
        name: "Y",
        role: "anggota",
        agency: "Z",
      });
      expect(up.statusCode).toBe(404);

      const camatList = (await c.camat.get("/api/tpps/teams")).json();
      expect(camatList.teams.map((t: { regionCode: string }) => t.regionCode)).toEqual([KEC, V1]);
      const district = (await c.bappeda.get("/api/tpps/teams")).json();
      expect(district.teams.map((t: { regionCode: string }) => t.regionCode)).toEqual(["35.03", KEC, V1]);
      expect((await c.jateng.get("/api/tpps/teams?region=35.03")).statusCode).toBe(403);
      expect((await c["dinkes-lain"].get(`/api/tpps/teams/${districtTeam}`)).statusCode).toBe(404);
      const people = (await c.bappeda.get("/api/tpps/people?q=budi")).json();
      expect(people.people).toHaveLength(1);
      expect(people.people[0].seats.map((s: { role: string }) => s.role).sort()).toEqual(["bidang", "ketua"]);
    });

    it("prints the list of teams as a PDF", async () => {
      const res = await c.camat.get("/api/tpps/teams.pdf");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect((await c["dinkes-lain"].get("/api/tpps/teams.pdf?region=35.03")).statusCode).toBe(403);
    });
  });

  describe("mini lokakarya", () => {
    it("prepares families, TPK targets and a visit (TPK sees only its villages' targets)", async () => {
      const fam = await c.desa.send("POST", "/api/families", {
        villageCode: V1,
        semester: "2026-S2",
        dataSource: "pk",
        headName: "Keluarga Sintetis Satu",
        motherBirthDate: "2008-03-01",
        waterSource: "ledeng",
        latrine: "jamban_septik",
        children: [{ name: "Anak Sintetis", birthDate: "2025-06-01" }],
      });
      expect(fam.statusCode).toBe(201);
      familyId = fam.json().family.id;
      expect(fam.json().family.assessment.reasons).toEqual(["terlalu_muda"]);
      const t = await c.tpk.send("POST", "/api/tpk/targets", {
        villageCode: V1,
        kind: "baduta",
        name: "Anak Sintetis",
        familyId,
      });
      expect(t.statusCode).toBe(201);
      targetId = t.json().target.id;
      // a target in the neighbouring village, never visited
      await ctx.database.db
        .insertInto("tpk_targets")
        .values({
          district_code: "35.03",
          id: "00000000-0000-4000-8000-0000000000b2",
          village_code: V2,
          kind: "ibu_hamil",
          name: "Ibu Sintetis Dua",
          source: "posyandu",
          reasons: JSON.stringify(["stunted"]),
          since: "2026-10-01",
        })
        .execute();
      const v = await c.tpk.send("POST", "/api/tpk/visits", {
        targetId,
        visitedOn: "2026-11-20",
        visitType: "penyuluhan",
        findings: "Ibu belum paham MP-ASI",
      });
      expect(v.statusCode).toBe(201);
      const mine = (await c.tpk.get("/api/tpk/targets")).json().targets;
      expect(mine.map((x: { villageCode: string }) => x.villageCode)).toEqual([V1]);
      expect((await c.tpk.get(`/api/tpk/targets?region=${V2}`)).statusCode).toBe(403);
      expect((await c.tpk.get("/api/tpk/targets/00000000-0000-4000-8000-0000000000b2")).statusCode).toBe(404);
    });

    it("lets the kecamatan and district TPPS hold a meeting, nobody else", async () => {
      const body = {
        subdistrictCode: KEC,
        heldOn: "2026-11-28",
        place: "Aula Kecamatan",
        participants: [
          { name: "Camat Sintetis", agency: "Kecamatan", role: "Pimpinan rapat" },
          { name: "Kepala Puskesmas Sintetis", agency: "Puskesmas" },
        ],
      };
      for (const who of ["desa", "kader", "tpk", "dinkes", "jatim"] as const)
        expect([who, (await c[who].send("POST", "/api/minilok/meetings", body)).statusCode]).toEqual([
          who,
          403,
        ]);
      expect(
        (await c.camat.send("POST", "/api/minilok/meetings", { ...body, subdistrictCode: "35.03.02" }))
          .statusCode,
      ).toBe(403);
      const village = await c.camat.send("POST", "/api/minilok/meetings", { ...body, subdistrictCode: V1 });
      expect([village.statusCode, village.json().error.details.field]).toEqual([400, "subdistrictCode"]);
      const res = await c.camat.send("POST", "/api/minilok/meetings", body);
      expect(res.statusCode).toBe(201);
      const m = res.json().meeting;
      meeting1 = m.id;
      expect([m.reviewFrom, m.reviewTo, m.semester]).toEqual(["2026-08-29", "2026-11-29", "2026-S2"]);
      expect(m.checklist.confidence).toBe("mem");
      expect(m.checklist.items).toHaveLength(7);
      // coverage worked by hand: V1 1 target assisted of 1; V2 0 of 1; kecamatan 1 of 2 = 50 %
      const byVillage = Object.fromEntries(
        m.villages.map((v: { villageCode: string; targets: number; assisted: number; berisiko: number }) => [
          v.villageCode,
          [v.targets, v.assisted, v.berisiko],
        ]),
      );
      expect(byVillage[V1]).toEqual([1, 1, 1]);
      expect(byVillage[V2]).toEqual([1, 0, 0]);
      expect([m.coverage.targets, m.coverage.assisted, m.coverage.coveragePct]).toEqual([2, 1, 50]);
      // the district TPPS may hold one too; the other district's office does not see it
      expect(
        (await c.bappeda.send("POST", "/api/minilok/meetings", { ...body, heldOn: "2026-10-01" })).statusCode,
      ).toBe(201);
      expect((await c["dinkes-lain"].get(`/api/minilok/meetings/${meeting1}`)).statusCode).toBe(404);
      expect((await c.kader.get(`/api/minilok/meetings/${meeting1}`)).statusCode).toBe(404);
      expect((await c.jatim.get(`/api/minilok/meetings/${meeting1}`)).statusCode).toBe(200);
      expect((await c.camat.get("/api/minilok/meetings")).json().meetings).toHaveLength(2);
    });

    it("shows the named lists only to roles that work with families, and audits each read", async () => {
      const res = await c.camat.get(`/api/minilok/meetings/${meeting1}/lists`);
      expect(res.statusCode).toBe(200);
      const lists = res.json();
      expect(lists.keluarga.map((f: { name: string; reasons: string[] }) => [f.name, f.reasons])).toEqual([
        ["Keluarga Sintetis Satu", ["terlalu_muda"]],
      ]);
      expect(lists.kasus.map((k: { name: string }) => k.name)).toEqual(["Ibu Sintetis Dua"]);
      expect((await c.jatim.get(`/api/minilok/meetings/${meeting1}/lists`)).statusCode).toBe(403);
      expect((await c.tpk.get(`/api/minilok/meetings/${meeting1}/lists`)).statusCode).toBe(404);
      const audit = await ctx.database.db
        .selectFrom("audit_log")
        .select(["username", "action"])
        .where("entity", "=", "minilok_lists")
        .execute();
      expect(audit).toEqual([{ username: "camat", action: "list" }]);

      const ok = await c.camat.send("PUT", `/api/minilok/meetings/${meeting1}/verifications`, {
        kind: "keluarga",
        entityId: familyId,
        verdict: "valid",
      });
      expect(ok.statusCode).toBe(200);
      const wrongKind = await c.camat.send("PUT", `/api/minilok/meetings/${meeting1}/verifications`, {
        kind: "kasus",
        entityId: familyId,
        verdict: "valid",
      });
      expect([wrongKind.statusCode, wrongKind.json().error.details.field]).toEqual([400, "entityId"]);
      const m = (await c.camat.get(`/api/minilok/meetings/${meeting1}`)).json().meeting;
      expect(m.verified).toEqual({
        kasus: { valid: 0, tidakValid: 0 },
        keluarga: { valid: 1, tidakValid: 0 },
      });
    });

    it("edits the checklist, carries it and open recommendations to the next meeting, and prints minutes", async () => {
      const m = (await c.camat.get(`/api/minilok/meetings/${meeting1}`)).json().meeting;
      const items = m.checklist.items.map((i: { met: boolean | null }, n: number) => ({ ...i, met: n < 3 }));
      items.push({
        code: "rembuk_desa",
        group: "lainnya",
        label: "Rembuk stunting desa terlaksana",
        met: null,
      });
      const put = await c.camat.send("PUT", `/api/minilok/meetings/${meeting1}/checklist`, { items });
      expect(put.statusCode).toBe(200);
      expect(put.json().meeting.checklist.summary.at(-1)).toEqual({
        group: "total",
        items: 8,
        met: 3,
        notMet: 4,
        notAssessed: 1,
        metPct: (3 / 7) * 100,
      });
      const review = await c.camat.send("PUT", `/api/minilok/meetings/${meeting1}/reviews`, {
        villageCode: V2,
        problems: "Sasaran ibu hamil belum dikunjungi",
        followUp: "Bidan desa menjadwalkan kunjungan",
      });
      expect(review.statusCode).toBe(200);
      const wrongVillage = await c.camat.send("PUT", `/api/minilok/meetings/${meeting1}/reviews`, {
        villageCode: "35.03.02.2001",
      });
      expect([wrongVillage.statusCode, wrongVillage.json().error.details.field]).toEqual([
        400,
        "villageCode",
      ]);
      const rec = await c.camat.send("POST", `/api/minilok/meetings/${meeting1}/recommendations`, {
        action: "Kunjungi semua ibu hamil di desa 2002",
        owner: "Bidan Desa",
        dueOn: "2026-12-01",
        villageCode: V2,
      });
      expect(rec.statusCode).toBe(201);
      const early = await c.camat.send("POST", `/api/minilok/meetings/${meeting1}/recommendations`, {
        action: "x",
        owner: "y",
        dueOn: "2026-11-01",
      });
      expect([early.statusCode, early.json().error.details.field]).toEqual([400, "dueOn"]);
      const recId = rec.json().meeting.recommendations.find((r: { carried: boolean }) => !r.carried).id;

      const next = (
        await c.camat.send("POST", "/api/minilok/meetings", { subdistrictCode: KEC, heldOn: "2026-12-04" })
      ).json().meeting;
      expect(next.checklist.items.map((i: { code: string }) => i.code).at(-1)).toBe("rembuk_desa");
      expect(next.checklist.items.every((i: { met: boolean | null }) => i.met === null)).toBe(true);
      const carried = next.recommendations.find((r: { id: string }) => r.id === recId);
      expect([carried.carried, carried.overdue, carried.status]).toEqual([true, true, "belum"]);
      // closed at the December meeting: still shown there, gone from later meetings
      const closed = await c.camat.send("PATCH", `/api/minilok/recommendations/${recId}`, {
        version: carried.version,
        status: "selesai",
        meetingId: next.id,
      });
      expect(closed.statusCode).toBe(200);
      expect(closed.json().recommendation.closedOn).toBe("2026-12-04");
      expect(
        (
          await c.kader.send("PATCH", `/api/minilok/recommendations/${recId}`, {
            version: 2,
            status: "batal",
          })
        ).statusCode,
      ).toBe(404);
      const stale = await c.camat.send("PATCH", `/api/minilok/recommendations/${recId}`, {
        version: carried.version,
        status: "proses",
      });
      expect(stale.statusCode).toBe(409);

      const pdf = await c.camat.get(`/api/minilok/meetings/${meeting1}/minutes.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toContain("notulen-minilok");
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect((await c["dinkes-lain"].get(`/api/minilok/meetings/${meeting1}/minutes.pdf`)).statusCode).toBe(
        404,
      );
    });
  });
});
