/**
 * The command line's way into Tumbuh: open the configured database, build the services over it,
 * run a command, close. Commands act as the OPERATOR (auth/access.ts).
 */
import { join, resolve } from "node:path";
import { type Database, type OpenOptions, openDatabase } from "../db/connection.ts";
import { bindPiiKeys } from "../db/key-binding.ts";
import type { PiiKeys } from "../db/pii.ts";
import { Repositories } from "../db/repositories/index.ts";
import { readDemoInfo } from "../services/demo.ts";
import { createServices, type Services } from "../services/index.ts";
import { ResponseCache } from "../services/response-cache.ts";

export interface CliContext {
  database: Database;
  repos: Repositories;
  services: Services;
}

/**
 * Opens the configured database for a command and checks that the key found is the one bound
 * to it (db/key-binding.ts); closes it again and throws when the key does not match. The
 * embedded database is refused while another process (a running server) holds its folder.
 */
export async function openCliDatabase(
  opts: OpenOptions = {},
): Promise<{ database: Database; keys: PiiKeys }> {
  const database = await openDatabase(opts);
  try {
    return { database, keys: await bindPiiKeys(database) };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * The folder of uploaded files (waiting imports) and stored documents (aksi evidence): in the data
 * folder, also when the database is a PostgreSQL server, so that documents survive a restart and two
 * servers on one machine do not share (and sweep) each other's uploads.
 */
export function filesFolder(database: Database): string {
  return join(database.dataDir ?? resolve(process.env.TUMBUH_DATA_DIR ?? "./data"), "uploads");
}

/** Builds the services over an open database (the demo facts read from it). */
async function servicesFor(database: Database, keys: PiiKeys): Promise<CliContext> {
  const repos = new Repositories(database.db);
  const services = createServices({
    database,
    keys,
    now: () => new Date(),
    demo: await readDemoInfo(repos),
    uploadDir: filesFolder(database),
    cache: new ResponseCache(0),
  });
  return { database, repos, services };
}

/** Opens the database, runs `fn` with the services, and closes the database however `fn` ends. */
export async function withServices<T>(fn: (c: CliContext) => Promise<T>): Promise<T> {
  const { database, keys } = await openCliDatabase();
  try {
    return await fn(await servicesFor(database, keys));
  } finally {
    await database.close();
  }
}
