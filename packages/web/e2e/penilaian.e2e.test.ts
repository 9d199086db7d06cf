/**
 * Penilaian kinerja in Chromium, each user in their own browser context: the province (jatim)
 * opens the 2025 assessment over Trenggalek and Kota Batu, sets the panel and the web-completeness
 * values and writes a recommendation; two panelists grade both districts (the member never sees
 * the chair's grades, the chair sees both); the chair checks the ranking and publishes it; the
 * district (bappeda) sees nothing before and its own result after, and the public page shows the
 * ranking. Every step waits for the answer or the element it needs, never for a fixed time.
 * Screenshots at 360 and 1280 px.
 */
import { resolve } from "node:path";
import type { BrowserContext, Page, Response } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumForSuite, type IsolatedBrowser, launchIsolated, screenshot } from "./browser.ts";
import { E2E_PASSWORD } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";

const chromiumPath = chromiumForSuite();

/** The graded items of the template instrument, in the order the form lists them. */
const ITEMS = [
  "1.1",
  "1.2",
  "paparan.penguasaan",
  "performa.pameran",
  "performa.video",
  "performa.inovasi",
  "performa.ketepatan-waktu",
];

describe.skipIf(!chromiumPath)("penilaian kinerja in the browser", () => {
  let server: RunningServer;
  let browser: IsolatedBrowser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    await build({ configFile: resolve(import.meta.dirname, "../vite.config.ts"), logLevel: "warn" });
    server = await startServer();
    browser = await launchIsolated(chromiumPath!);
  }, 600_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  /** On a failure: every open page's URL, main text and a screenshot, and the script errors. */
  async function report(e: unknown): Promise<never> {
    const pages = contexts.flatMap((c) => c.pages());
    const lines: string[] = [];
    for (const [i, p] of pages.entries()) {
      await screenshot(p, `penilaian-failed-${i}`).catch(() => "");
      const text = await p
        .locator("main")
        .textContent({ timeout: 2_000 })
        .catch(() => "");
      lines.push(`${p.url()}: ${(text ?? "").slice(0, 400)}`);
    }
    throw new Error(`${(e as Error).message}\n${lines.join("\n")}\nerrors: ${errors.join("; ")}`);
  }

  /**
   * A page in a fresh context (its own session) on `path`: signed in as `username` through the
   * sign-in page's `next`, so the app itself goes there once signed in (no second navigation
   * racing the sign-in's own), or visited anonymously when `username` is null.
   */
  async function pageAs(username: string | null, path: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ width, height: 900 });
    context.setDefaultTimeout(60_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`${username}: ${e.message}`));
    if (!username) {
      await page.goto(`${server.url}/#${path}`);
      return page;
    }
    await page.goto(`${server.url}/#/login?next=${encodeURIComponent(path)}`);
    await page.getByLabel("Nama pengguna").fill(username);
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByTestId("user-name").waitFor();
    await page.waitForURL((u) => u.hash === `#${path}`);
    return page;
  }

  /** Goes to `path` and reloads, so the page loads afresh even when only the hash changes. */
  async function visit(page: Page, path: string): Promise<void> {
    await page.goto(`${server.url}/#${path}`);
    await page.waitForURL((u) => u.hash === `#${path}`);
    await page.reload();
  }

  /** Polls until the value matches (generous: the machine may be busy). */
  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 200 });

  /** Clicks and waits for the API answer to `method path` (a path part), returning it. */
  async function clickFor(
    page: Page,
    method: string,
    path: string,
    click: () => Promise<void>,
  ): Promise<Response> {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === method && r.url().includes(path)),
      click(),
    ]);
    return res;
  }

  /** A panelist grades every item of a district with `grade` and saves. */
  async function gradeDistrict(page: Page, id: string, district: string, grade: string) {
    await visit(page, `/penilaian/${id}/nilai?district=${district}`);
    const form = page.getByTestId("pk-grade-form");
    await form.waitFor();
    await poll(() => page.locator("#pk-district").inputValue()).toBe(district);
    await poll(() => page.getByTestId("pk-graded-count").textContent()).toContain("0 dari 7");
    for (const item of ITEMS) await page.getByLabel(`Nilai ${item}`, { exact: true }).selectOption(grade);
    await page.getByLabel("Catatan 1.1", { exact: true }).fill(`Lokus sesuai data (${grade})`);
    await page.getByRole("button", { name: "Simpan nilai" }).click();
    await poll(() => page.getByTestId("pk-grades-saved").textContent()).toContain("7 berubah");
  }

  it(
    "the province opens it, two panelists grade two districts, the chair publishes, the district sees its result",
    () => walk().catch(report),
    600_000,
  );

  async function walk(): Promise<void> {
    // Before anything: the district sees no result.
    const bappeda = await pageAs("bappeda", "/penilaian/hasil");
    await bappeda.getByTestId("pk-none").waitFor();

    // The province opens 2025 over its two districts.
    const jatim = await pageAs("jatim", "/penilaian");
    await jatim.getByRole("heading", { name: "Penilaian kinerja", level: 1 }).waitFor();
    await jatim.getByRole("checkbox", { name: "KOTA BATU" }).waitFor();
    await jatim.getByLabel("Tahun").fill("2025");
    const opened = await clickFor(jatim, "POST", "/api/penilaian", () =>
      jatim.getByRole("button", { name: "Buka penilaian" }).click(),
    );
    expect(opened.status()).toBe(201);
    const id = ((await opened.json()) as { id: string }).id;
    await poll(() => jatim.getByTestId("pk-title").textContent()).toContain("2025");

    // The panel: penilai chairs, penilai2 is a member.
    await jatim.getByLabel("Kedudukan penilai", { exact: true }).selectOption("ketua");
    await jatim.getByLabel("Kedudukan penilai2", { exact: true }).selectOption("anggota");
    const panel = await clickFor(jatim, "PUT", `/api/penilaian/${id}/panel`, () =>
      jatim.getByRole("button", { name: "Simpan tim panelis" }).click(),
    );
    expect(panel.status()).toBe(200);
    await poll(() => jatim.getByTestId("pk-panel").textContent()).toContain("penilai2");

    // Web completeness, entered by the province: Trenggalek 80, Kota Batu 90.
    for (const [district, value] of [
      ["35.03", "80"],
      ["35.79", "90"],
    ]) {
      await jatim.getByLabel(`pengisian.web ${district}`, { exact: true }).fill(value);
      const saved = await clickFor(jatim, "PUT", `/api/penilaian/${id}/values`, () =>
        jatim.getByRole("button", { name: `Simpan pengisian.web ${district}`, exact: true }).click(),
      );
      expect(saved.status()).toBe(200);
      await expect
        .poll(() => jatim.getByTestId(`pk-value-pengisian.web ${district}`).textContent())
        .toContain(`Skor: ${value}`);
    }
    await jatim
      .getByLabel("Rekomendasi 35.03", { exact: true })
      .fill("Pertahankan kualitas analisis situasi");
    const rec = await clickFor(jatim, "PUT", `/api/penilaian/${id}/recommendations`, () =>
      jatim.getByRole("button", { name: "Simpan Rekomendasi 35.03", exact: true }).click(),
    );
    expect(rec.status()).toBe(204);
    await screenshot(jatim, "penilaian-overview-1280");

    // The instrument: grade scale, components with weights, descriptors; editable while a draft.
    await visit(jatim, `/penilaian/${id}/instrumen`);
    await jatim.getByTestId("pk-component-aksi").waitFor();
    await jatim.getByTestId("pk-weights").waitFor();
    await screenshot(jatim, "penilaian-instrument-1280");

    // The chair grades Trenggalek all A and Kota Batu all B.
    const ketua = await pageAs("penilai", "/penilaian");
    await gradeDistrict(ketua, id, "35.03", "A");
    await gradeDistrict(ketua, id, "35.79", "B");

    // The member grades the same, on a phone; the chair's grades stay hidden from them.
    const anggota = await pageAs("penilai2", "/penilaian", 360);
    await gradeDistrict(anggota, id, "35.03", "A");
    await gradeDistrict(anggota, id, "35.79", "B");
    await expect(anggota.getByTestId("pk-all-grades").count()).resolves.toBe(0);
    await screenshot(anggota, "penilaian-grade-360");

    // The chair sees both panelists' grades, then the ranking:
    // Trenggalek 0.5×100 + 0.2×80 + 0.2×100 + 0.1×100 = 96; Kota Batu 0.5×75 + 0.2×90 + 0.2×75 + 0.1×75 = 78.
    // (the same address as the chair's last step: a hash navigation alone would not load anything)
    await visit(ketua, `/penilaian/${id}/nilai?district=35.79`);
    const all = ketua.getByTestId("pk-all-grades");
    await all.waitFor();
    await poll(() => all.locator("thead").textContent()).toContain("penilai2");
    await poll(() => all.locator("tbody tr").first().textContent()).toBe("1.1BB");
    await screenshot(ketua, "penilaian-grade-1280");
    await visit(ketua, `/penilaian/${id}/hasil`);
    const ranking = ketua.getByTestId("pk-ranking");
    await ranking.waitFor();
    await expect
      .poll(() => ranking.locator('[data-district="35.03"]').textContent())
      .toMatch(/^KABUPATEN TRENGGALEK1.*96.*Terbaik I$/);
    await expect
      .poll(() => ranking.locator('[data-district="35.79"]').textContent())
      .toMatch(/^KOTA BATU2.*78.*Terbaik II$/);
    await screenshot(ketua, "penilaian-hasil-1280");

    // The chair publishes with the decree number.
    await visit(ketua, `/penilaian/${id}`);
    await ketua.getByLabel("Nomor SK").fill("100.3.3.1/2025/KPTS (uji)");
    const pub = await clickFor(ketua, "POST", `/api/penilaian/${id}/publish`, () =>
      ketua.getByRole("button", { name: "Umumkan", exact: true }).click(),
    );
    expect(pub.status()).toBe(204);
    await poll(() => ketua.getByTestId("pk-status").textContent()).toBe("Diumumkan");

    // The district sees its own result with the recommendation, at both widths.
    await bappeda.reload();
    const own = bappeda.getByTestId("pk-own");
    await own.waitFor();
    await expect(own.textContent()).resolves.toContain("Terbaik I");
    await expect(bappeda.getByTestId("pk-own-recommendation").textContent()).resolves.toBe(
      "Pertahankan kualitas analisis situasi",
    );
    await expect(bappeda.getByTestId("pk-published-head").textContent()).resolves.toContain(
      "100.3.3.1/2025/KPTS (uji)",
    );
    await screenshot(bappeda, "penilaian-district-1280");
    const phone = await pageAs("bappeda", "/penilaian/hasil", 360);
    await phone.getByTestId("pk-own").waitFor();
    await screenshot(phone, "penilaian-district-360");

    // The public sees the published ranking only.
    const visitor = await pageAs(null, "/publik?district=35.03");
    const section = visitor.getByTestId("public-penilaian");
    await section.waitFor();
    await expect(section.textContent()).resolves.toContain("KOTA BATU");
    await expect(section.textContent()).resolves.not.toContain("Lokus sesuai data");

    expect(errors).toEqual([]);
  }
});
