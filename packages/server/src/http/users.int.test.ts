import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { PASSWORD, seedFixtures, signIn, testApp } from "./test-app.ts";

describeEachEngine("user management and audit log", (ctx) => {
  let app: App;
  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database);
  });

  const cadre = (username: string, regionCode = "35.03.01.2001") => ({
    username,
    displayName: `Kader ${username}`,
    password: PASSWORD,
    role: "posyandu_cadre",
    regionCode,
  });

  it("lets a provincial admin create a user inside the province, and records it in the audit log", async () => {
    const admin = await signIn(app, "jatim");
    const res = await admin.send("POST", "/api/users", cadre("sari"));
    expect(res.statusCode).toBe(201);
    const user = res.json().user;
    expect(user).toMatchObject({
      username: "sari",
      role: "posyandu_cadre",
      regionCode: "35.03.01.2001",
      version: 1,
    });
    const audit = await admin.get(`/api/audit?entity=user&entityId=${user.id}`);
    expect(audit.statusCode).toBe(200);
    const [entry] = audit.json().entries;
    expect(entry).toMatchObject({
      action: "create",
      username: "jatim",
      regionCode: "35.03.01.2001",
      before: null,
    });
    expect(entry.after).toMatchObject({ username: "sari", role: "posyandu_cadre" });
    expect(JSON.stringify(entry)).not.toMatch(/scrypt|password/i);
    await signIn(app, "sari");
  });

  it("marks the roles the caller may give: a provincial admin, not its own role or the national one", async () => {
    const admin = await signIn(app, "jatim");
    const res = await admin.get("/api/roles");
    expect(res.statusCode).toBe(200);
    const grantable = new Map<string, boolean>(
      res.json().roles.map((r: { code: string; grantable: boolean }) => [r.code, r.grantable]),
    );
    expect(grantable.get("posyandu_cadre")).toBe(true);
    expect(grantable.get("district_health")).toBe(true);
    expect(grantable.get("provincial_admin")).toBe(false);
    expect(grantable.get("national_admin")).toBe(false);
    const cadre = await signIn(app, "kader");
    const none = (await cadre.get("/api/roles"))
      .json()
      .roles.filter((r: { grantable: boolean }) => r.grantable);
    expect(none).toEqual([]);
  });

  it("refuses users outside the admin's scope, roles above it, and scopes at the wrong level", async () => {
    const admin = await signIn(app, "jatim");
    const outside = await admin.send("POST", "/api/users", cadre("luar", "33.01.01.2001"));
    expect(outside.statusCode).toBe(403);
    const higher = await admin.send("POST", "/api/users", {
      ...cadre("boss"),
      role: "national_admin",
      regionCode: "ID",
    });
    expect(higher.statusCode).toBe(403);
    const peer = await admin.send("POST", "/api/users", {
      ...cadre("sejawat"),
      role: "provincial_admin",
      regionCode: "35",
    });
    expect(peer.statusCode).toBe(403);
    const kader = (await admin.get("/api/users?q=kader-lain")).json().users[0];
    const promote = await admin.send("PATCH", `/api/users/${kader.id}`, {
      version: kader.version,
      role: "provincial_admin",
      regionCode: "35",
    });
    expect(promote.statusCode).toBe(403);
    const level = await admin.send("POST", "/api/users", cadre("salah", "35.03"));
    expect(level.statusCode).toBe(403);
    const unknown = await admin.send("POST", "/api/users", cadre("hilang", "35.03.01.2999"));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.field).toBe("regionCode");
    const taken = await admin.send("POST", "/api/users", cadre("kader"));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("conflict");
  });

  it("refuses user management to roles without it", async () => {
    for (const name of ["dinkes", "kader", "penilai"]) {
      const c = await signIn(app, name);
      expect((await c.get("/api/users")).statusCode).toBe(403);
      expect((await c.send("POST", "/api/users", cadre(`x${name}`))).statusCode).toBe(403);
      expect((await c.get("/api/audit")).statusCode).toBe(403);
    }
  });

  it("lists only users in scope and hides others as not found", async () => {
    const jateng = await signIn(app, "jateng");
    const list = await jateng.get("/api/users");
    expect(list.json().users.map((u: { username: string }) => u.username)).toEqual(["jateng"]);
    const jatim = await signIn(app, "jatim");
    const kader = (await jatim.get("/api/users?q=kader-lain")).json().users[0];
    expect((await jateng.get(`/api/users/${kader.id}`)).statusCode).toBe(404);
    expect(
      (await jateng.send("PATCH", `/api/users/${kader.id}`, { version: kader.version, disabled: true }))
        .statusCode,
    ).toBe(404);
    const audit = await jateng.get("/api/audit");
    expect(audit.json().entries.every((e: { regionCode: string }) => e.regionCode.startsWith("33"))).toBe(
      true,
    );
  });

  it("changes a role with optimistic concurrency: a stale version gets 409 with the current record", async () => {
    const admin = await signIn(app, "jatim");
    const u = (await admin.get("/api/users?q=sari")).json().users[0];
    const ok = await admin.send("PATCH", `/api/users/${u.id}`, { version: u.version, role: "village_tpps" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ role: "village_tpps", version: 2 });
    const stale = await admin.send("PATCH", `/api/users/${u.id}`, {
      version: u.version,
      displayName: "Lama",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect(stale.json().error.details.current).toMatchObject({ id: u.id, version: 2, role: "village_tpps" });
    const audit = (await admin.get(`/api/audit?entity=user&entityId=${u.id}`)).json().entries;
    expect(audit[0]).toMatchObject({
      action: "update",
      before: { role: "posyandu_cadre" },
      after: { role: "village_tpps" },
    });
  });

  it("disabling a user ends its sessions and blocks sign-in; a reset password works and ends sessions", async () => {
    const admin = await signIn(app, "jatim");
    const sari = await signIn(app, "sari");
    // a request just before puts the session in the few-seconds session cache
    expect((await sari.get("/api/auth/me")).statusCode).toBe(200);
    let u = (await admin.get("/api/users?q=sari")).json().users[0];
    const res = await admin.send("PATCH", `/api/users/${u.id}`, { version: u.version, disabled: true });
    expect(res.statusCode).toBe(200);
    expect((await sari.get("/api/auth/me")).statusCode).toBe(401);
    await expect(signIn(app, "sari")).rejects.toThrow(/401/);
    u = res.json().user;
    await admin.send("PATCH", `/api/users/${u.id}`, { version: u.version, disabled: false });
    const again = await signIn(app, "sari");
    expect((await again.get("/api/auth/me")).statusCode).toBe(200);
    u = (await admin.get("/api/users?q=sari")).json().users[0];
    const reset = await admin.send("POST", `/api/users/${u.id}/password`, {
      version: u.version,
      password: "sandi-baru-99",
    });
    expect(reset.statusCode).toBe(200);
    expect((await again.get("/api/auth/me")).statusCode).toBe(401);
    await expect(signIn(app, "sari")).rejects.toThrow();
    await signIn(app, "sari", "sandi-baru-99");
    const audit = (await admin.get(`/api/audit?entity=user&entityId=${u.id}`)).json().entries;
    expect(audit.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      "reset_password",
      "update",
      "disable",
    ]);
  });

  it("an admin manages only users of a lower role: a peer admin of the same province cannot be disabled or reset", async () => {
    const nasional = await signIn(app, "nasional");
    const created = await nasional.send("POST", "/api/users", {
      username: "jatim2",
      displayName: "Admin Jatim 2",
      password: PASSWORD,
      role: "provincial_admin",
      regionCode: "35",
    });
    expect(created.statusCode).toBe(201);
    const peer = created.json().user;
    const jatim = await signIn(app, "jatim");
    const reset = await jatim.send("POST", `/api/users/${peer.id}/password`, {
      version: peer.version,
      password: "diambil-alih-1",
    });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error.code).toBe("forbidden");
    const disable = await jatim.send("PATCH", `/api/users/${peer.id}`, {
      version: peer.version,
      disabled: true,
    });
    expect(disable.statusCode).toBe(403);
    const rename = await jatim.send("PATCH", `/api/users/${peer.id}`, {
      version: peer.version,
      displayName: "X",
    });
    expect(rename.statusCode).toBe(403);
    const stillPeer = await signIn(app, "jatim2");
    expect((await stillPeer.get("/api/auth/me")).statusCode).toBe(200);
    // the admin's own name stays editable; a national admin manages the provincial peer
    const me = (await jatim.get("/api/auth/me")).json().user;
    const own = await jatim.send("PATCH", `/api/users/${me.id}`, {
      version: me.version,
      displayName: "Admin Jawa Timur",
    });
    expect(own.statusCode).toBe(200);
    const byNational = await nasional.send("POST", `/api/users/${peer.id}/password`, {
      version: peer.version,
      password: "sandi-baru-77",
    });
    expect(byNational.statusCode).toBe(200);
    await signIn(app, "jatim2", "sandi-baru-77");
  });

  it("refuses short and common passwords and the username itself, naming the field, on creation, reset and own change", async () => {
    const admin = await signIn(app, "nasional");
    for (const [password, code, field] of [
      ["password", "validation_failed", "body/password"],
      ["12345678", "validation_failed", "body/password"],
      ["1234567890", "bad_request", "password"],
      ["Password123", "bad_request", "password"],
      ["tumbuh-demo", "bad_request", "password"],
      ["lemah.sekali", "bad_request", "password"],
    ]) {
      const res = await admin.send("POST", "/api/users", { ...cadre("lemah.sekali"), password });
      expect(res.statusCode, password).toBe(400);
      const error = res.json().error;
      expect(error.code, password).toBe(code);
      expect(error.details.field ?? error.details.issues[0].path, password).toBe(field);
    }
    expect((await admin.get("/api/users?q=lemah")).json().users).toHaveLength(0);

    const created = (await admin.send("POST", "/api/users", cadre("kuat.sekali"))).json().user;
    const reset = await admin.send("POST", `/api/users/${created.id}/password`, {
      version: created.version,
      password: "QWERTYUIOP",
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.details.field).toBe("password");

    const own = await signIn(app, "kuat.sekali");
    for (const newPassword of ["qwertyuiop", "kuat.sekali"]) {
      const res = await own.send("POST", "/api/auth/password", { currentPassword: PASSWORD, newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().error.details.field).toBe("newPassword");
    }
    // the refused changes left the old password in place
    await signIn(app, "kuat.sekali");
  });

  it("pages the audit log with a cursor", async () => {
    const admin = await signIn(app, "nasional");
    const first = (await admin.get("/api/audit?limit=2")).json();
    expect(first.entries).toHaveLength(2);
    const second = (await admin.get(`/api/audit?limit=2&before=${first.nextBefore}`)).json();
    expect(Number(second.entries[0].id)).toBeLessThan(Number(first.entries[1].id));
  });
});
