/**
 * Region names and hierarchy change only when the code list is reloaded, so dashboards keep
 * them in memory: a region with its ancestors, and a region's children.
 */
import type { Region } from "@tumbuh/core/api";
import type { Database } from "../db/connection.ts";
import { childRegions } from "../services/regions.ts";
import { regionWithAncestors, toApiRegion } from "./routes/regions.ts";

const MAX = 20_000;

export class RegionCache {
  private readonly paths = new Map<string, Promise<{ region: Region; ancestors: Region[] }>>();
  private readonly kids = new Map<string, Promise<Region[]>>();

  constructor(private readonly database: Database) {}

  /** The region and its ancestors (throws 404 for an unknown code; failures are not cached). */
  withAncestors(code: string): Promise<{ region: Region; ancestors: Region[] }> {
    return this.memo(this.paths, code, () => regionWithAncestors(this.database, code));
  }

  /** The regions one level below. */
  children(code: string): Promise<Region[]> {
    return this.memo(this.kids, code, async () => (await childRegions(this.database, code)).map(toApiRegion));
  }

  clear(): void {
    this.paths.clear();
    this.kids.clear();
  }

  private memo<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let p = map.get(key);
    if (!p) {
      if (map.size >= MAX) map.clear();
      p = load();
      map.set(key, p);
      p.catch(() => map.delete(key));
    }
    return p;
  }
}
