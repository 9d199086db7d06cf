/**
 * The demo's penilaian kinerja: Jawa Timur (35) assesses 2025 over the demo district Trenggalek
 * and Kota Batu (35.79), a second district carrying only a few synthetic figures (no children).
 * The panel is `penilai` (chair) and `penilai2`; penilai2 has graded both districts, the chair has
 * not yet, so the demo shows an assessment under way.
 */
import { randomUUID } from "node:crypto";
import { type PenilaianInstrument, prevalenceChangeScore, TEMPLATE_INSTRUMENT } from "@tumbuh/core/programme";
import type { Database } from "../db/connection.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { loadRegions } from "./regions.ts";

const PROVINCE = "35";
const YEAR = 2025;
const SECOND_DISTRICT = "35.79";
const SYNTHETIC = "angka sintetis (demo)";

/** The template with an outcome component: the prevalence change, scored by bands (a choice, not a rule). */
const DEMO_INSTRUMENT: PenilaianInstrument = {
  ...TEMPLATE_INSTRUMENT,
  version: "demo-jatim-2025",
  year: YEAR,
  regionCode: PROVINCE,
  source: `${TEMPLATE_INSTRUMENT.source}; komponen prevalensi: pilihan demo`,
  components: [
    ...TEMPLATE_INSTRUMENT.components.map((c) => (c.code === "aksi" ? { ...c, weight: 0.4 } : c)),
    {
      code: "prevalensi",
      name: "Perubahan prevalensi stunting (survei yang sama)",
      weight: 0.1,
      items: [
        {
          code: "prevalensi.ssgi",
          name: "Penurunan prevalensi SKI 2023 → SSGI 2024, poin persen",
          aksi: null,
          weight: 1,
          scoring: "prevalence",
          descriptors: {},
          bands: [
            { minDropPp: 3, score: 100 },
            { minDropPp: 1.5, score: 75 },
            { minDropPp: 0, score: 50 },
          ],
        },
      ],
    },
  ],
  awards: {
    terbaik: 3,
    kategoriKhusus: [{ code: "paparan", name: "Paparan terbaik", basis: "paparan", excludeTerbaik: true }],
  },
};

/** Synthetic figures per district: web completeness (%) and prevalence before → after (%). */
const FIGURES: Record<string, { pengisian: number; before: number; after: number; anggota: string }> = {
  "35.03": { pengisian: 72.5, before: 22.4, after: 19.8, anggota: "A A B A B B A B" },
  [SECOND_DISTRICT]: { pengisian: 81, before: 18.1, after: 14.6, anggota: "B A A B A B B A" },
};

/** Creates the demo assessment (regions of Kota Batu too: its name and code only, no children). */
export async function createDemoPenilaian(database: Database, repos: Repositories): Promise<void> {
  // `tumbuh serve` has loaded every region already; a test database may hold only the demo district.
  if ((await repos.regions.byCodes([SECOND_DISTRICT])).length === 0)
    await loadRegions(database, { prefix: SECOND_DISTRICT });
  const [jatim, ketua, anggota] = await Promise.all(
    ["jatim", "penilai", "penilai2"].map((u) => repos.users.findByUsername(u)),
  );
  if (!jatim || !ketua || !anggota) return;
  const id = randomUUID();
  const districts = Object.keys(FIGURES);
  const graded = DEMO_INSTRUMENT.components.flatMap((c) => c.items).filter((i) => i.scoring === "grade");
  const prev = DEMO_INSTRUMENT.components.flatMap((c) => c.items).find((i) => i.scoring === "prevalence");
  await repos.transaction(async (tx) => {
    await tx.penilaian.insertAssessment(
      {
        id,
        province_code: PROVINCE,
        year: YEAR,
        instrument: JSON.stringify(DEMO_INSTRUMENT),
        created_by: jatim.id,
        updated_at: new Date(),
      },
      districts,
    );
    await tx.penilaian.setPanel(id, [
      { userId: ketua.id, role: "ketua" },
      { userId: anggota.id, role: "anggota" },
    ]);
    for (const [code, f] of Object.entries(FIGURES)) {
      await tx.penilaian.upsertValues([
        {
          assessment_id: id,
          district_code: code,
          item_code: "pengisian.web",
          value: f.pengisian,
          source: `Pantau Aksi ${YEAR} (${SYNTHETIC})`,
        },
        {
          assessment_id: id,
          district_code: code,
          item_code: prev?.code ?? "prevalensi.ssgi",
          value: prevalenceChangeScore(f.before, f.after, prev?.bands ?? []),
          prevalence_before: f.before,
          prevalence_after: f.after,
          source: `SKI 2023 → SSGI 2024 (${SYNTHETIC})`,
        },
      ]);
      const letters = f.anggota.split(" ");
      for (const [i, item] of graded.entries())
        await tx.penilaian.upsertGrade({
          assessment_id: id,
          district_code: code,
          item_code: item.code,
          panelist_id: anggota.id,
          grade: letters[i % letters.length],
          note: "Catatan contoh (demo)",
        });
    }
  });
}
