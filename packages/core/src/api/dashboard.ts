/** Request and response shapes of regions, the dashboard and posyandu lists. */
import { z } from "zod";
import { Period, PlainText, Region, RegionCode, Timestamp } from "./common.ts";

export const RegionResponse = z.object({ region: Region, ancestors: z.array(Region) });
export const RegionsResponse = z.object({ regions: z.array(Region) });
export const RegionSearchQuery = z.object({
  q: PlainText(100).min(2, "expected at least 2 characters"),
  within: RegionCode.optional(),
  level: z.enum(["province", "district", "subdistrict", "village"]).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const RegionParams = z.object({ code: RegionCode });

const rate = z.number().nullable();

/** Counts and rates of one region (or posyandu) for one period. */
export const Figures = z.object({
  measured: z.number().int(),
  validHaz: z.number().int(),
  stunted: z.number().int(),
  severelyStunted: z.number().int(),
  wasted: z.number().int(),
  severelyWasted: z.number().int(),
  underweight: z.number().int(),
  overweight: z.number().int(),
  newStunting: z.number().int(),
  target: z.number().int().nullable(),
  stuntingRate: rate,
  severeStuntingRate: rate,
  wastingRate: rate,
  underweightRate: rate,
  overweightRate: rate,
  coverageRate: rate,
});
export type Figures = z.infer<typeof Figures>;

export const FigureSource = z.object({
  kind: z.literal("routine"),
  label: z.string(),
  synthetic: z.boolean(),
  refreshedAt: Timestamp.nullable(),
});

export const NationalTarget = z.object({ stunting: z.number(), label: z.string() });

export const DashboardQuery = z.object({ region: RegionCode.optional(), period: Period.optional() });
export const Dashboard = z
  .object({
    region: Region,
    ancestors: z.array(Region),
    period: z.string().nullable(),
    source: FigureSource,
    summary: Figures,
    children: z.array(Region.extend(Figures.shape)),
    trend: z.array(Figures.extend({ period: z.string() })),
    nationalTarget: NationalTarget,
  })
  .meta({ id: "Dashboard" });
export type Dashboard = z.infer<typeof Dashboard>;

export const PeriodsQuery = z.object({ region: RegionCode.optional() });
export const PeriodsResponse = z.object({
  periods: z.array(z.string()),
  /** The month a page opens on (core default-period.ts); null without data. */
  defaultPeriod: z.string().nullable().optional(),
  /** Each month's completeness against the region's usual reporting (1 = as usual). */
  completeness: z
    .array(z.object({ period: z.string(), completeness: z.number().nullable(), eligible: z.boolean() }))
    .optional(),
});

export const Posyandu = z.object({
  id: z.string(),
  name: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
});
export const PosyanduQuery = z.object({ region: RegionCode.optional() });
export const PosyanduResponse = z.object({ posyandu: z.array(Posyandu) });

export const HealthResponse = z.object({ ok: z.literal(true), engine: z.string() });
export const MetaResponse = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.object({ synthetic: z.boolean(), districtCode: z.string().nullable() }),
  mapAttribution: z.string().nullable(),
  nationalTarget: NationalTarget,
});
