/**
 * Dashboard API under load: 50 concurrent connections on loopback (autocannon) against
 * `tumbuh serve` on the PostgreSQL server holding 1,000,000 synthetic children and 4,000,000
 * measurements spread over every village of Indonesia, in the database
 * `tumbuh_bench_<children>`, built once and reused by later runs. Each level's run cycles over
 * many distinct URLs (its regions × six periods), so answers are computed, not replayed; each is
 * measured as served (30-s response cache), without the response cache, and without the session
 * cache too. Target: ≥ 1,000 requests/s with p99 < 100 ms.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { type Database, openDatabase } from "../packages/server/src/db/connection.ts";
import { distribute } from "../packages/server/src/db/distribute.ts";
import { Repositories } from "../packages/server/src/db/repositories/index.ts";
import { refreshRollups } from "../packages/server/src/db/repositories/rollup-refresh.ts";
import { ensureRegions } from "../packages/server/src/services/regions.ts";
import { UserService } from "../packages/server/src/services/users.ts";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  /** Each connection loops over these; `setupRequest` may rewrite a request before it is sent. */
  requests?: Array<AutocannonRequest & { setupRequest?: (r: AutocannonRequest) => AutocannonRequest }>;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

interface HttpBenchResult {
  /** What was asked for, e.g. "dashboard district (no response cache)". */
  name: string;
  /** Distinct URLs the run cycled over. */
  urls: number;
  /** Requests answered in the run. */
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface HttpBenchReport {
  children: number;
  measurements: number;
  /** Seconds spent building the dataset in this run (0 when it was reused). */
  loadSeconds: number;
  results: HttpBenchResult[];
}

export interface HttpBenchOptions {
  /** Server URL of any database on the PostgreSQL server (default TEST_DATABASE_URL or the local one). */
  serverUrl?: string;
  /** A database to use as it is instead of `tumbuh_bench_<children>` on serverUrl (e.g. a Citus coordinator's). */
  databaseUrl?: string;
  /** Distribute that database first (`tumbuh db distribute`, on a Citus coordinator). */
  distribute?: boolean;
  children?: number;
  /** Months of measurements per child (4 gives ~4 million measurements for 1 million children). */
  months?: number;
  connections?: number;
  durationSeconds?: number;
  port?: number;
}

type BenchOpts = Required<Omit<HttpBenchOptions, "databaseUrl" | "distribute">>;

const BENCH_USER = "bench-admin";
const BENCH_PASSWORD = "bench-password-1";
const ROOT = resolve(import.meta.dirname, "..");

function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

async function countRows(database: Database): Promise<{ children: number; measurements: number }> {
  const c = await database.db
    .selectFrom("children")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const m = await database.db
    .selectFrom("measurements")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { children: Number(c.n), measurements: Number(m.n) };
}

/**
 * Builds the dataset when the database holds fewer children than asked: children spread over
 * every village of Indonesia, `months` monthly measurements each (May–August 2025 for 4),
 * z-scores drawn in SQL around a 20% stunting rate with Permenkes categories, then the real
 * roll-up refresh of every district. Set-based SQL, so a million children load in minutes
 * (the import pipeline's own speed is measured by the data benchmarks).
 */
async function ensureDataset(database: Database, opts: BenchOpts): Promise<number> {
  await ensureRegions(database, new Repositories(database.db));
  const have = await countRows(database);
  if (have.children >= opts.children) return 0;
  const t0 = performance.now();
  // One statement at a time on one session (the temporary table): on Citus, a multi-statement
  // string is one transaction, which cannot mix the coordinator's local shards with remote ones.
  const script = `
    TRUNCATE measurements, children, rollup_district, rollup_upper;
    CREATE TEMP TABLE v AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM regions WHERE level = 'village';
    INSERT INTO children (district_code, id, village_code, name, name_key, sex, birth_date)
    SELECT left(v.code, 5), gen_random_uuid(), v.code, 'anak ' || g, 'anak ' || g, 1 + (g % 2),
      date '2020-12-01' + (g % 1400)
    FROM generate_series(1, ${opts.children}) g JOIN v ON v.n = 1 + (g::bigint * 7919) % (SELECT count(*) FROM v);
    INSERT INTO measurements (district_code, id, child_id, village_code, measured_on, age_days, weight, lenhei,
      measure, zlen, zwei, zwfl, status_tbu, status_bbu, status_bbtb, source)
    SELECT district_code, gen_random_uuid(), child_id, village_code, measured_on, measured_on - birth_date, 11, 85, 'h',
      zlen, zwei, zwfl,
      CASE WHEN zlen < -3 THEN 'sangat_pendek' WHEN zlen < -2 THEN 'pendek' WHEN zlen <= 3 THEN 'normal' ELSE 'tinggi' END,
      CASE WHEN zwei < -3 THEN 'sangat_kurang' WHEN zwei < -2 THEN 'kurang' WHEN zwei <= 1 THEN 'normal' ELSE 'risiko_lebih' END,
      CASE WHEN zwfl < -3 THEN 'gizi_buruk' WHEN zwfl < -2 THEN 'gizi_kurang' WHEN zwfl <= 1 THEN 'gizi_baik'
           WHEN zwfl <= 2 THEN 'berisiko_gizi_lebih' WHEN zwfl <= 3 THEN 'gizi_lebih' ELSE 'obesitas' END,
      'posyandu'
    FROM (
      SELECT c.district_code, c.id AS child_id, c.village_code, c.birth_date,
        (date '2025-${String(9 - opts.months).padStart(2, "0")}-05' + k * interval '1 month')::date
          + abs(hashtext(c.id::text)) % 20 AS measured_on,
        round((random() * 2.4 - 2.6 + random() * 1.4)::numeric, 2)::float8 AS zlen,
        round((random() * 3 - 2)::numeric, 2)::float8 AS zwei,
        round((random() * 3 - 1.8)::numeric, 2)::float8 AS zwfl
      FROM children c CROSS JOIN generate_series(0, ${opts.months - 1}) k
    ) x;
    ANALYZE children;
    ANALYZE measurements;`;
  await database.withSession(async (session) => {
    for (const statement of script.split(/;\s*\n/)) {
      if (statement.trim()) await sql.raw(statement).execute(session.db);
    }
  });
  const districts = (
    await sql<{ d: string }>`SELECT DISTINCT district_code AS d FROM children`.execute(database.db)
  ).rows.map((r) => r.d);
  await refreshRollups(database, districts);
  await sql`ANALYZE rollup_district; ANALYZE rollup_upper`.execute(database.db);
  return (performance.now() - t0) / 1000;
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tumbuh serve exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("tumbuh serve did not answer within 2 minutes");
}

/** Periods each region is asked for: the four months with data, their year, and none (the latest month). */
const PERIODS: ReadonlyArray<string | undefined> = [
  "2025-05",
  "2025-06",
  "2025-07",
  "2025-08",
  "2025",
  undefined,
];
/** A month without data: the warm-up pass asks for it, so it fills no answer the runs ask for. */
const WARM_PERIOD = "2024-12";

/** One level's run: the regions asked for, each with every period of PERIODS. */
interface BenchLevel {
  label: string;
  codes: string[];
}

/**
 * The regions each level's run cycles over: the nation, every province, every district, every
 * kecamatan of Jawa Barat, Jawa Tengah and Jawa Timur, and every 20th village of Indonesia.
 */
async function benchLevels(database: Database): Promise<BenchLevel[]> {
  const codes = async (
    level: "province" | "district" | "subdistrict" | "village",
    keep: (code: string, i: number) => boolean,
  ) =>
    (
      await database.db
        .selectFrom("regions")
        .select("code")
        .where("level", "=", level)
        .orderBy("code")
        .execute()
    )
      .map((r) => r.code)
      .filter(keep);
  const all = () => true;
  return [
    { label: "nation", codes: ["ID"] },
    { label: "province", codes: await codes("province", all) },
    { label: "district", codes: await codes("district", all) },
    { label: "subdistrict", codes: await codes("subdistrict", (c) => /^3[235]\./.test(c)) },
    { label: "village", codes: await codes("village", (_c, i) => i % 20 === 0) },
  ];
}

/** Every dashboard path of the codes, each with every period, in a fixed shuffled order. */
function dashboardPaths(codes: readonly string[], periods: ReadonlyArray<string | undefined>): string[] {
  const paths = codes.flatMap((code) =>
    periods.map((p) => `/api/dashboard?region=${code}${p ? `&period=${p}` : ""}`),
  );
  // Seeded shuffle (mulberry32), so consecutive requests ask for different regions and periods
  // and every run asks in the same order.
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [paths[i], paths[j]] = [paths[j], paths[i]];
  }
  return paths;
}

/** A request rewriter shared by every connection: each request takes the next path of the list. */
function cycle(paths: readonly string[]): (r: AutocannonRequest) => AutocannonRequest {
  let next = 0;
  return (r) => {
    const path = paths[next];
    next = (next + 1) % paths.length;
    return { ...r, method: "GET", path };
  };
}

/** A server configuration measured at every level. */
interface BenchRun {
  suffix: string;
  env: Record<string, string>;
  levels: string[];
}

const RUNS: BenchRun[] = [
  // As served: answers reused for 30 s, but the runs cycle over thousands of distinct URLs.
  { suffix: "as served (session cache on)", env: {}, levels: [] },
  // Every answer computed afresh; the session cache (5 s, in memory) stays as in normal use.
  {
    suffix: "no response cache (session cache on)",
    env: { TUMBUH_RESPONSE_CACHE_MS: "0" },
    levels: [],
  },
  // And every session read from the database too.
  {
    suffix: "no response cache, no session cache",
    env: { TUMBUH_RESPONSE_CACHE_MS: "0", TUMBUH_SESSION_CACHE_MS: "0" },
    levels: ["district", "subdistrict", "village"],
  },
];

/**
 * Loads (or reuses) the 1,000,000-children dataset on the PostgreSQL server, starts
 * `tumbuh serve` on it in its own process, and measures the dashboard API at the nation,
 * province, district, subdistrict and village levels with 50 connections each, every run
 * cycling over many regions and periods so answers are computed, not replayed.
 */
export async function benchHttp(options: HttpBenchOptions = {}): Promise<HttpBenchReport> {
  const opts: BenchOpts = {
    serverUrl:
      options.serverUrl ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    children: options.children ?? 1_000_000,
    months: options.months ?? 4,
    connections: options.connections ?? 50,
    durationSeconds: options.durationSeconds ?? 10,
    port: options.port ?? 3917,
  };
  const name = `tumbuh_bench_${opts.children}`;
  if (!options.databaseUrl) await ensureDatabase(opts.serverUrl, name);
  const url = options.databaseUrl ?? databaseUrl(opts.serverUrl, name);
  const database = await openDatabase({ databaseUrl: url });
  if (options.distribute) await distribute(database.db);
  let loadSeconds: number;
  let counts: { children: number; measurements: number };
  let levels: BenchLevel[];
  try {
    loadSeconds = await ensureDataset(database, opts);
    counts = await countRows(database);
    const repos = new Repositories(database.db);
    if (!(await repos.users.findByUsername(BENCH_USER))) {
      await new UserService(repos).createInitial({
        username: BENCH_USER,
        displayName: "Benchmark",
        password: BENCH_PASSWORD,
        role: "national_admin",
        regionCode: "ID",
      });
    }
    levels = await benchLevels(database);
  } finally {
    await database.close();
  }

  const results: HttpBenchResult[] = [];
  for (const run of RUNS) {
    const chosen = run.levels.length ? levels.filter((l) => run.levels.includes(l.label)) : levels;
    results.push(...(await measure(url, opts, chosen, run)));
  }
  return { ...counts, loadSeconds, results };
}

/**
 * Starts `tumbuh serve` with the run's environment, signs in, warms it with one pass over every
 * region in a month without data, then runs autocannon on each level's many URLs.
 */
async function measure(
  url: string,
  opts: BenchOpts,
  levels: BenchLevel[],
  run: BenchRun,
): Promise<HttpBenchResult[]> {
  const base = `http://127.0.0.1:${opts.port}`;
  const server = spawn(
    process.execPath,
    [join(ROOT, "packages/server/bin/tumbuh.mjs"), "serve", "--no-demo", "--port", String(opts.port)],
    {
      env: {
        ...process.env,
        ...run.env,
        DATABASE_URL: url,
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        TUMBUH_DATA_DIR: join(ROOT, "bench/out/http-keys"),
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    await waitForHealth(base, server);
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
    });
    if (!login.ok) throw new Error(`bench sign-in failed: ${login.status}`);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const load = (paths: string[], duration: number) =>
      autocannon({
        url: base,
        connections: opts.connections,
        duration,
        headers: { cookie },
        requests: [{ setupRequest: cycle(paths) }],
      });
    const warm = dashboardPaths(
      levels.flatMap((l) => l.codes),
      [WARM_PERIOD],
    );
    await load(warm, Math.min(opts.durationSeconds, 5));
    const results: HttpBenchResult[] = [];
    for (const level of levels) {
      const paths = dashboardPaths(level.codes, PERIODS);
      const first = await fetch(`${base}${paths[0]}`, { headers: { cookie } });
      if (!first.ok) throw new Error(`GET ${paths[0]}: ${first.status}`);
      const r = await load(paths, opts.durationSeconds);
      results.push({
        name: `GET /api/dashboard ${level.label}, ${run.suffix}`,
        urls: paths.length,
        requests: r.requests.total,
        requestsPerSecond: r.requests.average,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
      });
    }
    return results;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}
