import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

const chromiumPath = chromiumForSuite();
const TPK_PASSWORD = "tpk-sintetis-2025";

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];

async function newPage(width: number, height: number): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function signIn(page: Page, username: string, password = E2E_PASSWORD) {
  await page.goto(`${server.url}/#/login`);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByTestId("user-name").waitFor();
}

/** Calls the API with the page's session (cookie and CSRF token); returns status and body. */
async function apiCall<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch("/api/auth/me")).json();
      const res = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken ?? "" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  ) as Promise<{ status: number; body: T }>;
}

function isoToday(): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!chromiumPath)("TPK family assistance in the browser", () => {
  beforeAll(async () => {
    await buildWebOnce();
    server = await startServer();
    browser = await launchBrowser(chromiumPath!);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a TPK member on a 360-px phone records a visit for an at-risk family found from a faltering child", async () => {
    const today = isoToday();
    // the cadre records a lower weight for a child of the village: the posyandu flags it (T)
    const kader = await newPage(1280, 900);
    await signIn(kader, "kader");
    const list = await apiCall<{
      children: {
        id: string;
        name: string;
        birthDate: string;
        lastMeasurement: { weight: number | null } | null;
      }[];
    }>(kader, "GET", `/api/children?region=${server.kaderVillage}&limit=100`);
    const limit = `${Number(today.slice(0, 4)) - 4}${today.slice(4)}`;
    const child = list.body.children.find((c) => c.birthDate > limit && c.lastMeasurement?.weight);
    expect(child, "a child under 4 years with a weight").toBeDefined();
    const lower = Math.round((child!.lastMeasurement!.weight! - 0.3) * 10) / 10;
    const m = await apiCall(kader, "POST", `/api/children/${child!.id}/measurements`, {
      date: today,
      weight: lower,
    });
    expect(m.status).toBe(201);
    // a posyandu cadre never reads the named TPK targets
    expect((await apiCall(kader, "GET", "/api/tpk/targets")).status).toBe(403);
    await kader.close();

    // the administrator opens an account for a TPK member of the village
    const admin = await newPage(1280, 900);
    await signIn(admin, "admin");
    const created = await apiCall(admin, "POST", "/api/users", {
      username: "tpk",
      displayName: "Anggota TPK",
      password: TPK_PASSWORD,
      role: "tpk_member",
      regionCode: server.kaderVillage,
    });
    expect(created.status).toBe(201);
    await admin.close();

    const page = await newPage(360, 740);
    await signIn(page, "tpk", TPK_PASSWORD);
    await page.goto(`${server.url}/#/tpk`);
    await page.getByRole("heading", { name: "Pendampingan keluarga (TPK)" }).waitFor();
    await page.getByRole("button", { name: "Ambil sasaran dari posyandu" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "anak diperiksa" }).textContent(),
    ).resolves.toMatch(/\d+ anak diperiksa, \d+ sasaran baru/);
    const card = () =>
      page
        .getByTestId("tpk-target")
        .filter({ hasText: child!.name })
        .filter({ hasText: "Berat tidak naik (T/2T)" });
    await card().first().waitFor();

    // the TPK member records the child's family: the mother is 19, so the family is at risk
    await page.goto(`${server.url}/#/families/new`);
    await page.getByLabel("Kepala keluarga").fill("Keluarga Sintetis");
    await page.getByLabel("Ibu", { exact: true }).fill("Ibu Sintetis");
    const motherBirth = `${Number(today.slice(0, 4)) - 19}-01-01`;
    await page
      .getByLabel("Tanggal lahir ibu")
      .fill(motherBirth < today.replace(/^\d{4}/, (y) => String(Number(y) - 19)) ? motherBirth : motherBirth);
    await page.getByLabel("Sumber air minum utama").selectOption("ledeng");
    await page.getByLabel("Jamban", { exact: true }).selectOption("jamban_septik");
    await page.getByRole("button", { name: "Tambah anak" }).click();
    await page.getByLabel("Nama anak").fill(child!.name);
    await page.getByLabel("Tanggal lahir anak").fill(child!.birthDate);
    await page.getByRole("button", { name: "Simpan" }).click();
    const assessment = page.getByTestId("family-assessment");
    await expect(assessment.textContent()).resolves.toContain("Berisiko stunting");
    await expect(assessment.textContent()).resolves.toContain("Terlalu muda (ibu < 20 th)");
    await expect(page.getByRole("link", { name: "Buka catatan anak" }).count()).resolves.toBe(1);
    await screenshot(page, "families-01-phone-family");

    // back to the targets: the faltering child now shows its family at risk; record a visit
    await page.goto(`${server.url}/#/tpk`);
    await card().first().waitFor();
    await expect(card().first().textContent()).resolves.toContain("Berisiko stunting");
    await card().first().getByRole("button", { name: "Catat kunjungan" }).click();
    const form = card().first().getByRole("form");
    await form.getByLabel("Jenis pendampingan").selectOption("rujukan");
    await form.getByLabel("Temuan").fill("Berat turun; dirujuk ke puskesmas (data sintetis)");
    await form.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("status").filter({ hasText: "Kunjungan tersimpan." }).waitFor();
    await expect.poll(() => card().first().textContent()).toMatch(/Kunjungan: 1/);
    // nothing is wider than the phone's screen
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "families-02-phone-visit");

    // the village's coverage this month counts the visit
    const next =
      today.slice(5, 7) === "12"
        ? `${Number(today.slice(0, 4)) + 1}-01-01`
        : `${today.slice(0, 5)}${String(Number(today.slice(5, 7)) + 1).padStart(2, "0")}-01`;
    const cov = await apiCall<{ total: { targets: number; assisted: number } }>(
      page,
      "GET",
      `/api/tpk/coverage?region=${server.kaderVillage}&from=${today.slice(0, 8)}01&to=${next}`,
    );
    expect(cov.body.total.assisted).toBe(1);
    expect(cov.body.total.targets).toBeGreaterThanOrEqual(1);
    await page.goto(`${server.url}/#/tpk/coverage`);
    await expect(page.getByTestId("tpk-coverage-total").textContent()).resolves.toContain(
      `1 / ${cov.body.total.targets}`,
    );
    await screenshot(page, "families-03-phone-coverage");
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("a TPK member screens a bride-to-be on her phone and the audit team finds her at risk", async () => {
    const today = isoToday();
    const wedding = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    // the TPK member of the first test adds a bride-to-be named by the KUA a month before her wedding
    const page = await newPage(360, 740);
    await signIn(page, "tpk", TPK_PASSWORD);
    await page.goto(`${server.url}/#/tpk`);
    await page.getByRole("button", { name: "Tambah sasaran" }).click();
    const add = page.getByRole("form", { name: "Tambah sasaran" });
    await expect(add.getByLabel("Kelompok sasaran").inputValue()).resolves.toBe("catin");
    await add.getByLabel("Nama").fill("Catin Sintetis Skrining");
    await add.getByLabel("Tanggal pernikahan").fill(wedding);
    await add.getByRole("button", { name: "Simpan" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Catin Sintetis Skrining ditambahkan sebagai sasaran." })
      .waitFor();
    const card = page.getByTestId("tpk-target").filter({ hasText: "Catin Sintetis Skrining" });
    await expect(card.textContent()).resolves.toContain("Calon pengantin");

    // her screening at the visit, typed with decimal commas: anaemic, LiLA under 23.5 cm
    await card.getByRole("button", { name: "Catat kunjungan" }).click();
    const form = card.getByRole("form");
    await form.getByLabel("LiLA (cm)").fill("22,8");
    await form.getByLabel("Hb (g/dL)").fill("11,4");
    await form.getByLabel("Hasil skrining Elsimil").selectOption("berisiko");
    await form.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("status").filter({ hasText: "Kunjungan tersimpan." }).waitFor();
    await expect.poll(() => card.textContent()).toMatch(/Kunjungan: 1/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "families-04-phone-catin");
    await page.close();

    // the district opens this semester's audit; its case finding lists her with the reason
    const semester = `${today.slice(0, 4)}-S${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
    const bappeda = await newPage(1280, 900);
    await signIn(bappeda, "bappeda");
    const cycle = await apiCall<{ cycle: { id: string } }>(bappeda, "POST", "/api/aks/cycles", {
      districtCode: "35.03",
      semester,
      team: [],
      panel: [],
    });
    expect(cycle.status).toBe(201);
    await bappeda.goto(`${server.url}/#/aks/${cycle.body.cycle.id}?tab=select`);
    await bappeda.getByLabel("Tampilkan alasan").selectOption("catin_berisiko");
    const found = bappeda.getByTestId("aks-candidate").filter({ hasText: "Catin Sintetis Skrining" });
    await found.waitFor();
    await expect(found.textContent()).resolves.toContain("Catin berisiko");
    await expect(found.getByText("Catin berisiko").getAttribute("title")).resolves.toBe(
      "Elsimil: berisiko, LiLA 22,8 cm, Hb 11,4 g/dL",
    );
    await found.getByRole("textbox").fill("Catin anemia dari skrining TPK");
    await found.getByRole("button", { name: "Pilih kasus" }).click();
    await bappeda.getByTestId("aks-case").waitFor();
    await expect(bappeda.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "Catin Sintetis Skrining",
    );
    await screenshot(bappeda, "families-05-aks-catin");
    expect(pageErrors).toEqual([]);
    await bappeda.close();
  }, 180_000);
});
