/**
 * What the data-quality figures are compared with (WHO-UNICEF TEAM WG 2019; Mei & Grummer-Strawn
 * 2007; SMART), and the plain-language verdicts shown beside them (signals, not pass/fail).
 */
import type { DqIndex } from "./data-quality.ts";

/**
 * Reference ranges of the checks, as data (sources in shared/domain/workflows.md §4):
 * - SD of z-scores: 5th–95th percentile of 51 DHS surveys (Mei & Grummer-Strawn 2007).
 * - Skewness beyond ±0.5 and Pearson kurtosis outside 2–4: asymmetry, light or heavy tails.
 * - More than 1 % of z-scores flagged may indicate data-quality problems.
 * - SMART WHZ SD bands (WHZ only): 0.9–1.1 excellent, 0.85–1.15 good, 0.8–1.2 acceptable.
 */
export const DQ_REFERENCES = {
  sdRange: { HAZ: [1.35, 1.95], WAZ: [1.17, 1.46], WHZ: [1.08, 1.5], BMIZ: [1.08, 1.55] } as Record<
    DqIndex,
    readonly [number, number]
  >,
  sdRangeSource:
    "Mei Z, Grummer-Strawn LM. Bull World Health Organ 2007;85:441–448 (51 DHS surveys, 5th–95th pct)",
  skewnessLimit: 0.5,
  kurtosisRange: [2, 4] as const,
  flaggedPercentLimit: 1,
  smartWhzSd: { excellent: [0.9, 1.1], good: [0.85, 1.15], acceptable: [0.8, 1.2] } as const,
} as const;

/** Verdict codes of the checks. */
export type DqVerdict =
  | "flagged_ok"
  | "flagged_high"
  | "sd_narrow"
  | "sd_in_range"
  | "sd_wide"
  | "skew_negative"
  | "skew_ok"
  | "skew_positive"
  | "kurtosis_light"
  | "kurtosis_ok"
  | "kurtosis_heavy"
  | "dps_excellent"
  | "dps_good"
  | "dps_acceptable"
  | "dps_problematic";

/** The plain-language meaning of each verdict, in Bahasa Indonesia and English. */
export const DQ_VERDICT_TEXT: Record<DqVerdict, { id: string; en: string }> = {
  flagged_ok: {
    id: "Nilai tidak masuk akal 1 % atau kurang.",
    en: "1 % or fewer implausible values.",
  },
  flagged_high: {
    id: "Lebih dari 1 % nilai tidak masuk akal: periksa cara ukur, alat dan pencatatan.",
    en: "More than 1 % implausible values: check measuring, equipment and recording.",
  },
  sd_narrow: {
    id: "Sebaran z-score lebih sempit dari biasanya: data mungkin dibulatkan, disalin, atau dibersihkan berlebihan.",
    en: "Z-scores spread less than usual: data may be rounded, copied or over-cleaned.",
  },
  sd_in_range: {
    id: "Sebaran z-score dalam rentang survei pada umumnya.",
    en: "Z-score spread within the range of most surveys.",
  },
  sd_wide: {
    id: "Sebaran z-score lebih lebar dari biasanya: kemungkinan kesalahan ukur atau umur.",
    en: "Z-scores spread more than usual: likely measurement or age errors.",
  },
  skew_negative: {
    id: "Ekor kiri panjang: ada kelompok nilai yang sangat rendah.",
    en: "Long left tail: a group of very low values.",
  },
  skew_ok: { id: "Sebaran cukup simetris.", en: "Distribution roughly symmetric." },
  skew_positive: {
    id: "Ekor kanan panjang: ada kelompok nilai yang sangat tinggi.",
    en: "Long right tail: a group of very high values.",
  },
  kurtosis_light: {
    id: "Ekor lebih tipis dari sebaran normal (sebaran datar).",
    en: "Lighter tails than a normal distribution (flat distribution).",
  },
  kurtosis_ok: {
    id: "Ketebalan ekor mendekati sebaran normal.",
    en: "Tails close to a normal distribution.",
  },
  kurtosis_heavy: {
    id: "Ekor lebih tebal dari sebaran normal: banyak nilai ekstrem.",
    en: "Heavier tails than a normal distribution: many extreme values.",
  },
  dps_excellent: { id: "Pilihan angka terakhir: sangat baik.", en: "Digit preference: excellent." },
  dps_good: { id: "Pilihan angka terakhir: baik.", en: "Digit preference: good." },
  dps_acceptable: { id: "Pilihan angka terakhir: dapat diterima.", en: "Digit preference: acceptable." },
  dps_problematic: {
    id: "Banyak angka terakhir yang sama (misalnya .0 atau .5): timbangan dibaca dengan pembulatan.",
    en: "Many values share a last digit (such as .0 or .5): readings are rounded.",
  },
};

/** Verdict on an SD against the index's range (ends included in range). */
export function sdVerdict(index: DqIndex, sd: number): "sd_narrow" | "sd_in_range" | "sd_wide" {
  const [low, high] = DQ_REFERENCES.sdRange[index];
  return sd < low ? "sd_narrow" : sd > high ? "sd_wide" : "sd_in_range";
}

/** Verdict on a skewness: beyond ±0.5 is asymmetric. */
export function skewVerdict(skew: number): "skew_negative" | "skew_ok" | "skew_positive" {
  const limit = DQ_REFERENCES.skewnessLimit;
  return skew < -limit ? "skew_negative" : skew > limit ? "skew_positive" : "skew_ok";
}

/** Verdict on a Pearson kurtosis: below 2 light tails, above 4 heavy tails. */
export function kurtosisVerdict(kurt: number): "kurtosis_light" | "kurtosis_ok" | "kurtosis_heavy" {
  const [low, high] = DQ_REFERENCES.kurtosisRange;
  return kurt < low ? "kurtosis_light" : kurt > high ? "kurtosis_heavy" : "kurtosis_ok";
}

/** SMART's class of the SD of WHZ (0.9–1.1 excellent … outside 0.8–1.2 problematic). */
export function smartWhzSdClass(sd: number): "excellent" | "good" | "acceptable" | "problematic" {
  const b = DQ_REFERENCES.smartWhzSd;
  const within = ([low, high]: readonly [number, number]) => sd >= low && sd <= high;
  if (within(b.excellent)) return "excellent";
  if (within(b.good)) return "good";
  if (within(b.acceptable)) return "acceptable";
  return "problematic";
}
