/**
 * Request and response shapes of Audit Kasus Stunting: cycles (district, semester) with their team
 * and expert panel, case finding and selection, the worksheet (KKA), the expert review, the
 * follow-up plan, dissemination, evaluation at the next semester, and the aggregate summary.
 */
import { z } from "zod";
import { IsoDate, NAME_MAX, PlainText, RegionCode, Uuid } from "./common.ts";
import { Semester } from "./families.ts";

export const AksTeamRole = z.enum(["ketua", "tim_teknis", "tim_pakar", "sekretariat"]);
export const AksCaseKind = z.enum(["anak", "ibu_hamil", "catin"]);
export const AksCaseStatus = z.enum(["terpilih", "dikaji", "direkomendasikan", "ditindaklanjuti", "selesai"]);
export const AksFollowupStatus = z.enum(["rencana", "berjalan", "selesai", "batal"]);

export const AksPanelMember = z.object({
  name: PlainText(NAME_MAX).pipe(z.string().min(1, "expected the member's name")),
  role: PlainText(60),
  expertise: PlainText(100).optional(),
});

export const AksCycleBody = z.object({
  districtCode: RegionCode,
  semester: Semester,
  /** Accounts of the audit team by username (district accounts allowed to work on cases). */
  team: z.array(z.object({ username: z.string().min(1).max(64), role: AksTeamRole })).max(30),
  panel: z.array(AksPanelMember).max(20).default([]),
});
export type AksCycleBody = z.infer<typeof AksCycleBody>;

export const AksDisseminationBody = z.object({
  version: z.number().int().positive(),
  on: IsoDate,
  participants: PlainText(1000),
  notes: PlainText(4000).nullable().optional(),
});
export type AksDisseminationBody = z.infer<typeof AksDisseminationBody>;

export const AksCycle = z
  .object({
    id: z.string(),
    districtCode: z.string(),
    semester: z.string(),
    panel: z.array(AksPanelMember),
    team: z.array(z.object({ username: z.string(), displayName: z.string(), role: AksTeamRole })),
    /** Whether the caller sits on the team (and so sees named cases). */
    member: z.boolean(),
    disseminationOn: z.string().nullable(),
    disseminationParticipants: z.string().nullable(),
    disseminationNotes: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "AksCycle" });
export type AksCycle = z.infer<typeof AksCycle>;

export const AksCyclesQuery = z.object({ region: RegionCode.optional() });
export const AksCyclesResponse = z.object({ cycles: z.array(AksCycle) });

/** A finding behind a reason: a code (`tbu`, `kek`, `hb`...) with its values (core programme/audit.ts). */
export const AksFact = z.object({ code: z.string() }).catchall(z.union([z.string(), z.number(), z.null()]));
export type AksFact = z.infer<typeof AksFact>;
/** A reason, its facts for the user's language (absent on cases stored before them) and the English text. */
export const AksReason = z.object({
  reason: z.string(),
  detail: z.string(),
  facts: z.array(AksFact).optional(),
});

export const AksCandidate = z.object({
  kind: AksCaseKind,
  childId: z.string().nullable(),
  familyId: z.string().nullable(),
  /** A TPK target (a catin, or a pregnant woman not linked to a family). */
  targetId: z.string().nullable(),
  name: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  reasons: z.array(AksReason),
  selected: z.boolean(),
});
export type AksCandidate = z.infer<typeof AksCandidate>;
export const AksCandidatesResponse = z.object({ semester: z.string(), candidates: z.array(AksCandidate) });

export const AksSelectBody = z
  .object({
    kind: AksCaseKind,
    childId: Uuid.optional(),
    familyId: Uuid.optional(),
    targetId: Uuid.optional(),
    note: PlainText(1000).pipe(z.string().min(1, "expected the reason the team selected this case")),
  })
  .refine((b) => b.childId || b.familyId || b.targetId, {
    message: "expected childId, familyId or targetId",
    path: ["childId"],
  });
export type AksSelectBody = z.infer<typeof AksSelectBody>;

/**
 * The audit worksheet (Kertas Kerja Audit). The official KKA form was not found
 * (shared/domain/workflows.md §5); these sections follow the causes the AKS looks for.
 */
export const AksWorksheet = z.object({
  riwayatKehamilan: PlainText(2000).optional(),
  riwayatPersalinan: PlainText(2000).optional(),
  polaMakanAsuh: PlainText(2000).optional(),
  layananKesehatan: PlainText(2000).optional(),
  lingkungan: PlainText(2000).optional(),
  sosialEkonomi: PlainText(2000).optional(),
  kesimpulanTimTeknis: PlainText(2000).optional(),
});
export type AksWorksheet = z.infer<typeof AksWorksheet>;

export const AksWorksheetBody = z.object({ version: z.number().int().positive(), worksheet: AksWorksheet });
export const AksReviewBody = z.object({
  version: z.number().int().positive(),
  reviewedOn: IsoDate,
  review: PlainText(4000).pipe(z.string().min(1, "expected the panel's review")),
  recommendations: PlainText(4000).pipe(z.string().min(1, "expected the panel's recommendations")),
});
export type AksReviewBody = z.infer<typeof AksReviewBody>;
export const AksStatusBody = z.object({ version: z.number().int().positive(), status: AksCaseStatus });

export const AksFollowupBody = z.object({
  caseId: Uuid.nullable().optional(),
  agency: PlainText(100).pipe(z.string().min(1, "expected the agency (OPD)")),
  action: PlainText(1000).pipe(z.string().min(1, "expected the action")),
  dueOn: IsoDate.nullable().optional(),
});
export type AksFollowupBody = z.infer<typeof AksFollowupBody>;
export const AksFollowupStatusBody = z.object({
  version: z.number().int().positive(),
  status: AksFollowupStatus,
});

export const AksFollowup = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  agency: z.string(),
  action: z.string(),
  dueOn: z.string().nullable(),
  status: AksFollowupStatus,
  version: z.number().int(),
});
export type AksFollowup = z.infer<typeof AksFollowup>;

export const AksEvaluation = z.object({
  next: z.string(),
  before: z.object({ date: z.string(), tbu: z.string().nullable() }).nullable(),
  after: z.object({ date: z.string(), tbu: z.string().nullable() }).nullable(),
  changed: z.boolean().nullable(),
  outcome: z.string(),
});

export const AksCase = z
  .object({
    id: z.string(),
    cycleId: z.string(),
    semester: z.string(),
    kind: AksCaseKind,
    villageCode: z.string(),
    villageName: z.string().nullable(),
    childId: z.string().nullable(),
    familyId: z.string().nullable(),
    targetId: z.string().nullable(),
    name: z.string(),
    address: z.string().nullable(),
    reasons: z.array(AksReason),
    selectionNote: z.string(),
    status: AksCaseStatus,
    worksheet: AksWorksheet,
    review: z.string().nullable(),
    recommendations: z.string().nullable(),
    reviewedOn: z.string().nullable(),
    followups: z.array(AksFollowup),
    /** For a child: its TB/U in the audit semester against the next one. */
    evaluation: AksEvaluation.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "AksCase" });
export type AksCase = z.infer<typeof AksCase>;

export const AksCaseListItem = AksCase.pick({
  id: true,
  kind: true,
  villageCode: true,
  villageName: true,
  name: true,
  reasons: true,
  status: true,
});
export const AksCasesResponse = z.object({
  cases: z.array(AksCaseListItem),
  followups: z.array(AksFollowup),
});
export type AksCasesResponse = z.infer<typeof AksCasesResponse>;

/** What everyone outside the team sees: counts, no names. */
export const AksSummary = z.object({
  semester: z.string(),
  cases: z.number().int(),
  byReason: z.record(z.string(), z.number().int()),
  byStatus: z.record(z.string(), z.number().int()),
  followups: z.record(z.string(), z.number().int()),
});
export type AksSummary = z.infer<typeof AksSummary>;
