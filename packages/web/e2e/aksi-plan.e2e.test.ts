/**
 * A district Bappeda user in Chromium: opens the 2025 cycle, reads the analisis situasi per village,
 * chooses desa lokus from the ranking (the first and the third village, not simply the top two)
 * with a reason and the decision document, adds an activity with its budget in a desa lokus and
 * sees the budget tagging summary (all of it in desa lokus). Screenshots at 360 and 1280 px.
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

describe.skipIf(!chromiumPath)("analisis situasi, desa lokus and the plan in the browser", () => {
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

  it("bappeda analyses, chooses desa lokus with a reason, plans an activity and sees the budget", async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/#/aksi`);
    await page.getByRole("spinbutton").fill("2025");
    await page.getByRole("button", { name: "Buka siklus tahun ini" }).click();
    await page.getByTestId("aksi-progress").waitFor();

    // Analisis situasi: the seeded children measured in 2025, per village.
    await page.getByRole("link", { name: "Analisis situasi" }).first().click();
    await page.getByTestId("ansit-table").waitFor();
    const totals = await page.getByTestId("ansit-totals").textContent();
    expect(totals).toMatch(/Balita diukur\s*1\d\d/);
    expect(await page.locator('[data-testid="ansit-table"] tbody tr').count()).toBeGreaterThan(100);
    await screenshot(page, "aksi-ansit-1280");

    // Desa lokus: tick the first and third of the ranking, with the reason and the SK.
    await page.getByRole("link", { name: "Desa lokus" }).first().click();
    const boxes = page.locator('[data-testid="lokus-ranking"] input[type="checkbox"]');
    await boxes.first().waitFor();
    const names = page.locator('[data-testid="lokus-ranking"] tbody th');
    const first = (await names.nth(0).textContent()) ?? "";
    const third = (await names.nth(2).textContent()) ?? "";
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await page
      .getByLabel("Alasan", { exact: true })
      .fill(
        "Desa peringkat 2 sudah menerima program air minum tahun lalu; desa peringkat 3 dipilih gantinya.",
      );
    const pdf = join(mkdtempSync(join(tmpdir(), "tumbuh-lokus-e2e-")), "SK desa lokus 2025.pdf");
    writeFileSync(pdf, "%PDF-1.4\n% synthetic decision\n%%EOF\n");
    await page.getByLabel("Dokumen keputusan (SK)", { exact: true }).setInputFiles(pdf);
    await page.getByRole("button", { name: "Simpan keputusan" }).click();
    await page.getByText("Keputusan desa lokus tersimpan.").waitFor();
    const decision = page.getByTestId("lokus-decision");
    await expect.poll(() => decision.textContent()).toContain(first);
    await expect(decision.textContent()).resolves.toContain(third);
    await page.getByRole("link", { name: "SK desa lokus 2025.pdf" }).waitFor();
    await screenshot(page, "aksi-lokus-1280");

    // Rencana: an activity in the first desa lokus, with its pagu from APBD.
    await page.getByRole("link", { name: "Rencana kegiatan & anggaran" }).first().click();
    await page.getByTestId("budget-summary").waitFor();
    await page.getByLabel("OPD", { exact: true }).fill("Dinas Kesehatan");
    await page.getByLabel("Kode program", { exact: true }).fill("1.02.02");
    await page.getByLabel("Program", { exact: true }).fill("Program Pemenuhan Upaya Kesehatan");
    await page.getByLabel("Kode kegiatan", { exact: true }).fill("1.02.02.2.02");
    await page.getByLabel("Kode sub kegiatan", { exact: true }).fill("1.02.02.2.02.0034");
    await page.getByLabel("Rincian kegiatan", { exact: true }).fill("PMT lokal balita gizi kurang");
    await page.getByLabel("Kode indikator", { exact: true }).fill("SPE8");
    await page.getByLabel("Pagu", { exact: true }).fill("50.000.000");
    await page.getByRole("checkbox", { name: first, exact: true }).check();
    await page.getByRole("button", { name: "Simpan kegiatan" }).click();
    await page.getByRole("rowheader", { name: "PMT lokal balita gizi kurang" }).waitFor();
    await expect.poll(() => page.getByTestId("budget-summary").textContent()).toContain("Rp 50.000.000");
    await expect(page.getByTestId("lokus-share").textContent()).resolves.toMatch(/100[,.]0\s?%/);
    await expect(page.getByTestId("budget-by-opd").textContent()).resolves.toContain("Dinas Kesehatan");
    await screenshot(page, "aksi-rencana-1280");

    // The same pages on a phone-sized screen.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await page.getByTestId("budget-summary").waitFor();
    await screenshot(page, "aksi-rencana-360");
    await page.getByRole("link", { name: "Analisis situasi" }).first().click();
    await page.getByTestId("ansit-table").waitFor();
    await screenshot(page, "aksi-ansit-360");
  });
});
