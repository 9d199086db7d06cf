import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { PASSWORD, seedFixtures, signIn, testApp } from "./test-app.ts";

describeEachEngine("sign-in, sessions and CSRF", (ctx) => {
  let app: App;
  let clock = Date.parse("2025-08-01T00:00:00Z");
  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database, {
      now: () => new Date(clock),
      sessionPolicy: { idleMs: 3600_000, absoluteMs: 4 * 3600_000 },
      loginLimits: {
        freeAttempts: 3,
        baseDelayMs: 60_000,
        maxDelayMs: 600_000,
        resetAfterMs: 3600_000,
        perAddress: 50,
        addressWindowMs: 600_000,
      },
    });
  });

  it("signs in with an httpOnly SameSite=Lax cookie and returns the user and a CSRF token", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "dinkes", password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "tumbuh_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({ username: "dinkes", role: "district_health", regionCode: "35.03" });
    expect(body.user.regionName).toMatch(/TRENGGALEK/i);
    expect(body.user).not.toHaveProperty("passwordHash");
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it("marks the cookie Secure behind an https proxy", async () => {
    const proxied = await testApp(ctx.database, { trustProxy: ["127.0.0.1"] });
    const res = await proxied.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "x-forwarded-proto": "https" },
      payload: { username: "dinkes", password: PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === "tumbuh_session")?.secure).toBe(true);
  });

  it("believes X-Forwarded-For only from a configured proxy: a forged header changes neither throttling nor the audit log", async () => {
    const proxied = await testApp(ctx.database, {
      now: () => new Date(clock),
      trustProxy: ["10.0.0.5", "10.0.1.0/24"],
      loginLimits: {
        freeAttempts: 3,
        baseDelayMs: 60_000,
        maxDelayMs: 600_000,
        resetAfterMs: 3600_000,
        perAddress: 50,
        addressWindowMs: 600_000,
      },
    });
    const login = (remoteAddress: string, forwarded: string, password: string) =>
      proxied.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress,
        headers: { "x-forwarded-for": forwarded },
        payload: { username: "kader-lain", password },
      });
    // a peer that is no proxy makes up a new address for every guess: still one address
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login("203.0.113.9", `198.51.100.${i}`, "x")).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    // a sign-in through the proxy records the client's address; one from elsewhere, the peer's own
    expect((await login("10.0.1.7", "192.0.2.44", PASSWORD)).statusCode).toBe(200);
    expect((await login("198.51.100.200", "192.0.2.45", PASSWORD)).statusCode).toBe(200);
    const ips = await ctx.database.db
      .selectFrom("audit_log")
      .select("ip")
      .where("username", "=", "kader-lain")
      .where("action", "=", "login")
      .orderBy("id")
      .execute();
    expect(ips.map((r) => r.ip)).toEqual(["192.0.2.44", "198.51.100.200"]);
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    for (const payload of [
      { username: "dinkes", password: "salah-sekali" },
      { username: "tidak-ada", password: PASSWORD },
    ]) {
      const res = await app.inject({ method: "POST", url: "/api/auth/login", payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("invalid_credentials");
      expect(res.cookies).toHaveLength(0);
    }
  });

  it("rate-limits repeated failed sign-ins with 429 and Retry-After, even with the right password", async () => {
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "camat", password: "x" },
      });
      expect(r.statusCode).toBe(401);
    }
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "camat", password: PASSWORD },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("rate_limited");
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    clock += 600_001;
    const later = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "camat", password: PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  it("a guesser at another address cannot lock the real user out", async () => {
    // ten wrong passwords for the district's health office from one address…
    for (let i = 0; i < 10; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: "203.0.113.66",
        payload: { username: "dinkes", password: `tebakan-${i}` },
      });
      expect([401, 429]).toContain(r.statusCode);
    }
    const blocked = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "203.0.113.66",
      payload: { username: "dinkes", password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    // …and the real user, at the office, signs in at once
    const real = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "198.51.100.7",
      payload: { username: "dinkes", password: PASSWORD },
    });
    expect(real.statusCode).toBe(200);
  });

  it("counts parallel wrong sign-ins before their password checks finish: no more than the limit get through", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "desa", password: "x" } }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(27);
    clock += 600_001;
  });

  it("validates the body and names the field", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "dinkes" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.details.issues[0].path).toBe("body/password");
  });

  it("answers /api/auth/me with the session, and 401 without one", async () => {
    const c = await signIn(app, "kader");
    const me = await c.get("/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(c.csrfToken);
    expect(me.json().permissions).toContain("measurements:write");
    const anon = await app.inject({ method: "GET", url: "/api/auth/me" });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe("unauthenticated");
    const forged = await app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: "tumbuh_session=forged" },
    });
    expect(forged.statusCode).toBe(401);
  });

  it("refuses writes with a missing or forged CSRF token", async () => {
    const c = await signIn(app, "nasional");
    const body = {
      username: "baru",
      displayName: "Baru",
      password: PASSWORD,
      role: "posyandu_cadre",
      regionCode: "35.03.01.2001",
    };
    const missing = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: c.cookie },
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe("csrf_invalid");
    const forged = await c.send("POST", "/api/users", body, { "x-csrf-token": "A".repeat(43) });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe("csrf_invalid");
    // Another session's token does not work either.
    const other = await signIn(app, "jatim");
    const crossed = await c.send("POST", "/api/users", body, { "x-csrf-token": other.csrfToken });
    expect(crossed.statusCode).toBe(403);
    const users = await c.get("/api/users?q=baru");
    expect(users.json().users).toHaveLength(0);
    const ok = await c.send("POST", "/api/users", body);
    expect(ok.statusCode).toBe(201);
  });

  it("ends the session on sign-out", async () => {
    const c = await signIn(app, "bappeda");
    expect((await c.send("POST", "/api/auth/logout")).statusCode).toBe(204);
    expect((await c.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("expires a session after the idle time, and at the absolute end even when used", async () => {
    const idle = await signIn(app, "desa");
    clock += 3600_000 + 1;
    expect((await idle.get("/api/auth/me")).statusCode).toBe(401);

    const busy = await signIn(app, "tpk");
    for (let i = 0; i < 4; i++) {
      clock += 50 * 60_000; // used every 50 minutes: never idle for an hour
      expect((await busy.get("/api/auth/me")).statusCode).toBe(200);
    }
    clock += 50 * 60_000; // 4 h 10 min after sign-in: past the absolute end
    expect((await busy.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("changes the own password with the current one", async () => {
    const c = await signIn(app, "penilai");
    const wrong = await c.send("POST", "/api/auth/password", {
      currentPassword: "nope",
      newPassword: "baru-sekali-1",
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await c.send("POST", "/api/auth/password", {
      currentPassword: PASSWORD,
      newPassword: "baru-sekali-1",
    });
    expect(ok.statusCode).toBe(204);
    await expect(signIn(app, "penilai")).rejects.toThrow();
    const again = await signIn(app, "penilai", "baru-sekali-1");
    // the audit log says the password changed, and holds neither the password nor its hash
    const me = (await again.get("/api/auth/me")).json().user;
    const nasional = await signIn(app, "nasional");
    const entries = (await nasional.get(`/api/audit?entity=user&entityId=${me.id}`)).json().entries;
    const change = entries.find((e: { action: string }) => e.action === "change_password");
    expect(change).toMatchObject({ username: "penilai", after: { passwordChanged: true } });
    const stored = await ctx.database.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", me.id)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(entries);
    expect(text).not.toContain("baru-sekali-1");
    expect(text).not.toContain(stored.password_hash);
    expect(text).not.toMatch(/scrypt/i);
  });

  it("a password change ends the user's other sessions at once and keeps the one that changed it", async () => {
    const laptop = await signIn(app, "jateng");
    const phone = await signIn(app, "jateng");
    expect((await phone.get("/api/auth/me")).statusCode).toBe(200); // cached for a few seconds now
    const res = await laptop.send("POST", "/api/auth/password", {
      currentPassword: PASSWORD,
      newPassword: "jateng-sandi-baru-7",
    });
    expect(res.statusCode).toBe(204);
    expect((await phone.get("/api/auth/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/auth/me")).statusCode).toBe(200);
  });

  it("throttles wrong current passwords like sign-in (a stolen session is no password oracle)", async () => {
    const c = await signIn(app, "dinkes-lain");
    const change = (currentPassword: string) =>
      c.send("POST", "/api/auth/password", { currentPassword, newPassword: "dinkes-lain-baru-8" });
    for (let i = 0; i < 3; i++) {
      const wrong = await change(`tebakan-${i}`);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details.field).toBe("currentPassword");
    }
    const held = await change(PASSWORD);
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe("rate_limited");
    expect(Number(held.headers["retry-after"])).toBeGreaterThan(0);
    clock += 60_001;
    expect((await change(PASSWORD)).statusCode).toBe(204);
  });

  it("serves the OpenAPI document", async () => {
    const res = await app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/login",
        "/api/dashboard",
        "/api/children/{id}/measurements",
        "/api/imports",
        "/api/boundaries",
        "/api/export",
        "/api/public/prevalence",
      ]),
    );
    // Request and response shapes come from the zod schemas.
    const login = doc.paths["/api/auth/login"].post;
    expect(login.requestBody.content["application/json"].schema.required).toEqual(["username", "password"]);
    expect(login.responses["401"]).toBeDefined();
  });
});
