/** Request and response shapes of referrals, the KBM table choice and the F II Gizi report. */
import { z } from "zod";
import { Period, PlainText, Region, RegionCode, Timestamp, Uuid } from "./common.ts";
import { KbmInfo } from "./posyandu.ts";

const Status = z.enum(["referred", "attended", "resolved"]);
const Rule = z.enum(["T", "2T", "BGM"]);

export const ReferralQuery = z.object({
  region: RegionCode.optional(),
  posyandu: Uuid.optional(),
  puskesmas: Uuid.optional(),
  child: Uuid.optional(),
  status: Status.optional(),
});
export type ReferralQuery = z.infer<typeof ReferralQuery>;

export const ReferralBody = z.object({
  childId: Uuid,
  /** Why, in the cadre's words; required when the child has no T, 2T or BGM alert. */
  note: PlainText(500).optional(),
});
export type ReferralBody = z.infer<typeof ReferralBody>;

export const ReferralParams = z.object({ id: Uuid });

export const ReferralUpdate = z.object({
  status: Status,
  note: PlainText(500).optional(),
  /** The version the user saw (a stale one gets 409 with the current referral). */
  version: z.number().int().min(1),
});
export type ReferralUpdate = z.infer<typeof ReferralUpdate>;

export const ReferralEvent = z.object({
  status: Status,
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: Timestamp,
});

export const Referral = z.object({
  id: z.string(),
  childId: z.string(),
  childName: z.string(),
  sex: z.union([z.literal(1), z.literal(2)]),
  birthDate: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  posyanduId: z.string().nullable(),
  posyanduName: z.string().nullable(),
  puskesmasId: z.string().nullable(),
  puskesmasName: z.string().nullable(),
  reasons: z.array(z.string()),
  alertMonth: z.string(),
  referredOn: z.string(),
  status: Status,
  note: z.string().nullable(),
  statusBy: z.string().nullable(),
  statusAt: Timestamp,
  version: z.number().int(),
  events: z.array(ReferralEvent),
});
export type Referral = z.infer<typeof Referral>;

/** A child whose growth alerts call for a referral (2T or BGM) and who has no open one. */
export const ReferralCandidate = z.object({
  childId: z.string(),
  childName: z.string(),
  posyanduId: z.string().nullable(),
  alerts: z.array(z.object({ rule: Rule, since: z.string() })),
});

export const ReferralList = z
  .object({
    region: z.string(),
    posyandu: z.object({ id: z.string(), name: z.string() }).nullable(),
    counts: z.object({ referred: z.number().int(), attended: z.number().int(), resolved: z.number().int() }),
    referrals: z.array(Referral),
    /** Only for one posyandu: its children with a 2T or BGM alert and no open referral. */
    candidates: z.array(ReferralCandidate),
    puskesmas: z.array(z.object({ id: z.string(), name: z.string() })),
    /** Whether the caller may refer / update (the page shows the buttons accordingly). */
    mayCreate: z.boolean(),
    mayUpdate: z.boolean(),
  })
  .meta({ id: "ReferralList" });
export type ReferralList = z.infer<typeof ReferralList>;

export const ReferralResponse = z.object({ referral: Referral }).meta({ id: "ReferralResponse" });

export const KbmQuery = z.object({ region: RegionCode.optional() });

export const KbmTableShape = KbmInfo.extend({
  bands: z.array(
    z.object({ fromMonth: z.number().int(), toMonth: z.number().int(), grams: z.number().int() }),
  ),
});

const KbmChoiceRow = z.object({
  regionCode: z.string(),
  regionName: z.string().nullable(),
  kbmTable: z.string(),
  note: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: Timestamp,
});

export const KbmSettings = z
  .object({
    tables: z.array(KbmTableShape),
    builtin: z.string(),
    national: KbmChoiceRow.nullable(),
    districts: z.array(KbmChoiceRow),
    /** The table the asked region (default the user's scope) uses, and which rule chose it. */
    inUse: KbmInfo.extend({ chosenBy: z.enum(["district", "national", "builtin"]) }),
    mayChooseNational: z.boolean(),
    /** The district the caller may set an override for (null: none). */
    mayChooseDistrict: z.string().nullable(),
  })
  .meta({ id: "KbmSettings" });
export type KbmSettings = z.infer<typeof KbmSettings>;

export const KbmChoiceBody = z.object({
  /** `ID` for the national default, or a district code for its override. */
  region: RegionCode,
  /** A KBM table id; null removes a district's override. */
  kbmTable: z.string().max(60).nullable(),
  note: PlainText(300).optional(),
});
export type KbmChoiceBody = z.infer<typeof KbmChoiceBody>;

export const F2GiziQuery = z.object({
  region: RegionCode.optional(),
  period: Period.optional(),
  format: z.enum(["json", "csv", "xlsx", "pdf"]).default("json"),
});
export type F2GiziQuery = z.infer<typeof F2GiziQuery>;

const Cell = z.union([z.string(), z.number(), z.null()]);

export const F2GiziResponse = z
  .object({
    unit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    ancestors: z.array(Region),
    period: z.string().nullable(),
    periods: z.array(z.string()),
    kbm: KbmInfo.nullable(),
    /** How posyandu are grouped: by puskesmas, with those registered under none by kecamatan. */
    groupedBy: z.literal("puskesmas"),
    /** Posyandu with no puskesmas (grouped by kecamatan instead). */
    withoutPuskesmas: z.number().int(),
    headers: z.array(z.string()),
    rows: z.array(z.array(Cell)),
    /** For each row: posyandu, subtotal or total. */
    rowKinds: z.array(z.enum(["posyandu", "subtotal", "total"])),
  })
  .meta({ id: "F2GiziReport" });
export type F2GiziResponse = z.infer<typeof F2GiziResponse>;
