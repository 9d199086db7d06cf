#!/usr/bin/env -S node --max-semi-space-size=64
// The flag gives the young generation room for an import's rows in flight: with V8's default
// (16 MiB semi-spaces) a 1,000,000-row import spends a tenth of its time copying them between
// collections. `npm start` and `npm run bench` pass the same flag.
// Entry point of the `tumbuh` command: runs the TypeScript CLI through tsx. `tumbuh zscore`, where start-up
// time counts on large files, runs from a cached bundle of the same sources (see bundle.mjs) when it can.
const args = process.argv.slice(2);

// Everything Tumbuh writes (the embedded database, its key, uploads, reports) holds personal data:
// files 0600 and folders 0700 unless a mode is given. The database opener also tightens an
// existing data folder (PGlite writes its files 0666 whatever the umask).
process.umask(0o077);

async function loadMain() {
  if (args[0] === "zscore" && !process.env.TUMBUH_NO_BUNDLE) {
    try {
      const { cliBundle } = await import("./bundle.mjs");
      return await import(await cliBundle());
    } catch {
      // fall back to tsx below
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/cli/main.ts");
}

const { main } = await loadMain();
process.exitCode = await main(args);
