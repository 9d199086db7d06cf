/**
 * Ranking villages for desa lokus (Aksi 1). No official formula exists (workflows.md §2.1), so the
 * score is a documented, configurable choice, and every village's contribution per criterion is
 * returned so a district officer can see why a village ranks where it does.
 *
 * Default rule (`DEFAULT_LOKUS_RULE`), weights out of 1:
 * - stunting rate 0.30 and number of stunted children 0.30 — Aksi 1 maps both prevalence and case
 *   count, and penilaian kinerja indicator 1.1 accepts a lokus for a high count and/or prevalence;
 * - coverage gap 0.20 — mean shortfall of the village's intervention coverage to its targets;
 * - keluarga berisiko stunting 0.10 — from the Master Ansit data sasaran;
 * - data completeness 0.10, lower completeness raising priority — a village whose children are not
 *   measured must not drop off the list for it.
 *
 * Normalisation within the district (the villages passed in): `minmax` maps each criterion to 0–1 as
 * (x − min) ÷ (max − min), reversed when lower values raise priority; `rank` uses the mid-rank
 * percentile (villages below + half the other villages equal) ÷ (villages − 1). Only villages with
 * a known value take part; when every known value is equal (or only one is known) the criterion
 * gives 0 to all. A village missing a value (`missing: "rescale"`, the default) is scored on its
 * known criteria, their weights rescaled to add up to 1, and the missing criteria are listed;
 * `missing: "zero"` gives a missing criterion 0 points instead.
 *
 * Score = Σ points, where points = weight share × normalised value × 100 (0–100). Equal scores
 * (to 9 decimals) are ordered by the tie-break criteria in turn (the village with the higher
 * priority value first; unknown last), then by village code; every tie and what decided it is
 * reported, and so is a tie that straddles the number of lokus to pick.
 */
import { roundTo } from "./ratios.ts";

export const LOKUS_CRITERIA = [
  "stuntingRate",
  "stuntedCount",
  "coverageGap",
  "atRiskFamilies",
  "dataCompleteness",
] as const;
export type LokusCriterion = (typeof LOKUS_CRITERIA)[number];

/**
 * A village's figures: stunting rate (%), stunted children (count), coverage gap (mean shortfall to
 * target, percentage points), keluarga berisiko stunting (count), data completeness (%); null when
 * unknown.
 */
export type LokusVillage = { code: string; name?: string } & Record<LokusCriterion, number | null>;

export interface LokusCriterionRule {
  criterion: LokusCriterion;
  weight: number;
  /** Which values raise priority: `higher` (more stunting) or `lower` (less complete data). */
  priority: "higher" | "lower";
}

export interface LokusRule {
  criteria: LokusCriterionRule[];
  normalisation: "minmax" | "rank";
  missing: "rescale" | "zero";
  /** Criteria comparing tied villages, in order; the village code decides last. */
  tieBreak: LokusCriterion[];
  /** How many villages to mark as selected, if any. */
  lokusCount: number | null;
}

export const DEFAULT_LOKUS_RULE: LokusRule = {
  criteria: [
    { criterion: "stuntingRate", weight: 0.3, priority: "higher" },
    { criterion: "stuntedCount", weight: 0.3, priority: "higher" },
    { criterion: "coverageGap", weight: 0.2, priority: "higher" },
    { criterion: "atRiskFamilies", weight: 0.1, priority: "higher" },
    { criterion: "dataCompleteness", weight: 0.1, priority: "lower" },
  ],
  normalisation: "minmax",
  missing: "rescale",
  tieBreak: ["stuntedCount", "stuntingRate"],
  lokusCount: null,
};

export interface LokusContribution {
  criterion: LokusCriterion;
  value: number | null;
  /** 0–1 within the district; null when the value is unknown. */
  normalised: number | null;
  weight: number;
  /** The weight's share of the weights counted for this village. */
  weightShare: number;
  /** weightShare × normalised × 100; the points add up to the score. */
  points: number;
}

export interface LokusRanked {
  code: string;
  name?: string;
  score: number;
  /** Position 1…n after tie-breaks. */
  position: number;
  contributions: LokusContribution[];
  missing: LokusCriterion[];
  /** Villages with the same score. */
  tiedWith: string[];
  selected: boolean;
}

/** Villages of equal score, in their final order; `decidedBy[i]` separated codes[i] from codes[i + 1]. */
export interface LokusTie {
  codes: string[];
  score: number;
  decidedBy: (LokusCriterion | "code")[];
}

export interface LokusRanking {
  villages: LokusRanked[];
  ties: LokusTie[];
  /** A tie that straddles the `lokusCount` cut-off: the selection there rests on the tie-break. */
  cutTie: LokusTie | null;
}

function normaliser(
  values: (number | null)[],
  priority: "higher" | "lower",
  method: LokusRule["normalisation"],
): (x: number | null) => number | null {
  const known = values.filter((v): v is number => v !== null).map((v) => (priority === "lower" ? -v : v));
  const min = Math.min(...known);
  const max = Math.max(...known);
  return (x) => {
    if (x === null) return null;
    const v = priority === "lower" ? -x : x;
    if (known.length < 2 || max === min) return 0;
    if (method === "minmax") return (v - min) / (max - min);
    let below = 0;
    let equal = 0;
    for (const k of known) {
      if (k < v) below++;
      else if (k === v) equal++;
    }
    return (below + (equal - 1) / 2) / (known.length - 1);
  };
}

/** Ranks the villages of a district for desa lokus under `rule` (see the module comment). */
export function rankDesaLokus(
  villages: readonly LokusVillage[],
  rule: LokusRule = DEFAULT_LOKUS_RULE,
): LokusRanking {
  if (rule.criteria.some((c) => !(c.weight >= 0)) || rule.criteria.every((c) => c.weight === 0))
    throw new Error("lokus rule: expected weights ≥ 0, at least one above 0");
  const norms = new Map(
    rule.criteria.map((c) => [
      c.criterion,
      normaliser(
        villages.map((v) => v[c.criterion]),
        c.priority,
        rule.normalisation,
      ),
    ]),
  );
  const allWeights = rule.criteria.reduce((s, c) => s + c.weight, 0);
  const scored = villages.map((v) => {
    const missing = rule.criteria.filter((c) => v[c.criterion] === null).map((c) => c.criterion);
    const counted =
      rule.missing === "rescale"
        ? rule.criteria.filter((c) => v[c.criterion] !== null).reduce((s, c) => s + c.weight, 0)
        : allWeights;
    const contributions = rule.criteria.map((c): LokusContribution => {
      const value = v[c.criterion];
      const normalised = norms.get(c.criterion)!(value);
      const weightShare =
        value === null && rule.missing === "rescale" ? 0 : counted > 0 ? c.weight / counted : 0;
      return {
        criterion: c.criterion,
        value,
        normalised,
        weight: c.weight,
        weightShare,
        points: normalised === null ? 0 : weightShare * normalised * 100,
      };
    });
    const score = contributions.reduce((s, c) => s + c.points, 0);
    return { village: v, score, key: roundTo(score, 9), contributions, missing };
  });

  const priorityOf = new Map(rule.criteria.map((c) => [c.criterion, c.priority]));
  // which criterion (or the code) puts a before b among equal scores; negative when a goes first
  const compareTied = (a: LokusVillage, b: LokusVillage): { order: number; by: LokusCriterion | "code" } => {
    for (const criterion of rule.tieBreak) {
      const x = a[criterion];
      const y = b[criterion];
      if (x === y) continue;
      if (x === null) return { order: 1, by: criterion };
      if (y === null) return { order: -1, by: criterion };
      const higherFirst = (priorityOf.get(criterion) ?? "higher") === "higher";
      return { order: higherFirst ? y - x : x - y, by: criterion };
    }
    return { order: a.code < b.code ? -1 : a.code > b.code ? 1 : 0, by: "code" };
  };
  scored.sort((a, b) => b.key - a.key || compareTied(a.village, b.village).order);

  const ties: LokusTie[] = [];
  for (let i = 0; i < scored.length; ) {
    let j = i + 1;
    while (j < scored.length && scored[j].key === scored[i].key) j++;
    if (j - i > 1) {
      const group = scored.slice(i, j);
      ties.push({
        codes: group.map((s) => s.village.code),
        score: group[0].score,
        decidedBy: group.slice(1).map((s, k) => compareTied(group[k].village, s.village).by),
      });
    }
    i = j;
  }
  const tieOf = new Map(ties.flatMap((t) => t.codes.map((c) => [c, t])));
  const count = rule.lokusCount;
  const cutTie =
    count !== null && count > 0 && count < scored.length && scored[count - 1].key === scored[count].key
      ? (tieOf.get(scored[count].village.code) ?? null)
      : null;
  return {
    villages: scored.map((s, i) => ({
      code: s.village.code,
      ...(s.village.name !== undefined ? { name: s.village.name } : {}),
      score: s.score,
      position: i + 1,
      contributions: s.contributions,
      missing: s.missing,
      tiedWith: (tieOf.get(s.village.code)?.codes ?? []).filter((c) => c !== s.village.code),
      selected: count !== null && i < count,
    })),
    ties,
    cutTie,
  };
}

/** The coverage-gap criterion of a village: the mean of its known gaps to target; null when none is known. */
export function meanCoverageGap(gaps: readonly (number | null)[]): number | null {
  const known = gaps.filter((g): g is number => g !== null);
  return known.length ? known.reduce((s, g) => s + g, 0) / known.length : null;
}
