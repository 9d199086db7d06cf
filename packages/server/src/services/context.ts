/**
 * What every service is built with: the database and its repositories, the keys that protect NIK
 * and No. KK, the clock, the installation's demo facts, and the cache of serialized figures that
 * every write which changes figures clears.
 */
import { regionWithin } from "@tumbuh/core";
import type { Database } from "../db/connection.ts";
import type { PiiKeys } from "../db/pii.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { ResponseCache } from "./response-cache.ts";

/** The demo facts (app_settings "demo"): synthetic data, and which district. */
export interface DemoInfo {
  synthetic: boolean;
  districtCode: string | null;
}

/**
 * Whether a region's figures hold the demo's synthetic data: the demo district, a region inside it,
 * or a province or the nation around it. Figures of any other region come from data users imported
 * or entered themselves, and are not labelled synthetic.
 */
export function holdsDemoData(demo: DemoInfo, region: string): boolean {
  if (!demo.synthetic) return false;
  if (!demo.districtCode) return true;
  return regionWithin(region, demo.districtCode) || regionWithin(demo.districtCode, region);
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
