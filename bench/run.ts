export {};

/**
 * `npm run bench`: every benchmark of Tumbuh, each beside its baseline in the same run, numbers printed;
 * first the import's whole command (figures refreshed) against a bare COPY.
 * `npm run bench -- growth cli` runs only the named groups; `npm run bench -- kill` the fault-injection
 * runs (SIGKILL during an import, bench/kill-import.ts), `-- import-latency` (API latency during a
 * large import, bench/import-latency.ts) and `citus` (the local Citus cluster, bench/citus.ts) only
 * run when named.
 */
const groups: Record<string, () => Promise<void>> = {
  data: async () => {
    const { benchImport, benchPrevalence } = await import("./data.ts");
    // TUMBUH_BENCH_ROWS: a smaller file while working on the import (default 1,000,000 rows).
    const rows = Number(process.env.TUMBUH_BENCH_ROWS ?? 1_000_000);
    for (const engine of ["postgres", "pglite"] as const) {
      // TUMBUH_BENCH_ROUNDS: rounds of COPY, import, COPY (default 3 on PostgreSQL, 1 on PGlite).
      const rounds = process.env.TUMBUH_BENCH_ROUNDS ? Number(process.env.TUMBUH_BENCH_ROUNDS) : undefined;
      const r = await benchImport(engine, { rows, rounds });
      const phases = Object.entries(r.phases)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(", ");
      // The import is done when its figures are: the whole command (prevalence, SKDN and quality
      // figures refreshed) against the bare COPY comes first.
      console.log(
        `  import ${r.rows.toLocaleString("en-US")} rows (${r.fileMB} MB) into ${engine.padEnd(8)} whole command ${r.withRollupsSeconds.toFixed(1)} s vs bare COPY ${r.copySeconds.toFixed(1)} s (mean of ${r.copyRuns.map((s) => s.toFixed(1)).join(" before and ")} after): ${(r.withRollupsSeconds / r.copySeconds).toFixed(2)}× (target ≤ 2×)`,
      );
      console.log(
        `    committed with its figures ${r.importSeconds.toFixed(1)} s (${r.ratio.toFixed(2)}× the COPY), of which the roll-up refresh (prevalence, SKDN, quality) ${r.rollupSeconds.toFixed(1)} s`,
      );
      if (r.rounds.length > 1)
        console.log(
          `    the median of ${r.rounds.length} rounds: ${r.rounds.map((x) => `${x.wholeSeconds.toFixed(1)} s vs ${x.copySeconds.toFixed(1)} s = ${(x.wholeSeconds / x.copySeconds).toFixed(2)}×`).join("; ")}`,
        );
      if (r.rewrite) {
        const { children, measurements } = r.rewrite;
        console.log(
          `    the server alone writing the same rows again (binary COPY into empty tables with the same indexes): children ${children.toFixed(1)} s + measurements ${measurements.toFixed(1)} s = ${(children + measurements).toFixed(1)} s, ${((children + measurements) / r.copySeconds).toFixed(2)}× the bare COPY`,
        );
      }
      console.log(
        `    phases: ${phases}; rows written directly ${r.rowsWrittenDirectly.toLocaleString("en-US")}, staged ${r.rowsStaged.toLocaleString("en-US")}; peak RSS ${r.peakRssMiB} MiB`,
      );
    }
    const p = await benchPrevalence();
    console.log(
      `  prevalence p95 over ${p.children.toLocaleString("en-US")} children, ${p.measurements.toLocaleString("en-US")} measurements (target < 100 ms): ${Object.entries(
        p.p95Ms,
      )
        .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
        .join(", ")}`,
    );
  },
  growth: async () => {
    const { benchGrowth } = await import("./growth.ts");
    for (const r of await benchGrowth()) {
      console.log(
        `  ${r.name.padEnd(60)} ${Math.round(r.recordsPerSecond).toLocaleString("en-US").padStart(12)} records/s`,
      );
    }
  },
  cli: async () => {
    const { benchCli } = await import("./cli.ts");
    for (const r of await benchCli()) console.log(`  ${r}`);
  },
  http: async () => {
    const { benchHttp } = await import("./http.ts");
    printHttp(await benchHttp());
  },
  "import-latency": async () => {
    const { benchImportLatency } = await import("./import-latency.ts");
    // TUMBUH_LATENCY_ROWS (default 250,000 rows, about 83 MB: a 1,000,000-row file, 330 MB, is
    // beyond the 100 MB upload limit; it can only be imported with `tumbuh import`).
    const rows = Number(process.env.TUMBUH_LATENCY_ROWS ?? 250_000);
    const engines = (process.env.TUMBUH_LATENCY_ENGINES ?? "pglite,postgres").split(",");
    for (const engine of engines as Array<"pglite" | "postgres">) {
      const r = await benchImportLatency(engine, { rows });
      console.log(
        `  ${engine}: ${r.rows.toLocaleString("en-US")} rows, upload + dry run ${r.dryRunSeconds.toFixed(1)} s, confirm (import + roll-ups) ${r.importSeconds.toFixed(1)} s`,
      );
      for (const kind of ["health", "dashboard"] as const) {
        const f = (x: (typeof r.before)[typeof kind]) =>
          `p50 ${x.p50Ms} ms, p95 ${x.p95Ms} ms, max ${x.maxMs} ms (${x.requests} requests, ${x.failed} failed)`;
        console.log(
          `    ${kind.padEnd(9)} before: ${f(r.before[kind])}; during: ${f(r.during[kind])}; confirm only: ${f(r.confirm[kind])}`,
        );
      }
    }
  },
  posyandu: async () => {
    const { benchPosyandu } = await import("./posyandu.ts");
    const r = await benchPosyandu({ children: Number(process.env.TUMBUH_BENCH_CHILDREN ?? 100_000) });
    console.log(
      `  district of ${r.children.toLocaleString("en-US")} children, ${r.measurements.toLocaleString("en-US")} weighings over 12 months, ${r.posyandu} posyandu (PostgreSQL; built in ${r.loadSeconds.toFixed(0)} s)`,
    );
    console.log(
      `  roll-up refresh of the district (read back, prevalence, SKDN, faltering, quality) ${r.refreshSeconds.toFixed(1)} s; SKDN alone (after a KBM change) ${r.skdnRefreshSeconds.toFixed(1)} s`,
    );
    for (const [report, byLevel] of Object.entries(r.p95Ms)) {
      const cells = Object.entries(byLevel).map(([level, ms]) => `${level} ${ms} ms`);
      console.log(`  ${report.padEnd(13)} p95 (target < 100 ms): ${cells.join(", ")}`);
    }
  },
  citus: async () => {
    const { benchCitus } = await import("./citus.ts");
    // TUMBUH_BENCH_ROWS: a smaller file on a small machine (default 1,000,000 rows).
    if (process.env.TUMBUH_BENCH_CITUS_IMPORT !== "0")
      await benchCitus(Number(process.env.TUMBUH_BENCH_ROWS ?? 1_000_000), (line) =>
        console.log(`  ${line}`),
      );
    // The dashboard benchmark against the coordinator (its default database, distributed first).
    const { benchHttp } = await import("./http.ts");
    printHttp(
      await benchHttp({
        databaseUrl: process.env.CITUS_URL ?? "postgres://postgres@127.0.0.1:9700/postgres",
        distribute: true,
        children: Number(process.env.TUMBUH_BENCH_CHILDREN ?? 1_000_000),
      }),
    );
  },
  kill: async () => {
    const { benchKillImport, summarize } = await import("./kill-import.ts");
    const engines = (process.env.TUMBUH_KILL_ENGINES ?? "pglite,postgres").split(",");
    const results = [];
    for (const engine of engines as Array<"pglite" | "postgres">) {
      results.push(await benchKillImport(engine, { log: (line) => console.log(`  ${line}`) }));
    }
    for (const r of results) console.log(`  ${summarize(r)}`);
  },
};

/** Prints an HTTP benchmark's report. */
function printHttp(r: import("./http.ts").HttpBenchReport): void {
  console.log(
    `  dataset: ${r.children.toLocaleString("en-US")} children, ${r.measurements.toLocaleString("en-US")} measurements on the database server (built in ${r.loadSeconds.toFixed(0)} s this run)`,
  );
  // Requests that asked for a URL already asked in the run: the most the response cache can answer.
  const repeats = (x: { requests: number; urls: number }) =>
    Math.round((100 * Math.max(0, x.requests - x.urls)) / Math.max(1, x.requests));
  console.log(
    "  50 connections, each run cycling over its distinct URLs (regions × periods 2025-05..08, 2025, none); target ≥ 1,000 req/s, p99 < 100 ms",
  );
  for (const x of r.results) {
    const failed = x.non2xx || x.errors ? `  ${x.non2xx} non-2xx, ${x.errors} errors` : "";
    console.log(
      `  ${x.name.padEnd(78)} ${Math.round(x.requestsPerSecond).toLocaleString("en-US").padStart(6)} req/s  p50 ${String(x.p50Ms).padStart(3)} ms  p99 ${String(x.p99Ms).padStart(4)} ms  (${x.requests.toLocaleString("en-US")} requests over ${x.urls.toLocaleString("en-US")} URLs, ${repeats(x)}% repeats)${failed}`,
    );
  }
}

/** Groups run only when named: the fault-injection runs take half an hour. */
const ON_REQUEST = new Set(["kill", "import-latency", "citus"]);
const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(groups)) {
  if (wanted.length ? !wanted.includes(name) : ON_REQUEST.has(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
