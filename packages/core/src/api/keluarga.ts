/**
 * Request and response shapes of TPPS teams, mini lokakarya kecamatan and the import of the
 * family-data export (keluarga sasaran), beside families.ts.
 */
import { z } from "zod";
import { MINILOK_CHECKLIST_GROUPS, RECOMMENDATION_STATUSES } from "../programme/minilok.ts";
import { TPPS_LEVELS, TPPS_ROLES } from "../programme/tpps.ts";
import { IsoDate, NAME_MAX, PlainText, RegionCode, UserMessageShape, Uuid } from "./common.ts";
import { CoverageRow, Semester } from "./families.ts";

const Name = PlainText(NAME_MAX).pipe(z.string().min(1, "expected a name"));

// --- TPPS ---------------------------------------------------------------------------------

export const TppsRole = z.enum(TPPS_ROLES);
export const TppsLevel = z.enum(TPPS_LEVELS);

export const TppsTeamBody = z.object({
  regionCode: RegionCode,
  name: PlainText(200).pipe(z.string().min(1, "expected the team's name")),
  decreeNumber: PlainText(100).nullable().optional(),
  decreeDate: IsoDate.nullable().optional(),
  periodFrom: IsoDate,
  periodTo: IsoDate.nullable().optional(),
});
export type TppsTeamBody = z.infer<typeof TppsTeamBody>;
export const TppsTeamUpdateBody = TppsTeamBody.omit({ regionCode: true }).extend({
  version: z.number().int(),
});
export type TppsTeamUpdateBody = z.infer<typeof TppsTeamUpdateBody>;

export const TppsMemberBody = z.object({
  /** An existing person (who sits on another team too), or a name: a person of that name in the same district is reused. */
  personId: Uuid.optional(),
  name: Name.optional(),
  role: TppsRole,
  bidang: PlainText(200).nullable().optional(),
  positionTitle: PlainText(200).nullable().optional(),
  agency: PlainText(200).pipe(z.string().min(1, "expected the member's agency")),
  position: z.number().int().min(1).max(999).optional(),
});
export type TppsMemberBody = z.infer<typeof TppsMemberBody>;

export const TppsSeat = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  role: TppsRole,
  bidang: z.string().nullable(),
  positionTitle: z.string().nullable(),
  agency: z.string(),
  position: z.number().int(),
  /** Seats this person holds on all teams (more than one: sits in several). */
  seats: z.number().int(),
});
export type TppsSeat = z.infer<typeof TppsSeat>;

export const TppsTeam = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  level: TppsLevel,
  name: z.string(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  /** Whether the decree period covers today. */
  active: z.boolean(),
  members: z.array(TppsSeat),
  version: z.number().int(),
});
export type TppsTeam = z.infer<typeof TppsTeam>;
export const TppsTeamsQuery = z.object({ region: RegionCode.optional() });
export const TppsTeamsResponse = z.object({ region: z.string(), teams: z.array(TppsTeam) });
export type TppsTeamsResponse = z.infer<typeof TppsTeamsResponse>;
export const TppsTeamResponse = z.object({ team: TppsTeam });
export type TppsTeamResponse = z.infer<typeof TppsTeamResponse>;

export const TppsPeopleQuery = z.object({ region: RegionCode.optional(), q: PlainText(100) });
export const TppsPersonSeats = z.object({
  personId: z.string(),
  name: z.string(),
  seats: z.array(
    z.object({ teamId: z.string(), teamName: z.string(), regionCode: z.string(), role: TppsRole }),
  ),
});
export const TppsPeopleResponse = z.object({ people: z.array(TppsPersonSeats) });
export type TppsPeopleResponse = z.infer<typeof TppsPeopleResponse>;

// --- Mini lokakarya -----------------------------------------------------------------------

export const MinilokParticipant = z.object({
  name: Name,
  agency: PlainText(200).nullable().optional(),
  role: PlainText(100).nullable().optional(),
});
export type MinilokParticipant = z.infer<typeof MinilokParticipant>;

export const MinilokMeetingBody = z.object({
  subdistrictCode: RegionCode,
  heldOn: IsoDate,
  place: PlainText(200).nullable().optional(),
  /** The period of TPK visits reviewed, [reviewFrom, reviewTo); default: the three months before the meeting. */
  reviewFrom: IsoDate.optional(),
  reviewTo: IsoDate.optional(),
  /** The semester of family data whose at-risk families are verified; default: the meeting's. */
  semester: Semester.optional(),
  participants: z.array(MinilokParticipant).max(100).default([]),
});
export type MinilokMeetingBody = z.infer<typeof MinilokMeetingBody>;

export const MinilokMeetingUpdateBody = z.object({
  version: z.number().int(),
  place: PlainText(200).nullable().optional(),
  notes: PlainText(4000).nullable().optional(),
  participants: z.array(MinilokParticipant).max(100),
});
export type MinilokMeetingUpdateBody = z.infer<typeof MinilokMeetingUpdateBody>;

export const MinilokChecklistEntry = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/, "expected a code of lower-case letters, digits and _"),
  group: z.enum(MINILOK_CHECKLIST_GROUPS),
  label: PlainText(300).pipe(z.string().min(1, "expected the item's text")),
  met: z.boolean().nullable(),
  note: PlainText(500).nullable().optional(),
});
export type MinilokChecklistEntry = z.infer<typeof MinilokChecklistEntry>;
export const MinilokChecklistBody = z.object({ items: z.array(MinilokChecklistEntry).min(1).max(40) });

export const MinilokReviewBody = z.object({
  villageCode: RegionCode,
  problems: PlainText(2000).nullable().optional(),
  followUp: PlainText(2000).nullable().optional(),
});
export type MinilokReviewBody = z.infer<typeof MinilokReviewBody>;

export const MinilokVerificationBody = z.object({
  kind: z.enum(["kasus", "keluarga"]),
  entityId: Uuid,
  verdict: z.enum(["valid", "tidak_valid"]),
  note: PlainText(500).nullable().optional(),
});
export type MinilokVerificationBody = z.infer<typeof MinilokVerificationBody>;

export const RecommendationStatus = z.enum(RECOMMENDATION_STATUSES);
export const MinilokRecommendationBody = z.object({
  action: PlainText(1000).pipe(z.string().min(1, "expected the action")),
  owner: PlainText(200).pipe(z.string().min(1, "expected who carries it out")),
  dueOn: IsoDate.nullable().optional(),
  villageCode: RegionCode.nullable().optional(),
});
export type MinilokRecommendationBody = z.infer<typeof MinilokRecommendationBody>;
export const MinilokRecommendationUpdateBody = z.object({
  version: z.number().int(),
  status: RecommendationStatus,
  statusNote: PlainText(1000).nullable().optional(),
  owner: PlainText(200).pipe(z.string().min(1)).optional(),
  dueOn: IsoDate.nullable().optional(),
  /** The meeting at which the status is reviewed: its date closes a recommendation (else today). */
  meetingId: Uuid.optional(),
});
export type MinilokRecommendationUpdateBody = z.infer<typeof MinilokRecommendationUpdateBody>;

export const MinilokRecommendation = z.object({
  id: z.string(),
  meetingId: z.string(),
  raisedOn: z.string(),
  villageCode: z.string().nullable(),
  action: z.string(),
  owner: z.string(),
  dueOn: z.string().nullable(),
  status: RecommendationStatus,
  statusNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  carried: z.boolean(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type MinilokRecommendation = z.infer<typeof MinilokRecommendation>;

export const MinilokVillageReview = z.object({
  villageCode: z.string(),
  villageName: z.string().nullable(),
  targets: z.number().int(),
  assisted: z.number().int(),
  coveragePct: z.number().nullable(),
  families: z.number().int(),
  berisiko: z.number().int(),
  problems: z.string().nullable(),
  followUp: z.string().nullable(),
});
export type MinilokVillageReview = z.infer<typeof MinilokVillageReview>;

export const MinilokChecklistSummary = z.object({
  group: z.string(),
  items: z.number().int(),
  met: z.number().int(),
  notMet: z.number().int(),
  notAssessed: z.number().int(),
  metPct: z.number().nullable(),
});

export const MinilokMeetingSummary = z.object({
  id: z.string(),
  subdistrictCode: z.string(),
  subdistrictName: z.string().nullable(),
  heldOn: z.string(),
  place: z.string().nullable(),
  participants: z.number().int(),
});
export type MinilokMeetingSummary = z.infer<typeof MinilokMeetingSummary>;
export const MinilokMeetingsQuery = z.object({ region: RegionCode.optional() });
export const MinilokMeetingsResponse = z.object({ meetings: z.array(MinilokMeetingSummary) });
export type MinilokMeetingsResponse = z.infer<typeof MinilokMeetingsResponse>;

export const MinilokMeeting = z.object({
  id: z.string(),
  districtCode: z.string(),
  subdistrictCode: z.string(),
  subdistrictName: z.string().nullable(),
  heldOn: z.string(),
  place: z.string().nullable(),
  reviewFrom: z.string(),
  reviewTo: z.string(),
  semester: z.string(),
  participants: z.array(MinilokParticipant),
  notes: z.string().nullable(),
  checklist: z.object({
    version: z.string(),
    source: z.string(),
    confidence: z.string(),
    items: z.array(MinilokChecklistEntry.extend({ note: z.string().nullable() })),
    summary: z.array(MinilokChecklistSummary),
  }),
  coverage: CoverageRow,
  villages: z.array(MinilokVillageReview),
  verified: z.object({
    kasus: z.object({ valid: z.number().int(), tidakValid: z.number().int() }),
    keluarga: z.object({ valid: z.number().int(), tidakValid: z.number().int() }),
  }),
  recommendations: z.array(MinilokRecommendation),
  version: z.number().int(),
});
export type MinilokMeeting = z.infer<typeof MinilokMeeting>;
export const MinilokMeetingResponse = z.object({ meeting: MinilokMeeting });
export type MinilokMeetingResponse = z.infer<typeof MinilokMeetingResponse>;

/** The named lists a meeting verifies (stunting and faltering cases, at-risk families): personal data, audited. */
export const MinilokListEntry = z.object({
  kind: z.enum(["kasus", "keluarga"]),
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  name: z.string(),
  reasons: z.array(z.string()),
  lastVisit: z.string().nullable(),
  verdict: z.enum(["valid", "tidak_valid"]).nullable(),
  note: z.string().nullable(),
});
export type MinilokListEntry = z.infer<typeof MinilokListEntry>;
export const MinilokListsResponse = z.object({
  kasus: z.array(MinilokListEntry),
  keluarga: z.array(MinilokListEntry),
});
export type MinilokListsResponse = z.infer<typeof MinilokListsResponse>;

// --- Family import ------------------------------------------------------------------------

export const FamilyImportRejection = z.object({
  row: z.number().int(),
  field: z.string(),
  value: z.string().nullable(),
  /** In Indonesian, for API clients and logs; users see `userMessage` translated. */
  reason: z.string(),
  userMessage: UserMessageShape,
});
export const FamilyImportReport = z.object({
  id: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  rowsRead: z.number().int(),
  accepted: z.number().int(),
  rejectedCount: z.number().int(),
  rejected: z.array(FamilyImportRejection),
  berisiko: z.number().int(),
  tidakBerisiko: z.number().int(),
  tidakDiketahui: z.number().int(),
  childrenListed: z.number().int(),
  childrenLinked: z.number().int(),
  /** Families already recorded for the same village, semester, head and mother: replaced on confirm. */
  replaced: z.number().int(),
  rule: z.string(),
  villages: z.array(
    z.object({ villageCode: z.string(), families: z.number().int(), berisiko: z.number().int() }),
  ),
});
export type FamilyImportReport = z.infer<typeof FamilyImportReport>;
export const FamilyImportResponse = z.object({ import: FamilyImportReport });
export type FamilyImportResponse = z.infer<typeof FamilyImportResponse>;
