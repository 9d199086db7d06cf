export {};

/**
 * `npm run bench`: every benchmark of Tumbuh, each beside its baseline in the same run, numbers printed.
 * `npm run bench -- growth cli` runs only the named groups.
 */
const groups: Record<string, () => Promise<void>> = {
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
    const r = await benchHttp();
    console.log(
      `  dataset: ${r.children.toLocaleString("en-US")} children, ${r.measurements.toLocaleString("en-US")} measurements on the PostgreSQL server (built in ${r.loadSeconds.toFixed(0)} s this run)`,
    );
    for (const x of r.results) {
      console.log(
        `  ${x.name.padEnd(60)} ${Math.round(x.requestsPerSecond).toLocaleString("en-US").padStart(8)} req/s  p99 ${x.p99Ms} ms  (target ≥ 1,000 req/s, p99 < 100 ms)`,
      );
    }
  },
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(groups)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
