/**
 * What every route module receives: the services, the sign-in throttle, the caches and the facts
 * the web app needs before sign-in; and the typed Fastify instance routes are declared on.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { LoginLimiter } from "../auth/login-limiter.ts";
import type { RateWindow } from "../auth/rate-window.ts";
import type { SessionPolicy } from "../services/auth.ts";
import type { DemoInfo } from "../services/context.ts";
import type { Services } from "../services/index.ts";
import type { SessionCache } from "./session-hooks.ts";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppContext {
  services: Services;
  sessionPolicy: SessionPolicy;
  limiter: LoginLimiter;
  /** NIK searches per user (10 a minute by default). */
  nikSearches: RateWindow;
  demo: DemoInfo;
  /** The engine serving the data (health check). */
  engine: string;
  /** Clock (tests move it to expire sessions). */
  now: () => Date;
  mapAttribution: string | null;
  /** Recently resumed sessions (a few seconds). */
  sessions: SessionCache;
}
