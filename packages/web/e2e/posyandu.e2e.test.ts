import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD, E2E_USERS, SEED_END_MONTH } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

const chromiumPath = chromiumForSuite();

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/#/login`);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  const displayName = E2E_USERS.find((u) => u.username === username)!.displayName;
  await page.getByTestId("user-name").filter({ hasText: displayName }).waitFor();
}

/** Calls the API with the page's session and CSRF token. */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch("/api/auth/me")).json();
      const res = await fetch(path, {
        method,
        headers: {
          accept: "application/json",
          "content-type": "application/json",
          "x-csrf-token": me.csrfToken,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

describe.skipIf(!chromiumPath)("posyandu pages in the browser", () => {
  beforeAll(async () => {
    await buildWebOnce();
    server = await startServer();
    browser = await launchBrowser(chromiumPath!);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a cadre opens her posyandu page, sees a faltering child and opens the record", async () => {
    const page = await newPage();
    await signIn(page, "kader");
    // A child of the cadre's first posyandu weighed last month and today at the same weight:
    // at about 20 months the KBM is 200 g, so today's weighing is T (tidak naik).
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    const [y, m] = today.split("-").map(Number);
    const lastMonth = m === 1 ? `${y - 1}-12-10` : `${y}-${String(m - 1).padStart(2, "0")}-10`;
    const birth = new Date(Date.parse(today) - 610 * 86_400_000).toISOString().slice(0, 10);
    const { posyandu } = await apiCall<{ posyandu: Array<{ id: string; name: string }> }>(
      page,
      "GET",
      `/api/posyandu?region=${server.kaderVillage}`,
    );
    const target = posyandu[0];
    const { child } = await apiCall<{ child: { id: string } }>(page, "POST", "/api/children", {
      name: "Damar Tidak Naik",
      sex: 1,
      birthDate: birth,
      villageCode: server.kaderVillage,
      posyanduId: target.id,
    });
    for (const date of [lastMonth, today]) {
      await apiCall(page, "POST", `/api/children/${child.id}/measurements`, {
        date,
        weight: 10.1,
        height: 82,
        measure: "l",
        posyanduId: target.id,
      });
    }

    // her home is her posyandu (a list first when the village has several)
    await page.goto(`${server.url}/#/`);
    if (posyandu.length > 1) await page.getByRole("link", { name: target.name, exact: true }).click();
    await page.getByRole("heading", { name: `Posyandu ${target.name}` }).waitFor();
    await page.getByTestId("list-faltering").click();
    const row = page.getByTestId("action-list").locator("tr").filter({ hasText: "Damar Tidak Naik" });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("T sejak");
    await screenshot(page, "posyandu-01-action-list");
    await row.getByRole("link", { name: "Damar Tidak Naik" }).click();
    await page.getByRole("heading", { name: /Damar Tidak Naik/ }).waitFor();
    expect(page.url()).toContain(`#/children/${child.id}`);
    // the record shows the alert too
    await expect(page.getByTestId("growth-alerts").textContent()).resolves.toContain("T sejak");
    await screenshot(page, "posyandu-02-child-record");
    await page.close();
  });

  it("a district officer opens the SKDN and the data-quality reports", async () => {
    const page = await newPage();
    await signIn(page, "dinkes");
    const nav = page.getByRole("navigation", { name: "Menu utama" });
    await nav.getByRole("link", { name: "SKDN" }).click();
    await page.getByTestId("skdn-units").waitFor();
    // the cadre's two entries of last month and today do not make a default: the seed's last month is
    await expect(page.getByLabel("Periode").inputValue()).resolves.toBe(SEED_END_MONTH);
    await expect(page.getByTestId("skdn-identity").textContent()).resolves.toMatch(
      /^D [\d.]+ = N [\d.]+ \+ T/,
    );
    await screenshot(page, "posyandu-03-skdn");

    await nav.getByRole("link", { name: "Kualitas data" }).click();
    await page.getByRole("heading", { name: /^Kualitas data/ }).waitFor();
    await expect(page.getByLabel("Periode").inputValue()).resolves.toBe(SEED_END_MONTH);
    await expect(page.getByTestId("quality-summary").textContent()).resolves.toMatch(
      /pengukuran dari [\d.]+ anak/,
    );
    await expect(page.getByTestId("quality-distributions").locator("tbody tr").count()).resolves.toBe(4);
    await expect
      .poll(() => page.getByTestId("chart-digits-weight").locator("svg path").count(), { timeout: 30_000 })
      .toBeGreaterThan(5);
    await page.getByTestId("quality-units").waitFor();
    await screenshot(page, "posyandu-04-quality");
    await page.close();
  });

  it("raised no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
