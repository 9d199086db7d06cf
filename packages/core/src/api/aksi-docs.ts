/**
 * API shapes of the aksi documents: rembuk stunting (aksi 3), regulations on village roles
 * (aksi 4), KPM and the desa convergence scorecard (aksi 5), the district's commentary on the
 * published figures (aksi 7) and the annual review (aksi 8).
 */
import { z } from "zod";
import { Year } from "./aksi.ts";
import { IsoDate, NAME_MAX, PlainText, RegionCode, UserMessageShape } from "./common.ts";

/** Text over several lines (a commitment, lessons): at most `max` characters, no NUL. */
function LongText(max: number) {
  return z
    .string()
    .max(max, `expected at most ${max} characters`)
    .refine((s) => !s.includes("\u0000"), "must not contain NUL characters");
}

const Version = z.number().int().min(0);
const FollowUpStatus = z.enum(["belum", "proses", "selesai"]);

export const RembukLevel = z.enum(["district", "subdistrict", "village"]);

export const RembukParticipant = z.object({
  name: PlainText(NAME_MAX).pipe(z.string().min(1, "expected a name")),
  agency: PlainText(200),
  role: PlainText(200),
  signatory: z.boolean().default(false),
});

const RembukActivity = z.object({
  text: PlainText(500).pipe(z.string().min(1, "expected the activity")),
  /** The plan's activity this one is, when the plan holds it. */
  activityId: z.string().max(100).nullable().default(null),
});

const RembukFollowUp = z.object({
  action: PlainText(500).pipe(z.string().min(1, "expected the action")),
  owner: PlainText(200),
  dueDate: IsoDate.nullable(),
  status: FollowUpStatus.default("belum"),
});

export const RembukBody = z.object({
  level: RembukLevel,
  regionCode: RegionCode,
  heldOn: IsoDate,
  place: PlainText(200).pipe(z.string().min(1, "expected the place")),
  agenda: z.array(PlainText(500)).max(50).default([]),
  commitment: LongText(10_000).default(""),
  participants: z.array(RembukParticipant).max(500).default([]),
  activities: z.array(RembukActivity).max(200).default([]),
  followUps: z.array(RembukFollowUp).max(200).default([]),
});
export type RembukBody = z.infer<typeof RembukBody>;

export const UpdateRembukBody = RembukBody.extend({ version: Version });

export const Rembuk = z.object({
  id: z.string(),
  cycleId: z.string(),
  level: RembukLevel,
  regionCode: z.string(),
  regionName: z.string(),
  heldOn: z.string(),
  place: z.string(),
  agenda: z.array(z.string()),
  commitment: z.string(),
  participants: z.array(
    z.object({ name: z.string(), agency: z.string(), role: z.string(), signatory: z.boolean() }),
  ),
  activities: z.array(z.object({ text: z.string(), activityId: z.string().nullable() })),
  followUps: z.array(
    z.object({
      action: z.string(),
      owner: z.string(),
      dueDate: z.string().nullable(),
      status: FollowUpStatus,
    }),
  ),
  version: z.number(),
  updatedAt: z.string(),
});
export type Rembuk = z.infer<typeof Rembuk>;

export const RegulationKind = z.enum(["perbup", "perwali", "perdes", "perkades"]);

export const RegulationBody = z.object({
  kind: RegulationKind,
  regionCode: RegionCode,
  number: PlainText(100).pipe(z.string().min(1, "expected the regulation's number")),
  issuedOn: IsoDate,
  title: PlainText(500).pipe(z.string().min(1, "expected the title")),
});
export type RegulationBody = z.infer<typeof RegulationBody>;

export const RegulationsQuery = z.object({ region: RegionCode.optional() });

export const Regulation = z.object({
  id: z.string(),
  kind: RegulationKind,
  regionCode: z.string(),
  regionName: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  title: z.string(),
  document: z
    .object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number(), sha256: z.string() })
    .nullable(),
});
export type Regulation = z.infer<typeof Regulation>;

export const KpmBody = z.object({
  villageCode: RegionCode,
  name: PlainText(NAME_MAX).pipe(z.string().min(1, "expected the KPM's name")),
  appointedOn: IsoDate.nullable().default(null),
  trainedOn: IsoDate.nullable().default(null),
  training: PlainText(300).default(""),
  contact: PlainText(100).default(""),
  active: z.boolean().default(true),
});
export type KpmBody = z.infer<typeof KpmBody>;
export const UpdateKpmBody = KpmBody.omit({ villageCode: true }).extend({ version: Version });

export const Kpm = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  name: z.string(),
  appointedOn: z.string().nullable(),
  trainedOn: z.string().nullable(),
  training: z.string(),
  /** Null for a caller who may not see KPM contacts (the province). */
  contact: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type Kpm = z.infer<typeof Kpm>;

export const KpmQuery = z.object({ region: RegionCode.optional() });

export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, "expected a quarter such as 2025-Q3");

const Count = z.number().int("expected a whole number").min(0, "expected a number ≥ 0").nullable();

export const ScorecardBody = z.object({
  targets: z.object({ ibu_hamil: Count, anak_0_23: Count }),
  counts: z.record(z.string(), z.object({ y: Count, ts: Count })),
  version: Version,
});
export type ScorecardBody = z.infer<typeof ScorecardBody>;

export const ScorecardParams = z.object({ village: RegionCode, quarter: Quarter });
export const ScorecardsQuery = z.object({
  region: RegionCode.optional(),
  /** A quarter (2025-Q3) or a year (2025: every quarter of it). */
  period: z.string().regex(/^\d{4}(-Q[1-4])?$/, "expected a quarter such as 2025-Q3 or a year such as 2025"),
});

const Level = z.object({
  y: z.number(),
  ts: z.number(),
  cells: z.number(),
  denominator: z.number(),
  pct: z.number().nullable(),
});

export const Scorecard = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  quarter: z.string(),
  input: z.object({
    targets: z.object({ ibu_hamil: z.number().nullable(), anak_0_23: z.number().nullable() }),
    counts: z.record(z.string(), z.object({ y: z.number().nullable(), ts: z.number().nullable() })),
  }),
  indicators: z.array(
    z.object({
      code: z.string(),
      group: z.enum(["ibu_hamil", "anak_0_23"]),
      name: z.string(),
      targets: z.number(),
      y: z.number(),
      t: z.number(),
      ts: z.number(),
      unrecorded: z.number(),
      coveragePct: z.number().nullable(),
    }),
  ),
  groups: z.object({ ibu_hamil: Level, anak_0_23: Level }),
  level: Level,
  unrecorded: z.array(z.string()),
  version: z.number(),
  canEdit: z.boolean(),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const ScorecardSummary = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  quarter: z.string(),
  targetsIbuHamil: z.number().nullable(),
  targetsAnak: z.number().nullable(),
  levelPct: z.number().nullable(),
  unrecorded: z.number(),
});
export type ScorecardSummary = z.infer<typeof ScorecardSummary>;

export const ScorecardImportReport = z.object({
  rowsRead: z.number(),
  saved: z.number(),
  errors: z.array(
    z.object({ rowNo: z.number(), field: z.string(), reason: z.string(), userMessage: UserMessageShape }),
  ),
});
export type ScorecardImportReport = z.infer<typeof ScorecardImportReport>;

const ReviewIndicator = z.object({
  name: PlainText(300).pipe(z.string().min(1, "expected the indicator's name")),
  unit: PlainText(30).default("%"),
  target: z.number().nullable(),
  achieved: z.number().nullable(),
  source: PlainText(300).default(""),
});

export const ReviewBody = z.object({
  publicationComment: LongText(10_000).optional(),
  /** true publishes the commentary on the public page (from now); false withdraws it. */
  publicationPublished: z.boolean().optional(),
  lessons: LongText(20_000).optional(),
  indicators: z.array(ReviewIndicator).max(100).optional(),
  version: Version,
});
export type ReviewBody = z.infer<typeof ReviewBody>;

export const AksiReview = z.object({
  cycleId: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  year: z.number(),
  publicationComment: z.string(),
  /** When the commentary was published on the public page; null while it is a draft. */
  publicationPublishedAt: z.string().nullable(),
  lessons: z.string(),
  indicators: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      target: z.number().nullable(),
      achieved: z.number().nullable(),
      source: z.string(),
    }),
  ),
  /** Stunting prevalence per year from the roll-ups (routine data), oldest first. */
  stuntingTrend: z.array(
    z.object({
      year: z.number(),
      measured: z.number(),
      stunted: z.number(),
      prevalencePct: z.number().nullable(),
    }),
  ),
  stuntingTarget: z.object({ value: z.number(), source: z.string() }).nullable(),
  scorecards: z.array(
    z.object({ quarter: z.string(), villages: z.number(), levelPct: z.number().nullable() }),
  ),
  kpm: z.object({ villages: z.number(), villagesWithKpm: z.number(), kpm: z.number(), trained: z.number() }),
  rembuk: z.number(),
  regulations: z.number(),
  /** Planned vs realised activities: null while the cycle holds no activity plan. */
  activities: z.null(),
  links: z.object({ dataQuality: z.string(), publicPage: z.string() }),
  prefilledCycleId: z.string().nullable(),
  version: z.number(),
  canEdit: z.boolean(),
});
export type AksiReview = z.infer<typeof AksiReview>;

export const PublicCommentaryQuery = z.object({ district: RegionCode, year: Year });

/** The district's published commentary (aksi 7) on a year's figures; null when none is published. */
export const PublicCommentary = z.object({
  commentary: z.object({ year: z.number(), text: z.string(), publishedAt: z.string() }).nullable(),
});
export type PublicCommentary = z.infer<typeof PublicCommentary>;
