/**
 * API shapes of the aksi konvergensi: a district's yearly cycle, each aksi's status, evidence and
 * review, Pantau Aksi (progress per district and per province) and each aksi's history.
 */
import { z } from "zod";
import { AksiRecordKind } from "../programme/aksi.ts";
import { RegionCode } from "./common.ts";

export const AksiStatusCode = z.enum(["belum", "proses", "selesai", "direviu"]);
export type AksiStatusCode = z.infer<typeof AksiStatusCode>;

export const Year = z.coerce.number().int().min(2018, "expected a year from 2018").max(2100);

export const ProgressBandCode = z.enum(["hijau", "kuning", "merah"]);

export const OpenAksiCycleBody = z.object({ districtCode: RegionCode, year: Year });
export type OpenAksiCycleBody = z.infer<typeof OpenAksiCycleBody>;

export const AksiCyclesQuery = z.object({ region: RegionCode.optional(), year: Year.optional() });

export const AksiCycleSummary = z.object({
  id: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  year: z.number(),
  configVersion: z.string(),
  progressPct: z.number().nullable(),
  band: ProgressBandCode.nullable(),
});
export type AksiCycleSummary = z.infer<typeof AksiCycleSummary>;

export const AksiEvidence = z.object({
  id: z.string(),
  aksiCode: z.string(),
  outputCode: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type AksiEvidence = z.infer<typeof AksiEvidence>;

export const AksiOutputState = z.object({
  code: z.string(),
  kind: z.enum(["dokumen", "data", "keputusan"]),
  name: z.string(),
  confidence: z.string(),
  present: z.boolean(),
  markedDone: z.boolean(),
  evidenceCount: z.number(),
  /** The record held that fulfils the output (see AksiRecordKind); null when none. */
  fulfilledBy: AksiRecordKind.nullable(),
});

export const AksiEntry = z.object({
  aksiCode: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  pic: z.array(z.string()),
  dueMonth: z.number().nullable(),
  timing: z.string(),
  outputs: z.array(AksiOutputState),
  status: AksiStatusCode,
  notes: z.string(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  progressPct: z.number(),
  warnings: z.array(z.string()),
  evidence: z.array(AksiEvidence),
  version: z.number(),
  updatedAt: z.string(),
});
export type AksiEntry = z.infer<typeof AksiEntry>;

export const AksiCycleDetail = z.object({
  cycle: AksiCycleSummary,
  configTitle: z.string(),
  entries: z.array(AksiEntry),
  missingCount: z.number(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type AksiCycleDetail = z.infer<typeof AksiCycleDetail>;

export const AksiCycleParams = z.object({ id: z.string() });
export const AksiEntryParams = z.object({ id: z.string(), aksi: z.string() });

export const UpdateAksiEntryBody = z.object({
  status: z.enum(["belum", "proses", "selesai"]).optional(),
  notes: z.string().max(10_000).optional(),
  outputsDone: z.array(z.string()).max(100).optional(),
  version: z.number().int(),
});
export type UpdateAksiEntryBody = z.infer<typeof UpdateAksiEntryBody>;

export const ReviewAksiEntryBody = z.object({
  comment: z.string().max(10_000),
  /** true: the aksi is accepted (direviu); false: returned to the district (proses). */
  accept: z.boolean(),
  version: z.number().int(),
});
export type ReviewAksiEntryBody = z.infer<typeof ReviewAksiEntryBody>;

export const AksiHistoryEntry = z.object({
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const AksiHistory = z.object({ entries: z.array(AksiHistoryEntry) });
export type AksiHistory = z.infer<typeof AksiHistory>;

export const ProvinceProgressQuery = z.object({ province: RegionCode, year: Year });

export const ProvinceProgress = z.object({
  provinceCode: z.string(),
  year: z.number(),
  bands: z.object({ hijauAbove: z.number(), merahBelow: z.number() }),
  districts: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      cycleId: z.string().nullable(),
      progressPct: z.number().nullable(),
      band: ProgressBandCode.nullable(),
      selesai: z.number(),
      direviu: z.number(),
      aksiCount: z.number(),
    }),
  ),
});
export type ProvinceProgress = z.infer<typeof ProvinceProgress>;

export const OpenPenilaianBody = z.object({
  provinceCode: RegionCode,
  year: Year,
  /** The instrument (PenilaianInstrument of core/programme); the template when left out. */
  instrument: z.unknown().optional(),
  /** The districts assessed (e.g. the kabupaten lokus); all districts of the province when left out. */
  districts: z.array(RegionCode).min(1).max(100).optional(),
});
export const PenilaianPanelBody = z.object({
  members: z
    .array(z.object({ userId: z.string(), role: z.enum(["ketua", "anggota"]) }))
    .min(1)
    .max(30),
});
export const PenilaianGradeBody = z.object({
  districtCode: RegionCode,
  itemCode: z.string().min(1),
  grade: z.string().nullable(),
  note: z.string().max(5_000).default(""),
});
export const PenilaianRecommendationBody = z.object({
  districtCode: RegionCode,
  text: z.string().max(10_000),
});
export const PublishPenilaianBody = z.object({
  decreeNumber: z.string().max(200),
  version: z.number().int(),
});
/** The published ranking of a province: of `year`, or the latest published when left out. */
export const PublishedPenilaianQuery = z.object({ province: RegionCode, year: Year.optional() });
