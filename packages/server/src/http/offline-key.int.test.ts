import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { seedFixtures, signIn, testApp } from "./test-app.ts";

describeEachEngine("GET /api/auth/offline-key", (ctx) => {
  let app: App;
  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database);
  });

  it("gives a signed-in user their own secret, the same at every sign-in, never cached", async () => {
    expect((await app.inject({ method: "GET", url: "/api/auth/offline-key" })).statusCode).toBe(401);
    const kader = await signIn(app, "kader");
    const first = await kader.get("/api/auth/offline-key");
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-store");
    const body = first.json();
    expect(Buffer.from(body.secret, "base64")).toHaveLength(32);
    expect(body.version).toBe(1);
    const me = (await kader.get("/api/auth/me")).json();
    expect(body.userId).toBe(me.user.id);
    // a second session of the same user: the same secret (the outbox made offline stays readable)
    const again = await signIn(app, "kader");
    expect((await again.get("/api/auth/offline-key")).json().secret).toBe(body.secret);
    // another user of the same village: another secret
    const other = await signIn(app, "kader-lain");
    expect((await other.get("/api/auth/offline-key")).json().secret).not.toBe(body.secret);
    // signed out: no secret
    await kader.send("POST", "/api/auth/logout");
    expect((await kader.get("/api/auth/offline-key")).statusCode).toBe(401);
  });
});
