/**
 * API shapes of analisis situasi and the integrated plan of an aksi cycle: indicators with their
 * targets, indicator values, the analysis per village, the desa lokus ranking and decision, the
 * activities with their budget, and the budget tagging summaries.
 */
import { z } from "zod";
import { LOKUS_CRITERIA } from "../programme/lokus.ts";
import { PlanActivity } from "../programme/rencana.ts";
import { Year } from "./aksi.ts";
import { RegionCode, UserMessageShape } from "./common.ts";

export const IndicatorsQuery = z.object({ district: RegionCode, year: Year });

export const IndicatorWithTarget = z.object({
  code: z.string(),
  name: z.string(),
  intervention: z.string(),
  targetGroup: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  unit: z.string(),
  direction: z.enum(["higher", "lower"]),
  dataSource: z.string(),
  responsibleAgency: z.string(),
  kepmendagriCode: z.string().nullable(),
  /** How Tumbuh computes it from its own data, when it can. */
  computed: z.string().nullable(),
  target: z
    .object({
      value: z.number(),
      targetYear: z.number(),
      origin: z.enum(["own", "ancestor", "national"]),
      source: z.string(),
      confidence: z.string(),
    })
    .nullable(),
});
export type IndicatorWithTarget = z.infer<typeof IndicatorWithTarget>;

export const IndicatorsResponse = z.object({
  district: z.string(),
  year: z.number(),
  indicators: z.array(IndicatorWithTarget),
  canEdit: z.boolean(),
});
export type IndicatorsResponse = z.infer<typeof IndicatorsResponse>;

export const IndicatorTargetBody = z.object({
  districtCode: RegionCode,
  year: Year,
  value: z.number().nonnegative(),
  source: z.string().trim().min(1, "expected where the target comes from (e.g. RPJMD)").max(300),
});
export const IndicatorCodeParams = z.object({ code: z.string().min(1).max(40) });

export const IndicatorValueInput = z.object({
  regionCode: RegionCode,
  indicatorCode: z.string().min(1).max(40),
  value: z.number().nonnegative(),
  numerator: z.number().nonnegative().nullable().optional(),
  denominator: z.number().nonnegative().nullable().optional(),
  source: z.string().trim().min(1, "expected the value's source").max(300),
});
export const IndicatorValuesBody = z.object({
  districtCode: RegionCode,
  year: Year,
  values: z.array(IndicatorValueInput).min(1).max(5000),
});

export const AnsitQuery = z.object({ year: Year.optional() });

export const AnsitCell = z.object({
  indicatorCode: z.string(),
  value: z.number().nullable(),
  source: z.string().nullable(),
  entry: z.enum(["form", "import", "computed"]).nullable(),
  target: z.number().nullable(),
  targetOrigin: z.enum(["own", "ancestor", "national"]).nullable(),
  gap: z.number().nullable(),
  met: z.boolean().nullable(),
});

export const AnsitVillage = z.object({
  code: z.string(),
  name: z.string(),
  subdistrict: z.string(),
  measured: z.number().nullable(),
  stunted: z.number().nullable(),
  severelyStunted: z.number().nullable(),
  stuntingRate: z.number().nullable(),
  sasaran: z.number().nullable(),
  measurementCoverage: z.number().nullable(),
  families: z.number().nullable(),
  atRiskFamilies: z.number().nullable(),
  indicators: z.array(AnsitCell),
  coverageGap: z.number().nullable(),
  lokus: z.boolean(),
});
export type AnsitVillage = z.infer<typeof AnsitVillage>;

export const AnsitResponse = z.object({
  cycleId: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  year: z.number(),
  familySemester: z.string().nullable(),
  indicators: z.array(IndicatorWithTarget),
  villages: z.array(AnsitVillage),
  totals: z.object({
    measured: z.number(),
    stunted: z.number(),
    severelyStunted: z.number(),
    stuntingRate: z.number().nullable(),
    families: z.number().nullable(),
    atRiskFamilies: z.number().nullable(),
  }),
  canEdit: z.boolean(),
});
export type AnsitResponse = z.infer<typeof AnsitResponse>;

const Criterion = z.enum(LOKUS_CRITERIA);
export const LokusWeights = z.object(
  Object.fromEntries(LOKUS_CRITERIA.map((c) => [c, z.number().min(0).max(100)])) as Record<
    (typeof LOKUS_CRITERIA)[number],
    z.ZodNumber
  >,
);
export type LokusWeights = z.infer<typeof LokusWeights>;

export const LokusRankingBody = z.object({
  year: Year,
  weights: LokusWeights.optional(),
  normalisation: z.enum(["minmax", "rank"]).optional(),
});

export const LokusRankedVillage = z.object({
  code: z.string(),
  name: z.string().optional(),
  score: z.number(),
  position: z.number(),
  contributions: z.array(
    z.object({
      criterion: Criterion,
      value: z.number().nullable(),
      normalised: z.number().nullable(),
      weight: z.number(),
      weightShare: z.number(),
      points: z.number(),
    }),
  ),
  missing: z.array(Criterion),
  tiedWith: z.array(z.string()),
  selected: z.boolean(),
});
export const LokusRankingResponse = z.object({
  year: z.number(),
  weights: LokusWeights,
  normalisation: z.enum(["minmax", "rank"]),
  villages: z.array(LokusRankedVillage),
});
export type LokusRankingResponse = z.infer<typeof LokusRankingResponse>;

export const LokusDecisionBody = z.object({
  year: Year,
  villages: z
    .array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "expected village codes"))
    .min(1)
    .max(500),
  reason: z
    .string()
    .trim()
    .min(10, "expected the reason for the choice (at least 10 characters)")
    .max(10_000),
  weights: LokusWeights.optional(),
  normalisation: z.enum(["minmax", "rank"]).optional(),
  evidenceId: z.string().uuid().nullable().optional(),
  /** null for a first decision, else the stored decision's version. */
  version: z.number().int().nullable(),
});
export type LokusDecisionBody = z.infer<typeof LokusDecisionBody>;

export const LokusDecision = z.object({
  cycleId: z.string(),
  year: z.number(),
  villages: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      position: z.number().nullable(),
      score: z.number().nullable(),
    }),
  ),
  /** Chosen villages ranked below the number chosen (the reason should say why). */
  outsideTop: z.array(z.string()),
  reason: z.string(),
  weights: LokusWeights,
  evidence: z.object({ id: z.string(), fileName: z.string() }).nullable(),
  decidedAt: z.string(),
  version: z.number(),
});
export type LokusDecision = z.infer<typeof LokusDecision>;

export const LokusDecisionResponse = z.object({ decision: LokusDecision.nullable(), canEdit: z.boolean() });

export const ActivityBody = PlanActivity;
export const ActivityUpdateBody = z.object({ activity: PlanActivity, version: z.number().int() });

export const Activity = z.object({
  id: z.string(),
  activity: PlanActivity,
  paguTotal: z.number(),
  realisasiTotal: z.number(),
  lokusVillages: z.number(),
  version: z.number(),
});
export type Activity = z.infer<typeof Activity>;

const BudgetRow = z.object({
  key: z.union([z.string(), z.number()]).nullable(),
  pagu: z.number(),
  realisasi: z.number(),
  realisasiPct: z.number().nullable(),
  activities: z.number(),
});
const LokusShare = z.object({
  lokus: z.number(),
  nonLokus: z.number(),
  unlocated: z.number(),
  pctOfLocated: z.number().nullable(),
  pctOfTotal: z.number().nullable(),
});
export const BudgetSummaryShape = z.object({
  total: BudgetRow,
  byOpd: z.array(BudgetRow),
  byIndicator: z.array(BudgetRow),
  byPillar: z.array(BudgetRow),
  byIntervention: z.array(BudgetRow),
  bySource: z.array(BudgetRow),
  byVillage: z.array(BudgetRow.extend({ lokus: z.boolean().nullable(), name: z.string().nullable() })),
  lokusPagu: LokusShare,
  lokusRealisasi: LokusShare,
  issues: z.array(z.object({ activityId: z.string(), message: z.string() })),
});
export type BudgetSummaryShape = z.infer<typeof BudgetSummaryShape>;

export const PlanResponse = z.object({
  cycleId: z.string(),
  districtCode: z.string(),
  year: z.number(),
  activities: z.array(Activity),
  desaLokus: z.array(z.string()),
  summary: BudgetSummaryShape,
  canEdit: z.boolean(),
});
export type PlanResponse = z.infer<typeof PlanResponse>;

export const PlanImportResponse = z.object({
  dryRun: z.boolean(),
  rowsRead: z.number(),
  activities: z.number(),
  saved: z.number(),
  errors: z.array(
    z.object({ rowNo: z.number(), field: z.string(), message: z.string(), userMessage: UserMessageShape }),
  ),
});
export type PlanImportResponse = z.infer<typeof PlanImportResponse>;
