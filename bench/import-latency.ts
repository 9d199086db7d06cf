/**
 * Other users during a large import: a `rows`-row e-PPGBM file uploaded (dry run) and confirmed
 * through the API of a server over a fresh database of each engine, while a client in another
 * process asks for /api/health and the district's dashboard (as served: 30-s response cache) one
 * request after another. Prints the p50/p95/max latency of each before and during the import. Called by bench/run.ts (`npm run bench -- import-latency`);
 * TUMBUH_LATENCY_ROWS (default 250,000: a file of 1,000,000 rows is beyond the upload limit) rows, TUMBUH_LATENCY_ENGINES (default "pglite,postgres"),
 * TUMBUH_LATENCY_THREAD=0 to run PGlite on the server's thread instead of its own (as `serve` does).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openAsBlob } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keysFromMaster } from "../packages/server/src/db/pii.ts";
import { Repositories } from "../packages/server/src/db/repositories/index.ts";
import { buildApp } from "../packages/server/src/http/app.ts";
import { loadRegions } from "../packages/server/src/services/regions.ts";
import { UserService } from "../packages/server/src/services/users.ts";
import { BENCH_DISTRICT, benchFile, DEFAULT_SERVER_URL, fresh } from "./data.ts";

/** The client: GETs its URLs in turn until told to stop, then prints every sample as JSON. */
const PROBE = `
const [base, cookie] = process.argv.slice(1);
const urls = ["/api/health", "/api/dashboard?region=${BENCH_DISTRICT}"];
const samples = [];
let stop = false;
process.stdin.on("data", () => (stop = true));
for (let i = 0; !stop; i++) {
  const kind = i % 2 ? "dashboard" : "health";
  const t = Date.now();
  let status = 0;
  try {
    const res = await fetch(base + urls[i % 2], { headers: { cookie }, signal: AbortSignal.timeout(120000) });
    await res.arrayBuffer();
    status = res.status;
  } catch {}
  samples.push({ kind, t, ms: Date.now() - t, status });
  await new Promise((r) => setTimeout(r, 50));
}
process.stdout.write(JSON.stringify(samples));
`;

interface Sample {
  kind: "health" | "dashboard";
  t: number;
  ms: number;
  status: number;
}

interface LatencyFigures {
  requests: number;
  failed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface ImportLatencyBench {
  engine: "pglite" | "postgres";
  rows: number;
  /** Upload and dry run; confirmation (the import, its roll-up refresh). */
  dryRunSeconds: number;
  importSeconds: number;
  before: Record<Sample["kind"], LatencyFigures>;
  /** From the upload to the confirmation's answer (dry run and confirmation). */
  during: Record<Sample["kind"], LatencyFigures>;
  /** From the dry run's answer to the confirmation's answer (the import itself). */
  confirm: Record<Sample["kind"], LatencyFigures>;
}

function figures(samples: Sample[]): LatencyFigures {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] : 0);
  return {
    requests: ms.length,
    failed: samples.filter((s) => s.status !== 200).length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: ms.at(-1) ?? 0,
  };
}

const byKind = (samples: Sample[]) => ({
  health: figures(samples.filter((s) => s.kind === "health")),
  dashboard: figures(samples.filter((s) => s.kind === "dashboard")),
});

export async function benchImportLatency(
  engine: "pglite" | "postgres",
  opts: { rows?: number; databaseUrl?: string; thread?: boolean } = {},
): Promise<ImportLatencyBench> {
  const rows = opts.rows ?? 250_000;
  // PGlite on a thread of its own, as `serve` runs it (TUMBUH_LATENCY_THREAD=0: on the server's thread).
  const { database, drop } = await fresh(
    engine,
    opts.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_SERVER_URL,
    { thread: opts.thread ?? process.env.TUMBUH_LATENCY_THREAD !== "0" },
  );
  try {
    await loadRegions(database, { prefix: BENCH_DISTRICT });
    const password = "rahasia-bench-1";
    await new UserService(new Repositories(database.db)).createInitial({
      username: "dinkes",
      displayName: "Dinkes (bench)",
      password,
      role: "district_health",
      regionCode: BENCH_DISTRICT,
    });
    const path = await benchFile(database, rows);
    const keys = keysFromMaster(Buffer.alloc(32, 1));
    const app = await buildApp({
      database,
      piiKeys: keys,
      webDist: null,
      uploadDir: mkdtempSync(join(tmpdir(), "tumbuh-bench-uploads-")),
    });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const login = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "dinkes", password }),
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = { cookie, "x-csrf-token": csrfToken };
      const probe = spawn(process.execPath, ["--input-type=module", "-e", PROBE, base, cookie], {
        stdio: ["pipe", "pipe", "inherit"],
      });
      let out = "";
      probe.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
      const exited = new Promise<void>((r) => probe.on("exit", () => r()));
      await new Promise((r) => setTimeout(r, 8000));
      const start = Date.now();
      const form = new FormData();
      form.append("district", BENCH_DISTRICT);
      form.append("file", await openAsBlob(path), "eppgbm.csv");
      const up = await fetch(`${base}/api/imports`, { method: "POST", headers, body: form });
      const uploaded = (await up.json()) as { import?: { id: string }; error?: unknown };
      if (!uploaded.import) throw new Error(`upload refused: ${JSON.stringify(uploaded.error)}`);
      const dryRunEnd = Date.now();
      const done = await fetch(`${base}/api/imports/${uploaded.import.id}/confirm`, {
        method: "POST",
        headers,
      });
      const confirmed = (await done.json()) as { import?: { report: { rowsRead: number } }; error?: unknown };
      if (!confirmed.import) throw new Error(`confirm refused: ${JSON.stringify(confirmed.error)}`);
      const end = Date.now();
      probe.stdin.end("stop\n");
      await exited;
      const samples = JSON.parse(out) as Sample[];
      return {
        engine,
        rows: confirmed.import.report.rowsRead,
        dryRunSeconds: (dryRunEnd - start) / 1000,
        importSeconds: (end - dryRunEnd) / 1000,
        // Requests sent before the upload, and those sent from the upload to the confirmation's answer.
        before: byKind(samples.filter((s) => s.t < start && s.t > start - 6000)),
        during: byKind(samples.filter((s) => s.t >= start && s.t < end)),
        confirm: byKind(samples.filter((s) => s.t >= dryRunEnd && s.t < end)),
      };
    } finally {
      await app.close();
    }
  } finally {
    await drop();
  }
}
