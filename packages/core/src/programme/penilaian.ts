/**
 * Penilaian kinerja: the province's assessment of its districts' aksi konvergensi. The instrument
 * is configuration per year and province — the official weights, grade-to-score conversion and
 * aggregation were not found (workflows.md §1.1) — and the rules below are documented choices:
 *
 * - each item is graded by every panelist with a letter (A/B/C/D, converted by the instrument's
 *   scale) or given a number 0–100 (e.g. web completeness from Pantau Aksi, or a prevalence-change
 *   score from `prevalenceChangeScore`);
 * - an item's score is the mean of the panelists' scores; a missing or invalid grade is left out
 *   of that mean and flagged — never counted as 0;
 * - a component's score is the weighted mean of its items; the total is the weighted mean of the
 *   components (0–100), rounded to `scoreDecimals` for display and ranking;
 * - an item no panelist scored leaves the district incomplete: its total is computed over what was
 *   scored (weights rescaled), shown and flagged, and by default the district is not ranked;
 * - ranking within the province is standard competition ranking: equal totals share a rank and the
 *   next rank skips ("1, 2, 2, 4");
 * - awards: Terbaik I … Terbaik N go to the districts ranked 1 … N, so two districts sharing rank 2
 *   are both Terbaik II and, with N = 3, no Terbaik III is given (rank 4 is not 3); each kategori
 *   khusus goes to the highest score on its component or item among the ranked districts (leaving
 *   out those already Terbaik when `excludeTerbaik`), shared on a tie.
 */
import type { PenilaianInstrument } from "./penilaian-instrument.ts";
import { roundTo } from "./ratios.ts";

/** One panelist's grade for one district and item; null when the panelist gave none. */
export interface PanelGrade {
  districtCode: string;
  itemCode: string;
  panelist: string;
  grade: string | null;
}

/** A number item's value (0–100) for a district; null when unknown. */
export interface ItemValue {
  districtCode: string;
  itemCode: string;
  value: number | null;
}

export interface PenilaianInput {
  districts: readonly { code: string; name?: string }[];
  panelists: readonly string[];
  grades: readonly PanelGrade[];
  values: readonly ItemValue[];
}

export interface PkFlag {
  districtCode: string;
  itemCode: string;
  panelist?: string;
  kind: "missing" | "invalid" | "duplicate" | "unknown" | "no_score";
  detail: string;
}

export interface PkItemResult {
  itemCode: string;
  componentCode: string;
  /** Each counted panelist's grade and score (number items: one entry, panelist "-"). */
  scores: { panelist: string; grade: string | null; score: number }[];
  score: number | null;
  missingPanelists: string[];
}

export interface PkDistrictResult {
  code: string;
  name?: string;
  items: PkItemResult[];
  components: { code: string; score: number | null }[];
  /** Rounded to the instrument's decimals; null when nothing was scored. */
  total: number | null;
  totalExact: number | null;
  complete: boolean;
  rank: number | null;
  awards: string[];
}

export interface PenilaianResult {
  /** Ranked districts by rank (then code), then the unranked by code. */
  districts: PkDistrictResult[];
  flags: PkFlag[];
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

function weightedMean(parts: { weight: number; score: number | null }[]): number | null {
  const known = parts.filter((p): p is { weight: number; score: number } => p.score !== null);
  const w = known.reduce((s, p) => s + p.weight, 0);
  return w > 0 ? known.reduce((s, p) => s + p.weight * p.score, 0) / w : null;
}

/** Scores, ranks and awards the districts of a province under `instrument` (see the module comment). */
export function penilaianKinerja(instrument: PenilaianInstrument, input: PenilaianInput): PenilaianResult {
  const flags: PkFlag[] = [];
  const gradeScore = new Map(instrument.gradeScale.map((g) => [g.grade, g.score]));
  const itemsByCode = new Map(
    instrument.components.flatMap((c) => c.items.map((i) => [i.code, { item: i, c }])),
  );
  const districtCodes = new Set(input.districts.map((d) => d.code));
  const panelists = new Set(input.panelists);

  const grades = new Map<string, PanelGrade>();
  for (const g of input.grades) {
    const entry = itemsByCode.get(g.itemCode);
    if (
      !districtCodes.has(g.districtCode) ||
      !entry ||
      entry.item.scoring !== "grade" ||
      !panelists.has(g.panelist)
    ) {
      flags.push({
        districtCode: g.districtCode,
        itemCode: g.itemCode,
        panelist: g.panelist,
        kind: "unknown",
        detail: "grade for a district, grade item or panelist not in this assessment (not counted)",
      });
      continue;
    }
    const key = `${g.districtCode}\u0000${g.itemCode}\u0000${g.panelist}`;
    if (grades.has(key))
      flags.push({
        districtCode: g.districtCode,
        itemCode: g.itemCode,
        panelist: g.panelist,
        kind: "duplicate",
        detail: "graded more than once: the last grade counts",
      });
    grades.set(key, g);
  }
  const values = new Map<string, ItemValue>();
  for (const v of input.values) {
    const entry = itemsByCode.get(v.itemCode);
    if (!districtCodes.has(v.districtCode) || !entry || entry.item.scoring === "grade") {
      flags.push({
        districtCode: v.districtCode,
        itemCode: v.itemCode,
        kind: "unknown",
        detail: "value for a district or number item not in this assessment (not counted)",
      });
      continue;
    }
    const key = `${v.districtCode}\u0000${v.itemCode}`;
    if (values.has(key))
      flags.push({
        districtCode: v.districtCode,
        itemCode: v.itemCode,
        kind: "duplicate",
        detail: "given more than once: the last value counts",
      });
    values.set(key, v);
  }

  const results: PkDistrictResult[] = input.districts.map((d) => {
    const items: PkItemResult[] = [];
    const components = instrument.components.map((c) => {
      const parts = c.items.map((item) => {
        const scores: PkItemResult["scores"] = [];
        const missingPanelists: string[] = [];
        if (item.scoring === "grade") {
          for (const p of input.panelists) {
            const g = grades.get(`${d.code}\u0000${item.code}\u0000${p}`);
            if (!g || g.grade === null) {
              missingPanelists.push(p);
              flags.push({
                districtCode: d.code,
                itemCode: item.code,
                panelist: p,
                kind: "missing",
                detail: "no grade",
              });
              continue;
            }
            const score = gradeScore.get(g.grade);
            if (score === undefined) {
              flags.push({
                districtCode: d.code,
                itemCode: item.code,
                panelist: p,
                kind: "invalid",
                detail: `grade '${g.grade}', expected one of ${[...gradeScore.keys()].join(", ")}`,
              });
              continue;
            }
            scores.push({ panelist: p, grade: g.grade, score });
          }
        } else {
          const v = values.get(`${d.code}\u0000${item.code}`);
          if (!v || v.value === null)
            flags.push({ districtCode: d.code, itemCode: item.code, kind: "missing", detail: "no value" });
          else if (!(v.value >= 0 && v.value <= 100))
            flags.push({
              districtCode: d.code,
              itemCode: item.code,
              kind: "invalid",
              detail: `value ${v.value}, expected 0–100`,
            });
          else scores.push({ panelist: "-", grade: null, score: v.value });
        }
        const score = scores.length ? scores.reduce((s, x) => s + x.score, 0) / scores.length : null;
        if (score === null)
          flags.push({
            districtCode: d.code,
            itemCode: item.code,
            kind: "no_score",
            detail: "item not scored: district incomplete",
          });
        items.push({ itemCode: item.code, componentCode: c.code, scores, score, missingPanelists });
        return { weight: item.weight, score };
      });
      return { code: c.code, weight: c.weight, score: weightedMean(parts) };
    });
    const totalExact = weightedMean(components);
    return {
      code: d.code,
      ...(d.name !== undefined ? { name: d.name } : {}),
      items,
      components: components.map(({ code, score }) => ({ code, score })),
      total: totalExact === null ? null : roundTo(totalExact, instrument.scoreDecimals),
      totalExact,
      complete: items.every((i) => i.score !== null),
      rank: null,
      awards: [],
    };
  });

  const rankable = results.filter((r) => r.total !== null && (r.complete || instrument.rankIncomplete));
  for (const r of rankable) r.rank = 1 + rankable.filter((o) => (o.total ?? 0) > (r.total ?? 0)).length;
  const byRank = (a: PkDistrictResult, b: PkDistrictResult) =>
    (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || (a.code < b.code ? -1 : 1);
  results.sort(byRank);

  for (const r of rankable)
    if (r.rank !== null && r.rank <= instrument.awards.terbaik)
      r.awards.push(`Terbaik ${ROMAN[r.rank - 1] ?? r.rank}`);
  for (const k of instrument.awards.kategoriKhusus) {
    const basisScore = (r: PkDistrictResult) =>
      r.components.find((c) => c.code === k.basis)?.score ??
      r.items.find((i) => i.itemCode === k.basis)?.score ??
      null;
    const eligible = rankable.filter(
      (r) => basisScore(r) !== null && !(k.excludeTerbaik && r.awards.some((a) => a.startsWith("Terbaik"))),
    );
    const best = Math.max(...eligible.map((r) => roundTo(basisScore(r)!, instrument.scoreDecimals)));
    for (const r of eligible)
      if (roundTo(basisScore(r)!, instrument.scoreDecimals) === best) r.awards.push(k.name);
  }
  return { districts: results, flags };
}

/** A prevalence-change band: a drop of at least `minDropPp` percentage points scores `score`. */
export interface PrevalenceBand {
  minDropPp: number;
  score: number;
}

/**
 * The score of a district's prevalence change for the optional outcome item: the first band (bands
 * listed from the largest drop down) whose `minDropPp` the drop (before − after) reaches; 0 below
 * every band; null when either prevalence is unknown. Both figures must come from the same source
 * (e.g. SSGI 2021 and SSGI 2022), never SSGI against e-PPGBM.
 */
export function prevalenceChangeScore(
  before: number | null,
  after: number | null,
  bands: readonly PrevalenceBand[],
): number | null {
  if (before === null || after === null) return null;
  const drop = roundTo(before - after, 9);
  for (const b of bands) if (drop >= b.minDropPp) return b.score;
  return 0;
}
