/**
 * One district Bappeda user walks a whole 2025 aksi konvergensi cycle in Chromium, marking nothing
 * by hand: desa lokus chosen with a reason, an activity with its budget, a rembuk with its berita
 * acara PDF, a scorecard quarter, the annual review with the aksi 7 commentary published. Pantau Aksi
 * then counts the outputs those records fulfil, and the public page shows the commentary.
 * Screenshots at 360 and 1280 px.
 *
 * Worked by hand for the 2025 configuration (80 % of an aksi is its outputs, in proportion):
 * U1 1 of 4 outputs (lokus) = 20; U2 1 of 3 (rencana kegiatan) = 26.667; U3 0; U4 1 of 2 (laporan
 * monev = the review) = 40; P1 0; P2 1 of 1 (publikasi) = 80 → (20 + 26.667 + 40 + 80) ÷ 6 = 27.8 %
 * (hijau, above 25 %). The rembuk and the scorecard are not outputs of the 2025 configuration.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

const chromiumPath = chromiumForSuite();

async function downloadedPdfText(page: Page, linkName: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).first().click(),
  ]);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(proxy, { mergePages: true })).text.replace(/\s+/g, " ");
}

describe.skipIf(!chromiumPath)("a whole aksi konvergensi cycle in the browser", () => {
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

  it("bappeda walks the 2025 cycle and Pantau Aksi counts what was recorded", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/#/login`);
    await page.getByLabel("Nama pengguna").fill("bappeda");
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((u) => !u.hash.startsWith("#/login"));
    await page.getByTestId("user-name").waitFor();

    await page.goto(`${server.url}/#/aksi`);
    await page.getByRole("spinbutton").fill("2025");
    await page.getByRole("button", { name: "Buka siklus tahun ini" }).click();
    const progress = page.getByTestId("aksi-progress");
    await progress.waitFor();
    await expect(progress.textContent()).resolves.toContain("0.0%");
    const cycleLink = page.url();

    // Analisis situasi and desa lokus: the top village of the ranking, with the reason.
    await page.getByRole("link", { name: "Analisis situasi" }).first().click();
    await page.getByTestId("ansit-table").waitFor();
    await page.getByRole("link", { name: "Desa lokus" }).first().click();
    const boxes = page.locator('[data-testid="lokus-ranking"] input[type="checkbox"]');
    await boxes.first().waitFor();
    const first = (await page.locator('[data-testid="lokus-ranking"] tbody th').nth(0).textContent()) ?? "";
    await boxes.nth(0).check();
    await page.getByLabel("Alasan", { exact: true }).fill("Prevalensi stunting tertinggi pada data 2025.");
    await page.getByRole("button", { name: "Simpan keputusan" }).click();
    await page.getByText("Keputusan desa lokus tersimpan.").waitFor();

    // Rencana: one activity with its pagu in the desa lokus.
    await page.getByRole("link", { name: "Rencana kegiatan & anggaran" }).first().click();
    await page.getByTestId("budget-summary").waitFor();
    await page.getByLabel("OPD", { exact: true }).fill("Dinas Kesehatan");
    await page.getByLabel("Kode program", { exact: true }).fill("1.02.02");
    await page.getByLabel("Program", { exact: true }).fill("Program Pemenuhan Upaya Kesehatan");
    await page.getByLabel("Kode kegiatan", { exact: true }).fill("1.02.02.2.02");
    await page.getByLabel("Kode sub kegiatan", { exact: true }).fill("1.02.02.2.02.0034");
    await page.getByLabel("Rincian kegiatan", { exact: true }).fill("PMT lokal balita gizi kurang");
    await page.getByLabel("Kode indikator", { exact: true }).fill("SPE8");
    await page.getByLabel("Pagu", { exact: true }).fill("25.000.000");
    await page.getByRole("checkbox", { name: first, exact: true }).check();
    await page.getByRole("button", { name: "Simpan kegiatan" }).click();
    await expect.poll(() => page.getByTestId("budget-summary").textContent()).toContain("Rp 25.000.000");

    // Rembuk stunting and its berita acara.
    await page.goto(cycleLink);
    await page.getByTestId("aksi-docs-links").getByRole("link", { name: "Rembuk stunting" }).click();
    await page.getByRole("heading", { name: "Catat rembuk stunting" }).waitFor();
    await page.getByLabel("Tanggal").fill("2025-04-08");
    await page.getByLabel("Tempat").fill("Aula Bappeda (sintetis)");
    await page.getByLabel("Agenda (satu per baris)").fill("Penetapan desa lokus");
    await page.getByLabel("Komitmen").fill("Anggaran PMT lokal untuk desa lokus (sintetis).");
    await page.getByLabel("Nama 1").fill("Wakil Bupati Sintetis");
    await page.getByLabel("Instansi 1").fill("Pemerintah Kabupaten");
    await page.getByLabel("Peran 1").fill("Wakil Bupati");
    await page.getByRole("button", { name: "Simpan rembuk" }).click();
    await page.getByRole("link", { name: "Unduh berita acara (PDF)" }).waitFor();
    const beritaAcara = await downloadedPdfText(page, "Unduh berita acara (PDF)");
    for (const s of ["Berita Acara Rembuk Stunting", "8 April 2025", "Wakil Bupati Sintetis"])
      expect(beritaAcara, s).toContain(s);

    // A scorecard quarter of one village.
    await page.goto(cycleLink);
    await page
      .getByTestId("aksi-docs-links")
      .getByRole("link", { name: "Scorecard konvergensi desa" })
      .click();
    await page.getByLabel("Kode desa").fill(server.kaderVillage);
    await page.getByLabel("Triwulan (mis. 2025-Q3)").fill("2025-Q2");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await page.getByTestId("scorecard-level").waitFor();
    await page.getByLabel("N Ibu hamil").fill("1");
    await page.getByLabel("N Anak 0–23 bulan").fill("1");
    await page.getByLabel("Y IH1", { exact: true }).fill("1");
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes("/api/aksi/scorecards/") && r.request().method() === "PUT",
      ),
      page.getByRole("button", { name: "Simpan scorecard" }).click(),
    ]);
    expect(saved.status()).toBe(200);

    // The annual review, and the commentary published with the year's figures.
    await page.goto(cycleLink);
    await page
      .getByTestId("aksi-docs-links")
      .getByRole("link", { name: "Data, publikasi dan reviu (aksi 6–8)" })
      .click();
    await page.getByRole("link", { name: "Cetak reviu tahunan (PDF)" }).waitFor();
    const commentary = "Prevalensi stunting turun di desa lokus (komentar sintetis).";
    await page.getByLabel("Catatan kabupaten/kota untuk publikasi").fill(commentary);
    await page.getByLabel("Terbitkan catatan di halaman publik").check();
    await page
      .getByRole("textbox", { name: "Pelajaran dan rekomendasi" })
      .fill("Verifikasi data sasaran sebelum rembuk.");
    await page.getByRole("button", { name: "Simpan reviu" }).click();
    await expect.poll(() => page.getByTestId("review-publication").textContent()).toContain("Diterbitkan");

    // Pantau Aksi: the outputs fulfilled by what was recorded, and those still missing.
    await page.goto(cycleLink);
    await expect.poll(() => progress.textContent()).toContain("27.8%");
    await expect(progress.textContent()).resolves.toContain("Hijau");
    const fulfilled = await page
      .locator("[data-fulfilled-by]")
      .evaluateAll((xs) =>
        xs.map((x) => `${x.getAttribute("data-output")}=${x.getAttribute("data-fulfilled-by")}`),
      );
    expect(fulfilled).toEqual([
      "U1.rekomendasi-lokus=lokus",
      "U2.rencana-kegiatan=rencana",
      "U4.laporan-monev=reviu",
      "P2.publikasi=publikasi",
    ]);
    const missing = await page
      .locator("[data-missing]")
      .evaluateAll((xs) => xs.map((x) => x.getAttribute("data-missing")));
    expect(missing).toEqual([
      "U1.ansit-eppgbm",
      "U1.sasaran-kecamatan",
      "U1.kendala-anggaran",
      "U2.target-rpjmd-rkpd",
      "U2.tagging-apbd",
      "U3.realisasi",
      "U4.klasifikasi",
      "P1.regulasi",
    ]);
    await page.getByRole("link", { name: "keputusan desa lokus" }).waitFor();
    await screenshot(page, "aksi-cycle-1280");
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await expect.poll(() => progress.textContent()).toContain("27.8%");
    await screenshot(page, "aksi-cycle-360");
    await page.setViewportSize({ width: 1280, height: 900 });

    // The public page of the year shows the published commentary.
    await page
      .getByTestId("aksi-docs-links")
      .getByRole("link", { name: "Data, publikasi dan reviu (aksi 6–8)" })
      .click();
    await page.getByRole("link", { name: "Halaman publik tahun 2025" }).click();
    await expect.poll(() => page.getByTestId("public-commentary").textContent()).toContain(commentary);
    await screenshot(page, "aksi-cycle-public-1280");
  }, 300_000);
});
