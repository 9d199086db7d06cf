/**
 * The demo district's 2025 aksi cycle with believable synthetic content for aksi 1–2: the
 * district's own indicator targets (an imagined RPJMD), sector indicator values per village (an
 * imagined import), a desa lokus decision taken on the ranking — one village swapped for the next
 * with a stated reason — with its decision document, and an integrated plan of activities with
 * budget and realisation to date. Everything is marked synthetic ("sintetis").
 */
import { Readable } from "node:stream";
import type { PlanActivity } from "@tumbuh/core/programme";
import type { Repositories } from "../db/repositories/index.ts";
import type { AksiCaller } from "./aksi.ts";
import { AksiService } from "./aksi.ts";
import { AksiEvidenceService } from "./aksi-evidence.ts";
import { AksiPlanService } from "./aksi-plan.ts";

const YEAR = 2025;
const SOURCE = "Laporan sektor 2025 (sintetis)";

/** Deterministic pseudo-random numbers 0–1 (mulberry32), so every demo has the same figures. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGETS: [string, number][] = [
  ["SPE1", 90],
  ["SPE2", 85],
  ["SPE4", 75],
  ["SPE5", 85],
  ["SPE7", 90],
  ["SPE9", 95],
  ["SEN4", 95],
  ["SEN5", 85],
  ["SEN7", 90],
  ["STUNTING", 16],
];

/** Typical village coverage (mean, spread) of the sector indicators the demo fills in. */
const VALUES: [string, number, number][] = [
  ["SPE2", 78, 14],
  ["SPE4", 68, 18],
  ["SPE9", 91, 8],
  ["SEN4", 86, 12],
  ["SEN5", 74, 16],
  ["SEN7", 80, 15],
];

const SK_PDF = Buffer.from(
  "%PDF-1.4\n% Keputusan Bupati Trenggalek tentang desa lokus 2025 (SINTETIS, data demo)\n%%EOF\n",
);

function activity(over: Partial<PlanActivity> & Pick<PlanActivity, "name" | "opd">): PlanActivity {
  return {
    programCode: "1.02.02",
    programName: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
    kegiatanCode: "1.02.02.2.02",
    kegiatanName: "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah",
    subKegiatanCode: "1.02.02.2.02.0034",
    subKegiatanName: "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
    intervention: "spesifik",
    indicatorCode: null,
    pillar: 3,
    villages: [],
    volume: null,
    unit: "",
    pagu: {},
    realisasi: {},
    volumeDone: null,
    startMonth: 1,
    endMonth: 12,
    ...over,
  };
}

/**
 * Adds the 2025 cycle's analysis and plan to the demo district (opening the cycle if no one has);
 * `bappeda` is the demo district TPPS account that records them, `evidenceDir` where the decision
 * document is stored (none without it).
 */
export async function createDemoAksiPlan(
  repos: Repositories,
  district: string,
  bappeda: AksiCaller,
  evidenceDir: string | null,
): Promise<{ cycleId: string; lokus: number; activities: number }> {
  const existing = await repos.aksi.cycleOf(district, YEAR);
  const cycleId = existing?.id ?? (await new AksiService(repos).open(bappeda, district, YEAR)).id;
  const plan = new AksiPlanService(repos);
  for (const [code, value] of TARGETS)
    await plan.setTarget(bappeda, code, {
      districtCode: district,
      year: YEAR,
      value,
      source: "RPJMD 2025–2029 (sintetis)",
    });

  const villages = await repos.regions.villagesOf(district);
  const rnd = random(35_03_2025);
  const values = villages.flatMap((v) =>
    VALUES.map(([indicatorCode, mean, spread]) => ({
      regionCode: v.code,
      indicatorCode,
      value: Math.round(Math.max(20, Math.min(100, mean + (rnd() * 2 - 1) * spread)) * 10) / 10,
      source: SOURCE,
    })),
  );
  await plan.saveValues(bappeda, { districtCode: district, year: YEAR, values }, "import");

  // Desa lokus: the ranking's top ten, but the 10th swapped for the 11th (a stated local reason).
  const ranking = await plan.ranking(bappeda, cycleId, { year: YEAR });
  const ranked = ranking.villages.filter((v) => v.score > 0);
  const chosen = [...ranked.slice(0, 9), ...ranked.slice(10, 11)].map((v) => v.code);
  let evidenceId: string | null = null;
  if (evidenceDir) {
    const detail = await new AksiService(repos).detail(bappeda, cycleId);
    const entry = detail.entries.find((e) => e.outputs.some((o) => o.code.endsWith("rekomendasi-lokus")));
    if (entry) {
      const output = entry.outputs.find((o) => o.code.endsWith("rekomendasi-lokus"))?.code ?? null;
      const saved = await new AksiEvidenceService(repos, evidenceDir).add(
        bappeda,
        cycleId,
        entry.aksiCode,
        output,
        "SK Bupati desa lokus 2025 (sintetis).pdf",
        Readable.from([SK_PDF]),
      );
      evidenceId = saved.id;
    }
  }
  const current = await repos.aksiPlan.lokusDecision(cycleId);
  if (chosen.length > 0)
    await plan.decide(bappeda, cycleId, {
      year: YEAR,
      villages: chosen,
      reason:
        "Sepuluh desa dengan skor tertinggi, kecuali peringkat 10 yang tahun 2024 sudah menjadi lokus program " +
        "air minum dan sanitasi provinsi; diganti desa peringkat 11 (kesepakatan rembuk stunting, sintetis).",
      evidenceId,
      version: current?.version ?? null,
    });

  const lokus = chosen.slice(0, 6);
  const others = villages.filter((v) => !chosen.includes(v.code)).map((v) => v.code);
  const activities: PlanActivity[] = [
    activity({
      opd: "Dinas Kesehatan",
      name: "PMT lokal bagi ibu hamil KEK",
      indicatorCode: "SPE1",
      villages: lokus.map((code) => ({ code })),
      volume: 240,
      unit: "ibu hamil",
      pagu: { apbd: 420_000_000 },
      realisasi: { apbd: 236_500_000 },
      volumeDone: 131,
      startMonth: 2,
      endMonth: 11,
    }),
    activity({
      opd: "Dinas Kesehatan",
      name: "PMT pemulihan balita gizi kurang",
      indicatorCode: "SPE8",
      villages: [...lokus, ...others.slice(0, 4)].map((code) => ({ code })),
      volume: 380,
      unit: "balita",
      pagu: { apbd: 310_000_000, dak: 150_000_000 },
      realisasi: { apbd: 172_000_000, dak: 90_000_000 },
      volumeDone: 205,
      startMonth: 3,
      endMonth: 12,
    }),
    activity({
      opd: "Dinas Kesehatan",
      name: "Pengadaan antropometri kit posyandu",
      subKegiatanCode: "1.02.02.2.02.0021",
      subKegiatanName: "Pengelolaan Pelayanan Kesehatan Balita",
      indicatorCode: "SPE7",
      villages: [],
      volume: 120,
      unit: "set",
      pagu: { dak: 540_000_000 },
      realisasi: { dak: 540_000_000 },
      volumeDone: 120,
      startMonth: 2,
      endMonth: 6,
    }),
    activity({
      opd: "Dinas Pekerjaan Umum dan Perumahan Rakyat",
      programCode: "1.03.03",
      programName: "Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum",
      kegiatanCode: "1.03.03.2.01",
      kegiatanName: "Pengelolaan dan Pengembangan SPAM di Daerah Kabupaten/Kota",
      subKegiatanCode: "1.03.03.2.01.0005",
      subKegiatanName: "Pembangunan SPAM Jaringan Perpipaan",
      name: "Sambungan rumah air minum bagi keluarga berisiko stunting",
      intervention: "sensitif",
      indicatorCode: "SEN4",
      villages: chosen
        .slice(2, 8)
        .map((code, i) => ({ code, pagu: [300, 250, 250, 200, 200, 150][i] * 1_000_000 })),
      volume: 450,
      unit: "SR",
      pagu: { apbd: 1_350_000_000 },
      realisasi: { apbd: 610_000_000 },
      volumeDone: 190,
      startMonth: 4,
      endMonth: 12,
    }),
    activity({
      opd: "Dinas Pemberdayaan Masyarakat dan Desa",
      programCode: "2.13.05",
      programName: "Program Peningkatan Kerja Sama Desa",
      kegiatanCode: "2.13.05.2.01",
      kegiatanName: "Fasilitasi Kerja Sama Antar Desa",
      subKegiatanCode: "2.13.05.2.01.0003",
      subKegiatanName: "Fasilitasi Pelaksanaan Kegiatan Konvergensi Desa",
      name: "Insentif dan pelatihan KPM",
      intervention: "koordinatif",
      pillar: 2,
      villages: [],
      volume: villages.length,
      unit: "KPM",
      pagu: { dana_desa: 456_000_000 },
      realisasi: { dana_desa: 228_000_000 },
      volumeDone: villages.length,
    }),
    activity({
      opd: "Dinas Pengendalian Penduduk dan KB",
      programCode: "2.14.04",
      programName: "Program Pemberdayaan dan Peningkatan Keluarga Sejahtera",
      kegiatanCode: "2.14.04.2.02",
      kegiatanName: "Pelaksanaan Pembangunan Keluarga",
      subKegiatanCode: "2.14.04.2.02.0004",
      subKegiatanName: "Pendampingan Keluarga Berisiko Stunting oleh TPK",
      name: "Operasional Tim Pendamping Keluarga",
      intervention: "sensitif",
      indicatorCode: "SEN7",
      pillar: 2,
      villages: chosen.map((code) => ({ code })),
      volume: 30,
      unit: "tim",
      pagu: { dak: 275_000_000, lainnya: 25_000_000 },
      realisasi: { dak: 140_000_000 },
      volumeDone: 30,
    }),
  ];
  if ((await repos.aksiPlan.activities(cycleId)).length === 0)
    await plan.importActivities(bappeda, cycleId, activities);
  return { cycleId, lokus: chosen.length, activities: activities.length };
}
