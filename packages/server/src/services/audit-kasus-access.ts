/**
 * Who may see an Audit Kasus Stunting cycle and its named cases: a cycle exists for whoever reads
 * its district's aggregates; its named cases only for accounts whose role may work on cases
 * (`aks:cases`) within the district AND who sit on the cycle's team.
 */
import { regionWithin, userMessage } from "@tumbuh/core";
import type { AksCycle } from "@tumbuh/core/api";
import { AccessDenied, checkAccess, requireAccess } from "../auth/access.ts";
import type { AksCaseRow, AksCycleRow } from "../db/repositories/audit-kasus.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { AksTeamRole } from "../db/schema-families.ts";
import { type Caller, UUID } from "./child-access.ts";
import { notFound } from "./errors.ts";

/** The cycle, if the caller may see it exists (its district within scope with dashboard access). */
/**
 * Whether the caller reads aggregates of the district or of a region inside it (a kecamatan or
 * village account sees that its district's audit exists and its counts, never its names).
 */
function seesDistrict(caller: Caller, district: string): boolean {
  const probe = regionWithin(caller.regionCode, district) ? caller.regionCode : district;
  return !checkAccess(caller, "dashboard:read", probe);
}

export async function loadCycle(repos: Repositories, caller: Caller, id: string): Promise<AksCycleRow> {
  const row = UUID.test(id) ? await repos.auditKasus.findCycle(id) : undefined;
  if (!row || !seesDistrict(caller, row.district_code)) throw notFound("audit cycle");
  return row;
}

/** Throws unless the caller sits on the cycle's audit team (and the role may work on cases). */
export async function requireTeam(
  repos: Repositories,
  caller: Caller,
  cycle: AksCycleRow,
): Promise<AksTeamRole> {
  requireAccess(caller, "aks:cases", cycle.district_code);
  const seat = (await repos.auditKasus.team(cycle.district_code, cycle.id)).find(
    (m) => m.user_id === caller.id,
  );
  if (!seat)
    throw new AccessDenied(
      "permission",
      "only the audit team of this cycle sees its named cases",
      userMessage("audit.teamOnly"),
    );
  return seat.team_role;
}

export async function loadCase(
  repos: Repositories,
  caller: Caller,
  id: string,
): Promise<{ row: AksCaseRow; cycle: AksCycleRow; seat: AksTeamRole }> {
  const row = UUID.test(id) ? await repos.auditKasus.findCase(id) : undefined;
  if (!row || !seesDistrict(caller, row.district_code)) throw notFound("audit case");
  const cycle = await loadCycle(repos, caller, row.cycle_id);
  return { row, cycle, seat: await requireTeam(repos, caller, cycle) };
}

export async function toCycle(repos: Repositories, caller: Caller, r: AksCycleRow): Promise<AksCycle> {
  const team = await repos.auditKasus.team(r.district_code, r.id);
  return {
    id: r.id,
    districtCode: r.district_code,
    semester: r.semester,
    panel: (r.panel ?? []) as AksCycle["panel"],
    team: team.map((m) => ({ username: m.username, displayName: m.display_name, role: m.team_role })),
    member: team.some((m) => m.user_id === caller.id),
    disseminationOn: r.dissemination_on,
    disseminationParticipants: r.dissemination_participants,
    disseminationNotes: r.dissemination_notes,
    version: r.version,
  };
}
