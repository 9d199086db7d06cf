/**
 * `tumbuh serve`: opens the database (migrating it), loads the regions on first start, creates
 * the demo district on an empty database (unless --no-demo), and serves the API and the web app.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Repositories } from "../../db/repositories/index.ts";
import { refreshPendingRollups } from "../../db/repositories/rollup-pending.ts";
import { buildApp, defaultWebDist } from "../../http/app.ts";
import { parseTrustProxy } from "../../http/trust-proxy.ts";
import {
  createDemo,
  DEMO_ATTRIBUTION,
  DEMO_PASSWORD,
  isEmptyDatabase,
  readDemoInfo,
} from "../../services/demo.ts";
import { ensureRegions } from "../../services/regions.ts";
import type { CliIo } from "../main.ts";
import { filesFolder, openCliDatabase } from "../services.ts";
import { webBuildIsStale } from "../web-build.ts";
import { FIRST_ADMIN_HINT } from "./users.ts";

const help = `Usage: tumbuh serve [--port N] [--host H] [--no-demo] [--api-only]

Starts Tumbuh on http://localhost:3000 (PORT, HOST). The database is the embedded one in
TUMBUH_DATA_DIR (default ./data), or the PostgreSQL server in DATABASE_URL. On first start the
regions of Indonesia are loaded; on an empty database the demo district Kabupaten Trenggalek
(35.03) is created with synthetic children, unless --no-demo is given. --api-only serves the API
without building or serving the web app. While it runs the server holds the embedded
database's folder: other tumbuh commands on that folder are refused until it stops. The
embedded database runs on a thread of its own (TUMBUH_PGLITE_THREAD=0: on the server's thread);
if that thread stops, the server exits with code 1.
`;

/**
 * Builds the web app when its build is missing or older than its sources (packages/web/src,
 * index.html); returns whether a build is there.
 */
function ensureWebBuild(io: CliIo): boolean {
  const dist = defaultWebDist();
  const webDir = resolve(dist, "..");
  const hasSources = existsSync(join(webDir, "package.json"));
  if (!hasSources || !webBuildIsStale(webDir)) return existsSync(join(dist, "index.html"));
  io.stdout.write("membangun aplikasi web / building the web app (packages/web)…\n");
  try {
    execFileSync("npm", ["run", "build", "--if-present"], { cwd: webDir, stdio: "inherit" });
  } catch {
    io.stderr.write("tumbuh serve: the web app did not build; serving the API only\n");
  }
  return existsSync(join(dist, "index.html"));
}

function envMs(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`${name}: found '${v}', expected milliseconds (0 or more)`);
  return n;
}

/** Why the server could not listen, and what to do (bilingual). */
function listenFailure(host: string, port: number, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const where = `${host}:${port}`;
  if (code === "EADDRINUSE") {
    return (
      `Tumbuh tidak dapat mendengarkan di ${where}: port itu sudah dipakai program lain. Hentikan program itu atau pilih port lain (--port atau PORT). / ` +
      `Tumbuh cannot listen on ${where}: the port is in use by another program. Stop that program or choose another port (--port or PORT).`
    );
  }
  const reason = err instanceof Error ? err.message : String(err);
  return `Tumbuh tidak dapat mendengarkan di / Tumbuh cannot listen on ${where}: ${reason}`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: "boolean", short: "h" },
      port: { type: "string" },
      host: { type: "string" },
      "no-demo": { type: "boolean" },
      "api-only": { type: "boolean" },
    },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port: found '${values.port ?? process.env.PORT}', expected a port number such as 3000`,
    );
  }
  const host = values.host ?? process.env.HOST ?? "127.0.0.1";
  const trustProxy = parseTrustProxy(process.env.TUMBUH_TRUST_PROXY);
  const hasWeb = !values["api-only"] && ensureWebBuild(io);

  // The embedded database runs on a thread of its own, so an import's long statements do not stop
  // other users' requests (TUMBUH_PGLITE_THREAD=0 keeps it on the server's thread).
  const { database, keys } = await openCliDatabase({ thread: process.env.TUMBUH_PGLITE_THREAD !== "0" });
  // A database that stopped under the server (its thread crashed) takes the server with it: every
  // request would fail, and a supervisor restarts a process that exits.
  database.onLost((err) => {
    io.stderr.write(`tumbuh serve: ${err.message}\n`);
    process.exit(1);
  });
  const say = (line: string) => io.stdout.write(`${line}\n`);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    const repos = new Repositories(database.db);
    if (await ensureRegions(database, repos))
      say("wilayah dimuat / regions of Indonesia loaded (idn-area-data)");
    // Roll-ups marked waiting (by a migration that changed what they hold, or an older import).
    const refreshed = await refreshPendingRollups(database);
    if (refreshed.length > 0)
      say(`rekap diperbarui / roll-ups refreshed that were left pending: ${refreshed.join(", ")}`);
    let demoCreated: Awaited<ReturnType<typeof createDemo>> | null = null;
    if (!values["no-demo"] && (await isEmptyDatabase(repos))) {
      const workDir = join(database.dataDir ?? resolve(process.env.TUMBUH_DATA_DIR ?? "./data"), "demo");
      mkdirSync(workDir, { recursive: true });
      demoCreated = await createDemo(database, repos, {
        keys,
        workDir,
        log: say,
        evidenceDir: join(filesFolder(database), "aksi-evidence"),
      });
    }
    const demo = await readDemoInfo(repos);
    app = await buildApp({
      database,
      piiKeys: keys,
      demo,
      mapAttribution: demo.synthetic ? DEMO_ATTRIBUTION : null,
      webDist: hasWeb ? defaultWebDist() : null,
      uploadDir: filesFolder(database),
      logger: { level: process.env.LOG_LEVEL ?? "warn" },
      trustProxy,
      responseCacheMs: envMs("TUMBUH_RESPONSE_CACHE_MS"),
      sessionCacheMs: envMs("TUMBUH_SESSION_CACHE_MS"),
    });
    try {
      await app.listen({ port, host });
    } catch (err) {
      throw new Error(listenFailure(host, port, err));
    }
    const running = app;
    const close = async () => {
      await running.close();
      await database.close();
      process.exit(0);
    };
    process.once("SIGINT", close);
    process.once("SIGTERM", close);
    const shown = host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host;
    say(`Tumbuh berjalan di / is running at http://${shown}:${port} (${database.engine})`);
    if (demoCreated) {
      say(
        `Data demo SINTETIS / SYNTHETIC demo data: Kabupaten Trenggalek (35.03), ${demoCreated.children} balita, ${demoCreated.measurements} pengukuran.`,
      );
    }
    if (demo.synthetic) {
      say(`Masuk demo / demo sign-in (password for all: ${DEMO_PASSWORD}):`);
      say("  admin (nasional) · jatim (provinsi) · bappeda, dinkes (kabupaten) · camat · desa · kader · tpk");
    }
    if (!(await repos.users.any())) {
      say(FIRST_ADMIN_HINT);
      // The command cannot open the embedded database while this server holds it.
      if (database.engine === "pglite")
        say(
          "  Hentikan server ini dulu (Ctrl+C), jalankan perintah itu, lalu mulai lagi / stop this server first (Ctrl+C), run that command, then start it again",
        );
    }
  } catch (err) {
    // Whatever stopped the start, the database is closed and its folder's lock released.
    await app?.close();
    await database.close();
    throw err;
  }
  // Keep running until a signal arrives.
  await new Promise<never>(() => {});
  return 0;
}
