/**
 * Budget summaries of the integrated activity plan (aksi 2–5): activities with their agency (OPD),
 * program → kegiatan → sub-kegiatan codes (Kepmendagri 050-5889), pillar, intervention type,
 * indicator served, target villages, pagu by source and realisasi; totals per agency, indicator,
 * pillar, intervention, source and village, the share in desa lokus and the realisation %.
 *
 * Amounts are whole rupiah. How an activity spread over several villages is split (per-village
 * summary and desa lokus share only; the other summaries use whole activities):
 * - no village amount given: the pagu is split equally;
 * - every village amount given: those amounts; if they do not add up to the pagu, in proportion to
 *   them, with an issue reported;
 * - some given: the rest of the pagu (pagu − the amounts given) equally over the others; when the
 *   amounts given exceed the pagu, the others get 0 and an issue is reported;
 * - realisasi is split in proportion to each village's pagu;
 * - every split is in whole rupiah that add up exactly to the activity's amount (largest remainder,
 *   earlier village first on equal remainders);
 * - an activity without villages (district-wide) is "unlocated".
 * Whether a village is desa lokus comes from the year's list of desa lokus, one list for all
 * activities.
 */
import { z } from "zod";
import { apportion, percent } from "./ratios.ts";

export const FUNDING_SOURCES = ["apbd", "dak", "dana_desa", "lainnya"] as const;
/** APBD (district budget), DAK (special allocation fund), Dana Desa (village fund), other. */
export type FundingSource = (typeof FUNDING_SOURCES)[number];

const Rupiah = z.number().int("expected whole rupiah").nonnegative();
/** An amount per funding source, whole rupiah; a source left out is 0. */
export const BudgetAmounts = z.object({
  apbd: Rupiah.optional(),
  dak: Rupiah.optional(),
  dana_desa: Rupiah.optional(),
  lainnya: Rupiah.optional(),
});

export const BudgetActivity = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  opd: z.string().min(1),
  program: z.string().min(1),
  kegiatan: z.string().min(1),
  subKegiatan: z.string().min(1),
  /** Pillar of the national strategy (Stranas), 1–5. */
  pillar: z.number().int().min(1).max(5),
  intervention: z.enum(["spesifik", "sensitif", "koordinatif"]),
  /** The indicator the activity serves (indicators catalogue code), if any. */
  indicatorCode: z.string().nullable(),
  villages: z.array(z.object({ code: z.string().min(1), pagu: Rupiah.optional() })),
  pagu: BudgetAmounts,
  realisasi: BudgetAmounts,
});
export type BudgetActivity = z.infer<typeof BudgetActivity>;

export interface BudgetRow<K> {
  key: K;
  pagu: number;
  realisasi: number;
  /** realisasi ÷ pagu × 100; null when the pagu is 0. */
  realisasiPct: number | null;
  activities: number;
}

export interface VillageBudgetRow extends BudgetRow<string | null> {
  /** null for the row of unlocated (district-wide) activities. */
  lokus: boolean | null;
}

/** An amount split between desa lokus, other villages and unlocated activities. */
export interface LokusShare {
  lokus: number;
  nonLokus: number;
  unlocated: number;
  /** lokus ÷ (lokus + nonLokus) × 100. */
  pctOfLocated: number | null;
  /** lokus ÷ everything × 100 (unlocated activities count as not in desa lokus). */
  pctOfTotal: number | null;
}

export interface BudgetSummary {
  total: BudgetRow<"total">;
  byOpd: BudgetRow<string>[];
  byIndicator: BudgetRow<string | null>[];
  byPillar: BudgetRow<number>[];
  byIntervention: BudgetRow<BudgetActivity["intervention"]>[];
  bySource: BudgetRow<FundingSource>[];
  byVillage: VillageBudgetRow[];
  lokusPagu: LokusShare;
  lokusRealisasi: LokusShare;
  issues: { activityId: string; message: string }[];
}

const sum = (a: BudgetActivity["pagu"]) => FUNDING_SOURCES.reduce((s, k) => s + (a[k] ?? 0), 0);

function row<K>(key: K, pagu: number, realisasi: number, activities: number): BudgetRow<K> {
  return { key, pagu, realisasi, realisasiPct: percent(realisasi, pagu), activities };
}

function groupBy<K>(activities: readonly BudgetActivity[], keyOf: (a: BudgetActivity) => K): BudgetRow<K>[] {
  const groups = new Map<K, { pagu: number; realisasi: number; n: number }>();
  for (const a of activities) {
    const g = groups.get(keyOf(a)) ?? { pagu: 0, realisasi: 0, n: 0 };
    g.pagu += sum(a.pagu);
    g.realisasi += sum(a.realisasi);
    g.n++;
    groups.set(keyOf(a), g);
  }
  return [...groups].map(([k, g]) => row(k, g.pagu, g.realisasi, g.n));
}

/** Splits an activity's pagu and realisasi over its villages (see the module comment). */
export function splitOverVillages(activity: BudgetActivity): {
  villages: { code: string; pagu: number; realisasi: number }[];
  issues: string[];
} {
  const pagu = sum(activity.pagu);
  const realisasi = sum(activity.realisasi);
  const vs = activity.villages;
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const v of vs) {
    if (seen.has(v.code)) issues.push(`village ${v.code} is listed more than once`);
    seen.add(v.code);
  }
  if (vs.length === 0) return { villages: [], issues };
  const given = vs.filter((v) => v.pagu !== undefined);
  const givenSum = given.reduce((s, v) => s + (v.pagu ?? 0), 0);
  let weights: number[];
  if (given.length === 0) weights = vs.map(() => 1);
  else if (given.length === vs.length) {
    if (givenSum !== pagu)
      issues.push(`village amounts add up to ${givenSum}, the pagu is ${pagu}: split in proportion`);
    weights = vs.map((v) => v.pagu ?? 0);
  } else {
    const rest = pagu - givenSum;
    if (rest < 0)
      issues.push(
        `village amounts given add up to ${givenSum}, above the pagu ${pagu}: the other villages get 0`,
      );
    const each = Math.max(0, rest) / (vs.length - given.length);
    weights = vs.map((v) => v.pagu ?? each);
  }
  const paguParts = apportion(pagu, weights);
  const realisasiParts = apportion(realisasi, paguParts.some((p) => p > 0) ? paguParts : weights);
  return {
    villages: vs.map((v, i) => ({ code: v.code, pagu: paguParts[i], realisasi: realisasiParts[i] })),
    issues,
  };
}

function lokusShare(lokus: number, nonLokus: number, unlocated: number): LokusShare {
  return {
    lokus,
    nonLokus,
    unlocated,
    pctOfLocated: percent(lokus, lokus + nonLokus),
    pctOfTotal: percent(lokus, lokus + nonLokus + unlocated),
  };
}

/** The budget summaries of a district's activities; `desaLokus` lists the year's desa lokus codes. */
export function budgetSummary(
  activities: readonly BudgetActivity[],
  desaLokus: readonly string[],
): BudgetSummary {
  const lokusSet = new Set(desaLokus);
  const issues: BudgetSummary["issues"] = [];
  for (const a of activities)
    for (const s of FUNDING_SOURCES)
      if ((a.realisasi[s] ?? 0) > (a.pagu[s] ?? 0))
        issues.push({
          activityId: a.id,
          message: `realisasi ${s} ${a.realisasi[s]} exceeds its pagu ${a.pagu[s] ?? 0}`,
        });

  const villages = new Map<string | null, { pagu: number; realisasi: number; n: number }>();
  const add = (code: string | null, pagu: number, realisasi: number) => {
    const v = villages.get(code) ?? { pagu: 0, realisasi: 0, n: 0 };
    v.pagu += pagu;
    v.realisasi += realisasi;
    v.n++;
    villages.set(code, v);
  };
  for (const a of activities) {
    const split = splitOverVillages(a);
    for (const message of split.issues) issues.push({ activityId: a.id, message });
    if (a.villages.length === 0) add(null, sum(a.pagu), sum(a.realisasi));
    for (const v of split.villages) add(v.code, v.pagu, v.realisasi);
  }
  const byVillage: VillageBudgetRow[] = [...villages]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([code, v]) => ({
      ...row(code, v.pagu, v.realisasi, v.n),
      lokus: code === null ? null : lokusSet.has(code),
    }));
  const part = (pick: (r: VillageBudgetRow) => boolean, field: "pagu" | "realisasi") =>
    byVillage.filter(pick).reduce((s, r) => s + r[field], 0);
  const share = (field: "pagu" | "realisasi") =>
    lokusShare(
      part((r) => r.lokus === true, field),
      part((r) => r.lokus === false, field),
      part((r) => r.lokus === null, field),
    );

  const bySource = FUNDING_SOURCES.map((s) =>
    row(
      s,
      activities.reduce((t, a) => t + (a.pagu[s] ?? 0), 0),
      activities.reduce((t, a) => t + (a.realisasi[s] ?? 0), 0),
      activities.filter((a) => (a.pagu[s] ?? 0) > 0 || (a.realisasi[s] ?? 0) > 0).length,
    ),
  );
  return {
    total: row(
      "total",
      activities.reduce((t, a) => t + sum(a.pagu), 0),
      activities.reduce((t, a) => t + sum(a.realisasi), 0),
      activities.length,
    ),
    byOpd: groupBy(activities, (a) => a.opd),
    byIndicator: groupBy(activities, (a) => a.indicatorCode),
    byPillar: groupBy(activities, (a) => a.pillar).sort((a, b) => a.key - b.key),
    byIntervention: groupBy(activities, (a) => a.intervention),
    bySource,
    byVillage,
    lokusPagu: share("pagu"),
    lokusRealisasi: share("realisasi"),
    issues,
  };
}
