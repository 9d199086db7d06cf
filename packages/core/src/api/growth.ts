/**
 * Growth-chart reference curves and the z-score preview shown while a measurement is typed.
 * Pure functions over @tumbuh/growth: the web app may call them locally, the server serves
 * them over HTTP.
 */
import {
  anthroZScores,
  BBU_STATUSES,
  GIZI_STATUSES,
  lmsRow,
  lmsTable,
  measureAtSd,
  type NutritionStatus,
  storedFromZScores,
  TBU_STATUSES,
} from "@tumbuh/growth";
import { daysBetween } from "../parse.ts";
import type { GrowthReference, Warning, ZPreview, ZPreviewBody } from "./children.ts";

const SDS = [-3, -2, -1, 0, 1, 2, 3] as const;

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The −3…+3 SD lines of a WHO standard: length/height-for-age (`lhfa`) and weight-for-age
 * (`wfa`) by age in days (every 7 days and the last day), weight-for-length (`wflh`, measure
 * `l`, 45–110 cm) or weight-for-height (`wflh`, measure `h`, 65–120 cm) every 0.5 cm.
 * Each value is M·(1 + L·S·sd)^(1/L), rounded to 0.01.
 */
export function growthReference(
  indicator: "lhfa" | "wfa" | "wflh",
  sex: 1 | 2,
  measure: "l" | "h" = "l",
): GrowthReference {
  const name = indicator === "lhfa" ? "len" : indicator === "wfa" ? "wei" : measure === "h" ? "wfh" : "wfl";
  const table = lmsTable(name);
  const step = indicator === "wflh" ? 5 : 7;
  const keys: number[] = [];
  for (let k = table.first; k <= table.last; k += step) keys.push(k);
  if (keys[keys.length - 1] !== table.last) keys.push(table.last);
  const lines = Object.fromEntries(
    SDS.map((sd) => [String(sd), [] as Array<[number, number]>]),
  ) as GrowthReference["lines"];
  for (const key of keys) {
    const row = lmsRow(name, sex, key);
    if (!row) continue;
    for (const sd of SDS) {
      lines[String(sd) as keyof GrowthReference["lines"]].push([
        key / table.keyScale,
        round2(measureAtSd(row.l, row.m, row.s, sd)),
      ]);
    }
  }
  return { indicator, sex, xUnit: indicator === "wflh" ? "cm" : "days", lines };
}

/** The labels of a stored category code (null for none). */
function label(statuses: readonly NutritionStatus[], code: string | null) {
  const s = code === null ? undefined : statuses.find((x) => x.code === code);
  return s ? { code: s.code, label: s.id, labelEn: s.en } : null;
}

const nz = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : round2(x));
const nb = (x: boolean | undefined) => (x === undefined ? null : x);

/**
 * Z-scores, Permenkes categories and warnings for a measurement being entered: implausible
 * values (WHO flags), a date before birth or after `today`, age 60 months or more, standing
 * under 9 months. Warnings never block saving; they ask the cadre to check.
 */
export function zPreview(input: ZPreviewBody, today: string): ZPreview {
  const warnings: Warning[] = [];
  const ageDays = daysBetween(input.birthDate, input.date);
  if (ageDays < 0) {
    warnings.push({
      field: "date",
      code: "before_birth",
      message: "the measurement date is before the birth date",
    });
  }
  if (daysBetween(today, input.date) > 0) {
    warnings.push({ field: "date", code: "future_date", message: "the measurement date is in the future" });
  }
  if (ageDays >= 1826) {
    warnings.push({ field: "date", code: "over_59_months", message: "the child is 60 months or older" });
  }
  const r = anthroZScores({
    sex: input.sex,
    ageDays: ageDays >= 0 ? ageDays : undefined,
    weight: input.weight,
    lenhei: input.height,
    measure: input.measure,
    oedema: input.oedema,
    headc: input.headc,
    armc: input.armc,
  });
  if (r.c9moFlag) {
    warnings.push({
      field: "measure",
      code: "standing_under_9_months",
      message: "a child under 9 months is measured lying (telentang), not standing",
    });
  }
  // The categories as they will be stored: none for a flagged z-score.
  const stored = storedFromZScores(r);
  const flagged: Array<[boolean | undefined, string, string, string]> = [
    [r.flen, "height", "implausible_zlen", "length/height-for-age"],
    [r.fwei, "weight", "implausible_zwei", "weight-for-age"],
    [r.fwfl, "weight", "implausible_zwfl", "weight-for-length/height"],
    [r.fbmi, "weight", "implausible_zbmi", "BMI-for-age"],
  ];
  for (const [flag, field, code, what] of flagged) {
    if (flag) warnings.push({ field, code, message: `implausible ${what} z-score: check the ${field}` });
  }
  return {
    ageDays: ageDays >= 0 ? ageDays : null,
    ageMonths: ageDays >= 0 ? Math.round((ageDays / 30.4375) * 10) / 10 : null,
    zlen: nz(r.zlen),
    zwei: nz(r.zwei),
    zwfl: nz(r.zwfl),
    zbmi: nz(r.zbmi),
    flen: nb(r.flen),
    fwei: nb(r.fwei),
    fwfl: nb(r.fwfl),
    fbmi: nb(r.fbmi),
    status: {
      tbu: label(TBU_STATUSES, stored.status_tbu),
      bbu: label(BBU_STATUSES, stored.status_bbu),
      bbtb: label(GIZI_STATUSES, stored.status_bbtb),
      imtu: label(GIZI_STATUSES, stored.status_imtu),
    },
    warnings,
  };
}
