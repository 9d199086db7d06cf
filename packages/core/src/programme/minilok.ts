/**
 * Mini lokakarya (minilok) kecamatan: the checklist of a meeting ("3 standar dan 4 PASTI" by
 * default, every item editable), which recommendations a meeting reviews (its own and those
 * carried from earlier meetings of the kecamatan until closed), and the figures of its minutes.
 *
 * The items of "3 standar" and "4 PASTI" were NOT found in the domain research
 * (programme.md §4, workflows.md §5: "still NOT found"). The default below is a placeholder from
 * background knowledge (confidence `mem`), shown as unconfirmed in the app, to be replaced with
 * the BKKBN minilok juknis's items: a kecamatan edits its checklist at any meeting and the next
 * meeting starts from that edited list.
 */
import { z } from "zod";
import { Confidence, reportDuplicates } from "./config.ts";
import { percent } from "./ratios.ts";

export const MINILOK_CHECKLIST_GROUPS = ["3_standar", "4_pasti", "lainnya"] as const;
export type MinilokChecklistGroup = (typeof MINILOK_CHECKLIST_GROUPS)[number];

export const MinilokChecklistItem = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/, "expected a code of lower-case letters, digits and _"),
  group: z.enum(MINILOK_CHECKLIST_GROUPS),
  label: z.string().trim().min(1, "expected the item's text").max(300),
});
export type MinilokChecklistItem = z.infer<typeof MinilokChecklistItem>;

export const MinilokChecklist = z.object({
  version: z.string().min(1),
  source: z.string().min(1),
  confidence: Confidence,
  items: z
    .array(MinilokChecklistItem)
    .min(1)
    .max(40)
    .superRefine((items, ctx) =>
      reportDuplicates(
        ctx,
        items.map((i) => i.code),
        [],
        "code",
      ),
    ),
});
export type MinilokChecklist = z.infer<typeof MinilokChecklist>;

/** The shipped default: the commonly named "3 standar dan 4 PASTI", items unconfirmed (see the module comment). */
export const DEFAULT_MINILOK_CHECKLIST: MinilokChecklist = {
  version: "3s4p-placeholder-2026",
  source:
    'Outputs of the minilok from programme.md §4 (kompasiana.com Pandeglang 2022: accompaniment "terwujud dengan 3 standar dan 4 PASTI"); the items themselves were not found (workflows.md §5) and are a placeholder — confirm with the BKKBN minilok juknis',
  confidence: "mem",
  items: [
    { code: "standar_sasaran", group: "3_standar", label: "Sasaran pendampingan terdata by name by address" },
    {
      code: "standar_pendampingan",
      group: "3_standar",
      label: "Pendampingan oleh TPK (bidan, kader PKK, kader KB) sesuai alur pendampingan",
    },
    {
      code: "standar_pencatatan",
      group: "3_standar",
      label: "Kunjungan dicatat dan dilaporkan setiap bulan",
    },
    { code: "pasti_terdata", group: "4_pasti", label: "Pasti terdata" },
    { code: "pasti_didampingi", group: "4_pasti", label: "Pasti didampingi" },
    { code: "pasti_dilayani", group: "4_pasti", label: "Pasti dirujuk atau dilayani bila bermasalah" },
    { code: "pasti_dipantau", group: "4_pasti", label: "Pasti dipantau sampai tuntas" },
  ],
};

/** An answer to a checklist item at a meeting: met, not met, or not assessed (null). */
export interface MinilokChecklistAnswer {
  code: string;
  group: MinilokChecklistGroup;
  met: boolean | null;
}

export interface MinilokChecklistSummary {
  group: MinilokChecklistGroup | "total";
  items: number;
  met: number;
  notMet: number;
  notAssessed: number;
  /** met ÷ items assessed × 100; null when none was assessed. */
  metPct: number | null;
}

/** Counts met, not met and not assessed per group and in total (groups without items are left out). */
export function summarizeChecklist(answers: readonly MinilokChecklistAnswer[]): MinilokChecklistSummary[] {
  const row = (group: MinilokChecklistSummary["group"], list: readonly MinilokChecklistAnswer[]) => {
    const met = list.filter((a) => a.met === true).length;
    const notMet = list.filter((a) => a.met === false).length;
    return {
      group,
      items: list.length,
      met,
      notMet,
      notAssessed: list.length - met - notMet,
      metPct: percent(met, met + notMet),
    };
  };
  return [
    ...MINILOK_CHECKLIST_GROUPS.map((g) =>
      row(
        g,
        answers.filter((a) => a.group === g),
      ),
    ).filter((r) => r.items > 0),
    row("total", answers),
  ];
}

export const RECOMMENDATION_STATUSES = ["belum", "proses", "selesai", "batal"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export interface MinilokRecommendation {
  id: string;
  /** The meeting that raised it, and that meeting's date. */
  meetingId: string;
  raisedOn: string;
  dueOn: string | null;
  status: RecommendationStatus;
  /** The date of the meeting at which it was closed (selesai or batal), if any. */
  closedOn: string | null;
}

export interface ReviewedRecommendation<R extends MinilokRecommendation> {
  recommendation: R;
  /** Raised at an earlier meeting and still under review at this one. */
  carried: boolean;
  /** Due before the meeting's date and not closed by then. */
  overdue: boolean;
}

/**
 * The recommendations a meeting held on `heldOn` reviews: those it raised, and those raised at
 * earlier meetings (an earlier date) not closed before `heldOn` — one closed on the meeting's own
 * date is still shown. Overdue: due before `heldOn` and still open on it. Ordered by the date
 * raised, then id.
 */
export function recommendationsForMeeting<R extends MinilokRecommendation>(
  meeting: { id: string; heldOn: string },
  all: readonly R[],
): ReviewedRecommendation<R>[] {
  return all
    .filter(
      (r) =>
        r.meetingId === meeting.id ||
        (r.raisedOn < meeting.heldOn && (r.closedOn === null || r.closedOn >= meeting.heldOn)),
    )
    .sort((a, b) => (a.raisedOn === b.raisedOn ? (a.id < b.id ? -1 : 1) : a.raisedOn < b.raisedOn ? -1 : 1))
    .map((r) => ({
      recommendation: r,
      carried: r.meetingId !== meeting.id,
      overdue:
        r.dueOn !== null && r.dueOn < meeting.heldOn && (r.closedOn === null || r.closedOn > meeting.heldOn),
    }));
}
