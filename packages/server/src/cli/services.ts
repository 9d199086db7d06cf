/**
 * The command line's way into Tumbuh: open the configured database, build the services over it,
 * run a command, close. Commands act as the OPERATOR (auth/access.ts).
 */
import { join, resolve } from "node:path";
import { type Database, openDatabase } from "../db/connection.ts";
import { loadPiiKeys } from "../db/pii.ts";
import { Repositories } from "../db/repositories/index.ts";
import { readDemoInfo } from "../services/demo.ts";
import { createServices, type Services } from "../services/index.ts";
import { ResponseCache } from "../services/response-cache.ts";

export interface CliContext {
  database: Database;
  repos: Repositories;
  services: Services;
}

/** Builds the services over an open database (the demo facts read from it). */
async function servicesFor(database: Database): Promise<CliContext> {
  const repos = new Repositories(database.db);
  const services = createServices({
    database,
    keys: loadPiiKeys(database.dataDir),
    now: () => new Date(),
    demo: await readDemoInfo(repos),
    uploadDir: join(database.dataDir ?? resolve(process.env.TUMBUH_DATA_DIR ?? "./data"), "uploads"),
    cache: new ResponseCache(0),
  });
  return { database, repos, services };
}

/** Opens the database, runs `fn` with the services, and closes the database however `fn` ends. */
export async function withServices<T>(fn: (c: CliContext) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await fn(await servicesFor(database));
  } finally {
    await database.close();
  }
}
