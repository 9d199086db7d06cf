/**
 * Response headers: a Content-Security-Policy that fits the built web app (and its own one for
 * Swagger UI at /api/docs), no framing (clickjacking), no referrer, and `Cache-Control: no-store` on
 * every answer that may carry personal data, so no browser or proxy cache keeps it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { seedFixtures, signIn, testApp } from "./test-app.ts";

/** The directives of a Content-Security-Policy header, by name. */
function directives(res: LightMyRequestResponse): Record<string, string> {
  const header = String(res.headers["content-security-policy"] ?? "");
  return Object.fromEntries(
    header
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(" ")];
      }),
  );
}

describeEachEngine("security and cache headers", (ctx) => {
  let app: App;

  it("sets up an app serving a built web app", async () => {
    await seedFixtures(ctx.database);
    const dist = mkdtempSync(join(tmpdir(), "tumbuh-web-"));
    writeFileSync(
      join(dist, "index.html"),
      '<!doctype html><script type="module" src="/assets/a.js"></script>',
    );
    app = await testApp(ctx.database, { webDist: dist });
  });

  it("sends a Content-Security-Policy fitting the web app, with no framing and no referrer", async () => {
    for (const url of ["/", "/index.html", "/api/health", "/api/public/districts"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      const csp = directives(res);
      expect(csp, url).toMatchObject({
        "default-src": "'self'",
        "script-src": "'self'",
        "img-src": "'self' data:",
        "connect-src": "'self'",
        "frame-ancestors": "'none'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
      });
      expect(csp["style-src"], url).toMatch(/^'self'/);
      expect(csp["script-src"], url).not.toContain("unsafe");
      expect(res.headers["x-frame-options"], url).toBe("DENY");
      expect(res.headers["referrer-policy"], url).toBe("no-referrer");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
    }
  });

  it("gives Swagger UI at /api/docs its own policy, still without framing or outside scripts", async () => {
    const page = await app.inject({ method: "GET", url: "/api/docs" });
    expect(page.statusCode).toBe(200);
    const csp = directives(page);
    expect(csp["script-src"]).toBe("'self'");
    expect(csp["style-src"]).toBe("'self' 'unsafe-inline'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(page.headers["x-frame-options"]).toBe("DENY");
  });

  it("marks every answer that may carry personal data Cache-Control: no-store", async () => {
    const dinkes = await signIn(app, "dinkes");
    const nasional = await signIn(app, "nasional");
    const responses: Array<[string, LightMyRequestResponse]> = [
      ["children", await dinkes.get("/api/children")],
      ["child (not found)", await dinkes.get("/api/children/00000000-0000-4000-8000-000000000000")],
      ["identity", await dinkes.get("/api/children/00000000-0000-4000-8000-000000000000/identity")],
      ["NIK search", await dinkes.send("POST", "/api/children/search", { nik: "3503010000000001" })],
      ["posyandu children", await dinkes.get("/api/posyandu/00000000-0000-4000-8000-000000000000/children")],
      ["export", await dinkes.get("/api/export?table=children&region=35.03")],
      ["import", await dinkes.get("/api/imports/00000000-0000-4000-8000-000000000000")],
      ["users", await nasional.get("/api/users")],
      ["audit", await nasional.get("/api/audit")],
      ["me", await dinkes.get("/api/auth/me")],
      [
        "sign-in",
        await app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "x", password: "y" },
        }),
      ],
      ["dashboard", await dinkes.get("/api/dashboard?region=35.03")],
    ];
    for (const [what, res] of responses) {
      expect(res.statusCode, `${what}: ${res.body.slice(0, 100)}`).toBeLessThan(500);
      expect(res.headers["cache-control"], what).toBe("no-store");
    }
    // aggregates open to all and the WHO reference lines may be cached
    const reference = await dinkes.get("/api/growth/reference?indicator=wfa&sex=1");
    expect(reference.headers["cache-control"]).toBe("private, max-age=86400");
    const open = await app.inject({ method: "GET", url: "/api/public/districts" });
    expect(open.headers["cache-control"]).not.toBe("no-store");
  });
});
