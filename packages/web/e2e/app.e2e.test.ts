/**
 * Tumbuh in a real browser: Debian's Chromium driven by playwright-core against the real
 * server (fixture-server.ts) on a free port with a fresh data folder. Screenshots go to
 * test-artifacts/screenshots/. Skipped with a warning when no Chromium executable exists, except under
 * CI (the CI variable set), where that fails the run instead.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD, E2E_USERS, SEED_END_MONTH } from "./fixtures.ts";
import { menuRoutes, settle, tourRoutes } from "./page-tour.ts";
import { type DemoServer, startDemoServer } from "./serve.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

// Skips the suites (with a warning) when no Chromium is installed, except under CI, where this throws.
const chromiumPath = chromiumForSuite();

let built: Promise<unknown> | null = null;
/** Builds the web app once for all suites of this file (the servers serve packages/web/dist). */
function ensureBuilt() {
  built ??= buildWebOnce();
  return built;
}

let demoStarting: Promise<DemoServer> | null = null;
/**
 * Starts `tumbuh serve` with the demo district once the web app is built. The first suite starts it
 * early, so its half a minute of loading runs in its own process while the first suite's tests run.
 */
function startDemoOnce(): Promise<DemoServer> {
  demoStarting ??= ensureBuilt().then(() => startDemoServer());
  // A failed start is reported by the suite that awaits it, not as an unhandled rejection before.
  demoStarting.catch(() => {});
  return demoStarting;
}
// Stops the demo server even when its suite did not run (a test filter, a failure before it).
afterAll(async () => {
  await (await demoStarting?.catch(() => null))?.stop();
});

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];
/** What the browser refused under the server's Content-Security-Policy (it says so on the console). */
const cspViolations: string[] = [];

function watchCsp(page: Page, into: string[]) {
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) into.push(`${page.url()}: ${m.text()}`);
  });
}

/** A new tab with no session: each test signs in on its own. */
async function newPage(width = 1280, height = 900): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  watchCsp(page, cspViolations);
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

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Keluar" }).click();
  await page.getByRole("heading", { name: "Masuk" }).waitFor();
}

/** Reads the API with the page's own session (cookies), for expectations independent of the UI. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json();
  }, path) as Promise<T>;
}

/** Waits until a chart has drawn at least `min` SVG paths (lines, bars, shapes). */
async function waitForPaths(chart: ReturnType<Page["getByTestId"]>, min: number) {
  await expect.poll(() => chart.locator("svg path").count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(min);
}

/** Today in the browser's time zone (Asia/Jakarta), as the session page uses it. */
async function browserToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
}

describe.skipIf(!chromiumPath)("Tumbuh in the browser", () => {
  beforeAll(async () => {
    await ensureBuilt();
    startDemoOnce();
    server = await startServer();
    browser = await launchBrowser(chromiumPath!);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in, refusing a wrong password, and shows the synthetic-data banner", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    // not signed in: sent to the sign-in page
    await page.getByRole("heading", { name: "Masuk" }).waitFor();
    await expect(page.getByTestId("demo-banner").textContent()).resolves.toContain(
      "Data demo sintetis — bukan data sebenarnya",
    );
    await page.getByLabel("Nama pengguna").fill("dinkes");
    await page.getByLabel("Kata sandi").fill("salah-sandi-1");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Nama pengguna atau kata sandi salah",
    );
    await screenshot(page, "01-signin-error");
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByTestId("stat-stunting").waitFor();
    // role-aware navigation: the health office imports, but does not manage users
    const nav = page.getByRole("navigation", { name: "Menu utama" });
    await expect(nav.getByRole("link", { name: "Impor data" }).count()).resolves.toBe(1);
    await expect(nav.getByRole("link", { name: "Pengguna" }).count()).resolves.toBe(0);
    await page.close();
  });

  it("drills down the dashboard from the district to a village and its posyandu", async () => {
    const page = await newPage();
    await signIn(page, "dinkes");
    await waitForPaths(page.getByTestId("trend-chart"), 4);
    // a chart's tooltip (HTML with style attributes) shows under the Content-Security-Policy
    await page.getByTestId("trend-chart").hover();
    await expect
      .poll(() => page.getByTestId("trend-chart").locator("div[style*='position: absolute']").count())
      .toBeGreaterThan(0);
    const dash = await apiGet<{
      summary: { measured: number; stuntingRate: number | null };
      children: { name: string; measured: number }[];
    }>(page, "/api/dashboard?region=35.03");
    expect(dash.summary.measured).toBeGreaterThan(50);
    // the headline figure on screen is the API's figure, formatted the Indonesian way
    const rateText = await page.getByTestId("stat-stunting").locator(".stat-value").textContent();
    expect(rateText).toBe(`${dash.summary.stuntingRate!.toFixed(1).replace(".", ",")}%`);
    // the district's subdistricts sum to the district (roll-ups agree)
    expect(dash.children.reduce((n, c) => n + c.measured, 0)).toBe(dash.summary.measured);
    await screenshot(page, "02-dashboard-district");

    // the table exports as CSV from the server, with the same regions
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("link", { name: /sebagai CSV$/ })
        .first()
        .click(),
    ]);
    const csvText = readFileSync((await csv.path())!, "utf8");
    for (const c of dash.children) expect(csvText).toContain(c.name);

    const table = page.getByTestId("child-region-table");
    const firstSub = dash.children.filter((c) => c.measured > 0).sort((a, b) => b.measured - a.measured)[0];
    await table.getByRole("link", { name: firstSub.name, exact: true }).click();
    await page.getByRole("heading", { name: `Desa/kelurahan di ${firstSub.name}` }).waitFor();
    const crumbs = page.getByRole("navigation", { name: "Lokasi wilayah" }).getByRole("listitem");
    await expect(crumbs.count()).resolves.toBe(4); // Indonesia › Jawa Timur › Trenggalek › subdistrict

    // sort by stunting, then open the village with the most children measured
    const subCode = new URL(page.url().replace("#/", "")).searchParams.get("region")!;
    const sub = await apiGet<{ children: { code: string; name: string; measured: number }[] }>(
      page,
      `/api/dashboard?region=${subCode}`,
    );
    const village = sub.children.filter((c) => c.measured > 0).sort((a, b) => b.measured - a.measured)[0];
    await table.getByRole("link", { name: village.name, exact: true }).click();
    await page.getByRole("heading", { name: `Posyandu di ${village.name}` }).waitFor();
    await expect(crumbs.count()).resolves.toBe(5);
    await screenshot(page, "03-dashboard-village-posyandu");

    // jump anywhere in scope by name
    await page.getByLabel("Cari wilayah").fill("pangg");
    await page.getByRole("link", { name: "Panggul Kecamatan · 35.03.01" }).click();
    await page.getByRole("heading", { name: "Desa/kelurahan di Panggul" }).waitFor();
    await page.close();
  });

  it("uploads boundaries as an admin and shows the district's choropleth with attribution", async () => {
    const page = await newPage();
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Batas wilayah" }).click();
    // the project's own copy of the Trenggalek boundaries (with its attribution README)
    const file = resolve(import.meta.dirname, "../../server/demo/geo/35.03-kecamatan.geojson");
    await page.getByLabel("Berkas GeoJSON").setInputFiles(file);
    await page.getByLabel("Atribusi / sumber peta").fill("Batas kecamatan Trenggalek (uji)");
    await page.getByRole("button", { name: "Unggah" }).click();
    await expect(page.getByTestId("boundary-result").textContent()).resolves.toContain("14 fitur cocok");
    await screenshot(page, "04-boundaries-upload");

    await page.goto(`${server.url}/#/map?region=35.03`);
    await waitForPaths(page.getByTestId("choropleth"), 14);
    await expect(page.getByTestId("map-attribution").textContent()).resolves.toContain("Trenggalek");
    await screenshot(page, "05-map-district");

    // a subdistrict's villages have no shapes: a clear message and the table
    const sub = await apiGet<{ children: { code: string }[] }>(page, "/api/dashboard?region=35.03");
    await page.goto(`${server.url}/#/map?region=${sub.children[0].code}`);
    await page.getByTestId("no-boundaries").waitFor();
    await page.getByTestId("child-region-table").waitFor();
    // the empty state tells the admin where to add the shapes, and the link goes there
    await page.getByTestId("no-boundaries").getByRole("link").click();
    await page.getByLabel("Berkas GeoJSON").waitFor();
    await signOut(page);
    await page.close();
  });

  it("finds a child and draws the WHO growth charts with the child's points", async () => {
    const page = await newPage();
    await signIn(page, "dinkes");
    const list = await apiGet<{ children: { id: string; name: string }[] }>(page, "/api/children?limit=5");
    const name = list.children[0].name;
    await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Anak" }).click();
    await page.getByLabel("Cari nama atau NIK").fill(name.split(" ")[0]);
    await page.getByRole("button", { name: "Cari" }).click();
    await page.getByTestId("children-table").getByRole("link", { name, exact: true }).first().click();
    await page.getByTestId("child-name").waitFor();
    await expect(page.getByTestId("child-name").textContent()).resolves.toBe(name);
    const chart = page.getByTestId("growth-lhfa");
    // seven reference lines and the child's line
    await waitForPaths(chart, 8);
    await expect(page.getByTestId("measurement-table").locator("tbody tr").count()).resolves.toBeGreaterThan(
      0,
    );
    await screenshot(page, "06-child-growth-lhfa");
    await page.getByRole("tab", { name: "BB menurut PB/TB" }).click();
    await waitForPaths(page.getByTestId("growth-wflh"), 8);
    await screenshot(page, "07-child-growth-wflh");

    // a NIK search goes in a POST body: no address the browser requests or shows holds the NIK
    let nik: string | null = null;
    let nikName = "";
    for (const c of list.children) {
      nik = (await apiGet<{ nik: string | null }>(page, `/api/children/${c.id}/identity`)).nik;
      nikName = c.name;
      if (nik) break;
    }
    expect(nik).toMatch(/^\d{16}$/);
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Anak" }).click();
    await page.getByLabel("Cari nama atau NIK").fill(nik!);
    await page.getByRole("button", { name: "Cari" }).click();
    await page.getByTestId("children-table").getByRole("link", { name: nikName, exact: true }).waitFor();
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("1 anak ditemukan");
    expect(urls.some((u) => u.endsWith("/api/children/search"))).toBe(true);
    expect(urls.filter((u) => u.includes(nik!))).toEqual([]);
    expect(page.url()).not.toContain(nik!);
    await page.close();
  });

  it("records a posyandu session by keyboard for a new child, and the dashboard counts it", async () => {
    const page = await newPage();
    await signIn(page, "kader");
    const today = await browserToday(page);
    const period = today.slice(0, 7);
    const village = server.kaderVillage;
    const before = await apiGet<{ summary: { measured: number } }>(
      page,
      `/api/dashboard?region=${village}&period=${period}`,
    ).catch(() => ({ summary: { measured: 0 } }));

    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Posyandu" })
      .click();
    const select = page.getByLabel("Posyandu", { exact: true });
    await select.locator("option").nth(1).waitFor({ state: "attached" });
    const value = await select.locator("option").nth(1).getAttribute("value");
    await select.selectOption(value!);
    await page.getByTestId("new-child-form").waitFor();

    // register a new child (born about 20 months ago)
    const birth = new Date(Date.parse(today) - 610 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Nama", { exact: true }).fill("Bunga Uji Peramban");
    await page.getByLabel("Jenis kelamin").selectOption("2");
    await page.getByLabel("Tanggal lahir").fill(birth);
    await page.getByRole("button", { name: "Tambah anak" }).click();

    // the new child's weight field has the focus: type, Enter, type, see the preview, Enter saves
    const weight = page
      .locator("li.entry")
      .filter({ hasText: "Bunga Uji Peramban" })
      .getByLabel("Berat (kg)");
    await weight.waitFor();
    await expect(weight.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type("92");
    await page.keyboard.press("Enter");
    await page.keyboard.type("82,5");
    const row = page.locator("li.entry").filter({ hasText: "Bunga Uji Peramban" });
    // 92 kg is a typo for 9.2: refused by the entry rules before saving
    await expect(row.getByTestId("entry-warnings").textContent()).resolves.toContain(
      "92 kg di luar batas 0,5–60 kg",
    );
    await weight.fill("9,2");
    await row.getByTestId("zpreview").getByText("TB/U").waitFor();
    // 9.2 kg and 82.5 cm at 20 months are plausible: no warning about them is left
    await expect
      .poll(async () => (await row.locator(".warnings").allTextContents()).join(" "))
      .not.toMatch(/Berat|Panjang|Z-score/);
    await expect(row.getByTestId("zpreview").textContent()).resolves.toContain("Normal");
    await screenshot(page, "08-session-preview");
    const height = row.getByLabel("Panjang/tinggi (cm)");
    await height.press("Enter");
    // a remaining warning (e.g. a date the server's clock sees as tomorrow) asks once more: Enter confirms
    if (await row.getByTestId("entry-warnings").count()) {
      await row.getByRole("alert").waitFor();
      await height.press("Enter");
    }
    // saved on the device, then sent by the outbox
    await page
      .locator('[data-testid="entry-saved"][data-status="sent"]')
      .filter({ hasText: "Bunga Uji Peramban" })
      .waitFor();
    await screenshot(page, "09-session-saved");

    // the measurement appears in the village's dashboard for this month
    await page.goto(`${server.url}/#/?region=${village}&period=${period}`);
    await page.getByTestId("stat-measured").waitFor();
    await expect(page.getByTestId("stat-measured").locator(".stat-value").textContent()).resolves.toBe(
      String(before.summary.measured + 1),
    );
    await screenshot(page, "10-dashboard-after-session");
    await page.close();
  });

  it("imports a file: dry-run report with the rejected and flagged rows, then confirmation", async () => {
    const page = await newPage();
    await signIn(page, "dinkes");
    // one broken row appended: a birth date that does not exist
    const lines = readFileSync(server.importFile, "utf8").trimEnd().split(/\r?\n/);
    const header = lines[0].split(",");
    const broken = lines[1].split(",");
    broken[header.indexOf("Tgl Lahir")] = "31/02/2023";
    broken[header.indexOf("NIK")] = "";
    broken[header.indexOf("Nama")] = "Baris Rusak";
    // and one implausible row first (row 2): a weight of 59 kg, within the entry limits, flagged by WHO
    const heavy = lines[1].split(",");
    heavy[header.indexOf("Berat")] = "59";
    heavy[header.indexOf("NIK")] = "";
    heavy[header.indexOf("Nama")] = "Nilai Aneh";
    const file = server.importFile.replace(/\.csv$/, "-with-error.csv");
    writeFileSync(file, `${[lines[0], heavy.join(","), ...lines.slice(1), broken.join(",")].join("\n")}\n`);

    const measured = async () =>
      (
        await apiGet<{ summary: { measured: number } }>(
          page,
          `/api/dashboard?region=35.03&period=${SEED_END_MONTH}`,
        )
      ).summary.measured;
    const before = await measured();
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Impor data" })
      .click();
    await page.getByLabel("Berkas (CSV atau XLSX)").setInputFiles(file);
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    const report = page.getByTestId("import-report");
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain("Ini baru pemeriksaan");
    // exactly the broken row is rejected: the last line of the file (the header is row 1), with its value
    const rejected = page.getByTestId("rejected-table").locator("tbody tr");
    await expect(rejected.count()).resolves.toBe(1);
    await expect(rejected.locator("td").nth(1).textContent()).resolves.toBe(String(lines.length + 2));
    await expect(rejected.locator("td").nth(3).textContent()).resolves.toBe("31/02/2023");
    await expect(rejected.locator("td").nth(4).textContent()).resolves.toBe(
      'Tgl Lahir: tanggal "31/02/2023" tidak ada di kalender.',
    );
    await screenshot(page, "11-import-dry-run");
    // the implausible weight is listed first, with its z-score written the Indonesian way
    const flagged = page.getByTestId("flagged-table").locator("tbody tr").filter({ hasText: "Nilai Aneh" });
    const weightForAge = flagged.filter({ hasText: "BB/U" });
    await expect(weightForAge.count()).resolves.toBe(1);
    const cells = (await weightForAge.locator("td").allTextContents()).map((c) => c.trim());
    expect(cells[0]).toBe("2");
    expect(cells[3]).toMatch(/^\d+,\d{1,2}$/);
    expect(cells[4]).toBe("59 kg");
    expect(cells[5]).toBe(`Z-skor BB/U ${cells[3]} tidak masuk akal (di luar -6 sampai 5, batas WHO).`);
    await page.getByTestId("flagged-table").scrollIntoViewIfNeeded();
    await screenshot(page, "11b-import-flagged", false);
    // every flagged value downloads as CSV for Excel set to Indonesian
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /^Unduh nilai ditandai .* sebagai CSV$/ }).click(),
    ]);
    const csvLines = readFileSync((await csv.path())!, "utf8").split(/\r?\n/);
    expect(csvLines[0]).toBe(
      "\uFEFFBaris;Nama anak;Indikator;Z-skor;Nilai;Berat (kg);Panjang/tinggi (cm);Umur (hari);Alasan",
    );
    expect(csvLines).toContainEqual(
      expect.stringMatching(new RegExp(`^2;Nilai Aneh;BB/U;${cells[3]};59 kg;59;`)),
    );
    // all of them, not the page shown: as many lines as the heading counts
    const title = (await page.getByRole("heading", { name: /^Nilai tidak masuk akal/ }).textContent()) ?? "";
    const count = Number(/\(([\d.]+)\)/.exec(title)?.[1].replace(/\./g, ""));
    expect(csvLines.filter((l) => /^\d+;/.test(l))).toHaveLength(count);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId("flagged-table").scrollIntoViewIfNeeded();
    await screenshot(page, "11c-import-flagged-360", false);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await measured()).toBe(before); // the dry run wrote nothing
    await page.getByRole("button", { name: "Konfirmasi impor" }).click();
    await page.getByText("Data sudah disimpan dan dasbor diperbarui.").waitFor();
    await screenshot(page, "12-import-done");
    expect(await measured()).toBeGreaterThan(before); // the confirmed file reached the dashboard
    await page.close();
  });

  it("publishes prevalence without sign-in, with small village counts suppressed and no personal data", async () => {
    const page = await newPage();
    // the seeded bulan timbang (the newest month holds only the session's one measurement)
    await page.goto(`${server.url}/#/publik?period=${SEED_END_MONTH}`);
    await page.getByTestId("public-subdistricts").waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/trenggalek/i);
    await expect(page.getByTestId("public-subdistricts").locator("tbody tr").count()).resolves.toBe(14);
    const villages = page.getByTestId("public-villages");
    const text = (await villages.textContent()) ?? "";
    const villageCells = (await villages.locator("td").allTextContents()).map((c) => c.trim());
    expect(villageCells).toContain("x");
    expect(text).not.toContain("< 5");
    await waitForPaths(page.getByTestId("public-bar"), 10);
    // no child's name or NIK anywhere on the page
    const body = (await page.locator("body").textContent()) ?? "";
    expect(body).not.toContain("Bunga Uji Peramban");
    expect(body).not.toMatch(/\d{16}/);
    await screenshot(page, "13-public");

    // the village table downloads as XLSX built in the browser: the rows shown, suppression kept
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Per desa\/kelurahan sebagai XLSX$/ }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(1 + (await villages.locator("tbody tr").count()));
    const published = await apiGet<{
      villages: { code: string; name: string; measured: number | null; suppressed: boolean }[];
    }>(page, `/api/public/prevalence?district=35.03&period=${SEED_END_MONTH}`);
    const suppressed = published.villages.find((v) => v.suppressed && v.measured === null)!;
    const row = sheet.getColumn(1).values.indexOf(suppressed.code);
    expect(row).toBeGreaterThan(1);
    expect(sheet.getRow(row).getCell(3).value).toBe(null); // a suppressed count stays empty, never 0
    // a village with one hidden count still shows its other counts, not "x"
    const unique = (name: string) => published.villages.filter((v) => v.name === name).length === 1;
    const partly = published.villages.find(
      (v) => v.suppressed && v.measured !== null && v.measured < 1000 && unique(v.name),
    )!;
    expect(partly).toBeDefined();
    const cells = await villages
      .locator("tbody tr", { hasText: partly.name })
      .first()
      .locator("td, th")
      .allTextContents();
    expect(cells.map((c) => c.trim())).toContain(String(partly.measured));
    await page.close();
  });

  it("lets an admin create and disable a user, and shows both in the audit log", async () => {
    const page = await newPage();
    await signIn(page, "admin");
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Pengguna" })
      .click();
    await page.getByLabel("Nama pengguna").fill("kader.baru");
    await page.getByLabel("Nama lengkap").fill("Kader Baru");
    await page.getByLabel("Kata sandi awal (min. 10 karakter)").fill("kata-sandi-baru-1");
    await page.getByLabel("Peran").selectOption("posyandu_cadre");
    // the region picker: part of the village's name lists it, choosing it fills in its code
    const villageName = (
      await apiGet<{ region: { name: string } }>(page, `/api/regions/${server.kaderVillage}`)
    ).region.name;
    const regionField = page.getByLabel("Wilayah (nama atau kode)");
    await regionField.fill(villageName);
    await page
      .getByRole("button", { name: new RegExp(`· ${server.kaderVillage.replace(/\./g, "\\.")}$`) })
      .click();
    await expect(regionField.inputValue()).resolves.toBe(server.kaderVillage);
    await page.getByRole("button", { name: "Buat pengguna" }).click();
    const row = page.getByTestId("users-table").locator("tr").filter({ hasText: "kader.baru" });
    await row.waitFor();
    await row.getByRole("button", { name: "Nonaktifkan" }).click();
    await row.getByText("Nonaktif", { exact: true }).waitFor();
    await screenshot(page, "18-users");

    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Log audit" })
      .click();
    await page.getByLabel("Jenis data").selectOption("user");
    const audit = page.getByTestId("audit-table");
    await audit.locator("tbody tr").filter({ hasText: "kader.baru" }).first().waitFor();
    const text = (await audit.textContent()) ?? "";
    // actions in Indonesian: created, then disabled
    expect(text).toContain("Buat");
    expect(text).toContain("Nonaktifkan");
    expect(text).not.toContain("kata-sandi-baru-1");
    await screenshot(page, "19-audit");
    await signOut(page);

    // the disabled account cannot sign in
    await page.getByLabel("Nama pengguna").fill("kader.baru");
    await page.getByLabel("Kata sandi").fill("kata-sandi-baru-1");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("dinonaktifkan");
    await page.close();
  });

  it("works on a 360-px-wide phone: no page-wide horizontal scrolling, menu reachable", async () => {
    const page = await newPage(360, 740);
    await signIn(page, "kader");
    // a cadre's home is her posyandu page
    await page.getByTestId("posyandu-home").waitFor();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, "14-phone-dashboard");
    await screenshot(page, "14-phone-dashboard-top", false);
    await page.goto(`${server.url}/#/session`);
    const select = page.getByLabel("Posyandu", { exact: true });
    await select.locator("option").nth(1).waitFor({ state: "attached" });
    await select.selectOption((await select.locator("option").nth(1).getAttribute("value"))!);
    await page.locator("li.entry").first().waitFor();
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, "15-phone-session", false);
    await signOut(page);
    await page.goto(`${server.url}/#/publik`);
    await page.getByTestId("public-villages").waitFor();
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, "16-phone-public");
    // the English switch
    await page.locator('.lang-switch button[lang="en"]').click();
    await page.getByRole("heading", { name: "By village" }).waitFor();
    await screenshot(page, "17-phone-public-en");
    // back to Indonesian: the browser keeps the choice for the tests after this one
    await page.locator('.lang-switch button[lang="id"]').click();
    await page.getByRole("heading", { name: "Per desa/kelurahan" }).waitFor();
    await page.close();
  });

  it("fits every page at 360 and 1280 px: no page-wide sideways scrolling, every table figure reachable", async () => {
    const page = await newPage(360, 740);
    let views = 0;
    let cells = 0;
    const problems: string[] = [];
    const add = (r: { problems: string[]; views: number; cells: number }) => {
      problems.push(...r.problems);
      views += r.views;
      cells += r.cells;
    };
    // before sign-in: the sign-in and public pages
    add(await tourRoutes(page, server.url, ["/login", "/publik"], "guest", screenshot));
    for (const user of ["dinkes", "kader", "admin"] as const) {
      await signIn(page, user);
      // every page in the user's menu (new pages are covered once they are in the menu), plus detail pages
      const routes = await menuRoutes(page);
      const extra: string[] = [];
      if (user === "dinkes") {
        const kids = await apiGet<{ children: { id: string }[] }>(page, "/api/children?limit=1");
        extra.push(`/children/${kids.children[0].id}`);
        const dash = await apiGet<{ children: { code: string }[] }>(page, "/api/dashboard?region=35.03");
        extra.push(
          `/?region=${dash.children[0].code}`,
          `/?region=${server.kaderVillage}`,
          "/account/password",
        );
      }
      if (user === "kader") {
        const list = await apiGet<{ posyandu: { id: string }[] }>(page, "/api/posyandu");
        extra.push(`/session?posyandu=${list.posyandu[0].id}`);
      }
      add(await tourRoutes(page, server.url, [...routes, ...extra], user, screenshot));
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${server.url}/#/`);
      await signOut(page);
    }
    expect(problems).toEqual([]);
    expect(views).toBeGreaterThanOrEqual(2 * 16);
    expect(cells).toBeGreaterThan(500);
    await page.close();
  }, 600_000);

  it("loads the first page with under 200 kB of compressed JavaScript; charts follow the figures", async () => {
    // a browser with an empty cache, as on a phone's first visit; the service worker is blocked so
    // that what is counted is what the page itself asks for (the worker's precache of the other
    // chunks comes after the page, in the background, and would answer the chart's request itself)
    const fresh = await launchBrowser(
      chromiumPath!,
      { width: 360, height: 740 },
      { serviceWorkers: "block" },
    );
    const page = await fresh.context.newPage();
    const scripts = new Map<string, number>();
    const pending: Promise<unknown>[] = [];
    page.on("requestfinished", (req) => {
      if (req.resourceType() !== "script") return;
      pending.push(req.sizes().then((s) => scripts.set(req.url(), s.responseBodySize)));
    });
    // every script's size known (each is read after its request ended, asynchronously)
    const total = async () => {
      await Promise.all(pending);
      return [...scripts.values()].reduce((a, b) => a + b, 0);
    };
    await page.goto(`${server.url}/#/login`);
    await page.getByRole("heading", { name: "Masuk" }).waitFor();
    await settle(page);
    const signInPage = await total();
    const encodings = await page.evaluate(async () => {
      const src = document.querySelector<HTMLScriptElement>("script[type=module]")!.src;
      return (await fetch(src)).headers.get("content-encoding");
    });
    expect(encodings).toMatch(/^(br|gzip)$/); // the server sends the build's compressed copy
    await page.getByLabel("Nama pengguna").fill("dinkes");
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByTestId("stat-stunting").waitFor();
    await settle(page);
    // the chart library comes after the figures: counted once the trend chart has drawn
    await waitForPaths(page.getByTestId("trend-chart"), 1);
    const withCharts = await total();
    const chartFiles = [...scripts.keys()].filter((u) => /\/EChart-/.test(u));
    const charts = chartFiles.reduce((n, u) => n + (scripts.get(u) ?? 0), 0);
    const sizes = {
      signInPage,
      dashboardWithoutCharts: withCharts - charts,
      charts,
      dashboardTotal: withCharts,
    };
    writeFileSync(
      resolve(import.meta.dirname, "../../../test-artifacts/bundle-sizes.json"),
      `${JSON.stringify(sizes, null, 2)}\n`,
    );
    expect(signInPage).toBeGreaterThan(10_000);
    expect(signInPage).toBeLessThan(200_000);
    expect(sizes.dashboardWithoutCharts).toBeLessThan(200_000);
    expect(charts).toBeGreaterThan(0); // the chart library came, after the figures
    await fresh.close();
  });

  it("changes one's own password on its page, a refusal said in Indonesian from the server's message code", async () => {
    const page = await newPage(360, 740);
    await signIn(page, "dinkes");
    await page.getByRole("link", { name: "Ganti kata sandi" }).click();
    await page.getByLabel("Kata sandi saat ini").fill("bukan-sandinya-1");
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("tiga kata panjang");
    await page.getByLabel("Ulangi kata sandi baru").fill("tiga kata panjang");
    await page.getByRole("button", { name: "Ganti kata sandi" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("Kata sandi saat ini salah.");
    // the same refusal in English after switching the language: the code is translated, not the prose
    await page.locator('.lang-switch button[lang="en"]').click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("The current password is wrong.");
    await page.locator('.lang-switch button[lang="id"]').click();
    await screenshot(page, "account-password-refused", false);
    await page.close();
  });

  it("opens the menu with the menu button on a phone", async () => {
    const page = await newPage(360, 740);
    await signIn(page, "admin");
    const nav = page.getByRole("navigation", { name: "Menu utama" });
    await expect(nav.isVisible()).resolves.toBe(false);
    await page.getByRole("button", { name: "Menu" }).click();
    await nav.getByRole("link", { name: "Log audit" }).waitFor();
    // every item sits inside the screen, none cut
    const boxes = await nav
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => a.getBoundingClientRect().right));
    expect(Math.max(...boxes)).toBeLessThanOrEqual(360);
    await screenshot(page, "phone-menu-open", false);
    await nav.getByRole("link", { name: "Log audit" }).click();
    await page.getByTestId("audit-table").waitFor();
    await expect(nav.isVisible()).resolves.toBe(false); // closed again on the new page
    await page.close();
  });

  it("prints a page to PDF without the navigation, with its table whole and its source line", async () => {
    const page = await newPage();
    await signIn(page, "dinkes");
    await page.goto(`${server.url}/#/?region=35.03&period=${SEED_END_MONTH}`);
    await settle(page);
    const dash = await apiGet<{ children: { name: string }[] }>(
      page,
      `/api/dashboard?region=35.03&period=${SEED_END_MONTH}`,
    );
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(
      resolve(import.meta.dirname, "../../../test-artifacts/screenshots/print-dashboard.pdf"),
      pdf,
    );
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    // the content and where it comes from ...
    expect(text).toContain("Sumber");
    expect(text).toContain("Kecamatan di");
    for (const c of dash.children) expect(text).toContain(c.name); // every row of the table
    expect(text).toContain("Kasus stunting baru"); // the last column
    // ... but no navigation, user menu, buttons or search field
    for (const chrome of ["Menu utama", "Impor data", "Publikasi", "Keluar", "Cari wilayah", "XLSX"]) {
      expect(text).not.toContain(chrome);
    }
    await page.close();
  });

  it("serves Swagger UI at /api/docs under its own Content-Security-Policy", async () => {
    const page = await newPage();
    const res = await page.goto(`${server.url}/api/docs`);
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await page.getByRole("heading", { name: /Tumbuh API/ }).waitFor();
    await page.locator(".opblock").first().waitFor();
    await screenshot(page, "24-api-docs");
    await page.close();
  });

  it("raised no script errors on any page, and the browser refused nothing under the CSP", () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

describe.skipIf(!chromiumPath)("npm start: tumbuh serve with the demo district", () => {
  let demo: DemoServer;
  let demoBrowser: Browser;

  beforeAll(async () => {
    demo = await startDemoOnce();
    demoBrowser = await launchBrowser(chromiumPath!);
  }, 600_000);

  afterAll(async () => {
    await demoBrowser?.close();
    await demo?.stop();
  });

  it("says the data are synthetic, shows the district's figures and its maps at both levels", async () => {
    const page = await demoBrowser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`${e.message} ${e.stack ?? ""}`));
    watchCsp(page, errors);
    await page.goto(`${demo.url}/`);
    await page.getByLabel("Nama pengguna").fill("dinkes");
    await page.getByLabel("Kata sandi").fill(demo.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByTestId("stat-measured").waitFor();
    await expect(page.getByTestId("demo-banner").isVisible()).resolves.toBe(true);
    // about 5,000 children: thousands measured in the latest month
    const measured = Number(
      (await page.getByTestId("stat-measured").locator(".stat-value").textContent())!.replace(/\./g, ""),
    );
    expect(measured).toBeGreaterThan(1000);
    await expect(page.getByTestId("source-note").first().textContent()).resolves.toContain("data sintetis");
    await waitForPaths(page.getByTestId("trend-chart"), 4);
    await screenshot(page, "20-demo-dashboard");

    await page.getByRole("link", { name: "Peta", exact: true }).first().click();
    await waitForPaths(page.getByTestId("choropleth"), 14);
    await expect(page.getByTestId("map-attribution").textContent()).resolves.toMatch(/\S{10,}/);
    await screenshot(page, "21-demo-map-district");

    // the subdistrict's villages have shapes in the demo too
    const dash = await page.evaluate(
      async () =>
        (await (await fetch("/api/dashboard?region=35.03")).json()) as {
          children: { code: string; name: string }[];
        },
    );
    const sub = dash.children[0];
    await page.goto(`${demo.url}/#/map?region=${sub.code}`);
    await page.getByRole("heading", { name: new RegExp(`Peta — ${sub.name}`) }).waitFor();
    const villages = await page.evaluate(
      async (code) =>
        ((await (await fetch(`/api/dashboard?region=${code}`)).json()) as { children: unknown[] }).children
          .length,
      sub.code,
    );
    await waitForPaths(page.getByTestId("choropleth"), villages);
    await screenshot(page, "22-demo-map-subdistrict");

    await page.getByRole("button", { name: "Keluar" }).click();
    await page.getByRole("heading", { name: "Masuk" }).waitFor();
    await page.goto(`${demo.url}/#/publik`);
    await page.getByTestId("public-villages").waitFor();
    await waitForPaths(page.getByTestId("public-bar"), 14);
    await screenshot(page, "23-demo-public");
    expect(errors).toEqual([]);
    await page.close();
  });
});
