import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Names the run, so that the browser tests build the web app once (packages/web/e2e/web-build.ts).
    globalSetup: ["packages/web/e2e/global-setup.ts"],
    include: ["packages/*/src/**/*.test.ts", "packages/*/src/**/*.test.tsx", "packages/web/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry; keep parallelism modest on 2 cores.
    maxWorkers: 2,
    // Test files share their worker's modules instead of loading them anew (a third of the suite's CPU
    // time went to loading modules and compiling PGlite's WebAssembly again for every file). A test
    // file that changes process-wide state (environment variables) restores it in afterAll.
    isolate: false,
  },
});
