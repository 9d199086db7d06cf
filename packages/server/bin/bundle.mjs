// A cached esbuild bundle of the CLI, for commands where start-up time counts (`tumbuh zscore` on a large file
// spends ~0.2 s of ~2 s loading TypeScript through tsx). Rebuilt when any source file of growth, core or
// server is newer than the bundle; the caller falls back to tsx when anything here fails.
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const packagesDir = resolve(serverDir, "..");
const SOURCES = ["growth", "core", "server"].map((p) => join(packagesDir, p, "src"));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Returns the URL of an up-to-date bundle of `src/cli/main.ts`, building it first when needed. */
export async function cliBundle() {
  const stamp = Math.floor(Math.max(...SOURCES.map(newestMtime))).toString(36);
  const outdir = join(serverDir, "node_modules", ".cache", "tumbuh-cli", stamp);
  const entry = join(outdir, "main.mjs");
  try {
    statSync(entry);
    return pathToFileURL(entry).href;
  } catch {
    // not built yet for these sources
  }
  const { build } = await import("esbuild");
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { main: join(serverDir, "src", "cli", "main.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir,
    outExtension: { ".js": ".mjs" },
    logLevel: "silent",
    plugins: [
      {
        name: "tumbuh-sources",
        setup(b) {
          // npm packages stay external (resolved from node_modules at run time); the workspace's own
          // packages (@tumbuh/*) are bundled.
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@tumbuh/") ? undefined : { path: args.path, external: true },
          );
          // Each module keeps its own location: paths built from import.meta (worker entries, migrations,
          // data files) point at the source tree, as when run through tsx.
          b.onLoad({ filter: /\.ts$/ }, async (args) => {
            const { readFile } = await import("node:fs/promises");
            const text = await readFile(args.path, "utf8");
            const contents = text
              .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
              .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
              .replaceAll("import.meta.filename", JSON.stringify(args.path));
            return { contents, loader: "ts" };
          });
        },
      },
    ],
  });
  return pathToFileURL(entry).href;
}
