/**
 * Browser tests' Chromium: Debian's `chromium` (or CHROMIUM_PATH) driven by playwright-core,
 * headless, with a fresh profile per launch.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** The Chromium executable to use (CHROMIUM_PATH first, then the usual places), or null when none is installed. */
function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  return [...(fromEnv ? [fromEnv] : []), ...CANDIDATES].find((p) => existsSync(p)) ?? null;
}

const INSTALL_HINT = "install it with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH";

/** Whether the CI variable says we run under CI (any value but empty, `0` or `false`). */
function underCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
}

/**
 * The Chromium for the browser suite, or null to skip it. Without Chromium the suite is skipped with a
 * warning on a developer's machine, but under CI (the CI variable set) it throws: CI must run it.
 */
export function chromiumForSuite(
  found = findChromium(),
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (found) return found;
  const where = `CHROMIUM_PATH, ${CANDIDATES.join(", ")}`;
  if (underCi(env)) {
    throw new Error(`Browser tests cannot run: no Chromium found (${where}) and CI is set; ${INSTALL_HINT}.`);
  }
  console.warn(`Browser tests skipped: no Chromium found (${where}); ${INSTALL_HINT}. Under CI this fails.`);
  return null;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data-dir (removed again on close). */
export async function launchBrowser(
  executablePath: string,
  viewport = { width: 1280, height: 900 },
  options: { serviceWorkers?: "allow" | "block" } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "tumbuh-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    acceptDownloads: true,
    serviceWorkers: options.serviceWorkers ?? "allow",
  });
  context.setDefaultTimeout(30_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface IsolatedBrowser {
  /** A fresh context (its own cookies and storage): one per signed-in user. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launches Chromium for tests where several users act side by side, each in its own context. */
export async function launchIsolated(executablePath: string): Promise<IsolatedBrowser> {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  return {
    async newContext(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({
        viewport,
        locale: "id-ID",
        timezoneId: "Asia/Jakarta",
        acceptDownloads: true,
      });
      context.setDefaultTimeout(30_000);
      return context;
    },
    async close() {
      await browser.close();
    },
  };
}

/** Where screenshots are kept (gitignored test artefacts). */
const SCREENSHOT_DIR = resolve(import.meta.dirname, "../../../test-artifacts/screenshots");

/** Saves a screenshot (the full page unless told otherwise) as test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
