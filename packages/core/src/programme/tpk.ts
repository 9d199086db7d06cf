/**
 * TPK (Tim Pendamping Keluarga): the target groups a team accompanies, coverage of a period per
 * team, village and group, and the rule that makes a child flagged at the posyandu a TPK target.
 *
 * Coverage = targets assisted ÷ targets, where a target is assisted when it had at least one visit
 * dated in the period `[from, to)`, by any team (a visit by a neighbouring team still reaches the
 * family); several visits count once. Null when there are no targets. The visit frequency per group
 * in the Buku Pegangan Alur Pendampingan 2023 was not found (workflows.md §5), so no frequency is
 * required here.
 */
import { daysBetween } from "../parse.ts";
import { addMonths, completedMonths, dateInRange } from "./calendar.ts";
import type { Confidence } from "./config.ts";
import { percent } from "./ratios.ts";

export const TPK_TARGET_KINDS = ["catin", "ibu_hamil", "ibu_pascasalin", "baduta", "balita"] as const;
export type TpkTargetKind = (typeof TPK_TARGET_KINDS)[number];

export interface TpkTargetGroup {
  kind: TpkTargetKind;
  name: string;
  window: string;
  source: string;
  confidence: Confidence;
}

const TPK_SOURCE =
  "programme.md §4 (scribd 704415238; Buku Pegangan Alur Pendampingan 2023, scribd 682513602); workflows.md §5";

/** The groups TPK accompany and when a person belongs to each. */
export const TPK_TARGET_GROUPS: readonly TpkTargetGroup[] = [
  {
    kind: "catin",
    name: "Calon pengantin",
    window: "From 3 months before the wedding to the wedding day",
    source: TPK_SOURCE,
    confidence: "src",
  },
  { kind: "ibu_hamil", name: "Ibu hamil", window: "During pregnancy", source: TPK_SOURCE, confidence: "src" },
  {
    kind: "ibu_pascasalin",
    name: "Ibu pascapersalinan",
    window: "From delivery to 42 days after (masa nifas)",
    source: `${TPK_SOURCE}; 42 days: masa nifas, not confirmed in the TPK guidance`,
    confidence: "mem",
  },
  {
    kind: "baduta",
    name: "Anak 0–23 bulan",
    window: "0–23 completed months",
    source: TPK_SOURCE,
    confidence: "src",
  },
  {
    kind: "balita",
    name: "Anak 24–59 bulan",
    window: "24–59 completed months",
    source: TPK_SOURCE,
    confidence: "src",
  },
];

/** Windows of the groups, configurable. */
export interface TpkWindows {
  catinMonthsBefore: number;
  postpartumDays: number;
}

export const DEFAULT_TPK_WINDOWS: TpkWindows = { catinMonthsBefore: 3, postpartumDays: 42 };

export type TpkPerson =
  | { type: "catin"; weddingDate: string }
  | { type: "ibu"; pregnant: boolean; deliveryDate: string | null }
  | { type: "anak"; birthDate: string };

/** The group a person belongs to on `on`, or null when none (too early, too late, over 59 months). */
export function tpkTargetKind(
  person: TpkPerson,
  on: string,
  windows: TpkWindows = DEFAULT_TPK_WINDOWS,
): TpkTargetKind | null {
  switch (person.type) {
    case "catin":
      return on >= addMonths(person.weddingDate, -windows.catinMonthsBefore) && on <= person.weddingDate
        ? "catin"
        : null;
    case "ibu": {
      if (person.pregnant) return "ibu_hamil";
      if (person.deliveryDate === null) return null;
      const days = daysBetween(person.deliveryDate, on);
      return days >= 0 && days <= windows.postpartumDays ? "ibu_pascasalin" : null;
    }
    case "anak": {
      if (person.birthDate > on) return null;
      const months = completedMonths(person.birthDate, on);
      return months < 24 ? "baduta" : months < 60 ? "balita" : null;
    }
  }
}

export interface TpkTarget {
  id: string;
  kind: TpkTargetKind;
  villageCode: string;
  teamId: string;
}

export interface TpkVisit {
  targetId: string;
  date: string;
  teamId?: string;
}

export interface TpkCoverageRow<K> {
  key: K;
  targets: number;
  assisted: number;
  /** assisted ÷ targets × 100; null without targets. */
  coveragePct: number | null;
}

export interface TpkCoverage {
  total: TpkCoverageRow<"total">;
  byTeam: TpkCoverageRow<string>[];
  byVillage: TpkCoverageRow<string>[];
  byKind: TpkCoverageRow<TpkTargetKind>[];
  notAssisted: string[];
  /** Visits in the period to a target not in the list (not counted). */
  unknownVisits: TpkVisit[];
}

function rows<K>(
  targets: readonly TpkTarget[],
  assisted: Set<string>,
  keyOf: (t: TpkTarget) => K,
): TpkCoverageRow<K>[] {
  const groups = new Map<K, { targets: number; assisted: number }>();
  for (const t of targets) {
    const g = groups.get(keyOf(t)) ?? { targets: 0, assisted: 0 };
    g.targets++;
    if (assisted.has(t.id)) g.assisted++;
    groups.set(keyOf(t), g);
  }
  return [...groups].map(([key, g]) => ({ key, ...g, coveragePct: percent(g.assisted, g.targets) }));
}

/** TPK coverage of `targets` by the `visits` dated in `period` (`[from, to)`). */
export function tpkCoverage(
  targets: readonly TpkTarget[],
  visits: readonly TpkVisit[],
  period: { from: string; to: string },
): TpkCoverage {
  const ids = new Set(targets.map((t) => t.id));
  const assisted = new Set<string>();
  const unknownVisits: TpkVisit[] = [];
  for (const v of visits) {
    if (!dateInRange(v.date, period)) continue;
    if (ids.has(v.targetId)) assisted.add(v.targetId);
    else unknownVisits.push(v);
  }
  const n = assisted.size;
  return {
    total: { key: "total", targets: targets.length, assisted: n, coveragePct: percent(n, targets.length) },
    byTeam: rows(targets, assisted, (t) => t.teamId),
    byVillage: rows(targets, assisted, (t) => t.villageCode),
    byKind: TPK_TARGET_KINDS.map(
      (k) =>
        rows(
          targets.filter((t) => t.kind === k),
          assisted,
          () => k,
        )[0],
    ).filter((r): r is TpkCoverageRow<TpkTargetKind> => r !== undefined),
    notAssisted: targets.filter((t) => !assisted.has(t.id)).map((t) => t.id),
    unknownVisits,
  };
}

export const POSYANDU_FLAGS = ["stunted", "faltering", "wasted", "underweight"] as const;
/** stunted (TB/U pendek or sangat pendek), faltering (weight not up: T or 2T), wasted (BB/TB), underweight (BB/U). */
export type PosyanduFlag = (typeof POSYANDU_FLAGS)[number];

/** Which posyandu flags make a child a TPK target. */
export interface TpkReferralRule {
  triggers: readonly PosyanduFlag[];
}

/** The brief's rule: a stunted or faltering child becomes a TPK target. */
export const DEFAULT_TPK_REFERRAL_RULE: TpkReferralRule = { triggers: ["stunted", "faltering"] };

/**
 * Whether a child flagged at the posyandu becomes a TPK target on `on`: the target kind by age
 * (baduta 0–23, balita 24–59 completed months) and the flags that triggered it; null when no
 * trigger flag is set or the child is not 0–59 months old.
 */
export function tpkTargetFromPosyandu(
  child: { birthDate: string; flags: Partial<Record<PosyanduFlag, boolean | null>> },
  on: string,
  rule: TpkReferralRule = DEFAULT_TPK_REFERRAL_RULE,
): { kind: "baduta" | "balita"; reasons: PosyanduFlag[] } | null {
  const reasons = rule.triggers.filter((f) => child.flags[f] === true);
  if (reasons.length === 0) return null;
  const kind = tpkTargetKind({ type: "anak", birthDate: child.birthDate }, on);
  return kind === "baduta" || kind === "balita" ? { kind, reasons } : null;
}
