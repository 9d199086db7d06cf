/**
 * Fault injection: `tumbuh import` of a large synthetic e-PPGBM file, killed with SIGKILL at a
 * random moment, on each engine (embedded PGlite in a temporary folder; a fresh database on the
 * PostgreSQL server at 127.0.0.1). After each kill the database is reopened and the import must
 * have landed completely (the same counts as a clean import) or not at all, and `tumbuh check`
 * must pass — after `tumbuh check --refresh` when the kill left the roll-ups waiting for their
 * refresh. Called by bench/run.ts (`npm run bench -- kill`); stops by itself.
 *
 * TUMBUH_KILL_RUNS (default 20) killed runs per engine (runs that finish before their kill moment
 * are reported and not counted, up to twice as many runs in all); TUMBUH_KILL_CHILDREN (default 4,000) children
 * in the file, about 10 rows each; TUMBUH_KILL_ENGINES (default "pglite,postgres");
 * TUMBUH_BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
 * is the server, which must be on this machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../packages/server/src/db/connection.ts";

const BIN = join(import.meta.dirname, "..", "packages", "server", "bin", "tumbuh.mjs");
const DISTRICT = "35.03";
const RUN_TIMEOUT_MS = 15 * 60_000;

type Engine = "pglite" | "postgres";

/** Where one run's database is: a data folder, or a database URL. */
type Target = { engine: "pglite"; dataDir: string } | { engine: "postgres"; url: string };

interface Counts {
  children: number;
  measurements: number;
  posyandu: number;
  imports: number;
  /** Audit entries of imports (committed in the import's transaction). */
  audited: number;
  pending: number;
}

type Outcome = "before commit" | "during refresh" | "after refresh" | "finished before the kill";

interface KillRun {
  run: number;
  killAtSeconds: number;
  outcome: Outcome;
  counts: Counts;
  /** `tumbuh check --refresh` was needed (roll-ups left pending by the kill). */
  refreshed: boolean;
  passed: boolean;
  problem?: string;
}

export interface KillBench {
  engine: Engine;
  children: number;
  rows: number;
  cleanSeconds: number;
  clean: Counts;
  runs: KillRun[];
}

/** The environment of a command on `target`: the embedded folder, or the server (the key in TUMBUH_KEY). */
function envFor(target: Target, key: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TUMBUH_KEY: key };
  if (target.engine === "pglite") {
    env.TUMBUH_DATA_DIR = target.dataDir;
    env.DATABASE_URL = "";
  } else {
    env.DATABASE_URL = target.url;
  }
  return env;
}

interface Spawned {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null; output: string }>;
}

function tumbuh(args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, ["--max-semi-space-size=64", BIN, ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
  const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    }),
  );
  return { child, exited };
}

async function mustRun(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const r = await tumbuh(args, env).exited;
  if (r.code !== 0) throw new Error(`tumbuh ${args.join(" ")} exited ${r.code ?? r.signal}:\n${r.output}`);
  return r.output;
}

function openTarget(target: Target) {
  return target.engine === "pglite"
    ? openDatabase({ dataDir: target.dataDir, migrate: false })
    : openDatabase({ databaseUrl: target.url, migrate: false, poolSize: 1 });
}

/** Reopens the run's database (after a kill: PGlite's recovery runs here) and counts what the import writes. */
async function countRows(target: Target): Promise<Counts> {
  const database = await openTarget(target);
  try {
    const r = await sql<Counts>`SELECT
        (SELECT count(*) FROM children)::int AS children,
        (SELECT count(*) FROM measurements)::int AS measurements,
        (SELECT count(*) FROM posyandu)::int AS posyandu,
        (SELECT count(*) FROM imports)::int AS imports,
        (SELECT count(*) FROM audit_log WHERE entity = 'import' AND action = 'import')::int AS audited,
        (SELECT count(*) FROM rollup_pending)::int AS pending`.execute(database.db);
    return r.rows[0];
  } finally {
    await database.close();
  }
}

/** When the clean import's record was written (inside its transaction, just before the commit). */
async function committedAt(target: Target): Promise<Date> {
  const database = await openTarget(target);
  try {
    const row = await database.db.selectFrom("imports").select("finished_at").executeTakeFirstOrThrow();
    return new Date(row.finished_at as Date);
  } finally {
    await database.close();
  }
}

/** The PostgreSQL server's URL, refused unless it is on this machine. */
function serverUrl(): string {
  const url =
    process.env.TUMBUH_BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host))
    throw new Error(`the kill test talks only to a server on this machine (127.0.0.1), not ${host}`);
  return url;
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Makes, per engine, a migrated database with the regions loaded, from which each run starts. */
interface Base {
  target: Target;
  /** A fresh copy of the base for one run. */
  copy(run: number): Promise<Target>;
  /** Removes one run's copy. */
  drop(target: Target): Promise<void>;
  dropAll(): Promise<void>;
}

async function prepareBase(engine: Engine, root: string, key: string): Promise<Base> {
  if (engine === "pglite") {
    const target: Target = { engine, dataDir: join(root, "base") };
    await mustRun(["regions", "load"], envFor(target, key));
    return {
      target,
      async copy(run) {
        const dataDir = join(root, `run-${run}`);
        cpSync(target.dataDir, dataDir, { recursive: true });
        return { engine, dataDir };
      },
      async drop(t) {
        if (t.engine === "pglite") rmSync(t.dataDir, { recursive: true, force: true });
      },
      async dropAll() {},
    };
  }
  const url = serverUrl();
  const prefix = `tumbuh_kill_${randomBytes(3).toString("hex")}`;
  const made: string[] = [];
  const create = async (name: string, template?: string) => {
    await admin(url, (c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`));
    made.push(name);
  };
  const dropDb = (name: string) => admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const baseName = `${prefix}_base`;
  await create(baseName);
  const target: Target = { engine, url: withDatabase(url, baseName) };
  await mustRun(["regions", "load"], envFor(target, key));
  return {
    target,
    async copy(run) {
      const name = `${prefix}_run${run}`;
      await create(name, baseName);
      return { engine, url: withDatabase(url, name) };
    },
    async drop(t) {
      if (t.engine === "postgres") await dropDb(new URL(t.url).pathname.slice(1));
    },
    async dropAll() {
      for (const name of made) await dropDb(name);
    },
  };
}

const same = (a: Counts, b: Counts) =>
  a.children === b.children &&
  a.measurements === b.measurements &&
  a.posyandu === b.posyandu &&
  a.imports === b.imports &&
  a.audited === b.audited;
const none = (a: Counts) =>
  a.children === 0 && a.measurements === 0 && a.posyandu === 0 && a.imports === 0 && a.audited === 0;

/** Runs `tumbuh check`, and `tumbuh check --refresh` when the only problem is roll-ups left pending. */
async function checkAfter(
  env: NodeJS.ProcessEnv,
): Promise<{ ok: boolean; refreshed: boolean; output: string }> {
  const first = await tumbuh(["check"], env).exited;
  if (first.code === 0) return { ok: true, refreshed: false, output: first.output };
  // Roll-ups left pending differ from the raw rows until refreshed: that is what the marker says.
  if (!first.output.includes("wait for a refresh"))
    return { ok: false, refreshed: false, output: first.output };
  const second = await tumbuh(["check", "--refresh"], env).exited;
  return { ok: second.code === 0, refreshed: true, output: second.output };
}

/** The fault-injection runs of one engine. */
export async function benchKillImport(
  engine: Engine,
  opts: { runs?: number; children?: number; log?: (line: string) => void } = {},
): Promise<KillBench> {
  const runs = opts.runs ?? Number(process.env.TUMBUH_KILL_RUNS ?? 20);
  const children = opts.children ?? Number(process.env.TUMBUH_KILL_CHILDREN ?? 4000);
  const log = opts.log ?? (() => {});
  const root = mkdtempSync(join(tmpdir(), `tumbuh-kill-${engine}-`));
  const key = randomBytes(32).toString("hex");
  const base = await prepareBase(engine, root, key);
  try {
    const file = join(root, "synth.csv");
    const synthOut = await mustRun(
      ["synth", "--district", DISTRICT, "--children", String(children), "--seed", "12", "--out", file],
      envFor(base.target, key),
    );
    const rows = Number(/wrote (\d+) rows/.exec(synthOut)?.[1] ?? 0);
    const importArgs = ["import", file, "--district", DISTRICT, "--report", join(root, "report")];

    // A clean import: the counts every killed run must equal or have none of.
    const cleanTarget = await base.copy(0);
    const startedAt = Date.now();
    await mustRun(importArgs, envFor(cleanTarget, key));
    const cleanSeconds = (Date.now() - startedAt) / 1000;
    const clean = await countRows(cleanTarget);
    // The import's record is written just before its commit: when, after the process started.
    const commitSeconds = ((await committedAt(cleanTarget)).getTime() - startedAt) / 1000;
    const cleanCheck = await checkAfter(envFor(cleanTarget, key));
    if (!cleanCheck.ok || cleanCheck.refreshed)
      throw new Error(`the clean import does not check:\n${cleanCheck.output}`);
    await base.drop(cleanTarget);
    log(
      `${engine}: clean import of ${rows.toLocaleString("en-US")} rows (${children.toLocaleString("en-US")} children) in ${cleanSeconds.toFixed(1)} s, process start included (committed at ${commitSeconds.toFixed(1)} s): ${clean.children} children, ${clean.measurements} measurements, ${clean.posyandu} posyandu, ${clean.imports} import record, ${clean.audited} audit entry`,
    );

    const results: KillRun[] = [];
    // The machine's speed changes under other work: an import that ends before its kill moment
    // rescales the moments that follow to its own duration, and does not count as a killed run.
    let scale = 1;
    let killedRuns = 0;
    for (let run = 1; killedRuns < runs && run <= 2 * runs; run++) {
      const target = await base.copy(run);
      const env = envFor(target, key);
      // A random moment, in turn: before the commit; from just before it to the end (commit, roll-up
      // refresh, closing); anywhere from a fifth of the clean import's time to just past its end.
      const between = (a: number, b: number) => a + Math.random() * (b - a);
      const commitAt = commitSeconds * scale;
      const endAt = cleanSeconds * scale;
      const killAt = [
        () => between(0.2 * commitAt, commitAt),
        () => between(commitAt - 2, endAt + 0.5),
        () => between(0.2 * endAt, 1.1 * endAt),
      ][run % 3]();
      const startedAt = Date.now();
      const proc = tumbuh(importArgs, env);
      let killed = false;
      const timer = setTimeout(() => {
        killed = proc.child.kill("SIGKILL");
      }, killAt * 1000);
      const exit = await proc.exited;
      clearTimeout(timer);
      const finished = !killed || exit.signal !== "SIGKILL";
      if (finished) scale = (Date.now() - startedAt) / 1000 / cleanSeconds;
      else killedRuns++;
      const counts = await countRows(target);
      let outcome: Outcome;
      let problem: string | undefined;
      if (finished) outcome = "finished before the kill";
      else if (none(counts)) outcome = "before commit";
      else outcome = counts.pending > 0 ? "during refresh" : "after refresh";
      if (!none(counts) && !same(counts, clean))
        problem = `partial import: ${JSON.stringify(counts)} vs clean ${JSON.stringify(clean)}`;
      if (finished && exit.code !== 0)
        problem = `the import exited ${exit.code} without being killed:\n${exit.output}`;
      const check = await checkAfter(env);
      if (!check.ok) {
        const head = check.output.split("\n").slice(0, 6).join("\n");
        problem = `${problem ? `${problem}; ` : ""}tumbuh check failed:\n${head}`;
      }
      const result: KillRun = {
        run,
        killAtSeconds: killAt,
        outcome,
        counts,
        refreshed: check.refreshed,
        passed: !problem,
        problem,
      };
      results.push(result);
      log(
        `${engine} run ${String(run).padStart(2)}: SIGKILL at ${killAt.toFixed(1)} s → ${outcome}: ${counts.children} children, ${counts.measurements} measurements, ${counts.pending} district(s) pending; check ${check.ok ? "ok" : "FAILED"}${check.refreshed ? " after 'tumbuh check --refresh'" : ""}${problem ? ` — ${problem}` : ""}`,
      );
      await base.drop(target);
    }
    return { engine, children, rows, cleanSeconds, clean, runs: results };
  } finally {
    await base.dropAll();
    rmSync(root, { recursive: true, force: true });
  }
}

/** One line per engine: how many runs ended where, and whether all held. */
export function summarize(b: KillBench): string {
  const by = (o: Outcome) => b.runs.filter((r) => r.outcome === o).length;
  const passed = b.runs.filter((r) => r.passed).length;
  const refreshed = b.runs.filter((r) => r.refreshed).length;
  const killed = b.runs.length - by("finished before the kill");
  return `${b.engine}: ${killed} runs killed with SIGKILL during an import of ${b.rows.toLocaleString("en-US")} rows (clean import ${b.cleanSeconds.toFixed(1)} s) — before commit ${by("before commit")}, after commit during the roll-up refresh ${by("during refresh")}, after the refresh (closing) ${by("after refresh")}; ${by("finished before the kill")} more finished before their kill moment; all or nothing and 'tumbuh check' ok: ${passed}/${b.runs.length}${passed === b.runs.length ? " (all passed)" : " (FAILURES)"}; ${refreshed} needed 'tumbuh check --refresh' (roll-ups left pending)`;
}
