/**
 * A district TPPS user (bappeda) works the aksi documents in Chromium: records a rembuk stunting
 * and downloads its berita acara PDF, enters a village's scorecard for a quarter and sees its
 * convergence level, writes the annual review and prints it. Screenshots at 360 and 1280 px.
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
  const path = await download.path();
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(proxy, { mergePages: true })).text.replace(/\s+/g, " ");
}

async function bothWidths(page: Page, name: string, ready: () => Promise<unknown>) {
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await ready();
  await screenshot(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!chromiumPath)("aksi documents in the browser", () => {
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

  it("bappeda records a rembuk with its berita acara, a scorecard quarter and the annual review", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/#/login`);
    await page.getByLabel("Nama pengguna").fill("bappeda");
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByTestId("user-name").waitFor();

    // Open the 2025 cycle and go to its rembuk stunting.
    await page.goto(`${server.url}/#/aksi`);
    await page.getByRole("spinbutton").fill("2025");
    await page.getByRole("button", { name: "Buka siklus tahun ini" }).click();
    await page.getByTestId("aksi-progress").waitFor();
    await page.getByTestId("aksi-docs-links").getByRole("link", { name: "Rembuk stunting" }).click();
    await page.getByRole("heading", { name: "Catat rembuk stunting" }).waitFor();

    await page.getByLabel("Tanggal").fill("2025-03-12");
    await page.getByLabel("Tempat").fill("Pendopo Kabupaten (sintetis)");
    await page.getByLabel("Agenda (satu per baris)").fill("Hasil analisis situasi\nPenetapan desa lokus");
    await page.getByLabel("Komitmen").fill("Bersama menurunkan stunting di desa lokus (data sintetis).");
    await page.getByLabel("Kegiatan yang disepakati (satu per baris)").fill("PMT lokal balita gizi kurang");
    await page.getByLabel("Nama 1").fill("Bupati Sintetis");
    await page.getByLabel("Instansi 1").fill("Pemerintah Kabupaten");
    await page.getByLabel("Peran 1").fill("Bupati");
    await page.getByLabel("Penanda tangan 1").check();
    await page.getByRole("button", { name: "Tambah tindak lanjut" }).click();
    await page.getByLabel("Tindakan 1").fill("Susun Perbup peran desa");
    await page.getByLabel("Penanggung jawab 1").fill("Dinas PMD");
    await page.getByLabel("Tenggat 1").fill("2025-05-31");
    await page.getByRole("button", { name: "Simpan rembuk" }).click();
    await page.getByRole("link", { name: "Unduh berita acara (PDF)" }).waitFor();
    // The follow-up is done: its status changes in place (the meeting is written back whole).
    const followUp = page.getByLabel("Status tindak lanjut: Susun Perbup peran desa");
    await followUp.selectOption("selesai");
    await page.reload();
    await expect.poll(() => followUp.inputValue()).toBe("selesai");
    const beritaAcara = await downloadedPdfText(page, "Unduh berita acara (PDF)");
    for (const s of [
      "Berita Acara Rembuk Stunting",
      "12 Maret 2025",
      "Bupati Sintetis",
      "Susun Perbup peran desa",
    ])
      expect(beritaAcara, s).toContain(s);
    await bothWidths(page, "aksi-rembuk", () =>
      page.getByRole("link", { name: "Unduh berita acara (PDF)" }).waitFor(),
    );

    // A village's scorecard for 2025-Q3: 2 pregnant women, 3 children.
    await page
      .getByTestId("aksi-docs-links")
      .getByRole("link", { name: "Scorecard konvergensi desa" })
      .click();
    await page.getByLabel("Kode desa").fill(server.kaderVillage);
    await page.getByLabel("Triwulan (mis. 2025-Q3)").fill("2025-Q3");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await page.getByTestId("scorecard-level").waitFor();
    await page.getByLabel("N Ibu hamil").fill("2");
    await page.getByLabel("N Anak 0–23 bulan").fill("3");
    for (const code of ["IH1", "IH2", "IH3", "IH4", "IH5", "IH6", "IH7", "IH8"])
      await page.getByLabel(`Y ${code}`, { exact: true }).fill("2");
    for (const code of ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10"])
      await page.getByLabel(`Y ${code}`, { exact: true }).fill("3");
    // One child under 6 months: immunisation not applicable; nobody needed a malnutrition visit.
    await page.getByLabel("Y A1", { exact: true }).fill("2");
    await page.getByLabel("TS A1", { exact: true }).fill("1");
    await page.getByLabel("Y A5", { exact: true }).fill("0");
    await page.getByLabel("TS A5", { exact: true }).fill("3");
    await page.getByLabel("Y A10", { exact: true }).fill("1");
    await page.getByRole("button", { name: "Simpan scorecard" }).click();
    // ΣY = 16 + (2 + 3·7 + 0 + 1) = 40; cells 8·2 + 10·3 = 46; ΣTS 4 → 40 ÷ 42 = 95.2 %
    await expect.poll(() => page.getByTestId("scorecard-level").textContent()).toContain("95.2%");
    await expect.poll(() => page.locator('[data-indicator="A10"]').textContent()).toContain("33.3%");
    await bothWidths(page, "aksi-scorecard", () => page.getByTestId("scorecard-level").waitFor());

    // The annual review: lessons, then the printable PDF.
    await page.goto(`${server.url}/#/aksi`);
    await page
      .getByTestId("aksi-docs-links")
      .getByRole("link", { name: "Data, publikasi dan reviu (aksi 6–8)" })
      .click();
    await page.getByRole("link", { name: "Cetak reviu tahunan (PDF)" }).waitFor();
    await page
      .getByLabel("Catatan kabupaten/kota untuk publikasi")
      .fill("Prevalensi turun di desa lokus (sintetis).");
    await page.getByRole("button", { name: "Tambah indikator" }).click();
    await page.getByLabel("Indikator 1").fill("Balita dipantau tumbuh kembang");
    await page.getByLabel("Target 1").fill("90");
    await page.getByLabel("Capaian 1").fill("84,5");
    await page
      .getByRole("textbox", { name: "Pelajaran dan rekomendasi" })
      .fill("Alat antropometri terstandar di semua posyandu.");
    await page.getByRole("button", { name: "Simpan reviu" }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Pelajaran dan rekomendasi" }).inputValue())
      .toContain("Alat antropometri");
    await page.getByText("Scorecard konvergensi desa").first().waitFor();
    const review = await downloadedPdfText(page, "Cetak reviu tahunan (PDF)");
    for (const s of [
      "Reviu Kinerja Tahunan Aksi Konvergensi",
      "Balita dipantau tumbuh kembang",
      "84,5%",
      "2025-Q3",
      "95,2%",
      "Alat antropometri terstandar",
    ])
      expect(review, s).toContain(s);
    await page.getByRole("button", { name: "Salin pelajaran ke analisis situasi 2026" }).click();
    await page.getByText("Pelajaran disalin ke catatan aksi").waitFor();
    await bothWidths(page, "aksi-review", () =>
      page.getByRole("link", { name: "Cetak reviu tahunan (PDF)" }).waitFor(),
    );
  }, 300_000);
});
