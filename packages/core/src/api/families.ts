/**
 * Request and response shapes of keluarga sasaran (target families and their at-risk assessment)
 * and TPK family assistance (teams, targets, visits, coverage).
 */
import { z } from "zod";
import { KRS_FACTORS, LATRINES, WATER_SOURCES } from "../programme/keluarga.ts";
import { TPK_TARGET_KINDS } from "../programme/tpk.ts";
import {
  BirthDate,
  IsoDate,
  NAME_MAX,
  PlainText,
  RegionCode,
  Timestamp,
  UserMessageShape,
  Uuid,
} from "./common.ts";

export const Semester = z.string().regex(/^\d{4}-S[12]$/, "expected a semester such as 2025-S2");
export const FamilyDataSource = z.enum(["pk", "verval", "tpk", "manual"]);
export const WaterSource = z.enum(WATER_SOURCES);
export const Latrine = z.enum(LATRINES);
export const KrsVerdict = z.enum(["berisiko", "tidak_berisiko", "tidak_diketahui"]);
export const KrsFactor = z.enum(KRS_FACTORS);

export const FamilyChildInput = z.object({
  name: PlainText(NAME_MAX).pipe(z.string().min(1, "expected the child's name")),
  birthDate: BirthDate.nullable().optional(),
  /** Used once to find the child's record (by keyed hash); never stored with the family. */
  nik: z
    .string()
    .regex(/^\d{16}$/, "expected a NIK of 16 digits")
    .optional(),
});

export const FamilyBody = z.object({
  villageCode: RegionCode,
  semester: Semester,
  dataSource: FamilyDataSource,
  headName: PlainText(NAME_MAX).pipe(z.string().min(1, "expected the head of the family's name")),
  motherName: PlainText(NAME_MAX).nullable().optional(),
  motherBirthDate: BirthDate.nullable().optional(),
  pregnant: z.boolean().nullable().optional(),
  waterSource: WaterSource.nullable().optional(),
  latrine: Latrine.nullable().optional(),
  rt: PlainText(5).nullable().optional(),
  rw: PlainText(5).nullable().optional(),
  address: PlainText(200).nullable().optional(),
  /** The children; null when they are not recorded (unknown, not none). */
  children: z.array(FamilyChildInput).max(20).nullable().optional(),
  /** The date the facts refer to (ages on that day); today when left out. */
  assessedOn: IsoDate.optional(),
});
export type FamilyBody = z.infer<typeof FamilyBody>;

export const FamilyUpdateBody = FamilyBody.extend({ version: z.number().int().positive() });
export type FamilyUpdateBody = z.infer<typeof FamilyUpdateBody>;

export const KrsFactorResult = z.object({
  value: z.boolean().nullable(),
  detail: z.string(),
  /** Absent in assessments stored before the codes. */
  userMessage: UserMessageShape.optional(),
});

export const FamilyAssessment = z.object({
  rule: z.string(),
  on: z.string(),
  verdict: KrsVerdict,
  factors: z.record(z.string(), KrsFactorResult),
  reasons: z.array(z.string()),
});

export const FamilyListItem = z
  .object({
    id: z.string(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    semester: z.string(),
    headName: z.string(),
    motherName: z.string().nullable(),
    pregnant: z.boolean().nullable(),
    childrenCount: z.number().int().nullable(),
    verdict: KrsVerdict,
    reasons: z.array(z.string()),
  })
  .meta({ id: "FamilyListItem" });
export type FamilyListItem = z.infer<typeof FamilyListItem>;

export const FamilyChild = z.object({
  name: z.string(),
  birthDate: z.string().nullable(),
  childId: z.string().nullable(),
});

export const Family = z
  .object({
    id: z.string(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    semester: z.string(),
    dataSource: z.string(),
    headName: z.string(),
    motherName: z.string().nullable(),
    motherBirthDate: z.string().nullable(),
    pregnant: z.boolean().nullable(),
    waterSource: z.string().nullable(),
    latrine: z.string().nullable(),
    rt: z.string().nullable(),
    rw: z.string().nullable(),
    address: z.string().nullable(),
    children: z.array(FamilyChild).nullable(),
    assessment: FamilyAssessment,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: z.number().int(),
  })
  .meta({ id: "Family" });
export type Family = z.infer<typeof Family>;

export const FamiliesQuery = z.object({
  region: RegionCode.optional(),
  semester: Semester.optional(),
  verdict: KrsVerdict.optional(),
  q: PlainText(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FamiliesQuery = z.infer<typeof FamiliesQuery>;

export const FamiliesResponse = z.object({ families: z.array(FamilyListItem), total: z.number().int() });
export type FamiliesResponse = z.infer<typeof FamiliesResponse>;
export const FamilyResponse = z.object({ family: Family });

/** At-risk families per village (aggregate: what analisis situasi reads). */
export const FamilyCountRow = z.object({
  villageCode: z.string(),
  villageName: z.string().nullable(),
  families: z.number().int(),
  berisiko: z.number().int(),
  tidakBerisiko: z.number().int(),
  tidakDiketahui: z.number().int(),
  /** Families with each factor true. */
  factors: z.record(z.string(), z.number().int()),
});
export type FamilyCountRow = z.infer<typeof FamilyCountRow>;

export const FamilyCountsQuery = z.object({ region: RegionCode.optional(), semester: Semester });
export const FamilyCountsResponse = z.object({
  region: z.string(),
  semester: z.string(),
  rule: z.string(),
  villages: z.array(FamilyCountRow),
  total: FamilyCountRow,
});
export type FamilyCountsResponse = z.infer<typeof FamilyCountsResponse>;

// ---- TPK ----

export const TpkTargetKind = z.enum(TPK_TARGET_KINDS);
export const TpkVisitType = z.enum(["penyuluhan", "rujukan", "bansos"]);

export const TpkTeamBody = z.object({
  name: PlainText(NAME_MAX).pipe(z.string().min(1, "expected the team's name")),
  bidanName: PlainText(NAME_MAX).nullable().optional(),
  pkkName: PlainText(NAME_MAX).nullable().optional(),
  kbName: PlainText(NAME_MAX).nullable().optional(),
  villages: z.array(RegionCode).min(1, "expected at least one village").max(50),
});
export type TpkTeamBody = z.infer<typeof TpkTeamBody>;

export const TpkTeam = z
  .object({
    id: z.string(),
    districtCode: z.string(),
    name: z.string(),
    bidanName: z.string().nullable(),
    pkkName: z.string().nullable(),
    kbName: z.string().nullable(),
    villages: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  })
  .meta({ id: "TpkTeam" });
export type TpkTeam = z.infer<typeof TpkTeam>;

export const TpkTeamsQuery = z.object({ region: RegionCode.optional() });
export const TpkTeamsResponse = z.object({ teams: z.array(TpkTeam) });

export const TpkTargetBody = z.object({
  villageCode: RegionCode,
  kind: TpkTargetKind,
  name: PlainText(NAME_MAX).pipe(z.string().min(1, "expected the person's name")),
  familyId: Uuid.nullable().optional(),
  childId: Uuid.nullable().optional(),
  /** A bride-to-be's wedding date: required for a catin, who is a target from 3 months before it. */
  weddingDate: IsoDate.nullable().optional(),
});
export type TpkTargetBody = z.infer<typeof TpkTargetBody>;

export const TpkTarget = z
  .object({
    id: z.string(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    kind: TpkTargetKind,
    name: z.string(),
    familyId: z.string().nullable(),
    childId: z.string().nullable(),
    source: z.string(),
    reasons: z.array(z.string()),
    since: z.string(),
    weddingDate: z.string().nullable(),
    /** The family's at-risk verdict and true factors, when the target is linked to a family. */
    familyVerdict: KrsVerdict.nullable(),
    familyReasons: z.array(z.string()),
    lastVisit: z.string().nullable(),
    visits: z.number().int(),
  })
  .meta({ id: "TpkTarget" });
export type TpkTarget = z.infer<typeof TpkTarget>;

export const TpkTargetsQuery = z.object({
  region: RegionCode.optional(),
  kind: TpkTargetKind.optional(),
  q: PlainText(100).optional(),
});
export const TpkTargetsResponse = z.object({ targets: z.array(TpkTarget) });

export const TpkVisitBody = z.object({
  targetId: Uuid,
  visitedOn: IsoDate,
  visitType: TpkVisitType,
  findings: PlainText(1000).nullable().optional(),
  followUp: PlainText(500).nullable().optional(),
  followUpDue: IsoDate.nullable().optional(),
  /** Screening of a catin or a pregnant woman (refused for other targets). */
  lilaCm: z.number().min(10).max(50).nullable().optional(),
  hbGdl: z.number().min(3).max(20).nullable().optional(),
  elsimil: z.enum(["ideal", "berisiko"]).nullable().optional(),
});
export type TpkVisitBody = z.infer<typeof TpkVisitBody>;

export const TpkVisit = z
  .object({
    id: z.string(),
    targetId: z.string(),
    teamId: z.string().nullable(),
    villageCode: z.string(),
    visitedOn: z.string(),
    visitType: TpkVisitType,
    findings: z.string().nullable(),
    followUp: z.string().nullable(),
    followUpDue: z.string().nullable(),
    lilaCm: z.number().nullable(),
    hbGdl: z.number().nullable(),
    elsimil: z.enum(["ideal", "berisiko"]).nullable(),
  })
  .meta({ id: "TpkVisit" });
export type TpkVisit = z.infer<typeof TpkVisit>;

export const TpkVisitsResponse = z.object({ visits: z.array(TpkVisit) });

export const TpkFromPosyanduBody = z.object({ region: RegionCode, on: IsoDate.optional() });
export const TpkFromPosyanduResponse = z.object({
  checked: z.number().int(),
  added: z.number().int(),
  alreadyTargets: z.number().int(),
});

export const CoverageRow = z.object({
  key: z.string(),
  name: z.string().nullable(),
  targets: z.number().int(),
  assisted: z.number().int(),
  coveragePct: z.number().nullable(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const TpkCoverageQuery = z.object({ region: RegionCode.optional(), from: IsoDate, to: IsoDate });
export const TpkCoverageResponse = z.object({
  region: z.string(),
  from: z.string(),
  to: z.string(),
  total: CoverageRow,
  byVillage: z.array(CoverageRow),
  byTeam: z.array(CoverageRow),
  byKind: z.array(CoverageRow),
});
export type TpkCoverageResponse = z.infer<typeof TpkCoverageResponse>;
