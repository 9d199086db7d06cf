/**
 * The penilaian kinerja instrument as configuration per year and province (see penilaian.ts for
 * how grades become scores and ranks), and a template to start from.
 */
import { z } from "zod";
import { REGION_CODE_PATTERN } from "../regions.ts";
import { Confidence, configIssue, reportDuplicates } from "./config.ts";

export const PkItem = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  /** The aksi the item assesses, if any. */
  aksi: z.string().nullable(),
  weight: z.number().positive(),
  /**
   * grade: each panelist gives a letter; number: the province enters a value 0–100 (e.g. web
   * completeness); prevalence: the province enters the prevalence before and after (same survey),
   * scored by `bands`.
   */
  scoring: z.enum(["grade", "number", "prevalence"]),
  /** For grade items: what each grade means, e.g. { A: "100 % of lokasi prioritas …", B: "≥ 75 % …" }. */
  descriptors: z.record(z.string(), z.string()),
  /** For prevalence items: a drop of at least `minDropPp` points scores `score`, largest drop first. */
  bands: z.array(z.object({ minDropPp: z.number(), score: z.number().min(0).max(100) })).optional(),
});
export type PkItem = z.infer<typeof PkItem>;

export const PkComponent = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  weight: z.number().positive(),
  items: z.array(PkItem).min(1),
});
export type PkComponent = z.infer<typeof PkComponent>;

export const PenilaianInstrument = z
  .object({
    version: z.string().min(1),
    year: z.number().int(),
    /** The province (`35`) whose instrument this is, or `ID` for a national template. */
    regionCode: z.string().regex(REGION_CODE_PATTERN, "expected a province code such as 35 or ID"),
    source: z.string().min(1),
    confidence: Confidence,
    /** Grades from best to worst with their scores (0–100), e.g. A 100, B 75, C 50, D 25. */
    gradeScale: z.array(z.object({ grade: z.string().min(1), score: z.number().min(0).max(100) })).min(2),
    components: z.array(PkComponent).min(1),
    awards: z.object({
      terbaik: z.number().int().min(0),
      kategoriKhusus: z.array(
        z.object({
          code: z.string().min(1),
          name: z.string().min(1),
          /** A component or item code. */
          basis: z.string().min(1),
          excludeTerbaik: z.boolean(),
        }),
      ),
    }),
    scoreDecimals: z.number().int().min(0).max(6),
    rankIncomplete: z.boolean(),
  })
  .superRefine((ins, ctx) => {
    const grades = ins.gradeScale.map((g) => g.grade);
    reportDuplicates(ctx, grades, ["gradeScale"], "grade");
    for (let i = 1; i < ins.gradeScale.length; i++)
      if (ins.gradeScale[i].score > ins.gradeScale[i - 1].score)
        ctx.addIssue(
          configIssue(
            ["gradeScale", i, "score"],
            `grade ${ins.gradeScale[i].grade} scores above ${ins.gradeScale[i - 1].grade}: expected best first`,
            "penilaian.gradeOrder",
            { grade: ins.gradeScale[i].grade, above: ins.gradeScale[i - 1].grade },
          ),
        );
    reportDuplicates(
      ctx,
      ins.components.map((c) => c.code),
      ["components"],
      "component code",
    );
    const items = ins.components.flatMap((c) => c.items);
    reportDuplicates(
      ctx,
      items.map((i) => i.code),
      ["components"],
      "item code",
    );
    ins.components.forEach((c, ci) => {
      c.items.forEach((item, ii) => {
        if (item.scoring === "prevalence") {
          const bands = item.bands ?? [];
          if (bands.length === 0)
            ctx.addIssue(
              configIssue(
                ["components", ci, "items", ii, "bands"],
                `item ${item.code} scores prevalence change: expected at least one band`,
                "penilaian.bandsRequired",
                { item: item.code },
              ),
            );
          for (let b = 1; b < bands.length; b++)
            if (bands[b].minDropPp >= bands[b - 1].minDropPp)
              ctx.addIssue(
                configIssue(
                  ["components", ci, "items", ii, "bands", b, "minDropPp"],
                  `item ${item.code}: expected bands from the largest drop down`,
                  "penilaian.bandsOrder",
                  { item: item.code },
                ),
              );
          return;
        }
        if (item.scoring !== "grade") return;
        for (const g of grades)
          if (!(g in item.descriptors))
            ctx.addIssue(
              configIssue(
                ["components", ci, "items", ii, "descriptors"],
                `item ${item.code} has no descriptor for grade ${g}`,
                "penilaian.descriptorMissing",
                { item: item.code, grade: g },
              ),
            );
      });
    });
    const bases = new Set([...ins.components.map((c) => c.code), ...items.map((i) => i.code)]);
    ins.awards.kategoriKhusus.forEach((k, i) => {
      if (!bases.has(k.basis))
        ctx.addIssue(
          configIssue(
            ["awards", "kategoriKhusus", i, "basis"],
            `found '${k.basis}', expected a component or item code of the instrument`,
            "penilaian.awardBasis",
            { value: k.basis },
          ),
        );
    });
  });
export type PenilaianInstrument = z.infer<typeof PenilaianInstrument>;

const GRADES_1_1 = {
  A: "100 % lokasi prioritas memiliki jumlah kasus dan/atau prevalensi stunting tinggi",
  B: "Minimal 75 % lokasi prioritas memiliki jumlah kasus dan/atau prevalensi stunting tinggi",
  C: "Minimal 50 % lokasi prioritas memiliki jumlah kasus dan/atau prevalensi stunting tinggi",
  D: "Kurang dari 50 % lokasi prioritas memiliki jumlah kasus dan/atau prevalensi stunting tinggi",
};

/**
 * A template a province starts from, not an official instrument: items 1.1 and 1.2 and their A/B
 * descriptors are from the 2020 Lampung form (123dok zw9x44gy); the C/D descriptors, the 100/75/
 * 50/25 scale, the component weights and the "performa terbaik" items (Surat Mendagri 440/2611/
 * Bangda, 2022) as scored items are choices to be replaced by the province's own.
 */
export const TEMPLATE_INSTRUMENT: PenilaianInstrument = {
  version: "template-2022",
  year: 2022,
  regionCode: "ID",
  source:
    "workflows.md §1.1 (Lampung form 2020; Surat Mendagri 440/2611/Bangda 2022; Jateng pengisian/paparan)",
  confidence: "mem",
  gradeScale: [
    { grade: "A", score: 100 },
    { grade: "B", score: 75 },
    { grade: "C", score: 50 },
    { grade: "D", score: 25 },
  ],
  components: [
    {
      code: "aksi",
      name: "Pelaksanaan aksi konvergensi",
      weight: 0.5,
      items: [
        {
          code: "1.1",
          name: "Menggunakan data sebaran stunting dan cakupan layanan untuk menentukan lokasi prioritas",
          aksi: "1",
          weight: 1,
          scoring: "grade",
          descriptors: GRADES_1_1,
        },
        {
          code: "1.2",
          name: "Menggunakan cakupan intervensi, hasil dan pemetaan program tahun berjalan untuk menentukan intervensi prioritas",
          aksi: "1",
          weight: 1,
          scoring: "grade",
          descriptors: {
            A: "100 % intervensi prioritas didasarkan pada data cakupan, hasil dan pemetaan program",
            B: "Minimal 75 % intervensi prioritas didasarkan pada data tersebut",
            C: "Minimal 50 % intervensi prioritas didasarkan pada data tersebut",
            D: "Kurang dari 50 % intervensi prioritas didasarkan pada data tersebut",
          },
        },
      ],
    },
    {
      code: "pengisian",
      name: "Kelengkapan pengisian web aksi konvergensi",
      weight: 0.2,
      items: [
        {
          code: "pengisian.web",
          name: "Progres pengisian (Pantau Aksi), %",
          aksi: null,
          weight: 1,
          scoring: "number",
          descriptors: {},
        },
      ],
    },
    {
      code: "paparan",
      name: "Paparan kinerja di depan Tim Panelis",
      weight: 0.2,
      items: [
        {
          code: "paparan.penguasaan",
          name: "Penguasaan materi dalam paparan",
          aksi: null,
          weight: 1,
          scoring: "grade",
          descriptors: { A: "Sangat baik", B: "Baik", C: "Cukup", D: "Kurang" },
        },
      ],
    },
    {
      code: "performa",
      name: "Performa terbaik",
      weight: 0.1,
      items: ["pameran", "video", "inovasi", "ketepatan-waktu"].map((code) => ({
        code: `performa.${code}`,
        name:
          code === "pameran"
            ? "Pameran hasil aksi"
            : code === "video"
              ? "Video singkat"
              : code === "inovasi"
                ? "Inovasi daerah"
                : "Ketepatan waktu",
        aksi: null,
        weight: 1,
        scoring: "grade" as const,
        descriptors: { A: "Sangat baik", B: "Baik", C: "Cukup", D: "Kurang" },
      })),
    },
  ],
  awards: { terbaik: 3, kategoriKhusus: [] },
  scoreDecimals: 2,
  rankIncomplete: false,
};
