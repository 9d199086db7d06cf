/** Request and response shapes of SKDN, the posyandu page (action lists) and data quality. */
import { z } from "zod";
import { Period, Region, RegionCode, Timestamp, Uuid } from "./common.ts";

const rate = z.number().nullable();

/** SKDN counts and indicators of a unit and month (core skdn-counts.ts). */
export const SkdnFigures = z.object({
  s: z.number().int(),
  k: z.number().int().nullable(),
  kUnknown: z.number().int(),
  d: z.number().int(),
  n: z.number().int(),
  t: z.number().int(),
  o: z.number().int(),
  b: z.number().int(),
  twoT: z.number().int(),
  bgm: z.number().int(),
  ks: rate,
  dk: rate,
  ds: rate,
  nd: rate,
  twoTd: rate,
  bgmD: rate,
  consistent: z.boolean(),
});
export type SkdnFigures = z.infer<typeof SkdnFigures>;

export const KbmInfo = z.object({
  id: z.string(),
  label: z.string(),
  source: z.string(),
  isDefault: z.boolean(),
});

/** A unit of an SKDN report: a region, or a posyandu (level "posyandu", code its id). */
export const SkdnUnit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
});

export const SkdnQuery = z.object({
  region: RegionCode.optional(),
  posyandu: Uuid.optional(),
  period: Period.optional(),
});

export const SkdnReport = z
  .object({
    unit: SkdnUnit,
    ancestors: z.array(Region),
    period: z.string().nullable(),
    periods: z.array(z.string()),
    kbm: KbmInfo.nullable(),
    /** The table the unit's district uses now (after a change, the figures follow at the refresh). */
    kbmInUse: KbmInfo.extend({ chosenBy: z.enum(["district", "national", "builtin"]) }),
    refreshedAt: Timestamp.nullable(),
    summary: SkdnFigures,
    children: z.array(SkdnUnit.extend(SkdnFigures.shape)),
    trend: z.array(SkdnFigures.extend({ period: z.string() })),
  })
  .meta({ id: "SkdnReport" });
export type SkdnReport = z.infer<typeof SkdnReport>;

export const PosyanduParams = z.object({ id: Uuid });

/** One child of a posyandu page: latest status, growth alerts and the action lists it is on. */
export const PosyanduChild = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.union([z.literal(1), z.literal(2)]),
  birthDate: z.string(),
  ageMonths: z.number().int(),
  lastDate: z.string().nullable(),
  weight: z.number().nullable(),
  height: z.number().nullable(),
  haz: z.number().nullable(),
  waz: z.number().nullable(),
  whz: z.number().nullable(),
  alerts: z.array(z.object({ rule: z.enum(["T", "2T", "BGM"]), since: z.string() })),
  lists: z.array(z.string()),
  /** 2T or BGM: the referral alert. */
  needsReferral: z.boolean(),
  /** The child's latest referral (null: none, or the caller may not see referrals). */
  referral: z.object({ id: z.string(), status: z.enum(["referred", "attended", "resolved"]) }).nullable(),
});
export type PosyanduChild = z.infer<typeof PosyanduChild>;

export const PosyanduPage = z
  .object({
    posyandu: z.object({
      id: z.string(),
      name: z.string(),
      villageCode: z.string(),
      villageName: z.string().nullable(),
    }),
    ancestors: z.array(Region),
    asOf: z.string(),
    lastSession: z.string().nullable(),
    kbm: KbmInfo.extend({ chosenBy: z.enum(["district", "national", "builtin"]) }),
    mayRefer: z.boolean(),
    counts: z.record(z.string(), z.number().int()),
    children: z.array(PosyanduChild),
  })
  .meta({ id: "PosyanduPage" });
export type PosyanduPage = z.infer<typeof PosyanduPage>;

export const QualityQuery = z.object({
  region: RegionCode.optional(),
  posyandu: Uuid.optional(),
  period: Period.optional(),
});

/** The headline figures of a unit's data-quality report (core QualitySummary). */
export const QualitySummaryShape = z.object({
  measurements: z.number().int(),
  children: z.number().int(),
  haz_n: z.number().int(),
  haz_sd: rate,
  waz_n: z.number().int(),
  waz_sd: rate,
  whz_n: z.number().int(),
  whz_sd: rate,
  haz_flagged_pct: rate,
  waz_flagged_pct: rate,
  whz_flagged_pct: rate,
  weight_dps: rate,
  lenhei_dps: rate,
  missing_nik_pct: rate,
});

export const QualityReportResponse = z
  .object({
    unit: SkdnUnit,
    ancestors: z.array(Region),
    period: z.string().nullable(),
    periods: z.array(z.string()),
    /** core DataQualityReport with `children` (the web reads it with core's type). */
    report: z.record(z.string(), z.unknown()),
    summary: QualitySummaryShape,
    likelyDuplicates: z.object({ groups: z.number().int(), extraChildren: z.number().int() }),
    units: z.array(SkdnUnit.extend(QualitySummaryShape.shape)),
  })
  .meta({ id: "QualityReport" });
export type QualityReportResponse = z.infer<typeof QualityReportResponse>;
