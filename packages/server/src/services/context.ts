/**
 * What every service is built with: the database and its repositories, the keys that protect NIK
 * and No. KK, the clock, the installation's demo facts, and the cache of serialized figures that
 * every write which changes figures clears.
 */
import type { Database } from "../db/connection.ts";
import type { PiiKeys } from "../db/pii.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { ResponseCache } from "./response-cache.ts";

/** The demo facts (app_settings "demo"): synthetic data, and which district. */
export interface DemoInfo {
  synthetic: boolean;
  districtCode: string | null;
}

export interface ServiceContext {
  database: Database;
  repos: Repositories;
  keys: PiiKeys;
  now: () => Date;
  demo: DemoInfo;
  /** Folder for uploaded files awaiting confirmation. */
  uploadDir: string;
  /** Serialized aggregate answers (dashboards, public figures), cleared when figures change. */
  cache: ResponseCache;
}
