/**
 * Keluarga berisiko stunting: the at-risk rule for a target family, as versioned configuration,
 * each factor stored and shown — no layak drinking water, no layak latrine, and the "4 Terlalu"
 * (terlalu muda, terlalu tua, terlalu dekat, terlalu banyak). Ages are in completed years and
 * spacing in completed months on the reference date (calendar.ts).
 *
 * A factor is true, false or unknown (null) when the facts it needs are not recorded. The verdict:
 * `berisiko` when any factor is true (whatever else is unknown), `tidak_berisiko` only when every
 * factor is false, `tidak_diketahui` otherwise — never a silent "not at risk".
 *
 * "Terlalu tua": programme.md §4 (BKKBN, PK21) defines it as a wife aged 35–40, and DESIGN.md §1.4
 * says the same; the Kemenkes "4 Terlalu" of pregnancy risk reads it as over 35. The built-in
 * version keeps BKKBN's 35–40 (inclusive, completed years); the other reading is a version with
 * `terlaluTua: { fromAge: 35, toAge: null }`.
 */
import { z } from "zod";
import { type UserMessage, userMessage } from "../messages.ts";
import { completedMonths, completedYears } from "./calendar.ts";
import { Confidence } from "./config.ts";

export const WATER_SOURCES = [
  "kemasan_isi_ulang",
  "ledeng",
  "sumur_bor",
  "sumur_terlindungi",
  "sumur_tidak_terlindungi",
  "mata_air_terlindungi",
  "mata_air_tidak_terlindungi",
  "air_hujan",
  "air_permukaan",
  "lainnya",
] as const;
/** Main drinking-water source as recorded (bottled/refill, piped, borehole, wells, springs, rain, surface water). */
export type WaterSource = (typeof WATER_SOURCES)[number];

export const LATRINES = ["jamban_septik", "jamban_tanpa_septik", "tidak_ada"] as const;
/** A latrine with a septic tank, a latrine without one, or none. */
export type Latrine = (typeof LATRINES)[number];

export const KrsRule = z.object({
  version: z.string().min(1),
  validFrom: z.number().int(),
  source: z.string().min(1),
  confidence: Confidence,
  notes: z.array(z.string()),
  /** Water sources that count as layak. */
  waterLayak: z.array(z.enum(WATER_SOURCES)).min(1),
  /** Latrines that count as layak. */
  latrineLayak: z.array(z.enum(LATRINES)).min(1),
  /** Terlalu muda: the wife is under `underAge` completed years. */
  terlaluMuda: z.object({ underAge: z.number().int().positive() }),
  /** Terlalu tua: `fromAge` ≤ completed years ≤ `toAge` (no upper bound when null). */
  terlaluTua: z.object({
    fromAge: z.number().int().positive(),
    toAge: z.number().int().positive().nullable(),
  }),
  /** Terlalu dekat: two births less than `underMonths` completed months apart. */
  terlaluDekat: z.object({ underMonths: z.number().int().positive() }),
  /** Terlalu banyak: more than `moreThan` children. */
  terlaluBanyak: z.object({ moreThan: z.number().int().nonnegative() }),
});
export type KrsRule = z.infer<typeof KrsRule>;

/** BKKBN's definition used by Pendataan Keluarga 2021 (programme.md §4, sulbar.tribunnews.com quoting BKKBN). */
export const KRS_RULE_PK21: KrsRule = {
  version: "bkkbn-pk21",
  validFrom: 2021,
  source: "programme.md §4 (BKKBN via sulbar.tribunnews.com); DESIGN.md §1.4",
  confidence: "src",
  notes: [
    "Layak water as listed by the source: bottled/refill, piped (ledeng/PAM), borehole, protected well; protected springs and rainwater, which BPS counts as layak, are not listed and so count as not layak here.",
    "PK21 also screened keluarga pra-sejahtera, rumah tidak layak huni and low maternal education (workflows.md §5); they are not factors of this version.",
    "Terlalu tua is 35–40 in this source; the Kemenkes 4 Terlalu of pregnancy reads over 35.",
  ],
  waterLayak: ["kemasan_isi_ulang", "ledeng", "sumur_bor", "sumur_terlindungi"],
  latrineLayak: ["jamban_septik"],
  terlaluMuda: { underAge: 20 },
  terlaluTua: { fromAge: 35, toAge: 40 },
  terlaluDekat: { underMonths: 24 },
  terlaluBanyak: { moreThan: 3 },
};

export const KRS_RULES: readonly KrsRule[] = [KRS_RULE_PK21];

/** The rule in force in `year`: the latest `validFrom ≤ year`, the one listed last on a tie; null before any. */
export function krsRuleForYear(year: number, rules: readonly KrsRule[] = KRS_RULES): KrsRule | null {
  let best: KrsRule | null = null;
  for (const r of rules)
    if (r.validFrom <= year && (best === null || r.validFrom >= best.validFrom)) best = r;
  return best;
}

/** What is recorded about a family; null where it is not recorded. */
export interface FamilyFacts {
  /** The wife's (mother's) birth date. */
  motherBirthDate: string | null;
  /** Every child of the family; null when the children are not recorded. */
  children: readonly { birthDate: string | null }[] | null;
  waterSource: WaterSource | null;
  latrine: Latrine | null;
}

export const KRS_FACTORS = [
  "air_minum_tidak_layak",
  "jamban_tidak_layak",
  "terlalu_muda",
  "terlalu_tua",
  "terlalu_dekat",
  "terlalu_banyak",
] as const;
export type KrsFactor = (typeof KRS_FACTORS)[number];

export interface KrsFactorResult {
  value: boolean | null;
  /** The facts behind the value, e.g. "mother 19 years old on 2025-08-01" (English, for logs and API clients). */
  detail: string;
  /** The same facts as a catalogue message, for the user in their language. */
  userMessage: UserMessage;
}

export interface KrsAssessment {
  rule: string;
  on: string;
  factors: Record<KrsFactor, KrsFactorResult>;
  verdict: "berisiko" | "tidak_berisiko" | "tidak_diketahui";
  /** Factors that are true. */
  reasons: KrsFactor[];
  /** Factors that could not be decided. */
  unknown: KrsFactor[];
}

function motherAge(facts: FamilyFacts, on: string): number | null {
  if (facts.motherBirthDate === null || facts.motherBirthDate > on) return null;
  return completedYears(facts.motherBirthDate, on);
}

function spacing(rule: KrsRule, facts: FamilyFacts, on: string): KrsFactorResult {
  if (facts.children === null)
    return {
      value: null,
      detail: "children not recorded",
      userMessage: userMessage("krs.childrenNotRecorded"),
    };
  // twins share a birth date: one birth
  const births = [
    ...new Set(facts.children.map((c) => c.birthDate).filter((d): d is string => d !== null && d <= on)),
  ].sort();
  for (let i = 1; i < births.length; i++) {
    const months = completedMonths(births[i - 1], births[i]);
    if (months < rule.terlaluDekat.underMonths)
      return {
        value: true,
        detail: `births ${births[i - 1]} and ${births[i]} are ${months} months apart`,
        userMessage: userMessage("krs.birthsClose", { first: births[i - 1], second: births[i], months }),
      };
  }
  const undated = facts.children.filter((c) => c.birthDate === null).length;
  if (undated > 0 && facts.children.length >= 2)
    return {
      value: null,
      detail: `${undated} child(ren) without a birth date`,
      userMessage: userMessage("krs.undatedChildren", { count: undated }),
    };
  return births.length < 2
    ? { value: false, detail: "fewer than two births", userMessage: userMessage("krs.fewerThanTwoBirths") }
    : {
        value: false,
        detail: `every spacing at least ${rule.terlaluDekat.underMonths} months`,
        userMessage: userMessage("krs.spacingOk", { months: rule.terlaluDekat.underMonths }),
      };
}

/** Assesses a family on `on` (YYYY-MM-DD) under `rule`: each factor and the verdict. */
export function assessKeluargaBerisiko(
  facts: FamilyFacts,
  on: string,
  rule: KrsRule = KRS_RULE_PK21,
): KrsAssessment {
  const age = motherAge(facts, on);
  const ageDetail = age === null ? "mother's birth date not recorded" : `mother ${age} years old on ${on}`;
  const ageMessage =
    age === null ? userMessage("krs.motherBirthDateNotRecorded") : userMessage("krs.motherAge", { age, on });
  const { fromAge, toAge } = rule.terlaluTua;
  const factors: Record<KrsFactor, KrsFactorResult> = {
    air_minum_tidak_layak:
      facts.waterSource === null
        ? {
            value: null,
            detail: "water source not recorded",
            userMessage: userMessage("krs.waterNotRecorded"),
          }
        : {
            value: !rule.waterLayak.includes(facts.waterSource),
            detail: `water source ${facts.waterSource}`,
            userMessage: userMessage("krs.water", { source: facts.waterSource }),
          },
    jamban_tidak_layak:
      facts.latrine === null
        ? { value: null, detail: "latrine not recorded", userMessage: userMessage("krs.latrineNotRecorded") }
        : {
            value: !rule.latrineLayak.includes(facts.latrine),
            detail: `latrine ${facts.latrine}`,
            userMessage: userMessage("krs.latrine", { latrine: facts.latrine }),
          },
    terlalu_muda: {
      value: age === null ? null : age < rule.terlaluMuda.underAge,
      detail: ageDetail,
      userMessage: ageMessage,
    },
    terlalu_tua: {
      value: age === null ? null : age >= fromAge && (toAge === null || age <= toAge),
      detail: ageDetail,
      userMessage: ageMessage,
    },
    terlalu_dekat: spacing(rule, facts, on),
    terlalu_banyak:
      facts.children === null
        ? {
            value: null,
            detail: "children not recorded",
            userMessage: userMessage("krs.childrenNotRecorded"),
          }
        : {
            value: facts.children.length > rule.terlaluBanyak.moreThan,
            detail: `${facts.children.length} children`,
            userMessage: userMessage("krs.children", { count: facts.children.length }),
          },
  };
  const reasons = KRS_FACTORS.filter((f) => factors[f].value === true);
  const unknown = KRS_FACTORS.filter((f) => factors[f].value === null);
  return {
    rule: rule.version,
    on,
    factors,
    verdict: reasons.length > 0 ? "berisiko" : unknown.length > 0 ? "tidak_diketahui" : "tidak_berisiko",
    reasons,
    unknown,
  };
}
