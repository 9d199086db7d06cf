/**
 * A district TPPS user walks a step of the aksi konvergensi cycle in Chromium: opens the year's
 * cycle, marks analisis situasi in progress with a note, uploads the lokus decision as evidence and
 * sees the cycle's progress move (80 × 1/4 = 20 % of one aksi of six = 3.3 %). Screenshots at 360
 * and 1280 px.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

const chromiumPath = chromiumForSuite();

describe.skipIf(!chromiumPath)("aksi konvergensi in the browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildWebOnce();
    server = await startServer();
    browser = await launchBrowser(chromiumPath!);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/#/login`);
    await page.getByLabel("Nama pengguna").fill("bappeda");
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByTestId("user-name").waitFor();
    return page;
  }

  it("a district TPPS user opens the cycle, works on analisis situasi and uploads evidence", async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/#/aksi`);
    await page.getByRole("heading", { name: "Aksi konvergensi" }).first().waitFor();
    await page.getByRole("spinbutton").fill("2025");
    await page.getByRole("button", { name: "Buka siklus tahun ini" }).click();
    const progress = page.getByTestId("aksi-progress");
    await progress.waitFor();
    await expect(progress.textContent()).resolves.toContain("0.0%");

    await page.getByLabel("Status U1").selectOption("proses");
    await page.getByLabel("Catatan U1").fill("Data e-PPGBM Agustus 2025 (sintetis)");
    await page.getByRole("button", { name: "Simpan" }).first().click();
    await expect.poll(() => page.locator('[data-aksi="U1"] strong').textContent()).toBe("Proses");

    const pdf = join(mkdtempSync(join(tmpdir(), "tumbuh-aksi-e2e-")), "SK desa lokus.pdf");
    writeFileSync(pdf, "%PDF-1.4\n% synthetic evidence\n%%EOF\n");
    await page.getByLabel("Unggah bukti U1.rekomendasi-lokus").setInputFiles(pdf);
    await page.getByRole("link", { name: "SK desa lokus.pdf" }).waitFor();
    // U1: 80 × 1/4 = 20 %; the cycle: 20 / 6 = 3.3 % → merah.
    await expect.poll(() => progress.textContent()).toContain("3.3%");
    await expect(progress.textContent()).resolves.toContain("Merah");
    await expect
      .poll(() => page.getByRole("listitem").filter({ hasText: "KABUPATEN TRENGGALEK 2025" }).textContent())
      .toContain("3.3%");
    await screenshot(page, "aksi-1280");

    // The same page on a phone-sized screen.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await page.getByTestId("aksi-progress").waitFor();
    await screenshot(page, "aksi-360");
  });
});
