/**
 * What every route module receives: the database, the keys for personal identifiers, the
 * session policy and the demo facts; and the typed Fastify instance routes are declared on.
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
import type { Database } from "../db/connection.ts";
import type { PiiKeys } from "../db/pii.ts";
import type { SessionPolicy } from "../services/users-sessions.ts";
import type { ResponseCache } from "./response-cache.ts";
import type { SessionCache } from "./session-hooks.ts";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface DemoInfo {
  synthetic: boolean;
  districtCode: string | null;
}

export interface AppContext {
  database: Database;
  piiKeys: PiiKeys;
  sessionPolicy: SessionPolicy;
  limiter: LoginLimiter;
  demo: DemoInfo;
  /** Folder for uploaded files awaiting confirmation. */
  uploadDir: string;
  /** Clock (tests move it to expire sessions). */
  now: () => Date;
  mapAttribution: string | null;
  /** Serialized aggregate answers; cleared whenever this process refreshes roll-ups. */
  cache: ResponseCache;
  /** Recently resumed sessions (a few seconds). */
  sessions: SessionCache;
}
