/**
 * Whether the built web app (packages/web/dist) is older than its sources, so `tumbuh serve`
 * rebuilds it instead of serving a stale build.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The newest modification time (ms) of the files under `dir`, or 0 when it has none. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * True when `webDir/dist/index.html` is missing, or when `webDir/index.html` or any file under
 * `webDir/src` was modified after it.
 */
export function webBuildIsStale(webDir: string): boolean {
  const built = join(webDir, "dist", "index.html");
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const page = join(webDir, "index.html");
  if (existsSync(page) && statSync(page).mtimeMs > builtAt) return true;
  const src = join(webDir, "src");
  return existsSync(src) && newestMtime(src) > builtAt;
}
