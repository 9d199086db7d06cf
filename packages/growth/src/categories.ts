/**
 * Nutrition-status categories of Permenkes 2/2020 (Standar Antropometri Anak), from WHO
 * z-scores. Codes are stable machine codes; labels are Indonesian first, English second.
 */

/** A category: stable code plus Indonesian (`id`) and English (`en`) labels. */
export interface NutritionStatus<Code extends string = string> {
  code: Code;
  id: string;
  en: string;
}

/** TB/U or PB/U (length/height-for-age). Stunting = pendek + sangat pendek. */
export type TbuCode = "sangat_pendek" | "pendek" | "normal" | "tinggi";
/** BB/U (weight-for-age). */
export type BbuCode = "sangat_kurang" | "kurang" | "normal" | "risiko_lebih";
/** BB/PB or BB/TB (weight-for-length/height) and IMT/U (BMI-for-age). */
export type GiziCode =
  | "gizi_buruk"
  | "gizi_kurang"
  | "gizi_baik"
  | "berisiko_gizi_lebih"
  | "gizi_lebih"
  | "obesitas";

export type TbuStatus = NutritionStatus<TbuCode>;
export type BbuStatus = NutritionStatus<BbuCode>;
export type BbtbStatus = NutritionStatus<GiziCode>;
export type ImtuStatus = NutritionStatus<GiziCode>;

/** Every TB/U category, from lowest to highest z. */
export const TBU_STATUSES: readonly TbuStatus[] = [
  { code: "sangat_pendek", id: "Sangat pendek", en: "Severely stunted" },
  { code: "pendek", id: "Pendek", en: "Stunted" },
  { code: "normal", id: "Normal", en: "Normal" },
  { code: "tinggi", id: "Tinggi", en: "Tall" },
];

/** Every BB/U category, from lowest to highest z. */
export const BBU_STATUSES: readonly BbuStatus[] = [
  { code: "sangat_kurang", id: "Berat badan sangat kurang", en: "Severely underweight" },
  { code: "kurang", id: "Berat badan kurang", en: "Underweight" },
  { code: "normal", id: "Berat badan normal", en: "Normal weight" },
  { code: "risiko_lebih", id: "Risiko berat badan lebih", en: "Risk of overweight" },
];

/** Every BB/TB (BB/PB) and IMT/U category, from lowest to highest z. */
export const GIZI_STATUSES: readonly NutritionStatus<GiziCode>[] = [
  { code: "gizi_buruk", id: "Gizi buruk", en: "Severely wasted" },
  { code: "gizi_kurang", id: "Gizi kurang", en: "Wasted" },
  { code: "gizi_baik", id: "Gizi baik", en: "Normal" },
  { code: "berisiko_gizi_lebih", id: "Berisiko gizi lebih", en: "Possible risk of overweight" },
  { code: "gizi_lebih", id: "Gizi lebih", en: "Overweight" },
  { code: "obesitas", id: "Obesitas", en: "Obese" },
];

const hasZ = (z: number | undefined): z is number => z !== undefined && !Number.isNaN(z);

/**
 * TB/U (PB/U) category: sangat pendek z < −3; pendek −3 ≤ z < −2; normal −2 ≤ z ≤ +3;
 * tinggi z > +3. Undefined when z is missing.
 */
export function statusTbu(z: number | undefined): TbuStatus | undefined {
  if (!hasZ(z)) return undefined;
  if (z < -3) return TBU_STATUSES[0];
  if (z < -2) return TBU_STATUSES[1];
  if (z <= 3) return TBU_STATUSES[2];
  return TBU_STATUSES[3];
}

/**
 * BB/U category: sangat kurang z < −3; kurang −3 ≤ z < −2; normal −2 ≤ z ≤ +1; risiko berat
 * badan lebih z > +1. Undefined when z is missing.
 */
export function statusBbu(z: number | undefined): BbuStatus | undefined {
  if (!hasZ(z)) return undefined;
  if (z < -3) return BBU_STATUSES[0];
  if (z < -2) return BBU_STATUSES[1];
  if (z <= 1) return BBU_STATUSES[2];
  return BBU_STATUSES[3];
}

/** The six-step scale shared by BB/TB and IMT/U: < −3, < −2, ≤ +1, ≤ +2, ≤ +3, > +3. */
function giziStatus(z: number | undefined): NutritionStatus<GiziCode> | undefined {
  if (!hasZ(z)) return undefined;
  if (z < -3) return GIZI_STATUSES[0];
  if (z < -2) return GIZI_STATUSES[1];
  if (z <= 1) return GIZI_STATUSES[2];
  if (z <= 2) return GIZI_STATUSES[3];
  if (z <= 3) return GIZI_STATUSES[4];
  return GIZI_STATUSES[5];
}

/**
 * BB/TB or BB/PB category: gizi buruk z < −3; gizi kurang −3 ≤ z < −2; gizi baik −2 ≤ z ≤ +1;
 * berisiko gizi lebih +1 < z ≤ +2; gizi lebih +2 < z ≤ +3; obesitas z > +3.
 */
export function statusBbtb(z: number | undefined): BbtbStatus | undefined {
  return giziStatus(z);
}

/** IMT/U category, on the same cut-offs as BB/TB (Permenkes 2/2020, children 0–60 months). */
export function statusImtu(z: number | undefined): ImtuStatus | undefined {
  return giziStatus(z);
}

/** Stunting (pendek or sangat pendek) from a length/height-for-age z; undefined when z is missing. */
export function isStunted(z: number | undefined): boolean | undefined {
  return hasZ(z) ? z < -2 : undefined;
}
