/**
 * "Pantau Aksi": a district's progress on the year's aksi, from each aksi's status and which of its
 * required outputs are present, and the traffic-light band of that progress.
 *
 * How progress counts (each share configurable in `ProgressRule`):
 * - an aksi's progress is 80 % for its required outputs (in proportion to those present), 10 % when
 *   the district has declared it done (status `selesai` or `direviu`) and 10 % when the province has
 *   reviewed it (`direviu`); `belum` and `proses` add nothing by themselves. An aksi that requires no
 *   output has its output share met.
 * - an output present counts whatever the status (evidence uploaded is evidence); a status that
 *   contradicts the outputs (done with outputs missing, `belum` with outputs present) is reported
 *   as a warning, not corrected.
 * - an aksi with no entry counts as `belum` with nothing present.
 * - the district's progress is the mean of its aksi's progress, each aksi weighing 1 unless the rule
 *   gives it another weight.
 */
import type { AksiConfig, AksiOutput } from "./aksi.ts";

export const AKSI_STATUSES = ["belum", "proses", "selesai", "direviu"] as const;
/** belum (not started), proses (in progress), selesai (declared done by the district), direviu (reviewed by the province). */
export type AksiStatus = (typeof AKSI_STATUSES)[number];

/** What the district recorded for one aksi. */
export interface AksiProgressEntry {
  aksiCode: string;
  status: AksiStatus;
  /** Codes of the required outputs present (uploaded or entered). */
  outputsPresent: readonly string[];
}

/** How statuses and outputs count; the three shares add up to 100. */
export interface ProgressRule {
  outputsShare: number;
  selesaiShare: number;
  direviuShare: number;
  /** Weight of an aksi in the district's mean, by aksi code; 1 when not listed. */
  aksiWeights: Readonly<Record<string, number>>;
}

export const DEFAULT_PROGRESS_RULE: ProgressRule = {
  outputsShare: 80,
  selesaiShare: 10,
  direviuShare: 10,
  aksiWeights: {},
};

export interface AksiProgressRow {
  aksiCode: string;
  name: string;
  status: AksiStatus;
  outputsRequired: number;
  outputsPresent: number;
  missingOutputs: AksiOutput[];
  declaredDone: boolean;
  reviewed: boolean;
  progressPct: number;
  weight: number;
  warnings: string[];
}

/** What is still missing, one line per output or step. */
export interface MissingItem {
  aksiCode: string;
  what: "output" | "selesai" | "direviu";
  output?: AksiOutput;
}

export interface DistrictProgress {
  rows: AksiProgressRow[];
  /** Weighted mean of the aksi's progress; null when the configuration has no aksi of positive weight. */
  progressPct: number | null;
  missing: MissingItem[];
  /** Entries naming an aksi the configuration does not have (not counted). */
  unknownAksi: string[];
}

/** A district's progress on the aksi of `config` from its recorded entries. */
export function aksiProgress(
  config: AksiConfig,
  entries: readonly AksiProgressEntry[],
  rule: ProgressRule = DEFAULT_PROGRESS_RULE,
): DistrictProgress {
  const shares = rule.outputsShare + rule.selesaiShare + rule.direviuShare;
  if (Math.abs(shares - 100) > 1e-9)
    throw new Error(`progress rule: the shares add up to ${shares}, expected 100`);
  const byCode = new Map(entries.map((e) => [e.aksiCode, e]));
  const known = new Set(config.aksi.map((a) => a.code));
  const rows: AksiProgressRow[] = [];
  const missing: MissingItem[] = [];
  for (const aksi of config.aksi) {
    const entry = byCode.get(aksi.code);
    const status: AksiStatus = entry?.status ?? "belum";
    const present = new Set(entry?.outputsPresent ?? []);
    const required = new Set(aksi.outputs.map((o) => o.code));
    const missingOutputs = aksi.outputs.filter((o) => !present.has(o.code));
    const presentCount = aksi.outputs.length - missingOutputs.length;
    const declaredDone = status === "selesai" || status === "direviu";
    const reviewed = status === "direviu";
    const outputsFraction = aksi.outputs.length === 0 ? 1 : presentCount / aksi.outputs.length;
    const progressPct =
      rule.outputsShare * outputsFraction +
      (declaredDone ? rule.selesaiShare : 0) +
      (reviewed ? rule.direviuShare : 0);
    const warnings: string[] = [];
    for (const code of present)
      if (!required.has(code))
        warnings.push(`output '${code}' is not a required output of aksi ${aksi.code}`);
    if (declaredDone && missingOutputs.length > 0)
      warnings.push(`status ${status} but ${missingOutputs.length} required output(s) missing`);
    if (status === "belum" && presentCount > 0)
      warnings.push(`status belum but ${presentCount} required output(s) present`);
    rows.push({
      aksiCode: aksi.code,
      name: aksi.name,
      status,
      outputsRequired: aksi.outputs.length,
      outputsPresent: presentCount,
      missingOutputs,
      declaredDone,
      reviewed,
      progressPct,
      weight: rule.aksiWeights[aksi.code] ?? 1,
      warnings,
    });
    for (const output of missingOutputs) missing.push({ aksiCode: aksi.code, what: "output", output });
    if (!declaredDone) missing.push({ aksiCode: aksi.code, what: "selesai" });
    if (!reviewed) missing.push({ aksiCode: aksi.code, what: "direviu" });
  }
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
  const progressPct =
    totalWeight > 0 ? rows.reduce((s, r) => s + r.weight * r.progressPct, 0) / totalWeight : null;
  const unknownAksi = entries.map((e) => e.aksiCode).filter((c) => !known.has(c));
  return { rows, progressPct, missing, unknownAksi };
}

/** Traffic-light bands of progress: above `hijauAbove` green, below `merahBelow` red, between (inclusive) yellow. */
export interface ProgressBands {
  hijauAbove: number;
  merahBelow: number;
}

/** Kemendagri's bands of aksi progress, August 2025: > 25 %, 13–25 %, < 13 % (workflows.md §1.3). */
export const KEMENDAGRI_PROGRESS_BANDS: ProgressBands = { hijauAbove: 25, merahBelow: 13 };

export type ProgressBand = "hijau" | "kuning" | "merah";

/** The band of a progress %: `hijau` when > hijauAbove, `merah` when < merahBelow, else `kuning`; null when unknown. */
export function progressBand(
  pct: number | null,
  bands: ProgressBands = KEMENDAGRI_PROGRESS_BANDS,
): ProgressBand | null {
  if (bands.merahBelow > bands.hijauAbove)
    throw new Error(`progress bands: merahBelow ${bands.merahBelow} is above hijauAbove ${bands.hijauAbove}`);
  if (pct === null) return null;
  if (pct > bands.hijauAbove) return "hijau";
  if (pct < bands.merahBelow) return "merah";
  return "kuning";
}
