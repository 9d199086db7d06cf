/**
 * TPK family assistance and the mini lokakarya kecamatan in a real browser (Chromium) against the
 * fixture server: a TPK member on a 360-px phone takes a faltering child as a target, finds its
 * family at risk and records a visit; the camat then runs a mini lokakarya on a desktop — the
 * village's coverage counts the visit, the unconfirmed "3 standar dan 4 PASTI" checklist is
 * answered, the at-risk family verified, a follow-up added — and downloads the minutes as a PDF.
 * Screenshots at 360 and 1280 px. Skipped without Chromium (except under CI).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumForSuite, launchBrowser, screenshot } from "./browser.ts";
import { E2E_PASSWORD } from "./fixtures.ts";
import { type RunningServer, startServer } from "./server.ts";
import { buildWebOnce } from "./web-build.ts";

const chromiumPath = chromiumForSuite();
const PASSWORD = "sintetis-minilok-2026";

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
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe.skipIf(!chromiumPath)("mini lokakarya in the browser", () => {
  let childName = "";

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
    const semester = `${today.slice(0, 4)}-S${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
    // the cadre weighs a child lighter than last time: the posyandu flags it as faltering (T)
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
    childName = child!.name;
    const lower = Math.round((child!.lastMeasurement!.weight! - 0.3) * 10) / 10;
    expect(
      (
        await apiCall(kader, "POST", `/api/children/${child!.id}/measurements`, {
          date: today,
          weight: lower,
        })
      ).status,
    ).toBe(201);
    await kader.close();

    // accounts for a TPK member of the village and for the camat of its kecamatan
    const admin = await newPage(1280, 900);
    await signIn(admin, "admin");
    for (const [username, role, regionCode] of [
      ["tpk", "tpk_member", server.kaderVillage],
      ["camat", "kecamatan_tpps", server.kaderVillage.slice(0, 8)],
    ] as const)
      expect(
        (
          await apiCall(admin, "POST", "/api/users", {
            username,
            displayName: username,
            password: PASSWORD,
            role,
            regionCode,
          })
        ).status,
      ).toBe(201);
    await admin.close();

    const page = await newPage(360, 740);
    await signIn(page, "tpk", PASSWORD);
    await page.goto(`${server.url}/#/tpk`);
    await page.getByRole("button", { name: "Ambil sasaran dari posyandu" }).click();
    const card = () =>
      page
        .getByTestId("tpk-target")
        .filter({ hasText: childName })
        .filter({ hasText: "Berat tidak naik (T/2T)" })
        .first();
    await card().waitFor();
    // the child's family, recorded from the family data: the mother is 19, the family is at risk
    const fam = await apiCall(page, "POST", "/api/families", {
      villageCode: server.kaderVillage,
      semester,
      dataSource: "pk",
      headName: "Keluarga Sintetis Minilok",
      motherName: "Ibu Sintetis",
      motherBirthDate: `${Number(today.slice(0, 4)) - 19}-01-01`,
      waterSource: "ledeng",
      latrine: "jamban_septik",
      children: [{ name: childName, birthDate: child!.birthDate }],
    });
    expect(fam.status).toBe(201);
    await page.reload();
    await card().waitFor();
    await expect(card().textContent()).resolves.toContain("Berisiko stunting");
    await card().getByRole("button", { name: "Catat kunjungan" }).click();
    const form = card().getByRole("form");
    await form.getByLabel("Jenis pendampingan").selectOption("penyuluhan");
    await form.getByLabel("Temuan").fill("Ibu belum paham MP-ASI (data sintetis)");
    await form.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("status").filter({ hasText: "Kunjungan tersimpan." }).waitFor();
    await noOverflow(page);
    await screenshot(page, "minilok-01-phone-tpk-visit");
    // the family-data file of the village: a dry run reports the bad row by row and column, then one family is saved
    await page.goto(`${server.url}/#/families`);
    const csv = [
      "Kode Desa;Nama Kepala Keluarga;Nama Istri;Tgl Lahir Istri;Sumber Air Minum;Jamban",
      `${server.kaderVillage};Keluarga Impor Sintetis;Ibu Impor;05/03/1998;Sungai/danau;Jamban septik`,
      `${server.kaderVillage};Keluarga Salah;Ibu Salah;31/02/1998;Ledeng;Jamban septik`,
      "",
    ].join("\n");
    await page
      .getByLabel("Berkas")
      .setInputFiles({ name: "pk.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Uji coba impor" }).click();
    const report = page.getByTestId("family-import-report");
    // The dry run waits its turn on the embedded database: on a loaded CI machine well past 30 s.
    await report.waitFor({ timeout: 90_000 });
    await expect(report.textContent()).resolves.toContain("2 baris dibaca: 1 diterima (1 berisiko stunting");
    await expect(report.textContent()).resolves.toContain("Tgl Lahir Istri");
    await noOverflow(page);
    await screenshot(page, "minilok-00-phone-family-import");
    await page.getByRole("button", { name: "Simpan 1 keluarga" }).click();
    await page.getByRole("status").filter({ hasText: "1 keluarga tersimpan." }).waitFor();

    // the TPK member sees only its village: the neighbouring village's targets are refused
    const neighbour = `${server.kaderVillage.slice(0, 9)}${String(Number(server.kaderVillage.slice(9)) + 1)}`;
    expect((await apiCall(page, "GET", `/api/tpk/targets?region=${neighbour}`)).status).toBe(403);
    await page.close();
  });

  it("a camat runs a mini lokakarya and downloads its minutes as a PDF", async () => {
    const page = await newPage(1280, 900);
    await signIn(page, "camat", PASSWORD);
    await page.goto(`${server.url}/#/minilok`);
    await page.getByLabel("Tempat").fill("Aula Kecamatan (sintetis)");
    await page.getByRole("button", { name: "Mulai rapat" }).click();
    await page.getByTestId("minilok-title").waitFor();

    await page.getByLabel("Nama peserta").fill("Kepala Puskesmas Sintetis");
    await page.getByLabel("Instansi").fill("Puskesmas");
    await page.getByRole("button", { name: "Tambah peserta" }).click();
    await expect
      .poll(() => page.getByTestId("minilok-participants").textContent())
      .toContain("Kepala Puskesmas Sintetis");

    // the village's coverage counts the TPK visit, and its at-risk families
    const meetingId = new URL(page.url().replace("#/", "")).searchParams.get("meeting");
    const m = await apiCall<{
      meeting: {
        villages: {
          villageCode: string;
          villageName: string;
          targets: number;
          assisted: number;
          berisiko: number;
        }[];
      };
    }>(page, "GET", `/api/minilok/meetings/${meetingId}`);
    const v = m.body.meeting.villages.find((x) => x.villageCode === server.kaderVillage)!;
    expect(v.assisted).toBe(1);
    // the child's family (mother 19) and the imported one (river water)
    expect(v.berisiko).toBe(2);
    const row = page.getByTestId("minilok-villages").getByRole("row").filter({ hasText: v.villageName });
    await expect(row.getByRole("cell").nth(1).textContent()).resolves.toBe("1");
    await expect(page.getByTestId("minilok-unconfirmed").textContent()).resolves.toContain(
      "BELUM TERKONFIRMASI",
    );

    await page.getByLabel("Terpenuhi: Pasti didampingi").selectOption("ya");
    await page.getByLabel("Terpenuhi: Pasti terdata").selectOption("tidak");
    await page.getByRole("button", { name: "Simpan daftar periksa" }).click();
    await expect
      .poll(() => page.getByTestId("minilok-checklist-summary").textContent())
      .toContain("Jumlah: 1/7");

    const famRow = page
      .getByTestId("minilok-families")
      .getByRole("row")
      .filter({ hasText: "Keluarga Sintetis Minilok" });
    await famRow.getByRole("button", { name: "valid", exact: true }).click();
    await expect.poll(() => famRow.textContent()).toMatch(/^Keluarga Sintetis Minilok.*valid/);

    await page
      .getByLabel("Tindak lanjut", { exact: true })
      .fill("Kunjungi ulang keluarga berisiko dalam 2 minggu");
    await page.getByLabel("Penanggung jawab").fill("Koordinator TPK");
    await page.getByRole("button", { name: "Tambah tindak lanjut" }).click();
    await expect
      .poll(() => page.getByTestId("minilok-recommendations").textContent())
      .toContain("Koordinator TPK");
    await screenshot(page, "minilok-02-desktop-meeting");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("minilok-pdf").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^notulen-minilok-.*\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5000);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.getByTestId("minilok-title").waitFor();
    await noOverflow(page);
    await screenshot(page, "minilok-03-phone-meeting");
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
