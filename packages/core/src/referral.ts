/**
 * Referrals of faltering children from the posyandu to the puskesmas (workflows.md §3.1–3.2): which
 * growth alerts call for one, the reasons a referral records, and the order its status moves in.
 *
 * Rules:
 * - 2T and BGM (below the red line) raise the referral alert: the child belongs on the list of
 *   children to refer (Kemenkes surveilans gizi: "apabila 2T → rujuk ke puskesmas").
 * - A single T may be referred too (the Buku KIA 2023 refers on one T), but raises no alert.
 * - A child with no alert may still be referred with the reason "other" and a note.
 * - Status moves forward only: referred → attended → resolved, or referred → resolved (e.g. the
 *   child moved away or gained weight before the visit, said in the note).
 */
import type { FalteringAlert, FalteringRule } from "./faltering.ts";

export const REFERRAL_STATUSES = ["referred", "attended", "resolved"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Why a child was referred: a growth rule that held, or something else the note explains. */
export type ReferralReason = FalteringRule | "other";

/** The rules that raise the referral alert. */
const ALERT_RULES: readonly FalteringRule[] = ["2T", "BGM"];

/** Reasons in the order they are shown: the alerting rules first. */
const REASON_ORDER: readonly ReferralReason[] = ["2T", "BGM", "T", "other"];

/** True when the child's alerts call for a referral (2T or BGM). */
export function needsReferral(alerts: readonly FalteringAlert[]): boolean {
  return alerts.some((a) => ALERT_RULES.includes(a.rule));
}

/**
 * The reasons a referral records from the child's current alerts (2T, BGM, T in that order), or
 * ["other"] when none holds; undefined when none holds and there is no note to explain it.
 */
export function referralReasons(
  alerts: readonly FalteringAlert[],
  note: string | null | undefined,
): ReferralReason[] | undefined {
  const rules = REASON_ORDER.filter((r) => alerts.some((a) => a.rule === r));
  if (rules.length > 0) return rules;
  return note?.trim() ? ["other"] : undefined;
}

/** Whether a referral may move from `from` to `to` (forward only, never to the same status). */
export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_STATUSES.indexOf(to) > REFERRAL_STATUSES.indexOf(from);
}
