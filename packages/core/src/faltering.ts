/**
 * Growth faltering at the posyandu (shared/domain/workflows.md §3.1–3.2): T (tidak naik), 2T (two
 * consecutive T) and BGM (bawah garis merah, below the red line of the KMS), and a per-child alert
 * summary saying which rule fired and since when.
 *
 * Rules:
 * - The child's weighed months are the months with a valid weighing (the latest of each month,
 *   as in SKDN), under 60 completed months. Months without a weighing are skipped: they are not T.
 * - Each weighed month after the first gets naik (N) or tidak naik (T) against the previous
 *   weighed month, whatever the gap, with the KBM summed over the gap (kbm.ts). So a weighing
 *   after a missed month is O in SKDN but still N or T here.
 * - 2T: this weighed month and the one before it are both T.
 * - BGM: weight-for-age z below −3 (`BGM_WAZ`), the KMS red line as read in workflows.md §3.2
 *   (not confirmed against the Buku KIA). A z flagged as implausible (WHO) is not BGM.
 * - The Buku KIA 2023 refers a child on a single T; the older rule refers on 2T. Both are given.
 */
import { anthroZScores, type Sex } from "@tumbuh/growth";
import { DEFAULT_KBM, type KbmTable, type NaikComparison, naikVerdict, type Weighing } from "./kbm.ts";
import { completedMonthsOfAge, monthIndex, monthOf } from "./months.ts";
import { daysBetween } from "./parse.ts";
import { validWeighings } from "./skdn.ts";

/** Weight-for-age z below which a weighing is below the red line (BGM). */
export const BGM_WAZ = -3;

/**
 * A weighing, with oedema when recorded (oedema leaves no weight-for-age z), and optionally its
 * weight-for-age z and flag as the growth engine stored them (then not computed again; null: none).
 */
export interface FalteringWeighing extends Weighing {
  oedema?: boolean;
  zwei?: number | null;
  zweiFlagged?: boolean;
}

/** A child with sex, birth date and weighings (any order). */
export interface FalteringChild {
  id?: string;
  sex: Sex;
  birthDate: string;
  weighings: readonly FalteringWeighing[];
}

/** One weighed month of a child. */
export interface WeighedMonth {
  month: string;
  weighing: FalteringWeighing;
  /** N or T against the previous weighed month; undefined for the first. */
  comparison?: NaikComparison;
  /** Weight-for-age z (WHO), undefined when missing (oedema) or flagged implausible. */
  zwei?: number;
  /** The weight-for-age z is flagged implausible by the WHO rules. */
  zweiFlagged: boolean;
  bgm: boolean;
  /** This month and the previous weighed month are both T. */
  twoT: boolean;
}

/** The child's weighed months, oldest first, each with N/T, weight-for-age z, BGM and 2T. */
export function weighedMonths(child: FalteringChild, kbm: KbmTable = DEFAULT_KBM): WeighedMonth[] {
  // The latest of each month: a weighing followed by one of the same month is passed over.
  const sorted = (validWeighings(child.birthDate, child.weighings) as FalteringWeighing[]).filter(
    (w) => completedMonthsOfAge(child.birthDate, w.date) < 60,
  );
  const out: WeighedMonth[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const weighing = sorted[i];
    if (i + 1 < sorted.length && monthIndex(sorted[i + 1].date) === monthIndex(weighing.date)) continue;
    const month = monthOf(weighing.date);
    const before = out[out.length - 1];
    const comparison = before ? naikVerdict(kbm, child.birthDate, before.weighing, weighing) : undefined;
    let zweiFlagged: boolean;
    let zwei: number | undefined;
    if (weighing.zwei !== undefined) {
      zweiFlagged = weighing.zweiFlagged === true;
      zwei = zweiFlagged || weighing.zwei === null ? undefined : weighing.zwei;
    } else {
      const z = anthroZScores({
        sex: child.sex,
        ageDays: daysBetween(child.birthDate, weighing.date),
        weight: weighing.weight,
        oedema: weighing.oedema,
      });
      zweiFlagged = z.fwei === true;
      zwei = zweiFlagged ? undefined : z.zwei;
    }
    out.push({
      month,
      weighing,
      comparison,
      zwei,
      zweiFlagged,
      bgm: zwei !== undefined && zwei < BGM_WAZ,
      twoT: comparison?.verdict === "T" && before?.comparison?.verdict === "T",
    });
  }
  return out;
}

/** The rules that raise an alert: T (Buku KIA 2023 refers on one), 2T, BGM. */
export type FalteringRule = "T" | "2T" | "BGM";

/** One rule that fired at the latest weighing, and the weighed month from which it has held. */
export interface FalteringAlert {
  rule: FalteringRule;
  /** For T and BGM the first weighed month of the unbroken run; for 2T its second T. */
  since: string;
}

/** A child's growth alerts as of a month. */
export interface GrowthAlertSummary {
  childId?: string;
  asOf: string;
  /** The latest weighed month up to `asOf`, if any. */
  lastWeighed?: string;
  alerts: FalteringAlert[];
}

/**
 * The alerts of a child as of `asOf` (YYYY-MM), from its weighings up to that month: the rules
 * that hold at the latest weighed month (T, 2T, BGM) and since when, counting weighed months only.
 */
export function growthAlerts(
  child: FalteringChild,
  asOf: string,
  kbm: KbmTable = DEFAULT_KBM,
): GrowthAlertSummary {
  const months = weighedMonths(child, kbm).filter((m) => m.month <= asOf);
  const summary: GrowthAlertSummary = { childId: child.id, asOf, alerts: [] };
  const last = months.length - 1;
  if (last < 0) return summary;
  summary.lastWeighed = months[last].month;
  /** The first index of the unbroken run of weighed months ending at the last that satisfy `holds`. */
  const runStart = (holds: (m: WeighedMonth) => boolean): number => {
    let i = last;
    while (i > 0 && holds(months[i - 1])) i--;
    return i;
  };
  const isT = (m: WeighedMonth) => m.comparison?.verdict === "T";
  if (isT(months[last])) {
    const start = runStart(isT);
    summary.alerts.push({ rule: "T", since: months[start].month });
    if (last > start) summary.alerts.push({ rule: "2T", since: months[start + 1].month });
  }
  if (months[last].bgm) summary.alerts.push({ rule: "BGM", since: months[runStart((m) => m.bgm)].month });
  return summary;
}

/** 2T and BGM among the children weighed in a month (referral load, workflows.md §3.1). */
export interface FalteringSummary {
  month: string;
  /** Children with a weighing in the month (under 60 months). */
  weighed: number;
  twoT: number;
  bgm: number;
  /** 2T/D and BGM/D; null when no child was weighed. */
  twoTRate: number | null;
  bgmRate: number | null;
}

/** Counts 2T and BGM among `children` weighed in `month`. */
export function falteringSummary(
  children: readonly FalteringChild[],
  month: string,
  kbm: KbmTable = DEFAULT_KBM,
): FalteringSummary {
  let weighed = 0;
  let twoT = 0;
  let bgm = 0;
  for (const child of children) {
    const m = weighedMonths(child, kbm).find((x) => x.month === month);
    if (!m) continue;
    weighed++;
    if (m.twoT) twoT++;
    if (m.bgm) bgm++;
  }
  return {
    month,
    weighed,
    twoT,
    bgm,
    twoTRate: weighed > 0 ? twoT / weighed : null,
    bgmRate: weighed > 0 ? bgm / weighed : null,
  };
}
