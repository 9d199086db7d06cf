/**
 * KBM (Kenaikan Berat Badan Minimal): the least weight gain, in grams, a child must show since
 * the last weighing to count as naik (N) on the KMS / Buku KIA, by the child's age in completed
 * months at the current weighing. Sources disagree on some months, so the table is versioned
 * configuration: three variants, each with its id, label and source (shared/domain/workflows.md
 * §3.3); variant A is the default until the Permenkes 155/2010 annex or the Buku KIA PDF is
 * checked.
 */
import { completedMonthsOfAge, monthIndex } from "./months.ts";

/** One row of a KBM table: ages `fromMonth`…`toMonth` (completed months, inclusive) need `grams`. */
export interface KbmBand {
  fromMonth: number;
  toMonth: number;
  grams: number;
}

/** A versioned KBM table. */
export interface KbmTable {
  id: string;
  label: string;
  /** Where the numbers come from and how sure we are of them. */
  source: string;
  bands: readonly KbmBand[];
}

/** Builds the bands from the values of months 1–7, 8–10, 11, 12–17 and 18–60 (the layout of §3.3). */
function bands(m1to7: readonly number[], m8to10: number, m11: number, m12to17: number, m18to60: number) {
  return [
    ...m1to7.map((grams, i) => ({ fromMonth: i + 1, toMonth: i + 1, grams })),
    { fromMonth: 8, toMonth: 10, grams: m8to10 },
    { fromMonth: 11, toMonth: 11, grams: m11 },
    { fromMonth: 12, toMonth: 17, grams: m12to17 },
    { fromMonth: 18, toMonth: 60, grams: m18to60 },
  ];
}

/** Variant A, the default: the table as widely reproduced from the KMS (Permenkes 155/2010). */
export const KBM_A: KbmTable = {
  id: "kbm-a-buku-kia-2023",
  label: "Buku KIA 2023 / KMS Permenkes 155/2010 as widely reproduced",
  source:
    "KMS of Permenkes 155/2010 as reproduced in several posyandu applications; consistent with the KBM " +
    "row printed in the Buku KIA 2023 (800 900 800 600 500 400 300 200 g, merged cells not read). " +
    "Not yet checked against the primary annex.",
  bands: bands([800, 900, 800, 600, 500, 400, 400], 300, 200, 200, 200),
};

/** Variant B: a posyandu programme owner's spreadsheet (600 g at 3 months is probably a typo). */
export const KBM_B: KbmTable = {
  id: "kbm-b-posyandu-spreadsheet",
  label: "Posyandu programme-owner spreadsheet",
  source:
    "A posyandu programme owner's spreadsheet (secondary source); its 600 g at 3 months differs from " +
    "every other source and is probably a typo.",
  bands: bands([800, 900, 600, 600, 500, 400, 300], 300, 200, 200, 200),
};

/** Variant C: a published article (aus-cdep.com), 300 g up to 17 months. */
export const KBM_C: KbmTable = {
  id: "kbm-c-aus-cdep",
  label: "aus-cdep.com article",
  source: "An article on aus-cdep.com (secondary source): 300 g from 7 to 17 months.",
  bands: bands([800, 900, 800, 600, 500, 400, 300], 300, 300, 300, 200),
};

/** The KBM tables Tumbuh ships, the default first. */
export const KBM_TABLES: readonly KbmTable[] = [KBM_A, KBM_B, KBM_C];

/**
 * The default KBM table (variant A).
 * @alias
 */
export const DEFAULT_KBM = KBM_A;

/**
 * The least monthly gain in grams at an age in completed months at the current weighing; ages
 * under 1 month take the 1-month value (the first month of life); undefined from 61 months on
 * or for an age that is not a whole number ≥ 0.
 */
export function kbmGrams(table: KbmTable, ageMonths: number): number | undefined {
  if (!Number.isInteger(ageMonths) || ageMonths < 0) return undefined;
  const age = Math.max(ageMonths, 1);
  for (const b of table.bands) if (age >= b.fromMonth && age <= b.toMonth) return b.grams;
  return undefined;
}

/**
 * The least gain in grams over `monthsElapsed` calendar months ending at a weighing at
 * `ageMonths`: the sum of the monthly KBM of each month of age in the interval, i.e. of ages
 * ageMonths − monthsElapsed + 1 … ageMonths (each under 1 month counts as 1 month). One month
 * elapsed gives the table's value. Rule chosen for gaps: the sum over the interval, because the
 * table gives a gain per month of age and a child weighed at 2 and at 4 months must have gained
 * for month 3 (800 g) and month 4 (600 g), not twice the 4-month value; from 12 months on the
 * table is flat and the sum equals the monthly KBM times the months elapsed, the rule one
 * posyandu application uses (workflows.md §3.3, secondary source). Undefined when a month of
 * the interval has no KBM (61 months or more), the age is negative, or `monthsElapsed` is not a
 * whole number ≥ 1.
 */
export function kbmGramsOverInterval(
  table: KbmTable,
  ageMonths: number,
  monthsElapsed: number,
): number | undefined {
  if (!Number.isInteger(monthsElapsed) || monthsElapsed < 1 || !(ageMonths >= 0)) return undefined;
  let total = 0;
  for (let i = 0; i < monthsElapsed; i++) {
    const grams = kbmGrams(table, Math.max(ageMonths - i, 0));
    if (grams === undefined) return undefined;
    total += grams;
  }
  return total;
}

/** The verdict on a weight change: naik (N) or tidak naik (T). */
export type NaikVerdict = "N" | "T";

/** A weighing: ISO date and weight in kg. */
export interface Weighing {
  date: string;
  weight: number;
}

/** Weight in whole grams (kg × 1000 rounded), so 8.3 − 7.5 kg is 800 g exactly. */
export function weightGrams(kg: number): number {
  return Math.round(kg * 1000);
}

/** The outcome of comparing a weighing with the one before it. */
export interface NaikComparison {
  verdict: NaikVerdict;
  /** Weight change in grams (negative for a loss). */
  gainGrams: number;
  /** The least gain required over the interval. */
  kbmGrams: number;
  /** Calendar months between the two weighings' months. */
  monthsElapsed: number;
  /** Completed months of age at the current weighing. */
  ageMonths: number;
}

/**
 * Naik (N) when the gain since the previous weighing is at least the KBM over the interval, else
 * tidak naik (T). The interval is counted in calendar months between the two weighings' months
 * (a session on the 28th and the next on the 3rd of the following month are one month apart),
 * the KBM taken at the age in completed months at the current weighing. Undefined when both
 * weighings fall in the same month or the previous is later, or when no KBM applies (61
 * months or more).
 */
export function naikVerdict(
  table: KbmTable,
  birthDate: string,
  previous: Weighing,
  current: Weighing,
): NaikComparison | undefined {
  const monthsElapsed = monthIndex(current.date) - monthIndex(previous.date);
  const ageMonths = completedMonthsOfAge(birthDate, current.date);
  const kbm = kbmGramsOverInterval(table, ageMonths, monthsElapsed);
  if (kbm === undefined) return undefined;
  const gainGrams = weightGrams(current.weight) - weightGrams(previous.weight);
  return { verdict: gainGrams >= kbm ? "N" : "T", gainGrams, kbmGrams: kbm, monthsElapsed, ageMonths };
}

/** The KBM table with this id, or undefined. */
export function kbmTableById(id: string | null | undefined): KbmTable | undefined {
  return KBM_TABLES.find((t) => t.id === id);
}

/** The stored choices: the national default (null: the built-in one) and districts' overrides. */
export interface KbmChoices {
  national: string | null;
  /** By district code. */
  districts: Readonly<Record<string, string>>;
}

/** Which rule chose the table a district uses. */
export type KbmChoiceSource = "district" | "national" | "builtin";

/**
 * The KBM table a district uses: its own choice, else the national default, else the built-in
 * default (variant A). A stored id that names no shipped table is passed over, so an old or
 * mistyped choice never leaves a district without a table.
 */
export function kbmForDistrict(
  choices: KbmChoices,
  district: string | null,
): { table: KbmTable; source: KbmChoiceSource } {
  const own = district ? kbmTableById(choices.districts[district]) : undefined;
  if (own) return { table: own, source: "district" };
  const national = kbmTableById(choices.national);
  if (national) return { table: national, source: "national" };
  return { table: DEFAULT_KBM, source: "builtin" };
}
