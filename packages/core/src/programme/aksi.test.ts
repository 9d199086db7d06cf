import { describe, expect, it } from "vitest";
import { AKSI_CONFIGS, AksiConfig, aksiConfigForYear } from "./aksi.ts";
import { AKSI_2022 } from "./aksi-2022.ts";
import { AKSI_2025 } from "./aksi-2025.ts";
import { checkConfig } from "./config.ts";

const adminConfig = (version: string, validFrom: number, validUntil: number | null = null): AksiConfig => ({
  ...AKSI_2025,
  version,
  validFrom,
  validUntil,
});

describe("aksi configuration", () => {
  it("ships the 8 aksi of 2022 in order, each with a PIC, outputs and a due month", () => {
    expect(AKSI_2022.aksi.map((a) => [a.code, a.name, a.pic[0], a.dueMonth])).toEqual([
      ["1", "Analisis situasi", "Bappeda", 1],
      ["2", "Penyusunan rencana kegiatan", "Bappeda", 3],
      ["3", "Rembuk stunting", "Sekretariat Daerah", 4],
      ["4", "Peraturan Bupati/Wali Kota tentang peran desa/kelurahan", "Dinas PMD", 6],
      ["5", "Pembinaan kader pembangunan manusia (KPM)", "Dinas PMD", 12],
      ["6", "Sistem manajemen data stunting", "Bappeda", 12],
      ["7", "Pengukuran dan publikasi data stunting", "Dinas Kesehatan", 12],
      ["8", "Reviu kinerja tahunan", "Sekretariat Daerah", 12],
    ]);
    for (const a of AKSI_2022.aksi) expect(a.outputs.length).toBeGreaterThan(0);
    // the kinds of output each aksi requires
    expect(AKSI_2022.aksi.find((a) => a.code === "3")?.outputs.map((o) => o.kind)).toEqual([
      "keputusan",
      "dokumen",
      "data",
    ]);
  });

  it("ships the 2025 regrouping: four aksi utama, aksi pendukung, analisis situasi also by kecamatan", () => {
    expect(AKSI_2025.aksi.filter((a) => a.group === "utama").map((a) => a.name)).toEqual([
      "Analisis situasi",
      "Penguatan perencanaan",
      "Penguatan pelaksanaan",
      "Penilaian hasil (monev)",
    ]);
    expect(AKSI_2025.aksi.filter((a) => a.group === "pendukung").map((a) => a.code)).toEqual(["P1", "P2"]);
    expect(AKSI_2025.aksi[0].levels).toEqual(["kabupaten_kota", "kecamatan"]);
    // no due month was found for 2025: null, not a guess
    expect(AKSI_2025.aksi.every((a) => a.dueMonth === null)).toBe(true);
  });

  it("every built-in version passes its own schema", () => {
    for (const c of AKSI_CONFIGS) expect(checkConfig(AksiConfig, c)).toEqual({ ok: true, value: c });
  });

  it.each([
    [2019, null],
    [2021, null],
    [2022, "juknis-2022"],
    [2024, "juknis-2022"],
    [2025, "transformasi-2025"],
    [2031, "transformasi-2025"],
  ])("the built-in version for %i is %s", (year, version) => {
    expect(aksiConfigForYear(year)?.version ?? null).toBe(version);
  });

  it.each([
    // admin configurations appended after the built-ins, year asked, version chosen
    [[adminConfig("admin-2026", 2026)], 2025, "transformasi-2025"],
    [[adminConfig("admin-2026", 2026)], 2026, "admin-2026"],
    [[adminConfig("admin-2026", 2026)], 2030, "admin-2026"],
    // same validFrom as a built-in: the one listed last wins
    [[adminConfig("admin-2025", 2025)], 2025, "admin-2025"],
    // a closed version lets the earlier open one apply after it ends
    [[adminConfig("admin-2023-only", 2023, 2023)], 2023, "admin-2023-only"],
    [[adminConfig("admin-2023-only", 2023, 2023)], 2024, "juknis-2022"],
  ])("with %#: year %i uses %s", (extra, year, version) => {
    expect(aksiConfigForYear(year, [...AKSI_CONFIGS, ...extra])?.version).toBe(version);
  });

  it("tells an admin what is wrong with a configuration, field by field", () => {
    const bad = {
      ...AKSI_2022,
      validUntil: 2020,
      aksi: [
        { ...AKSI_2022.aksi[0], dueMonth: 13 },
        { ...AKSI_2022.aksi[1], code: "1" },
      ],
    };
    const check = checkConfig(AksiConfig, bad);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.errors).toEqual([
        "aksi.0.dueMonth: Too big: expected number to be <=12",
        "aksi: aksi code '1' appears more than once",
        "validUntil: found 2020, expected a year not before validFrom 2022",
      ]);
  });
});
