/** Request and response shapes of children, measurements, z-score preview and growth charts. */
import { z } from "zod";
import { BirthDate, IsoDate, NAME_MAX, PlainText, RegionCode, Timestamp, Uuid } from "./common.ts";

export const Sex = z.union([z.literal(1), z.literal(2)]);
export const Measure = z.enum(["l", "h"]);

export const LastMeasurement = z.object({
  date: z.string(),
  ageDays: z.number().nullable(),
  weight: z.number().nullable(),
  height: z.number().nullable(),
  zlen: z.number().nullable(),
  tbu: z.string().nullable(),
});

export const ChildListItem = z
  .object({
    id: z.string(),
    name: z.string(),
    sex: Sex,
    birthDate: z.string(),
    nikMasked: z.string().nullable(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
    posyanduId: z.string().nullable(),
    posyanduName: z.string().nullable(),
    lastMeasurement: LastMeasurement.nullable(),
  })
  .meta({ id: "ChildListItem" });
export type ChildListItem = z.infer<typeof ChildListItem>;

export const Child = ChildListItem.extend({
  kkMasked: z.string().nullable(),
  motherName: z.string().nullable(),
  birthWeight: z.number().nullable(),
  birthLength: z.number().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
}).meta({ id: "Child" });
export type Child = z.infer<typeof Child>;

export const Measurement = z
  .object({
    id: z.string(),
    date: z.string(),
    ageDays: z.number().nullable(),
    weight: z.number().nullable(),
    height: z.number().nullable(),
    measure: Measure.nullable(),
    oedema: z.boolean(),
    headc: z.number().nullable(),
    armc: z.number().nullable(),
    /** KMS / Buku KIA seen at this weighing (null: not recorded), counted in SKDN K. */
    hasKms: z.boolean().nullable().optional(),
    source: z.string(),
    posyanduId: z.string().nullable(),
    zlen: z.number().nullable(),
    zwei: z.number().nullable(),
    zwfl: z.number().nullable(),
    zbmi: z.number().nullable(),
    flen: z.boolean().nullable(),
    fwei: z.boolean().nullable(),
    fwfl: z.boolean().nullable(),
    fbmi: z.boolean().nullable(),
    tbu: z.string().nullable(),
    bbu: z.string().nullable(),
    bbtb: z.string().nullable(),
    imtu: z.string().nullable(),
  })
  .meta({ id: "Measurement" });
export type Measurement = z.infer<typeof Measurement>;

/** Whether a search term holds a NIK or No. KK (16 digits or more, spaces and dots aside). */
export function looksLikeNik(text: string): boolean {
  return text.replace(/\D+/g, "").length >= 16;
}

export const ChildrenQuery = z.object({
  /** A part of a name. A NIK is never searched here: a URL is logged, by proxies too. */
  q: PlainText(100)
    .refine(
      (q) => !looksLikeNik(q),
      "a NIK is not searched in a URL (URLs are logged): use POST /api/children/search with { nik }",
    )
    .optional(),
  region: RegionCode.optional(),
  posyanduId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ChildrenQuery = z.infer<typeof ChildrenQuery>;
/** A NIK search (POST /api/children/search): in the body, never in a URL. */
export const ChildrenNikSearchBody = z.object({
  nik: z.string().regex(/^\d{16}$/, "expected the 16 digits of a NIK"),
  region: RegionCode.optional(),
});
export type ChildrenNikSearchBody = z.infer<typeof ChildrenNikSearchBody>;
export const ChildrenResponse = z.object({ children: z.array(ChildListItem), total: z.number().int() });
export const IdParams = z.object({ id: z.string().min(1).max(100) });
export const ChildResponse = z.object({ child: Child, measurements: z.array(Measurement) });
export const IdentityResponse = z.object({
  nik: z.string().nullable(),
  kk: z.string().nullable(),
  motherNik: z.string().nullable(),
});

export const Warning = z.object({ field: z.string(), code: z.string(), message: z.string() });
export type Warning = z.infer<typeof Warning>;

const Nik = z.string().regex(/^\d{16}$/, "expected 16 digits");
const positive = (max: number, unit: string) =>
  z.number().positive().max(max, `expected at most ${max} ${unit}`);

export const CreateChildBody = z.object({
  name: PlainText(NAME_MAX).min(1),
  sex: Sex,
  birthDate: BirthDate,
  villageCode: RegionCode,
  posyanduId: z.string().max(100).optional(),
  nik: Nik.optional(),
  kk: Nik.optional(),
  motherName: PlainText(NAME_MAX).optional(),
  birthWeight: positive(10, "kg").optional(),
  birthLength: positive(70, "cm").optional(),
  /** The id an offline device gave the child: sent again, the same child is answered, not a second one. */
  clientId: Uuid.optional(),
});
export type CreateChildBody = z.infer<typeof CreateChildBody>;
export const CreateChildResponse = z.object({ child: Child });

export const MeasurementInput = z.object({
  date: IsoDate,
  weight: positive(60, "kg").optional(),
  height: positive(150, "cm").optional(),
  measure: Measure.optional(),
  oedema: z.boolean().optional(),
  headc: positive(70, "cm").optional(),
  armc: positive(40, "cm").optional(),
});
export const CreateMeasurementBody = MeasurementInput.extend({
  posyanduId: z.string().max(100).optional(),
  /** The child has its KMS / Buku KIA (seen at this weighing): SKDN K. Omitted: not recorded. */
  hasKms: z.boolean().optional(),
  /** The id an offline device gave the measurement: sent again, the stored one is answered (`replayed`). */
  clientId: Uuid.optional(),
  /** The child's version the device measured against: another version is `stale_version` with the child now. */
  childVersion: z.number().int().positive().optional(),
  /** The id of the child's measurement of the same date that this one replaces (the user chose so). */
  replaces: Uuid.optional(),
});
export type CreateMeasurementBody = z.infer<typeof CreateMeasurementBody>;
export const CreateMeasurementResponse = z.object({
  measurement: Measurement,
  warnings: z.array(Warning),
  /** True when the client id was stored before: nothing was written now. */
  replayed: z.boolean().optional(),
});
/** The child as a stale measurement's answer gives it (details.current of `stale_version`). */
export const ChildVersion = z.object({
  id: z.string(),
  name: z.string(),
  sex: Sex,
  birthDate: z.string(),
  villageCode: z.string(),
  posyanduId: z.string().nullable(),
  version: z.number().int(),
});
export type ChildVersion = z.infer<typeof ChildVersion>;

export const ZPreviewBody = MeasurementInput.extend({ sex: Sex, birthDate: BirthDate });
export type ZPreviewBody = z.infer<typeof ZPreviewBody>;

export const StatusLabel = z.object({ code: z.string(), label: z.string(), labelEn: z.string() }).nullable();
export const ZPreview = z
  .object({
    ageDays: z.number().nullable(),
    ageMonths: z.number().nullable(),
    zlen: z.number().nullable(),
    zwei: z.number().nullable(),
    zwfl: z.number().nullable(),
    zbmi: z.number().nullable(),
    flen: z.boolean().nullable(),
    fwei: z.boolean().nullable(),
    fwfl: z.boolean().nullable(),
    fbmi: z.boolean().nullable(),
    status: z.object({ tbu: StatusLabel, bbu: StatusLabel, bbtb: StatusLabel, imtu: StatusLabel }),
    warnings: z.array(Warning),
  })
  .meta({ id: "ZPreview" });
export type ZPreview = z.infer<typeof ZPreview>;

export const GrowthIndicator = z.enum(["lhfa", "wfa", "wflh"]);
export const GrowthReferenceQuery = z.object({
  indicator: GrowthIndicator,
  sex: z.coerce.number().pipe(Sex),
  measure: Measure.optional(),
});
const Line = z.array(z.tuple([z.number(), z.number()]));
export const GrowthReference = z.object({
  indicator: GrowthIndicator,
  sex: Sex,
  xUnit: z.enum(["days", "cm"]),
  lines: z.object({ "-3": Line, "-2": Line, "-1": Line, "0": Line, "1": Line, "2": Line, "3": Line }),
});
export type GrowthReference = z.infer<typeof GrowthReference>;

export const PosyanduChildrenQuery = z.object({ date: IsoDate.optional() });
export const PosyanduChildrenResponse = z.object({
  posyandu: z.object({
    id: z.string(),
    name: z.string(),
    villageCode: z.string(),
    villageName: z.string().nullable(),
  }),
  children: z.array(ChildListItem.extend({ measuredOnDate: z.boolean(), version: z.number().int() })),
});
export const UuidParam = Uuid;
