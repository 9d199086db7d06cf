/**
 * The Fastify application: zod-validated routes, the OpenAPI document at /api/docs, sessions
 * and CSRF, the error envelope, and (when built) the web app with SPA fallback.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { DEFAULT_LIMITS, type LimiterOptions, LoginLimiter } from "../auth/login-limiter.ts";
import { RateWindow } from "../auth/rate-window.ts";
import type { Database } from "../db/connection.ts";
import { loadPiiKeys, type PiiKeys } from "../db/pii.ts";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "../services/auth.ts";
import type { DemoInfo } from "../services/context.ts";
import { type ImportService, UPLOAD_BYTES } from "../services/imports.ts";
import { createServices } from "../services/index.ts";
import { ResponseCache } from "../services/response-cache.ts";
import type { App, AppContext } from "./context.ts";
import { errorHandler } from "./errors.ts";
import { refuseNulCharacters } from "./input-guard.ts";
import { logSerializers } from "./log-redaction.ts";
import { registerRoutes } from "./routes/index.ts";
import { securityHeaders } from "./security-headers.ts";
import { SessionCache, sessionHook } from "./session-hooks.ts";

export interface BuildAppOptions {
  database: Database;
  /** Keys for NIK/KK; default loaded from TUMBUH_KEY or the data folder's key file. */
  piiKeys?: PiiKeys;
  sessionPolicy?: SessionPolicy;
  loginLimits?: LimiterOptions;
  /** NIK searches allowed per user within a window (default 10 a minute). */
  nikSearchLimit?: { perWindow: number; windowMs: number };
  demo?: DemoInfo;
  mapAttribution?: string | null;
  /** Built web app to serve (index.html + assets); null for API only. */
  webDist?: string | null;
  uploadDir?: string;
  logger?: FastifyServerOptions["logger"];
  /**
   * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
   * believed (then Secure cookies follow X-Forwarded-Proto); a header from any other peer is ignored.
   */
  trustProxy?: readonly string[];
  now?: () => Date;
  /** How long a resumed session is trusted without asking the database again (default 5 s). */
  sessionCacheMs?: number;
  /** How long a serialized dashboard answer is reused (default 30 s; 0 turns the cache off). */
  responseCacheMs?: number;
}

/** Builds the application (not listening); call `.listen()` or `.inject()` on the result. */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const app = Fastify({
    // Never a NIK in a log line: URLs and errors go through log-redaction.ts.
    logger: opts.logger
      ? { ...(opts.logger === true ? {} : opts.logger), serializers: logSerializers }
      : false,
    trustProxy: opts.trustProxy?.length ? [...opts.trustProxy] : false,
    bodyLimit: 50 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const now = opts.now ?? (() => new Date());
  const demo = opts.demo ?? { synthetic: false, districtCode: null };
  const sessionPolicy = opts.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  const cache = new ResponseCache(opts.responseCacheMs ?? 30_000);
  const services = createServices(
    {
      database: opts.database,
      keys: opts.piiKeys ?? loadPiiKeys(opts.database.dataDir),
      now,
      demo,
      uploadDir: opts.uploadDir ?? join(opts.database.dataDir ?? tmpdir(), "uploads"),
      cache,
    },
    sessionPolicy,
  );
  const ctx: AppContext = {
    services,
    sessionPolicy,
    limiter: new LoginLimiter(opts.loginLimits ?? DEFAULT_LIMITS, () => now().getTime()),
    nikSearches: new RateWindow(
      opts.nikSearchLimit?.perWindow ?? 10,
      opts.nikSearchLimit?.windowMs ?? 60_000,
      () => now().getTime(),
    ),
    demo,
    engine: opts.database.engine,
    now,
    mapAttribution: opts.mapAttribution ?? null,
    sessions: new SessionCache(opts.sessionCacheMs ?? 5_000, () => cache.held),
  };

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_BYTES, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Tumbuh API",
        description:
          "Stunting-reduction programme data: regions, prevalence, children, imports. See docs/api.md.",
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tumbuh_session" },
          csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.decorateRequest("auth", null);
  app.addHook("onRequest", sessionHook(ctx));
  app.addHook("preValidation", refuseNulCharacters);
  app.addHook("onSend", securityHeaders);

  await registerRoutes(app, ctx);
  await sweepUploadsRegularly(app, services.imports);

  const dist = opts.webDist === undefined ? defaultWebDist() : opts.webDist;
  const hasWeb = dist !== null && existsSync(join(dist, "index.html"));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: true,
      index: "index.html",
      preCompressed: true,
    });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    if (hasWeb && request.method === "GET" && !path.startsWith("/api/") && path !== "/api") {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply
      .code(404)
      .send({ error: { code: "not_found", message: `no route ${request.method} ${path}` } });
  });
  return app;
}

/**
 * Uploads a previous process left are deleted now; files of dry runs nobody confirmed within an
 * hour, every ten minutes from now on.
 */
async function sweepUploadsRegularly(app: App, imports: ImportService): Promise<void> {
  await imports.sweepUploads(true);
  const timer = setInterval(() => {
    imports.sweepUploads().catch((err) => app.log.error({ err }, "sweeping the upload folder failed"));
  }, 600_000);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}

/** packages/web/dist beside this package. */
export function defaultWebDist(): string {
  return resolve(import.meta.dirname, "../../../web/dist");
}
