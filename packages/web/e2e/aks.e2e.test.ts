/**
 * An audit team runs one Audit Kasus Stunting case in Chromium, from selection to follow-up: the
 * district TPPS user (ketua) opens Semester I 2025 with the health office on the team and a
 * paediatrician on the panel, selects a case found in the seeded measurements with the team's
 * reason, writes the audit worksheet and the panel's review, plans a follow-up with an agency and
 * moves it on; the evaluation at Semester II is shown from the child's measurements. A health
 * office account outside the team then sees the counts and no names. Screenshots at 360 and 1280 px.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

const chromiumPath = chromiumForSuite();

describe.skipIf(!chromiumPath)("Audit Kasus Stunting in the browser", () => {
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

  async function signedIn(username: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/#/login`);
    await page.getByLabel("Nama pengguna").fill(username);
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    // the context may still hold the previous user's session (its name shows at once): wait for the
    // sign-in page to move on, so its move to the dashboard cannot land after the test's own goto
    await page.waitForURL((u) => !u.hash.startsWith("#/login"));
    await expect(page.getByTestId("user-name").textContent()).resolves.toBeTruthy();
    return page;
  }

  it("an audit team runs one case from selection to follow-up", async () => {
    const page = await signedIn("bappeda");
    await page.getByRole("link", { name: "Audit Kasus" }).click();
    await page.getByRole("heading", { name: "Audit Kasus Stunting" }).first().waitFor();
    await page.getByText("Buka audit baru").click();
    await page.getByLabel("Semester", { exact: true }).fill("2025-S1");
    await page.getByLabel("Anggota tim (nama pengguna)").fill("dinkes");
    await page.getByLabel("Nama anggota Tim Pakar").fill("dr. Pakar Sintetis, Sp.A");
    await page.getByLabel("Peran di Tim Pakar").fill("ketua tim pakar");
    await page.getByRole("button", { name: "Buka audit semester ini" }).click();
    await page.getByTestId("aks-summary").waitFor();
    await expect(page.getByTestId("aks-summary").textContent()).resolves.toContain(
      "dr. Pakar Sintetis, Sp.A",
    );

    // case selection: the cases found in the seeded data, each with its reasons
    await page.getByRole("link", { name: "Pemilihan kasus" }).click();
    const first = page.getByTestId("aks-candidate").first();
    await first.waitFor();
    const name = (await first.locator("strong").first().textContent()) ?? "";
    expect(name.length).toBeGreaterThan(0);
    await first.getByRole("textbox").fill("Kasus di desa lokus; keluarga bersedia diwawancarai");
    await first.getByRole("button", { name: "Pilih kasus" }).click();

    // the case: worksheet, the panel's review, the follow-up plan
    await page.getByTestId("aks-case").waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(name);
    // the findings behind the reasons are worded in Indonesian, dates as dd/mm/yyyy
    const caseText = (await page.getByTestId("aks-case").textContent()) ?? "";
    expect(caseText).toMatch(/pada \d{2}\/\d{2}\/\d{4}|ditandai tidak naik berat badan/);
    expect(caseText).not.toMatch(/ on \d{4}-\d{2}-\d{2}|flagged faltering/);
    const ws = page.getByTestId("aks-worksheet");
    await ws.getByLabel("Pola makan dan pola asuh").fill("MP-ASI sejak 4 bulan, kurang protein hewani");
    await ws.getByLabel("Lingkungan (air minum, jamban)").fill("Jamban belum layak");
    await ws.getByRole("button", { name: "Simpan kertas kerja" }).click();
    await expect.poll(() => page.getByLabel("Tahap kasus").inputValue()).toBe("dikaji");

    const review = page.getByTestId("aks-review");
    await review.getByLabel("Hasil kajian").fill("Asupan protein kurang sejak usia 6 bulan");
    await review.getByLabel("Rekomendasi").fill("PMT pemulihan 90 hari; konseling MP-ASI");
    await review.getByRole("button", { name: "Simpan kajian" }).click();
    await expect.poll(() => page.getByLabel("Tahap kasus").inputValue()).toBe("direkomendasikan");

    const form = page.getByTestId("aks-followup-form");
    await form.getByLabel("Instansi (OPD)").fill("Dinas Kesehatan");
    await form.getByLabel("Tindakan").fill("PMT pemulihan 90 hari");
    await form.getByLabel("Tenggat").fill("2025-12-31");
    await form.getByRole("button", { name: "Tambah tindak lanjut" }).click();
    const followups = page.getByTestId("aks-followups");
    await followups.waitFor();
    await followups.getByLabel("Ubah status: Dinas Kesehatan").selectOption("berjalan");
    await expect
      .poll(() => followups.getByLabel("Ubah status: Dinas Kesehatan").inputValue())
      .toBe("berjalan");
    await page.getByLabel("Tahap kasus").selectOption("ditindaklanjuti");
    await expect.poll(() => page.getByLabel("Tahap kasus").inputValue()).toBe("ditindaklanjuti");
    await expect(page.getByTestId("aks-evaluation").textContent()).resolves.toContain("Semester II 2025");
    await screenshot(page, "aks-case-1280");

    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await page.getByTestId("aks-case").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "aks-case-360");

    // back on the audit: the case is listed with its step, the summary counts it
    await page.getByRole("link", { name: "← Kembali ke audit" }).click();
    await page.getByTestId("aks-cases").waitFor();
    await expect(page.getByTestId("aks-cases").textContent()).resolves.toContain(name);
    await expect(page.getByTestId("aks-summary").textContent()).resolves.toContain("Ditindaklanjuti: 1");
    await screenshot(page, "aks-cycle-360");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "aks-cycle-1280");
    const cycleUrl = page.url();
    await page.close();

    // the national admin sees the district but sits on no team: counts only, no names
    const admin = await signedIn("admin");
    await admin.goto(cycleUrl);
    await admin.getByTestId("aks-summary").waitFor();
    const membership = (await admin.getByTestId("aks-membership").textContent()) ?? "";
    if (!membership.includes("bukan anggota Tim Audit")) await screenshot(admin, "aks-debug-admin");
    expect(membership).toContain("bukan anggota Tim Audit");
    await expect(admin.locator("body").textContent()).resolves.not.toContain(name);
    await admin.close();
  }, 240_000);
});
