/**
 * Test support: the services over a test database, and the figures of a region and period read
 * the way every view reads them (the one read model, as the operator).
 */
import type { Figures } from "@tumbuh/core/api";
import { OPERATOR } from "../auth/access.ts";
import type { Database } from "../db/connection.ts";
import { keysFromMaster } from "../db/pii.ts";
import { createServices, type Services } from "./index.ts";
import { ResponseCache } from "./response-cache.ts";

/** Services over a test database (fixed keys, no cache, uploads in the system's temp folder). */
export function testServices(database: Database): Services {
  return createServices({
    database,
    keys: keysFromMaster(Buffer.alloc(32, 7)),
    now: () => new Date(),
    demo: { synthetic: false, districtCode: null },
    uploadDir: "/tmp",
    cache: new ResponseCache(0),
  });
}

/** The figures of a region and period, as the dashboard and the public page read them. */
export async function figuresOf(database: Database, code: string, period: string): Promise<Figures> {
  return (await testServices(database).prevalence.report(OPERATOR, code, period)).summary;
}
