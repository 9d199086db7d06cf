import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { type Client, seedFixtures, signIn, testApp } from "./test-app.ts";

describeEachEngine("penilaian routes: role × region", (ctx) => {
  let app: App;
  const c: Record<string, Client> = {};
  let id = "";

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database);
    for (const u of ["nasional", "jatim", "penilai", "jateng", "bappeda", "dinkes-lain", "kader"])
      c[u] = await signIn(app, u);
  });

  it("the province opens and panels, the panelist grades, nobody else", async () => {
    const body = { provinceCode: "35", year: 2025 };
    for (const who of ["penilai", "bappeda", "jateng", "kader"])
      expect((await c[who].send("POST", "/api/penilaian", body)).statusCode, who).toBe(403);
    const res = await c.jatim.send("POST", "/api/penilaian", body);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().instrument.version).toBe("template-2022");
    const me = (await c.penilai.get("/api/auth/me")).json().user.id;
    expect(
      (
        await c.penilai.send("PUT", `/api/penilaian/${id}/panel`, {
          members: [{ userId: me, role: "ketua" }],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await c.jatim.send("PUT", `/api/penilaian/${id}/panel`, { members: [{ userId: me, role: "ketua" }] }))
        .statusCode,
    ).toBe(200);
    const grade = { districtCode: "35.03", itemCode: "1.1", grade: "A", note: "Lokus tepat" };
    expect((await c.jatim.send("PUT", `/api/penilaian/${id}/grades`, grade)).statusCode).toBe(403);
    expect((await c.bappeda.send("PUT", `/api/penilaian/${id}/grades`, grade)).statusCode).toBe(404);
    expect((await c.penilai.send("PUT", `/api/penilaian/${id}/grades`, grade)).statusCode).toBe(204);
    expect(
      (await c.penilai.send("PUT", `/api/penilaian/${id}/grades`, { ...grade, grade: "Z" })).statusCode,
    ).toBe(400);
    expect((await c.penilai.get(`/api/penilaian/${id}/result`)).statusCode).toBe(403);
    expect((await c.jatim.get(`/api/penilaian/${id}/result`)).statusCode).toBe(200);
    for (const who of ["bappeda", "jateng", "dinkes-lain"])
      expect((await c[who].get(`/api/penilaian/${id}`)).statusCode, who).toBe(404);
  });

  it("publishes: before it nothing is visible, after it the public sees the ranking only", async () => {
    const q = "?province=35&year=2025";
    expect((await app.inject({ method: "GET", url: `/api/public/penilaian${q}` })).statusCode).toBe(404);
    expect((await c.bappeda.get(`/api/penilaian/published${q}`)).statusCode).toBe(404);
    expect(
      (await c.penilai.send("POST", `/api/penilaian/${id}/publish`, { decreeNumber: "SK-1", version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await c.jatim.send("POST", `/api/penilaian/${id}/publish`, { decreeNumber: "SK-1", version: 1 }))
        .statusCode,
    ).toBe(204);
    const pub = await app.inject({ method: "GET", url: `/api/public/penilaian${q}` });
    expect(pub.statusCode).toBe(200);
    expect(Object.keys(pub.json()).sort()).toEqual(["decreeNumber", "provinceCode", "ranking", "year"]);
    const own = (await c.bappeda.get(`/api/penilaian/published${q}`)).json();
    expect(own.own.code).toBe("35.03");
    expect((await c["dinkes-lain"].get(`/api/penilaian/published${q}`)).json().own.code).toBe("35.04");
  });
});
