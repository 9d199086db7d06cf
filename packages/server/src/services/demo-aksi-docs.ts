/**
 * Synthetic aksi documents of the demo district: its 2025 cycle (opened when nobody opened it),
 * a district rembuk stunting with its commitment and follow-ups, the Perbup on village roles, a
 * Perdes, KPM in three villages and their desa scorecards for two quarters. All of it made up.
 */
import { randomUUID } from "node:crypto";
import type { ScorecardCounts } from "@tumbuh/core/programme";
import { SCORECARD_INDICATORS } from "@tumbuh/core/programme";
import type { Repositories } from "../db/repositories/index.ts";
import { findAksiConfig } from "./aksi-config.ts";

const YEAR = 2025;

/** Counts for a quarter: each indicator reaches `share` of the applicable targets (a village's profile). */
function demoCounts(ibu: number, anak: number, share: number, seed: number): ScorecardCounts {
  const counts: Record<string, { y: number; ts: number }> = {};
  SCORECARD_INDICATORS.forEach((ind, i) => {
    const n = ind.group === "ibu_hamil" ? ibu : anak;
    // Nifas (IH3), KEK visits (IH5), visits to malnourished children (A5) and PAUD (A10) apply to few.
    const ts = ["IH3", "IH5", "A5"].includes(ind.code)
      ? Math.max(0, n - 1 - ((seed + i) % 2))
      : ind.code === "A10"
        ? 1
        : 0;
    const applicable = n - ts;
    const y = Math.min(applicable, Math.round(applicable * share - ((seed * 7 + i * 3) % 3) * 0.4));
    counts[ind.code] = { y: Math.max(0, y), ts };
  });
  return { targets: { ibu_hamil: ibu, anak_0_23: anak }, counts };
}

/** Adds the demo's aksi documents for the district; `villages` are a few of its village codes. */
export async function createDemoAksiDocs(
  repos: Repositories,
  district: string,
  villages: readonly string[],
  byUser: string | null,
): Promise<void> {
  const now = new Date();
  let cycle = await repos.aksi.cycleOf(district, YEAR);
  if (!cycle) {
    const config = await findAksiConfig(repos, { year: YEAR });
    if (!config) return;
    await repos.aksi.insertCycle(
      {
        id: randomUUID(),
        district_code: district,
        year: YEAR,
        config_version: config.version,
        created_by: byUser,
      },
      config.aksi.map((a) => a.code),
    );
    cycle = await repos.aksi.cycleOf(district, YEAR);
    if (!cycle) return;
  }
  const names = new Map((await repos.regions.byCodes(villages)).map((r) => [r.code, r.name]));
  await repos.aksiDocs.insertRembuk({
    id: randomUUID(),
    cycle_id: cycle.id,
    district_code: district,
    level: "district",
    region_code: district,
    held_on: `${YEAR}-03-12`,
    place: "Pendopo Manggala Praja Nugraha (demo)",
    agenda: JSON.stringify([
      "Paparan hasil analisis situasi 2025",
      "Penetapan desa lokus dan kegiatan prioritas",
      "Pembagian peran kabupaten dan desa",
    ]),
    commitment:
      "Pemerintah kabupaten, DPRD, OPD dan kepala desa berkomitmen menurunkan prevalensi stunting dan " +
      "memadukan kegiatan di desa lokus melalui APBD dan Dana Desa (data sintetis).",
    participants: JSON.stringify([
      { name: "Bupati (demo)", agency: "Pemerintah Kabupaten", role: "Bupati", signatory: true },
      { name: "Ketua DPRD (demo)", agency: "DPRD", role: "Ketua", signatory: true },
      { name: "Kepala Bappeda (demo)", agency: "Bappeda", role: "Sekretaris TPPS", signatory: true },
      {
        name: "Kepala Dinas Kesehatan (demo)",
        agency: "Dinas Kesehatan",
        role: "Anggota TPPS",
        signatory: false,
      },
      ...villages.map((v) => ({
        name: `Kepala Desa ${names.get(v) ?? v} (demo)`,
        agency: `Desa ${names.get(v) ?? v}`,
        role: "Kepala desa",
        signatory: false,
      })),
    ]),
    activities: JSON.stringify([
      { text: "PMT lokal balita gizi kurang di desa lokus", activityId: null },
      { text: "Kelas ibu hamil dan kelas pengasuhan tiap bulan", activityId: null },
      { text: "Jamban sehat untuk keluarga berisiko stunting", activityId: null },
    ]),
    follow_ups: JSON.stringify([
      { action: "Susun Perbup peran desa", owner: "Dinas PMD", dueDate: `${YEAR}-04-30`, status: "selesai" },
      {
        action: "Bimtek KPM seluruh desa lokus",
        owner: "Dinas PMD",
        dueDate: `${YEAR}-06-30`,
        status: "proses",
      },
      {
        action: "Tandai sub-kegiatan stunting di APBD",
        owner: "Bappeda",
        dueDate: `${YEAR}-08-31`,
        status: "belum",
      },
    ]),
    created_by: byUser,
    updated_by: byUser,
    updated_at: now,
  });
  await repos.aksiDocs.insertRegulation({
    id: randomUUID(),
    district_code: district,
    region_code: district,
    kind: "perbup",
    number: `18 Tahun ${YEAR}`,
    issued_on: `${YEAR}-04-21`,
    title: "Peran dan Kewenangan Desa dalam Percepatan Penurunan Stunting (demo)",
    created_by: byUser,
    updated_by: byUser,
    updated_at: now,
  });
  if (villages[0])
    await repos.aksiDocs.insertRegulation({
      id: randomUUID(),
      district_code: district,
      region_code: villages[0],
      kind: "perdes",
      number: `4 Tahun ${YEAR}`,
      issued_on: `${YEAR}-05-15`,
      title: "Kewenangan Lokal Berskala Desa untuk Konvergensi Stunting (demo)",
      created_by: byUser,
      updated_by: byUser,
      updated_at: now,
    });
  const people = ["Sri Wahyuni", "Dwi Lestari", "Siti Rohmah"];
  const rows = villages.slice(0, 3);
  for (const [i, v] of rows.entries()) {
    await repos.aksiDocs.insertKpm({
      id: randomUUID(),
      district_code: district,
      village_code: v,
      name: `${people[i]} (demo)`,
      appointed_on: `${YEAR}-01-${String(10 + i).padStart(2, "0")}`,
      trained_on: i < 2 ? `${YEAR}-02-${String(18 + i).padStart(2, "0")}` : null,
      training: i < 2 ? "Bimtek KPM Dinas PMD" : "",
      contact: `0812-0000-00${String(i + 1).padStart(2, "0")}`,
      created_by: byUser,
      updated_by: byUser,
      updated_at: now,
    });
  }
  await repos.aksiDocs.upsertScorecards(
    rows.flatMap((v, i) =>
      ["Q2", "Q3"].map((q, k) => {
        const input = demoCounts(4 + i, 9 + 2 * i, 0.55 + 0.12 * k + 0.08 * i, i + k);
        return {
          district_code: district,
          village_code: v,
          quarter: `${YEAR}-${q}`,
          targets_ibu_hamil: input.targets.ibu_hamil,
          targets_anak: input.targets.anak_0_23,
          counts: JSON.stringify(input.counts),
          source: "demo",
          updated_by: byUser,
        };
      }),
    ),
  );
}
