/** Shapes of import uploads, map boundaries, exports and the public API. */
import { z } from "zod";
import { Period, PlainText, Region, RegionCode, Timestamp, UserMessageShape } from "./common.ts";
import { NationalTarget } from "./dashboard.ts";

/** A row message: its catalogue code (`row.*`, messages.ts) and parameters; the English text beside it. */
const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));
export const RejectedRow = z.object({
  sheet: z.string().nullable(),
  row: z.number().int(),
  field: z.string().nullable(),
  /** The cell as found (identifiers masked). */
  value: z.string().nullable(),
  /** Absent in reports stored before the codes. */
  code: z.string().optional(),
  params: MessageParams.optional(),
  reason: z.string(),
});
/** A measurement imported with a WHO flag: the row, child, indicator, z-score and values measured. */
export const FlaggedRow = z.object({
  row: z.number().int(),
  name: z.string(),
  /** len (TB/U), wei (BB/U), wfl (BB/TB), bmi (IMT/U), pos (measured standing under 9 months). */
  indicator: z.enum(["len", "wei", "wfl", "bmi", "pos"]),
  /** The indicator's name as programmes write it (TB/U...). */
  indicatorLabel: z.string(),
  zscore: z.number().nullable(),
  weight: z.number().nullable(),
  lenhei: z.number().nullable(),
  ageDays: z.number().int().nullable(),
  code: z.string(),
  params: MessageParams,
});
export const ImportReport = z.object({
  rowsRead: z.number().int(),
  childrenCreated: z.number().int(),
  childrenUpdated: z.number().int(),
  measurementsAdded: z.number().int(),
  measurementsUpdated: z.number().int(),
  measurementsUnchanged: z.number().int(),
  measurementsFlagged: z.number().int(),
  posyanduCreated: z.number().int(),
  rowsRepeated: z.number().int(),
  duplicates: z.number().int(),
  likelyDuplicates: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      birthDate: z.string(),
      code: z.string().optional(),
      params: MessageParams.optional(),
      reason: z.string(),
    }),
  ),
  rejected: z.array(RejectedRow),
  rejectedCount: z.number().int(),
  /** The WHO flags (the first 50,000; `flaggedCount` counts them all). */
  flagged: z.array(FlaggedRow),
  flaggedCount: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportUpload = z
  .object({
    id: z.string(),
    fileName: z.string(),
    district: z.string(),
    status: z.enum(["dry_run", "imported", "cancelled", "expired"]),
    createdAt: Timestamp,
    createdBy: z.string(),
    report: ImportReport,
  })
  .meta({ id: "ImportUpload" });
export type ImportUpload = z.infer<typeof ImportUpload>;
export const ImportResponse = z.object({ import: ImportUpload });

export const BoundariesQuery = z.object({ parent: RegionCode.optional() });
export const PublicBoundariesQuery = z.object({ parent: RegionCode });
const Geometry = z.object({ type: z.string(), coordinates: z.array(z.unknown()) }).passthrough();
export const BoundaryFeature = z.object({
  type: z.literal("Feature"),
  properties: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  geometry: Geometry,
});
export const MissingRegion = z.object({ code: z.string(), name: z.string() });
export const BoundaryCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(BoundaryFeature),
  attribution: z.string().nullable(),
  missing: z.array(MissingRegion),
});
export type BoundaryCollection = z.infer<typeof BoundaryCollection>;
export const UploadBoundariesBody = z.object({
  geojson: z.object({
    type: z.literal("FeatureCollection"),
    features: z
      .array(
        z.object({
          type: z.literal("Feature"),
          properties: z.record(z.string(), z.unknown()).nullable(),
          geometry: Geometry.nullable(),
        }),
      )
      .min(1)
      .max(100_000),
  }),
  codeProperty: PlainText(100).min(1).default("code"),
  attribution: PlainText(500).optional(),
});
export type UploadBoundariesBody = z.infer<typeof UploadBoundariesBody>;
export const UploadBoundariesResponse = z.object({
  matched: z.array(z.object({ index: z.number().int(), code: z.string(), name: z.string() })),
  unmatched: z.array(
    z.object({
      index: z.number().int(),
      value: z.string().nullable(),
      reason: z.string(),
      userMessage: UserMessageShape,
    }),
  ),
  missing: z.array(MissingRegion),
});
export type UploadBoundariesResponse = z.infer<typeof UploadBoundariesResponse>;

export const ExportQuery = z.object({
  table: z.enum(["dashboard", "trend", "children", "measurements"]),
  region: RegionCode.optional(),
  period: Period.optional(),
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** CSV dialect: Excel with Indonesian settings (semicolon, decimal comma; the default) or plain (comma, point). */
  dialect: z.enum(["excel-id", "plain"]).default("excel-id"),
  /** For the children table: the name search the list on screen shows (as GET /api/children). */
  q: PlainText(100).optional(),
  /** For the children table: the posyandu filter the list on screen shows. */
  posyanduId: PlainText(100).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

const count = z.number().int().nullable();
const rate = z.number().nullable();
export const PublicFigures = z.object({
  measured: count,
  /** Children with a valid length/height-for-age: the denominator of the stunting rate. */
  validHaz: count,
  stunted: count,
  severelyStunted: count,
  wasted: count,
  underweight: count,
  overweight: count,
  stuntingRate: rate,
  wastingRate: rate,
  underweightRate: rate,
  overweightRate: rate,
  suppressed: z.boolean(),
});
export type PublicFigures = z.infer<typeof PublicFigures>;
export const PublicDistrictsQuery = z.object({ q: PlainText(100).optional() });
export const PublicDistrictsResponse = z.object({
  districts: z.array(z.object({ code: z.string(), name: z.string(), provinceName: z.string().nullable() })),
});
export const PublicPeriodsQuery = z.object({ district: RegionCode });
export const PublicPrevalenceQuery = z.object({ district: RegionCode, period: Period.optional() });
export const PublicPrevalence = z
  .object({
    district: Region,
    period: z.string().nullable(),
    source: z.object({ label: z.string(), synthetic: z.boolean() }),
    nationalTarget: NationalTarget,
    total: PublicFigures,
    subdistricts: z.array(PublicFigures.extend({ code: z.string(), name: z.string() })),
    villages: z.array(
      PublicFigures.extend({ code: z.string(), name: z.string(), subdistrictCode: z.string() }),
    ),
  })
  .meta({ id: "PublicPrevalence" });
export type PublicPrevalence = z.infer<typeof PublicPrevalence>;
