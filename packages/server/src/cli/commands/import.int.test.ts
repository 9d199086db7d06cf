import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDataDir } from "../../db/test-support.ts";
import { loadRegions } from "../../services/regions.ts";
import { runCli } from "../run-cli.test-support.ts";

const HEADER = "NIK;Nama;JK;Tgl Lahir;Kec;Desa/Kel;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur";
const ROWS = [
  ";Budi;L;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;11,5;85,2;berdiri", // ok
  ";Sari;P;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;abc;85;berdiri", // weight not a number
  ";Gita;P;01/01/2022;PANGGUL;Ngrambingan;Mawar 1;15/08/2025;11;140;berdiri", // height implausible: flagged
];

describe("tumbuh import (embedded database)", () => {
  const root = mkdtempSync(join(tmpdir(), "tumbuh-import-cli-"));
  const dataDir = join(root, "data");
  const inbox = join(root, "inbox");
  const file = join(inbox, "posyandu-agustus.csv");
  const saved = { data: process.env.TUMBUH_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(async () => {
    const database = await openTestDataDir(dataDir);
    await loadRegions(database, { prefix: "35.03" });
    await database.close();
    process.env.TUMBUH_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    mkdirSync(inbox);
    writeFileSync(file, `${HEADER}\n${ROWS.join("\n")}\n`);
  });
  afterAll(() => {
    if (saved.data === undefined) delete process.env.TUMBUH_DATA_DIR;
    else process.env.TUMBUH_DATA_DIR = saved.data;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    rmSync(root, { recursive: true, force: true });
  });

  it("prints the summary in Indonesian and writes nothing beside the file", async () => {
    const res = await runCli(["import", file, "--district", "35.03", "--dry-run"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("UJI COBA (tidak ada yang disimpan): posyandu-agustus.csv");
    expect(res.stdout).toContain("baris dibaca: 3, ditolak: 1, berulang: 0");
    expect(res.stdout).toContain('  baris 3: Berat: "abc" bukan angka; tulis angka seperti 85,5 atau 85.5.');
    expect(res.stdout).toMatch(
      / {2}baris 4: Gita: 140 cm: Z-skor TB\/U \d+,\d+ tidak masuk akal \(di luar -6 sampai 6, batas WHO\)\./,
    );
    expect(readdirSync(inbox)).toEqual(["posyandu-agustus.csv"]);
  });

  it("prints English with --lang en", async () => {
    const res = await runCli(["import", file, "--district", "35.03", "--dry-run", "--lang", "en"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(
      '  row 3: Berat: "abc" is not a number; expected a number such as 85.5 or 85,5.',
    );
  });

  it("writes the summary, rejected and flagged rows into --report DIR, creating it", async () => {
    const dir = join(root, "laporan", "agustus");
    const res = await runCli(["import", file, "--district", "35.03", "--dry-run", "--report", dir]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      "posyandu-agustus.flagged.csv",
      "posyandu-agustus.rejected.csv",
      "posyandu-agustus.summary.txt",
    ]);
    expect(readFileSync(join(dir, "posyandu-agustus.summary.txt"), "utf8")).toContain("baris dibaca: 3");
    const rejected = readFileSync(join(dir, "posyandu-agustus.rejected.csv"), "utf8").split("\r\n");
    expect(rejected[0]).toBe("\uFEFFBaris;Sheet;Kolom;Nilai;Alasan");
    expect(rejected[1]).toBe(
      '3;;Berat;abc;"Berat: ""abc"" bukan angka; tulis angka seperti 85,5 atau 85.5."',
    );
    const flagged = readFileSync(join(dir, "posyandu-agustus.flagged.csv"), "utf8").split("\r\n");
    expect(flagged[0]).toBe(
      "\uFEFFBaris;Nama anak;Indikator;Z-skor;Nilai;Berat (kg);Panjang/tinggi (cm);Umur (hari);Alasan",
    );
    expect(flagged[1]).toMatch(/^4;Gita;TB\/U;\d+,\d+;140 cm;11;140;1322;Z-skor TB\/U/);
    expect(res.stdout).toContain(`laporan: ${join(dir, "posyandu-agustus.summary.txt")}`);
    expect(readdirSync(inbox)).toEqual(["posyandu-agustus.csv"]);
  });

  it("refuses a --report that is not a folder it can write to, before importing", async () => {
    const notDir = join(root, "berkas.txt");
    writeFileSync(notDir, "x");
    const a = await runCli(["import", file, "--district", "35.03", "--report", notDir]);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`--report: ${notDir} bukan folder / is not a folder`);
    const b = await runCli(["import", file, "--district", "35.03", "--report", join(notDir, "sub")]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(
      `--report: folder ${join(notDir, "sub")} tidak dapat dibuat / cannot be created`,
    );
    if (process.getuid?.() !== 0) {
      // (root writes anywhere: this case needs an ordinary user)
      const ro = join(root, "readonly");
      mkdirSync(ro, { mode: 0o555 });
      chmodSync(ro, 0o555);
      const c = await runCli(["import", file, "--district", "35.03", "--report", ro]);
      expect(c.code).toBe(1);
      expect(c.stderr).toContain("tidak dapat ditulisi / is not writable");
    }
    // Nothing was imported by the refused runs.
    const res = await runCli(["import", file, "--district", "35.03", "--dry-run"]);
    expect(res.stdout).toContain("anak baru: 2");
  });
});
