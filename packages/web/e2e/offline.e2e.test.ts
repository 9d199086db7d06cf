import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

const chromiumPath = chromiumForSuite();

let server: RunningServer;
const browsers: Browser[] = [];
const pageErrors: string[] = [];

/** A device: its own Chromium profile (own IndexedDB and service worker), signed in as the cadre. */
async function device(): Promise<Page> {
  const b = await launchBrowser(chromiumPath!, { width: 1280, height: 900 });
  browsers.push(b);
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on("dialog", (d) => void d.accept());
  await page.goto(`${server.url}/#/login`);
  await page.getByLabel("Nama pengguna").fill("kader");
  await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByTestId("user-name").waitFor();
  // the app is kept for offline use once its service worker is active
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  return page;
}

/** Today in the browser's time zone, as the session page uses it. */
function browserToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
}

/** Calls the API with the page's session (cookie and CSRF token), independent of the UI. */
function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch("/api/auth/me")).json();
      const res = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** The first posyandu of the cadre's list. */
async function firstPosyandu(page: Page): Promise<{ id: string; villageCode: string }> {
  const { posyandu } = await apiCall<{ posyandu: { id: string; villageCode: string }[] }>(
    page,
    "GET",
    "/api/posyandu",
  );
  return posyandu[0];
}

/** Registers children of known ages online (so the device's copy holds them before going offline). */
async function registerChildren(page: Page, names: string[], posyandu: { id: string; villageCode: string }) {
  const today = await browserToday(page);
  for (const [i, name] of names.entries()) {
    const birthDate = new Date(Date.parse(today) - (400 + 30 * i) * 86_400_000).toISOString().slice(0, 10);
    await apiCall(page, "POST", "/api/children", {
      name,
      sex: i % 2 === 0 ? 1 : 2,
      birthDate,
      villageCode: posyandu.villageCode,
      posyanduId: posyandu.id,
    });
  }
}

/** Types a measurement into a child's row and saves it (confirming once when the rules warn). */
async function measure(page: Page, name: string, weight: string, height: string) {
  const row = page.locator("li.entry").filter({ hasText: name });
  await row.getByLabel("Berat (kg)").fill(weight);
  await row.getByLabel("Panjang/tinggi (cm)").fill(height);
  await row.getByTestId("zpreview").getByText("TB/U").waitFor();
  await row.getByLabel("Panjang/tinggi (cm)").press("Enter");
  if (await row.getByRole("alert").count()) await row.getByLabel("Panjang/tinggi (cm)").press("Enter");
  await page.getByTestId("entry-saved").filter({ hasText: name }).waitFor();
}

/** The child's measurements as the server holds them. */
async function serverMeasurements(page: Page, name: string) {
  const found = await apiCall<{ children: { id: string }[] }>(
    page,
    "GET",
    `/api/children?q=${encodeURIComponent(name)}`,
  );
  const record = await apiCall<{ measurements: { date: string; weight: number; height: number }[] }>(
    page,
    "GET",
    `/api/children/${found.children[0].id}`,
  );
  return record.measurements;
}

describe.skipIf(!chromiumPath)("the posyandu session offline", () => {
  beforeAll(async () => {
    await buildWebOnce();
    server = await startServer();
  }, 600_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  it("measures three children after a reload without a network, and sends them when it is back", async () => {
    const page = await device();
    const names = ["Luring Satu", "Luring Dua", "Luring Tiga"];
    const posyandu = await firstPosyandu(page);
    await registerChildren(page, names, posyandu);
    const today = await browserToday(page);

    // load the posyandu online: the list is kept on the device, the app by the service worker
    await page.goto(`${server.url}/#/session?posyandu=${posyandu.id}&date=${today}`);
    await page.locator("li.entry").filter({ hasText: "Luring Tiga" }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await expect(page.getByTestId("outbox-count").textContent()).resolves.toBe("Semua data terkirim");

    // no network, and a reload: the app, the list and the z-scores come from the device
    await page.context().setOffline(true);
    await page.reload();
    await page.locator("li.entry").filter({ hasText: "Luring Satu" }).waitFor();
    await page.getByTestId("outbox-cached").waitFor();
    await expect(page.getByTestId("outbox-bar").textContent()).resolves.toContain("Tanpa sinyal");
    const values: [string, string, string][] = [
      ["Luring Satu", "9,8", "76,5"],
      ["Luring Dua", "9,1", "77,0"],
      ["Luring Tiga", "10,4", "79,2"],
    ];
    for (const [name, w, h] of values) await measure(page, name, w, h);
    await expect(page.getByTestId("outbox-count").textContent()).resolves.toBe("3 belum terkirim");
    await expect(page.locator('[data-testid="entry-saved"][data-status="pending"]').count()).resolves.toBe(3);
    await screenshot(page, "30-offline-queue");

    // the network is back: the outbox goes by itself
    const back = Date.now();
    await page.context().setOffline(false);
    await page.getByTestId("outbox-count").filter({ hasText: "Semua data terkirim" }).waitFor();
    const syncedMs = Date.now() - back;
    await expect(page.locator('[data-testid="entry-saved"][data-status="sent"]').count()).resolves.toBe(3);
    const runText = (await page.getByTestId("outbox-last").textContent()) ?? "";
    console.log(`offline e2e: 3 measurements sent ${syncedMs} ms after the network came back (${runText})`);
    await screenshot(page, "31-offline-sent");
    for (const [name, w, h] of values) {
      const ms = await serverMeasurements(page, name);
      expect(ms).toEqual([
        expect.objectContaining({
          date: today,
          weight: Number(w.replace(",", ".")),
          height: Number(h.replace(",", ".")),
        }),
      ]);
    }
  });

  it("shows the same child measured on two devices as a conflict, and keeps the value the user chose", async () => {
    const a = await device();
    const b = await device();
    const posyandu = await firstPosyandu(a);
    await registerChildren(a, ["Dua Perangkat"], posyandu);
    const today = await browserToday(a);
    const url = `${server.url}/#/session?posyandu=${posyandu.id}&date=${today}`;
    for (const p of [a, b]) {
      await p.goto(url);
      await p.locator("li.entry").filter({ hasText: "Dua Perangkat" }).waitFor();
    }
    // device B measures without a network; device A measures the same child online meanwhile
    await b.context().setOffline(true);
    await measure(b, "Dua Perangkat", "11,1", "80,0");
    await measure(a, "Dua Perangkat", "11,5", "80,4");
    await a
      .locator('[data-testid="entry-saved"][data-status="sent"]')
      .filter({ hasText: "Dua Perangkat" })
      .waitFor();

    // B is back online: its measurement meets A's and waits for B's decision, nothing overwritten
    await b.context().setOffline(false);
    const conflict = b.getByTestId("conflict");
    await conflict.waitFor();
    await expect(conflict.getAttribute("data-kind")).resolves.toBe("same_date");
    await expect(b.getByTestId("conflict-server").textContent()).resolves.toContain("11,5");
    await expect(b.getByTestId("conflict-mine").textContent()).resolves.toContain("11,1");
    await expect(b.getByTestId("outbox-count").textContent()).resolves.toBe("1 belum terkirim");
    expect((await serverMeasurements(a, "Dua Perangkat")).map((m) => m.weight)).toEqual([11.5]);
    await screenshot(b, "32-offline-conflict");

    // B's user keeps B's values: they replace A's on the server
    await conflict.getByRole("button", { name: "Pakai data perangkat ini" }).click();
    await b.getByTestId("outbox-count").filter({ hasText: "Semua data terkirim" }).waitFor();
    await expect(b.getByTestId("conflicts").count()).resolves.toBe(0);
    expect((await serverMeasurements(a, "Dua Perangkat")).map((m) => [m.weight, m.height])).toEqual([
      [11.1, 80],
    ]);
    expect(pageErrors).toEqual([]);
  });

  it("refuses to sign out without a network, and after sending leaves nothing of the user on the device", async () => {
    const page = await device();
    const dialogs: string[] = [];
    page.on("dialog", (d) => dialogs.push(d.message()));
    const posyandu = await firstPosyandu(page);
    await registerChildren(page, ["Keluar Aman"], posyandu);
    const today = await browserToday(page);
    await page.goto(`${server.url}/#/session?posyandu=${posyandu.id}&date=${today}`);
    await page.locator("li.entry").filter({ hasText: "Keluar Aman" }).waitFor();
    await page.context().setOffline(true);
    await measure(page, "Keluar Aman", "10,0", "78,0");

    // offline: the app says why it cannot sign out, and keeps the user and the record
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain("Keluar memerlukan koneksi");
    await expect(page.getByTestId("user-name").count()).resolves.toBe(1);
    await expect(page.getByTestId("outbox-count").textContent()).resolves.toBe("1 belum terkirim");

    // online: sent first, then signed out, and the device's database is gone
    await page.context().setOffline(false);
    await page.getByTestId("outbox-count").filter({ hasText: "Semua data terkirim" }).waitFor();
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.getByRole("heading", { name: "Masuk" }).waitFor();
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).not.toContain("tumbuh-offline");
    expect((await serverMeasurementsSignedIn(page, "Keluar Aman")).map((m) => m.weight)).toEqual([10]);
  });
});

/** Signs in again (a fresh session) and reads the child's measurements. */
async function serverMeasurementsSignedIn(page: Page, name: string) {
  await page.getByLabel("Nama pengguna").fill("kader");
  await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByTestId("user-name").waitFor();
  return serverMeasurements(page, name);
}
