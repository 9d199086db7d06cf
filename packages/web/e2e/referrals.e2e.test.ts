import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD, E2E_USERS } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

const chromiumPath = chromiumForSuite();

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];
const CHILD = "Sekar Rujukan";

async function newPage(width = 1280): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
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

/** The 10th of the month `back` months before today's (YYYY-MM-DD). */
function tenthMonthsAgo(today: string, back: number): string {
  const [y, m] = today.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 - back, 10));
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!chromiumPath)("referrals in the browser", () => {
  beforeAll(async () => {
    await buildWebOnce();
    server = await startServer();
    browser = await launchBrowser(chromiumPath!);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a cadre sees a faltering child on her posyandu page and refers it", async () => {
    const page = await newPage();
    await signIn(page, "kader");
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    // About 20 months old, the same weight three months running (KBM 200 g): T, then 2T today.
    const birth = new Date(Date.parse(today) - 610 * 86_400_000).toISOString().slice(0, 10);
    const { posyandu } = await apiCall<{ posyandu: Array<{ id: string; name: string }> }>(
      page,
      "GET",
      `/api/posyandu?region=${server.kaderVillage}`,
    );
    const target = posyandu[0];
    const { child } = await apiCall<{ child: { id: string } }>(page, "POST", "/api/children", {
      name: CHILD,
      sex: 2,
      birthDate: birth,
      villageCode: server.kaderVillage,
      posyanduId: target.id,
    });
    for (const date of [tenthMonthsAgo(today, 2), tenthMonthsAgo(today, 1), today]) {
      await apiCall(page, "POST", `/api/children/${child.id}/measurements`, {
        date,
        weight: 9.6,
        height: 80,
        measure: "l",
        posyanduId: target.id,
        hasKms: true,
      });
    }

    await page.goto(`${server.url}/#/posyandu/${target.id}`);
    await page.getByRole("heading", { name: `Posyandu ${target.name}` }).waitFor();
    await page.getByTestId("list-twoT").click();
    const row = page.getByTestId("action-list").locator("tr").filter({ hasText: CHILD });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Perlu dirujuk");
    await row.getByRole("button", { name: `Rujuk ${CHILD}` }).click();
    await row.getByPlaceholder("Catatan (wajib bila tidak ada peringatan)").fill("BB tetap tiga bulan");
    await screenshot(page, "referrals-01-refer-1280");
    await row.getByRole("button", { name: "Rujuk", exact: true }).click();
    await row.getByTestId("referral-chip").filter({ hasText: "Dirujuk" }).waitFor();
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, "referrals-02-referred-360");

    // the posyandu's referral list shows it, no longer among the children to refer
    await page.getByTestId("open-referrals").click();
    await page.getByTestId("referrals-page").waitFor();
    const listed = page.getByTestId("referral-list").locator("tr").filter({ hasText: CHILD });
    await expect(listed.getByTestId("referral-status").textContent()).resolves.toBe("Dirujuk");
    await expect(page.getByTestId("referral-candidates").filter({ hasText: CHILD }).count()).resolves.toBe(0);
    // the cadre may not change the status
    await expect(listed.getByRole("button", { name: "Sudah datang" }).count()).resolves.toBe(0);
    await page.close();
  });

  it("a district health officer marks the referral attended", async () => {
    const page = await newPage();
    await signIn(page, "dinkes");
    await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Rujukan" }).click();
    await page.getByTestId("referrals-page").waitFor();
    const row = page.getByTestId("referral-list").locator("tr").filter({ hasText: CHILD });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("2T");
    await row.getByRole("button", { name: "Sudah datang" }).click();
    await row.getByTestId("status-note").fill("Datang, konseling gizi dan PMT");
    await row.getByTestId("status-save").click();
    await row.getByTestId("referral-status").filter({ hasText: "Sudah datang" }).waitFor();
    await expect(row.getByTestId("referral-history").textContent()).resolves.toContain("dinkes");
    await screenshot(page, "referrals-03-attended-1280");
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, "referrals-04-attended-360");

    // the child's record shows the referral with its history
    await row.getByRole("link", { name: CHILD }).click();
    await page
      .getByTestId("child-referrals")
      .getByTestId("referral-status")
      .filter({ hasText: "Sudah datang" })
      .waitFor();
    await page.close();
  });

  it("a district health officer sees the SKDN trend chart, the KBM table in use and the F II Gizi report", async () => {
    const page = await newPage();
    await signIn(page, "dinkes");
    await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "SKDN" }).click();
    await page.getByTestId("skdn-units").waitFor();
    await expect
      .poll(() => page.getByTestId("skdn-trend-chart").locator("svg path").count(), { timeout: 30_000 })
      .toBeGreaterThan(3);
    await expect(page.getByTestId("skdn-kbm").textContent()).resolves.toContain("bawaan aplikasi");
    await page.getByRole("link", { name: "Laporan F II Gizi" }).click();
    await page.getByTestId("f2gizi-table").waitFor();
    await expect(page.getByTestId("f2gizi-table").textContent()).resolves.toContain("Jumlah seluruhnya");
    await screenshot(page, "referrals-05-f2gizi-1280");
    await page.close();
  });

  it("raised no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
