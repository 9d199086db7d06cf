/**
 * Test support for HTTP integration tests: an app over a test database with the regions of
 * two districts loaded, users of every role, and a client that signs in and sends the
 * session cookie and CSRF token like the browser does.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@tumbuh/core/api";
import type { LightMyRequestResponse } from "fastify";
import type { Database } from "../db/connection.ts";
import { keysFromMaster } from "../db/pii.ts";
import { Repositories } from "../db/repositories/index.ts";
import { loadRegions } from "../services/regions.ts";
import { UserService } from "../services/users.ts";
import { type BuildAppOptions, buildApp } from "./app.ts";
import type { App } from "./context.ts";

export const PASSWORD = "rahasia-123";

/** Users of the fixtures: one per role in Trenggalek (35.03), plus outsiders in Tulungagung (35.04). */
const FIXTURE_USERS: Array<{ username: string; role: Role; regionCode: string }> = [
  { username: "nasional", role: "national_admin", regionCode: "ID" },
  { username: "jatim", role: "provincial_admin", regionCode: "35" },
  { username: "penilai", role: "provincial_assessor", regionCode: "35" },
  { username: "jateng", role: "provincial_admin", regionCode: "33" },
  { username: "bappeda", role: "district_tpps", regionCode: "35.03" },
  { username: "dinkes", role: "district_health", regionCode: "35.03" },
  { username: "dinkes-lain", role: "district_health", regionCode: "35.04" },
  { username: "camat", role: "kecamatan_tpps", regionCode: "35.03.01" },
  { username: "desa", role: "village_tpps", regionCode: "35.03.01.2001" },
  { username: "kader", role: "posyandu_cadre", regionCode: "35.03.01.2001" },
  { username: "kader-lain", role: "posyandu_cadre", regionCode: "35.03.01.2002" },
  { username: "tpk", role: "tpk_member", regionCode: "35.03.01.2001" },
];

/** Loads the regions of the fixture districts (and their provinces) and creates the fixture users. */
export async function seedFixtures(database: Database): Promise<void> {
  await loadRegions(database, { prefix: "35.03" });
  await loadRegions(database, { prefix: "35.04" });
  await loadRegions(database, { prefix: "33.01" });
  const users = new UserService(new Repositories(database.db));
  for (const u of FIXTURE_USERS) {
    await users.createInitial({
      username: u.username,
      displayName: u.username,
      password: PASSWORD,
      role: u.role,
      regionCode: u.regionCode,
    });
  }
}

/** An app for tests: fixed PII keys, an upload folder in /tmp, no web app. */
export async function testApp(database: Database, extra: Partial<BuildAppOptions> = {}): Promise<App> {
  return buildApp({
    database,
    piiKeys: keysFromMaster(randomBytes(32)),
    webDist: null,
    uploadDir: mkdtempSync(join(tmpdir(), "tumbuh-test-uploads-")),
    ...extra,
  });
}

export interface Client {
  cookie: string;
  csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(
    method: "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** Signs in and returns a client carrying the session cookie and CSRF token. */
export async function signIn(app: App, username: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === "tumbuh_session");
  if (!setCookie) throw new Error("no session cookie");
  const cookie = `tumbuh_session=${setCookie.value}`;
  const csrfToken = res.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    get: (url) => app.inject({ method: "GET", url, headers: { cookie } }),
    send: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** A multipart/form-data body with one file and optional text fields. */
export function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = "----tumbuhtest7f3a";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a file to POST /api/imports (its dry run) as the signed-in client. */
export function uploadFile(
  app: App,
  c: Client,
  fileName: string,
  content: Buffer,
  fields: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipart(fileName, content, fields);
  return app.inject({
    method: "POST",
    url: "/api/imports",
    payload,
    headers: { ...headers, cookie: c.cookie, "x-csrf-token": c.csrfToken },
  });
}
