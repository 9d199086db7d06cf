/**
 * Data-platform benchmarks, called by bench/run.ts: import of a large e-PPGBM file beside a bare
 * COPY of the same rows into the same engine, roll-up refresh time, and the p95 of the
 * prevalence query at every region level on a national-size dataset. Functions return numbers;
 * the runner prints them.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sql } from "kysely";
import pg from "pg";
import { OPERATOR } from "../packages/server/src/auth/access.ts";
import { type Database, openDatabase } from "../packages/server/src/db/connection.ts";
import { keysFromMaster } from "../packages/server/src/db/pii.ts";
import { refreshRollups } from "../packages/server/src/db/repositories/rollup-refresh.ts";
import { importMeasurements } from "../packages/server/src/import/import.ts";
import { loadRegions } from "../packages/server/src/services/regions.ts";
import { testServices } from "../packages/server/src/services/test-support.ts";
import { synthesizeDistrictFile } from "../packages/server/src/synth/district.ts";
import { EPPGBM_FLAT_COLUMNS } from "../packages/server/src/synth/eppgbm.ts";
import { rewriteSeconds, streamedCsvCopy } from "./copy.ts";

export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/test";
export const BENCH_DISTRICT = "32.01"; // Kabupaten Bogor: many villages, a large district

export interface ImportBench {
  engine: "pglite" | "postgres";
  rows: number;
  fileMB: number;
  /** Until the file's rows are committed with their figures (the import's transaction). */
  importSeconds: number;
  /** The bare COPY's mean over copyRuns: one before the import, one after. */
  copySeconds: number;
  copyRuns: number[];
  /** importSeconds ÷ copySeconds (target ≤ 2). */
  ratio: number;
  /** The roll-up refresh inside the import's transaction, and the whole command. */
  rollupSeconds: number;
  withRollupsSeconds: number;
  phases: Record<string, number>;
  /** Rows written straight into the tables (children new to the database) and rows staged for the merge. */
  rowsWrittenDirectly: number;
  rowsStaged: number;
  /** Peak resident memory of this process during the import (MiB), sampled every 50 ms (PGlite's database lives in it too). */
  peakRssMiB: number;
  /** Every round's whole command and bare COPY (this result is the round with the median ratio). */
  rounds: { wholeSeconds: number; copySeconds: number }[];
  /**
   * On a server: the server alone writing the children and measurements the import wrote, again
   * (bench/copy.ts rewriteSeconds), by table; the floor under the import's time there.
   */
  rewrite?: { children: number; measurements: number };
}

export async function fresh(
  engine: "pglite" | "postgres",
  url: string,
  opts: { thread?: boolean } = {},
): Promise<{ database: Database; drop(): Promise<void>; server?: { url: string; schema: string } }> {
  if (engine === "pglite") {
    // A data folder on disk, as `npm start` keeps its data. In memory (memory://) a file grows by
    // an eighth at a time, copied whole into new memory each time: a COPY of 300,000 rows took
    // 41 s there against 6 s on disk (100,000 rows: 3.7 s against 2.7 s).
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-pglite-"));
    const database = await openDatabase({ dataDir: dir, thread: opts.thread });
    return {
      database,
      async drop() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${Date.now().toString(36)}`;
  const database = await openDatabase({ databaseUrl: url, schema, poolSize: 4 });
  return {
    database,
    server: { url, schema },
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Writes (once per process) a synthetic flat e-PPGBM CSV of about `rows` rows. */
const files = new Map<number, string>();
export async function benchFile(database: Database, rows: number): Promise<string> {
  const cached = files.get(rows);
  if (cached) return cached;
  const path = join(mkdtempSync(join(tmpdir(), "tumbuh-bench-")), `eppgbm-${rows}.csv`);
  // About 9.7 rows per child over 12 months.
  await synthesizeDistrictFile(database, {
    district: BENCH_DISTRICT,
    children: Math.ceil(rows / 9.7),
    seed: 2025,
    out: path,
    messyRate: 0.002,
  });
  files.set(rows, path);
  return path;
}

/**
 * Starts a timed step from a fresh checkpoint: the WAL one step writes (an import writes about
 * 500 MB) would otherwise make the server checkpoint during the next, which then takes up to
 * twice as long.
 */
async function checkpoint(database: Database): Promise<void> {
  await sql`CHECKPOINT`.execute(database.db);
}

/** A full garbage collection, now. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * Bare COPY of the file's rows (all columns as text) into a plain table of the same engine. On a
 * server the file is streamed to the COPY as psql sends it (bench/copy.ts); the embedded database
 * takes a COPY's data as one blob, so the file is read whole.
 */
async function bareCopy(
  database: Database,
  path: string,
  server: { url: string; schema: string } | undefined,
): Promise<number> {
  const cols = EPPGBM_FLAT_COLUMNS.map((_, i) => `c${i} text`).join(", ");
  await sql.raw(`DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (${cols})`).execute(database.db);
  let secs: number;
  if (server) secs = await streamedCsvCopy(server.url, server.schema, "bench_copy", path);
  else {
    const t0 = performance.now();
    // Reading the file is part of the COPY's work, as it is of the import's.
    const text = await readFile(path, "utf8");
    await database.withSession((s) => s.copyCsv("bench_copy", text.slice(text.indexOf("\n") + 1)));
    secs = (performance.now() - t0) / 1000;
  }
  await sql.raw("DROP TABLE bench_copy").execute(database.db);
  return secs;
}

/**
 * Imports a `rows`-row file into a fresh database of the engine and times it beside a bare COPY
 * of the same file into the same database (default 1,000,000 rows), `rounds` times (default 3 on
 * PostgreSQL, 1 on PGlite, where a round takes minutes): the round with the median ratio is
 * returned, every round's times beside it. This machine's speed drifts from minute to minute, and
 * one round's ratio moves by a third.
 */
export async function benchImport(
  engine: "pglite" | "postgres",
  opts: { rows?: number; databaseUrl?: string; rounds?: number } = {},
): Promise<ImportBench> {
  const rounds = opts.rounds ?? (engine === "postgres" ? 3 : 1);
  const done: ImportBench[] = [];
  for (let k = 0; k < rounds; k++) done.push(await importRound(engine, opts));
  const ratio = (r: ImportBench) => r.withRollupsSeconds / r.copySeconds;
  const sorted = [...done].sort((a, b) => ratio(a) - ratio(b));
  return {
    ...sorted[Math.floor((sorted.length - 1) / 2)],
    rounds: done.map((r) => ({ wholeSeconds: r.withRollupsSeconds, copySeconds: r.copySeconds })),
  };
}

/** One round of benchImport: a fresh database, the COPY before and after the import. */
async function importRound(
  engine: "pglite" | "postgres",
  opts: { rows?: number; databaseUrl?: string },
): Promise<ImportBench> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const rows = opts.rows ?? 1_000_000;
  // The embedded database on a thread of its own, as `tumbuh import` runs it.
  const { database, drop, server } = await fresh(engine, url, { thread: true });
  try {
    await loadRegions(database, { prefix: BENCH_DISTRICT });
    const path = await benchFile(database, rows);
    // The baseline is taken before and after the import and averaged, each step from a fresh
    // checkpoint: this machine's speed drifts from minute to minute, and one COPY on either side
    // alone moves the ratio by a fifth.
    await checkpoint(database);
    const copyBefore = await bareCopy(database, path, server);
    // The COPY's whole-file string is let go before the import's memory is sampled.
    collectGarbage();
    await checkpoint(database);
    let peak = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 50);
    const t0 = performance.now();
    const report = await importMeasurements(database, path, {
      district: BENCH_DISTRICT,
      keys: keysFromMaster(Buffer.alloc(32, 1)),
    }).finally(() => clearInterval(sampler));
    const withRollupsSeconds = (performance.now() - t0) / 1000;
    const importSeconds = report.landedMs / 1000;
    await checkpoint(database);
    const copyAfter = await bareCopy(database, path, server);
    const copySeconds = (copyBefore + copyAfter) / 2;
    const rewrite = server && {
      children: await rewriteSeconds(server.url, server.schema, "children"),
      measurements: await rewriteSeconds(server.url, server.schema, "measurements"),
    };
    return {
      engine,
      rows: report.rowsRead,
      fileMB: Math.round(statSync(path).size / 1e5) / 10,
      importSeconds,
      copySeconds,
      copyRuns: [copyBefore, copyAfter],
      ratio: importSeconds / copySeconds,
      rollupSeconds: (report.phases.rollups ?? 0) / 1000,
      withRollupsSeconds,
      phases: report.phases,
      rowsWrittenDirectly: report.rowsWrittenDirectly,
      rowsStaged: report.rowsStaged,
      peakRssMiB: Math.round(peak / 1024 / 1024),
      rounds: [],
      rewrite,
    };
  } finally {
    await drop();
  }
}

export interface PrevalenceBench {
  children: number;
  measurements: number;
  loadSeconds: number;
  rollupSeconds: number;
  /** p95 latency (ms) of a region's figures (the read model's dashboard) per level, over `samples` random regions and periods. */
  p95Ms: Record<"nation" | "province" | "district" | "subdistrict" | "village", number>;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

/**
 * Loads `children` children with `perChild` measurements each, spread over every village of
 * Indonesia, into a fresh schema on the PostgreSQL server (set-based SQL, z-scores drawn
 * directly), refreshes all roll-ups and measures the prevalence query at each level.
 */
export async function benchPrevalence(
  opts: { children?: number; perChild?: number; samples?: number; databaseUrl?: string } = {},
): Promise<PrevalenceBench> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const children = opts.children ?? 1_000_000;
  const perChild = opts.perChild ?? 4;
  const samples = opts.samples ?? 200;
  const { database, drop } = await fresh("postgres", url);
  try {
    await loadRegions(database);
    const t0 = performance.now();
    await sql
      .raw(`
      CREATE TEMP TABLE v AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM regions WHERE level = 'village';
      INSERT INTO children (district_code, id, village_code, name, name_key, sex, birth_date)
      SELECT left(v.code, 5), gen_random_uuid(), v.code, 'anak ' || g, 'anak ' || g, 1 + (g % 2),
        date '2021-01-01' + (g % 1200)
      FROM generate_series(1, ${children}) g JOIN v ON v.n = 1 + (g::bigint * 7919) % (SELECT count(*) FROM v);
      INSERT INTO measurements (district_code, id, child_id, village_code, measured_on, age_days, weight, lenhei,
        zlen, zwei, zwfl, source)
      SELECT c.district_code, gen_random_uuid(), c.id, c.village_code, date '2025-02-01' + k * 60 + (abs(hashtext(c.id::text)) % 25),
        (date '2025-02-01' + k * 60) - c.birth_date, 10, 80,
        round((random() * 2.4 - 2.6 + random())::numeric, 2), round((random() * 3 - 2)::numeric, 2), round((random() * 3 - 1.8)::numeric, 2),
        'posyandu'
      FROM children c CROSS JOIN generate_series(0, ${perChild - 1}) k;
      ANALYZE children; ANALYZE measurements;`)
      .execute(database.db);
    const loadSeconds = (performance.now() - t0) / 1000;
    const districts = (
      await sql<{ d: string }>`SELECT DISTINCT district_code AS d FROM children`.execute(database.db)
    ).rows.map((r) => r.d);
    const t1 = performance.now();
    await refreshRollups(database, districts);
    const rollupSeconds = (performance.now() - t1) / 1000;
    const codes = async (level: string) =>
      (
        await sql<{ code: string }>`SELECT code FROM regions WHERE level = ${level}`.execute(database.db)
      ).rows.map((r) => r.code);
    const byLevel: Record<string, string[]> = {
      nation: ["ID"],
      province: await codes("province"),
      district: await codes("district"),
      subdistrict: await codes("subdistrict"),
      village: await codes("village"),
    };
    const periods = ["2025-02", "2025-04", "2025-06", "2025-08", "2025"];
    const result = {} as PrevalenceBench["p95Ms"];
    const prevalence = testServices(database).prevalence;
    for (const [level, list] of Object.entries(byLevel)) {
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const code = list[(i * 7919) % list.length];
        const t = performance.now();
        await prevalence.dashboard(OPERATOR, code, periods[i % periods.length], "2025-12-31");
        times.push(performance.now() - t);
      }
      result[level as keyof PrevalenceBench["p95Ms"]] = Math.round(p95(times) * 100) / 100;
    }
    return { children, measurements: children * perChild, loadSeconds, rollupSeconds, p95Ms: result };
  } finally {
    await drop();
  }
}
