/**
 * Audit Kasus Stunting (AKS), the pure part: finding the cases of a semester from candidate
 * records, with the reason for each, and the evaluation at the next semester.
 *
 * The AKS juknis's selection cut-offs were not found (workflows.md §5), so the criteria are
 * configuration (`AuditCriteria`) and the default cut-offs are marked unconfirmed:
 * - a child is a case when its latest valid TB/U in the semester is pendek or sangat pendek
 *   (`stunting`); a new case (`kasus_baru`) when, in addition, the valid measurement before that one
 *   was not stunted (a child without an earlier measurement is not a new case — nothing says it was
 *   not stunted before); faltering (`gagal_tumbuh`) when the posyandu flagged it (T/2T, computed
 *   elsewhere) for the semester;
 * - a pregnant woman when KEK (LiLA < 23.5 cm, or recorded KEK), anaemic (Hb < 11 g/dL), risti or
 *   "4 Terlalu" as recorded (`ibu_hamil_berisiko`);
 * - a bride-to-be when Elsimil says berisiko, or LiLA < 23.5 cm, or Hb < 12 g/dL (`catin_berisiko`).
 * Measurements without a valid TB/U (missing or flagged) are skipped. A child's measurements are
 * filtered to the semester here; the records of pregnant women and brides-to-be (and a child's
 * faltering flag) are taken as those of the semester the caller passes.
 */
import type { TbuCode } from "@tumbuh/growth";
import { dateInRange, nextSemester, type Semester, semesterDates } from "./calendar.ts";
import type { Confidence } from "./config.ts";

/** One measurement's TB/U category; null when there is no valid TB/U (missing or implausible). */
export interface TbuMeasurement {
  date: string;
  tbu: TbuCode | null;
}

export type AuditCandidate =
  | {
      kind: "anak";
      id: string;
      villageCode: string;
      measurements: readonly TbuMeasurement[];
      /** Flagged as faltering (T/2T) at the posyandu during the semester. */
      faltering?: boolean | null;
    }
  | {
      kind: "ibu_hamil";
      id: string;
      villageCode: string;
      lilaCm?: number | null;
      hbGdl?: number | null;
      kek?: boolean | null;
      risti?: boolean | null;
      empatTerlalu?: boolean | null;
    }
  | {
      kind: "catin";
      id: string;
      villageCode: string;
      elsimilBerisiko?: boolean | null;
      lilaCm?: number | null;
      hbGdl?: number | null;
    };

/** Reasons, in the order cases are listed within a village. */
export const AUDIT_REASONS = [
  "kasus_baru",
  "stunting",
  "gagal_tumbuh",
  "ibu_hamil_berisiko",
  "catin_berisiko",
] as const;
export type AuditReason = (typeof AUDIT_REASONS)[number];

export interface AuditCriteria {
  /** Reasons that select a case; others are not looked for. */
  reasons: readonly AuditReason[];
  lilaKekCm: number;
  hbAnaemiaIbuHamil: number;
  hbAnaemiaCatin: number;
  /** Only these villages (e.g. the desa lokus); all when null. */
  villages: readonly string[] | null;
  cutOffConfidence: Confidence;
}

export const DEFAULT_AUDIT_CRITERIA: AuditCriteria = {
  reasons: AUDIT_REASONS,
  lilaKekCm: 23.5,
  hbAnaemiaIbuHamil: 11,
  hbAnaemiaCatin: 12,
  villages: null,
  cutOffConfidence: "mem",
};

export interface AuditCase {
  id: string;
  kind: AuditCandidate["kind"];
  villageCode: string;
  /** Each reason with its facts, and the facts in English (`detail`). */
  reasons: { reason: AuditReason; detail: string; facts: AuditFact[] }[];
}

export interface AuditSelection {
  semester: Semester;
  /** By village, then the case's first reason in `AUDIT_REASONS` order, then id. */
  cases: AuditCase[];
  /** Candidates with a reason but outside the villages of the criteria. */
  outsideVillages: string[];
}

const isStunted = (tbu: TbuCode) => tbu === "pendek" || tbu === "sangat_pendek";

/** The latest measurement with a valid TB/U among those dated in `range`, or null. */
function latestValid(
  measurements: readonly TbuMeasurement[],
  range: { from: string; to: string },
): (TbuMeasurement & { tbu: TbuCode }) | null {
  let best: (TbuMeasurement & { tbu: TbuCode }) | null = null;
  for (const m of measurements)
    if (m.tbu !== null && dateInRange(m.date, range) && (best === null || m.date > best.date))
      best = m as TbuMeasurement & { tbu: TbuCode };
  return best;
}

/**
 * One finding behind a reason, as a code with its values, so that each language words it (the web
 * app: `aks.facts.<code>`): TB/U category on a date, the earlier category, faltering, KEK (with the
 * LiLA when measured), anaemia, risti, "4 Terlalu", Elsimil berisiko, a low LiLA or Hb.
 */
export type AuditFact =
  | { code: "tbu"; tbu: TbuCode; date: string }
  | { code: "tbuBefore"; tbu: TbuCode; date: string }
  | { code: "faltering" }
  | { code: "kek"; lilaCm: number | null }
  | { code: "anaemia"; hbGdl: number }
  | { code: "risti" }
  | { code: "empatTerlalu" }
  | { code: "elsimil" }
  | { code: "lila"; lilaCm: number }
  | { code: "hb"; hbGdl: number };

/** The facts in English, for API clients, logs and records stored before facts existed. */
export function auditFactsText(facts: readonly AuditFact[]): string {
  const words = (f: AuditFact): string => {
    switch (f.code) {
      case "tbu":
        return `TB/U ${f.tbu} on ${f.date}`;
      case "tbuBefore":
        return `${f.tbu} on ${f.date}`;
      case "faltering":
        return "flagged faltering at the posyandu";
      case "kek":
        return f.lilaCm === null ? "KEK" : `KEK (LiLA ${f.lilaCm} cm)`;
      case "anaemia":
        return `anaemia (Hb ${f.hbGdl} g/dL)`;
      case "risti":
        return "risti";
      case "empatTerlalu":
        return "4 Terlalu";
      case "elsimil":
        return "Elsimil berisiko";
      case "lila":
        return `LiLA ${f.lilaCm} cm`;
      case "hb":
        return `Hb ${f.hbGdl} g/dL`;
    }
  };
  return facts.map(words).join(", ");
}

function reason(r: AuditReason, facts: AuditFact[]): AuditCase["reasons"][number] {
  return { reason: r, detail: auditFactsText(facts), facts };
}

function reasonsOf(c: AuditCandidate, semester: Semester, k: AuditCriteria): AuditCase["reasons"] {
  const out: AuditCase["reasons"] = [];
  if (c.kind === "anak") {
    const range = semesterDates(semester);
    const latest = latestValid(c.measurements, range);
    if (latest && isStunted(latest.tbu)) {
      const now: AuditFact = { code: "tbu", tbu: latest.tbu, date: latest.date };
      const before = latestValid(c.measurements, { from: "0000-01-01", to: latest.date });
      if (before && !isStunted(before.tbu))
        out.push(reason("kasus_baru", [now, { code: "tbuBefore", tbu: before.tbu, date: before.date }]));
      out.push(reason("stunting", [now]));
    }
    if (c.faltering === true) out.push(reason("gagal_tumbuh", [{ code: "faltering" }]));
  } else if (c.kind === "ibu_hamil") {
    const found: AuditFact[] = [];
    const lowLila = c.lilaCm != null && c.lilaCm < k.lilaKekCm;
    if (c.kek === true || lowLila) found.push({ code: "kek", lilaCm: lowLila ? (c.lilaCm ?? null) : null });
    if (c.hbGdl != null && c.hbGdl < k.hbAnaemiaIbuHamil) found.push({ code: "anaemia", hbGdl: c.hbGdl });
    if (c.risti === true) found.push({ code: "risti" });
    if (c.empatTerlalu === true) found.push({ code: "empatTerlalu" });
    if (found.length) out.push(reason("ibu_hamil_berisiko", found));
  } else {
    const found: AuditFact[] = [];
    if (c.elsimilBerisiko === true) found.push({ code: "elsimil" });
    if (c.lilaCm != null && c.lilaCm < k.lilaKekCm) found.push({ code: "lila", lilaCm: c.lilaCm });
    if (c.hbGdl != null && c.hbGdl < k.hbAnaemiaCatin) found.push({ code: "hb", hbGdl: c.hbGdl });
    if (found.length) out.push(reason("catin_berisiko", found));
  }
  return out.filter((r) => k.reasons.includes(r.reason));
}

/** A screening recorded at a visit to a catin or a pregnant woman (any field may be missing). */
export interface Screening {
  date: string;
  lilaCm: number | null;
  hbGdl: number | null;
  elsimil: "ideal" | "berisiko" | null;
}

/**
 * What the screenings of a semester say of a person: for each field, its value at the latest
 * screening that recorded it (a later visit that measured only Hb keeps the earlier LiLA); the
 * Elsimil result is "berisiko" or not. Fields never recorded are null.
 */
export function latestScreening(screenings: readonly Screening[]): {
  lilaCm: number | null;
  hbGdl: number | null;
  elsimilBerisiko: boolean | null;
} {
  const sorted = [...screenings].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const lilaCm = sorted.find((s) => s.lilaCm !== null)?.lilaCm ?? null;
  const hbGdl = sorted.find((s) => s.hbGdl !== null)?.hbGdl ?? null;
  const elsimil = sorted.find((s) => s.elsimil !== null)?.elsimil ?? null;
  return { lilaCm, hbGdl, elsimilBerisiko: elsimil === null ? null : elsimil === "berisiko" };
}

/** The semester's cases from the candidates, each with its reasons (see the module comment). */
export function selectAuditCases(
  candidates: readonly AuditCandidate[],
  semester: Semester,
  criteria: AuditCriteria = DEFAULT_AUDIT_CRITERIA,
): AuditSelection {
  const cases: AuditCase[] = [];
  const outsideVillages: string[] = [];
  for (const c of candidates) {
    const reasons = reasonsOf(c, semester, criteria);
    if (reasons.length === 0) continue;
    if (criteria.villages !== null && !criteria.villages.includes(c.villageCode)) {
      outsideVillages.push(c.id);
      continue;
    }
    cases.push({ id: c.id, kind: c.kind, villageCode: c.villageCode, reasons });
  }
  const first = (c: AuditCase) => AUDIT_REASONS.indexOf(c.reasons[0].reason);
  cases.sort(
    (a, b) =>
      (a.villageCode < b.villageCode ? -1 : a.villageCode > b.villageCode ? 1 : 0) ||
      first(a) - first(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { semester, cases, outsideVillages };
}

export type AuditOutcome =
  | "tidak_stunting_lagi"
  | "membaik"
  | "tetap"
  | "memburuk"
  | "menjadi_stunting"
  | "tetap_tidak_stunting"
  | "tidak_ada_data_awal"
  | "tidak_diukur";

export interface AuditEvaluation {
  semester: Semester;
  next: Semester;
  /** The latest valid TB/U of the audit semester and of the next one. */
  before: TbuMeasurement | null;
  after: TbuMeasurement | null;
  /** Whether the TB/U category changed; null when either is missing. */
  changed: boolean | null;
  outcome: AuditOutcome;
}

/**
 * The evaluation at the next semester: the child's latest valid TB/U in the audit semester against
 * its latest valid TB/U in the next. Outcomes: stunted → not stunted `tidak_stunting_lagi`;
 * sangat pendek → pendek `membaik`; the same stunted category `tetap`; pendek → sangat pendek
 * `memburuk`; not stunted → stunted `menjadi_stunting`; not stunted both times
 * `tetap_tidak_stunting`; no valid TB/U in the audit semester `tidak_ada_data_awal`, none in the
 * next `tidak_diukur`.
 */
export function evaluateNextSemester(
  measurements: readonly TbuMeasurement[],
  semester: Semester,
): AuditEvaluation {
  const next = nextSemester(semester);
  const before = latestValid(measurements, semesterDates(semester));
  const after = latestValid(measurements, semesterDates(next));
  const result = (outcome: AuditOutcome): AuditEvaluation => ({
    semester,
    next,
    before,
    after,
    changed: before && after ? before.tbu !== after.tbu : null,
    outcome,
  });
  if (!before) return result("tidak_ada_data_awal");
  if (!after) return result("tidak_diukur");
  const [b, a] = [isStunted(before.tbu), isStunted(after.tbu)];
  if (b && !a) return result("tidak_stunting_lagi");
  if (!b && a) return result("menjadi_stunting");
  if (!b && !a) return result("tetap_tidak_stunting");
  if (before.tbu === after.tbu) return result("tetap");
  return result(before.tbu === "sangat_pendek" ? "membaik" : "memburuk");
}
