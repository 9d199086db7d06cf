/**
 * Audit Kasus Stunting, the reading side: case finding over Tumbuh's data (children's measurements
 * and posyandu flags, families recorded pregnant with a "4 Terlalu" factor, brides-to-be and
 * pregnant women screened at TPK visits: LiLA, Hb, Elsimil) through
 * @tumbuh/core/programme's selectAuditCases, and a stored case as the API shows it (with the
 * evaluation at the next semester from the child's measurements). No access checks here: the
 * service (audit-kasus.ts) checks the team seat first.
 */
import type { AksCandidate, AksCase, AksFollowup, AksWorksheet } from "@tumbuh/core/api";
import {
  type AuditCandidate,
  evaluateNextSemester,
  latestScreening,
  type Semester,
  selectAuditCases,
  semesterDates,
} from "@tumbuh/core/programme";
import type { AksCaseRow, AksCycleRow, AksFollowupRow } from "../db/repositories/audit-kasus.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { posyanduFlags } from "./tpk.ts";

const TERLALU = ["terlalu_muda", "terlalu_tua", "terlalu_dekat", "terlalu_banyak"];

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export function toFollowup(r: AksFollowupRow): AksFollowup {
  return {
    id: r.id,
    caseId: r.case_id,
    agency: r.agency,
    action: r.action,
    dueOn: r.due_on,
    status: r.status,
    version: r.version,
  };
}

/** How many times each key occurs. */
export function countBy(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** The semester's cases found in the district's data, named, each marked when already selected. */
export async function findAuditCandidates(repos: Repositories, cycle: AksCycleRow): Promise<AksCandidate[]> {
  const semester = cycle.semester as Semester;
  const end = dayBefore(semesterDates(semester).to);
  const district = cycle.district_code;
  const children = await repos.tpk.childrenGrowth(district, end);
  const families = await repos.auditKasus.pregnantFamilies(district, semester);
  const range = semesterDates(semester);
  const screened = await repos.auditKasus.screenedTargets(district, range.from, range.to);
  const screeningOf = (t: (typeof screened)[number]) =>
    latestScreening(
      t.screenings.map((x) => ({
        date: x.visited_on,
        lilaCm: x.lila_cm,
        hbGdl: x.hb_gdl,
        elsimil: x.elsimil,
      })),
    );
  // A pregnant woman screened at a TPK visit and recorded pregnant in her family's data is one
  // candidate (the family's); one without such a family is a candidate of her own (the target).
  const familyIds = new Set(families.map((f) => f.id));
  const mothersScreening = new Map(
    screened
      .filter((t) => t.kind === "ibu_hamil" && t.family_id !== null && familyIds.has(t.family_id))
      .map((t) => [t.family_id as string, screeningOf(t)]),
  );
  const ownTargets = screened.filter(
    (t) => t.kind === "catin" || t.family_id === null || !familyIds.has(t.family_id),
  );
  const input: AuditCandidate[] = [
    ...children.map(
      (c): AuditCandidate => ({
        kind: "anak",
        id: c.id,
        villageCode: c.village_code,
        measurements: c.measurements.map((m) => ({
          date: m.date,
          tbu: m.flen || !m.tbu ? null : (m.tbu as "pendek"),
        })),
        faltering: posyanduFlags(c, end).faltering,
      }),
    ),
    ...families.map((f): AuditCandidate => {
      const factors = (f.krs_factors ?? {}) as Record<string, { value: boolean | null }>;
      const screening = mothersScreening.get(f.id);
      return {
        kind: "ibu_hamil",
        id: f.id,
        villageCode: f.village_code,
        empatTerlalu: TERLALU.some((k) => factors[k]?.value === true),
        lilaCm: screening?.lilaCm ?? null,
        hbGdl: screening?.hbGdl ?? null,
      };
    }),
    ...ownTargets.map((t): AuditCandidate => {
      const screening = screeningOf(t);
      return t.kind === "catin"
        ? { kind: "catin", id: t.id, villageCode: t.village_code, ...screening }
        : {
            kind: "ibu_hamil",
            id: t.id,
            villageCode: t.village_code,
            lilaCm: screening.lilaCm,
            hbGdl: screening.hbGdl,
          };
    }),
  ];
  const selection = selectAuditCases(input, semester);
  const existing = await repos.auditKasus.cases(district, cycle.id);
  const picked = new Set(existing.flatMap((c) => [c.child_id, c.family_id, c.tpk_target_id]).filter(Boolean));
  const targetIds = new Set(ownTargets.map((t) => t.id));
  const names = new Map<string, string>([
    ...children.map((c) => [c.id, c.name] as [string, string]),
    ...families.map((f) => [f.id, f.mother_name ?? f.head_name] as [string, string]),
    ...ownTargets.map((t) => [t.id, t.name] as [string, string]),
  ]);
  const villageNames = new Map<string, string | null>();
  for (const c of selection.cases)
    if (!villageNames.has(c.villageCode))
      villageNames.set(c.villageCode, (await repos.regions.get(c.villageCode))?.name ?? null);
  return selection.cases.map((c) => ({
    kind: c.kind,
    childId: c.kind === "anak" ? c.id : null,
    familyId: c.kind === "ibu_hamil" && !targetIds.has(c.id) ? c.id : null,
    targetId: targetIds.has(c.id) ? c.id : null,
    name: names.get(c.id) ?? "",
    villageCode: c.villageCode,
    villageName: villageNames.get(c.villageCode) ?? null,
    reasons: c.reasons,
    selected: picked.has(c.id),
  }));
}

/** A stored case as the API shows it. */
export async function toCase(repos: Repositories, row: AksCaseRow, cycle: AksCycleRow): Promise<AksCase> {
  let evaluation: AksCase["evaluation"] = null;
  if (row.child_id) {
    const ms = await repos.children.measurements(row.district_code, row.child_id);
    const e = evaluateNextSemester(
      ms.map((m) => ({
        date: m.measured_on,
        tbu: m.flen || !m.status_tbu ? null : (m.status_tbu as "pendek"),
      })),
      cycle.semester as Semester,
    );
    evaluation = { next: e.next, before: e.before, after: e.after, changed: e.changed, outcome: e.outcome };
  }
  const followups = (await repos.auditKasus.followups(row.district_code, cycle.id)).filter(
    (f) => f.case_id === row.id,
  );
  return {
    id: row.id,
    cycleId: cycle.id,
    semester: cycle.semester,
    kind: row.kind,
    villageCode: row.village_code,
    villageName: row.village_name,
    childId: row.child_id,
    familyId: row.family_id,
    targetId: row.tpk_target_id ?? null,
    name: row.person_name,
    address: row.address,
    reasons: row.reasons as AksCase["reasons"],
    selectionNote: row.selection_note,
    status: row.status,
    worksheet: (row.worksheet ?? {}) as AksWorksheet,
    review: row.review,
    recommendations: row.recommendations,
    reviewedOn: row.reviewed_on,
    followups: followups.map(toFollowup),
    evaluation,
    version: row.version,
  };
}
