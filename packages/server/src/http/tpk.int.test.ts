/**
 * TPK teams, the posyandu's children made targets, TPK coverage, family counts and the removal of
 * a TPPS seat over HTTP, in the role × region matrix of the fixture users: who may change, who may
 * read, and what lies outside a scope (403 for regions, 404 for records). The named target routes
 * are in keluarga.int.test.ts.
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

/** The status each user gets for one request. */
async function statuses(
  c: Record<Who, Client>,
  request: (client: Client) => Promise<{ statusCode: number }>,
): Promise<Record<Who, number>> {
  const out = {} as Record<Who, number>;
  for (const u of USERS) out[u] = (await request(c[u])).statusCode;
  return out;
}

describeEachEngine("TPK, coverage and family counts routes: role × region", (ctx) => {
  let app: App;
  const c = {} as Record<Who, Client>;

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database);
    for (const u of USERS) c[u] = await signIn(app, u);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("TPK teams", () => {
    it("are formed by the district and kecamatan TPPS over villages of their scope, nobody else", async () => {
      let n = 0;
      const form = (client: Client, villages = [V1, V2]) =>
        client.send("POST", "/api/tpk/teams", { name: `TPK ${++n}`, villages });
      expect(await statuses(c, (client) => form(client))).toEqual({
        nasional: 403,
        jatim: 403,
        jateng: 403,
        bappeda: 201,
        dinkes: 403,
        "dinkes-lain": 403,
        camat: 201,
        desa: 403,
        kader: 403,
        tpk: 403,
      });
      // a village of another kecamatan is outside the camat's scope
      expect((await form(c.camat, [V1, "35.03.02.2001"])).statusCode).toBe(403);
      const bad = await form(c.bappeda, [KEC]);
      expect([bad.statusCode, bad.json().error.details.field]).toEqual([400, "villages[0]"]);
    });

    it("are listed to everyone whose scope holds the region, to nobody outside it", async () => {
      expect(await statuses(c, (client) => client.get("/api/tpk/teams?region=35.03"))).toEqual({
        nasional: 200,
        jatim: 200,
        jateng: 403,
        bappeda: 200,
        dinkes: 200,
        "dinkes-lain": 403,
        camat: 403,
        desa: 403,
        kader: 403,
        tpk: 403,
      });
      // the TPK member's own village, by default: the two teams formed above work there
      const mine = (await c.tpk.get("/api/tpk/teams")).json().teams;
      const codes = (t: { villages: { code: string }[] }) => t.villages.map((v) => v.code);
      expect(mine.map(codes)).toEqual([
        [V1, V2],
        [V1, V2],
      ]);
    });
  });

  describe("children flagged at the posyandu made targets", () => {
    it("only by a TPK member, only in its own villages", async () => {
      const run = (region: string) => (client: Client) =>
        client.send("POST", "/api/tpk/targets/from-posyandu", { region, on: "2026-11-20" });
      expect(await statuses(c, run(V1))).toEqual({
        nasional: 403,
        jatim: 403,
        jateng: 403,
        bappeda: 403,
        dinkes: 403,
        "dinkes-lain": 403,
        camat: 403,
        desa: 403,
        kader: 403,
        tpk: 200,
      });
      expect((await run(V2)(c.tpk)).statusCode).toBe(403);
      expect((await run(KEC)(c.tpk)).statusCode).toBe(403);
    });
  });

  describe("aggregate figures", () => {
    it("TPK coverage: to every role whose scope holds the region, without names", async () => {
      const url = `/api/tpk/coverage?region=${KEC}&from=2026-07-01&to=2027-01-01`;
      expect(await statuses(c, (client) => client.get(url))).toEqual({
        nasional: 200,
        jatim: 200,
        jateng: 403,
        bappeda: 200,
        dinkes: 200,
        "dinkes-lain": 403,
        camat: 200,
        desa: 403,
        kader: 403,
        tpk: 403,
      });
      // the TPK member's own village, by default
      const own = await c.tpk.get("/api/tpk/coverage?from=2026-07-01&to=2027-01-01");
      expect([own.statusCode, own.json().region]).toEqual([200, V1]);
      const bad = await c.camat.get(`/api/tpk/coverage?region=${KEC}&from=2026-07-01&to=2026-07-01`);
      expect([bad.statusCode, bad.json().error.details.field]).toEqual([400, "to"]);
    });

    it("families at risk per village: to every role whose scope holds the region", async () => {
      const url = "/api/families/counts?region=35.03&semester=2026-S2";
      expect(await statuses(c, (client) => client.get(url))).toEqual({
        nasional: 200,
        jatim: 200,
        jateng: 403,
        bappeda: 200,
        dinkes: 200,
        "dinkes-lain": 403,
        camat: 403,
        desa: 403,
        kader: 403,
        tpk: 403,
      });
      const own = await c.desa.get("/api/families/counts?semester=2026-S2");
      expect([own.statusCode, own.json().region]).toEqual([200, V1]);
    });
  });

  describe("TPPS seats", () => {
    it("are removed by a TPPS role at the team's level or above; below it or elsewhere the seat is not found", async () => {
      const team = await c.bappeda.send("POST", "/api/tpps/teams", {
        regionCode: "35.03",
        name: "TPPS Kabupaten",
        periodFrom: "2026-01-01",
      });
      expect(team.statusCode).toBe(201);
      const teamId = team.json().team.id;
      const seat = async () => {
        const s = await c.bappeda.send("POST", `/api/tpps/teams/${teamId}/members`, {
          name: "Ir. Sari Wulandari",
          role: "sekretaris",
          agency: "Bappeda",
        });
        expect(s.statusCode).toBe(201);
        return s.json().team.members.at(-1).id as string;
      };
      const memberId = await seat();
      const remove = (client: Client, id = memberId) =>
        client.send("DELETE", `/api/tpps/teams/${teamId}/members/${id}`);
      const refused: Record<string, number> = {};
      for (const u of ["camat", "desa", "dinkes-lain", "jateng", "dinkes", "kader", "tpk"] as const)
        refused[u] = (await remove(c[u])).statusCode;
      expect(refused).toEqual({
        camat: 404,
        desa: 404,
        "dinkes-lain": 404,
        jateng: 404,
        dinkes: 403,
        kader: 404,
        tpk: 404,
      });
      expect((await c.bappeda.get(`/api/tpps/teams/${teamId}`)).json().team.members).toHaveLength(1);
      const removed = await remove(c.bappeda);
      expect([removed.statusCode, removed.json().team.members]).toEqual([200, []]);
      // the province's TPPS manager reaches the district's team too
      expect((await remove(c.jatim, await seat())).statusCode).toBe(200);
      expect((await remove(c.bappeda)).statusCode).toBe(404);
    });
  });
});
