/**
 * TPPS teams at province, district, kecamatan and village level: the decree (number, date),
 * its period, and the seats (role, bidang, agency). A person may hold seats on several teams:
 * naming someone already recorded in the district (or province) reuses that person. Members are
 * officials named in a public decree, not clients: reading needs dashboard access; changes are
 * audited. The printable list is a PDF of the shared document module.
 */
import { randomUUID } from "node:crypto";
import {
  districtOfCode,
  NATION_CODE,
  personKey,
  regionLevelOf,
  todayInIndonesia,
  userMessage,
} from "@tumbuh/core";
import type {
  TppsMemberBody,
  TppsPeopleResponse,
  TppsSeat,
  TppsTeam,
  TppsTeamBody,
  TppsTeamUpdateBody,
} from "@tumbuh/core/api";
import { compareSeats, type TppsRole, tppsLevelOf, tppsPeriodCovers } from "@tumbuh/core/programme";
import { requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { TppsSeatRow, TppsTeamRow } from "../db/repositories/tpps.ts";
import { formatPdfDate, type PdfDocument, pdfFileName, renderPdf } from "../pdf/document.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, UUID } from "./child-access.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, notFound, staleVersion } from "./errors.ts";
import { requireRecordAccess } from "./family-access.ts";

const ROLE_LABEL: Record<TppsRole, string> = {
  pengarah: "Pengarah",
  ketua: "Ketua",
  wakil_ketua: "Wakil Ketua",
  sekretaris: "Sekretaris",
  bidang: "Bidang",
  anggota: "Anggota",
};

/** Where the people of a region's teams are kept: the province for a province team, else the district. */
function personScope(regionCode: string): string {
  return regionLevelOf(regionCode) === "province" ? regionCode : districtOfCode(regionCode);
}

function toSeat(r: TppsSeatRow): TppsSeat {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.person_name,
    role: r.role,
    bidang: r.bidang,
    positionTitle: r.position_title,
    agency: r.agency,
    position: r.position,
    seats: r.seats,
  };
}

export class TppsService {
  private readonly repos: Repositories;

  constructor(readonly ctx: ServiceContext) {
    this.repos = ctx.repos;
  }

  private today(): string {
    return todayInIndonesia(this.ctx.now());
  }

  private toTeam(t: TppsTeamRow, seats: readonly TppsSeatRow[]): TppsTeam {
    return {
      id: t.id,
      regionCode: t.region_code,
      regionName: t.region_name,
      level: t.level,
      name: t.name,
      decreeNumber: t.decree_number,
      decreeDate: t.decree_date,
      periodFrom: t.period_from,
      periodTo: t.period_to,
      active: tppsPeriodCovers({ from: t.period_from, to: t.period_to }, this.today()),
      members: seats
        .filter((s) => s.team_id === t.id)
        .sort(compareSeats)
        .map(toSeat),
      version: t.version,
    };
  }

  /** The teams of a region and below it, each with its seats. */
  async teams(caller: Caller, region?: string): Promise<{ region: string; teams: TppsTeam[] }> {
    const code = region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    const rows = await this.repos.tpps.teams(code);
    const seats = await this.repos.tpps.seats(rows.map((r) => r.id));
    return { region: code, teams: rows.map((r) => this.toTeam(r, seats)) };
  }

  private async load(caller: Caller, id: string, permission: "dashboard:read" | "tpps:manage") {
    const row = UUID.test(id) ? await this.repos.tpps.team(id) : undefined;
    if (!row) throw notFound("team");
    requireRecordAccess(caller, permission, row.region_code, "team");
    return row;
  }

  /** One team with its seats. */
  async team(caller: Caller, id: string): Promise<TppsTeam> {
    const row = await this.load(caller, id, "dashboard:read");
    return this.toTeam(row, await this.repos.tpps.seats([id]));
  }

  private checkPeriod(body: { periodFrom: string; periodTo?: string | null; decreeDate?: string | null }) {
    if (body.periodTo && body.periodTo < body.periodFrom)
      throw badRequest(
        "periodTo",
        `the period ends (${body.periodTo}) before it begins (${body.periodFrom})`,
        userMessage("validation.endBeforeStart", { from: body.periodFrom, to: body.periodTo }),
      );
    if (body.decreeDate && body.decreeDate > this.today())
      throw badRequest(
        "decreeDate",
        `the decree date ${body.decreeDate} is in the future`,
        userMessage("validation.dateInFuture", {
          field: "decreeDate",
          date: body.decreeDate,
          today: this.today(),
        }),
      );
  }

  /** Forms a team for a province, district, kecamatan or village by its decree. */
  async createTeam(caller: Caller, body: TppsTeamBody, ip?: string): Promise<TppsTeam> {
    requireAccess(caller, "tpps:manage", body.regionCode);
    const region =
      body.regionCode === NATION_CODE ? undefined : await this.repos.regions.get(body.regionCode);
    const level = region ? tppsLevelOf(region.level) : null;
    if (!region || !level)
      throw badRequest(
        "regionCode",
        `expected the code of a province, district, kecamatan or village, got ${body.regionCode}`,
        userMessage("tpps.regionLevel", { code: body.regionCode }),
      );
    this.checkPeriod(body);
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.tpps.insertTeam({
        id,
        region_code: body.regionCode,
        level,
        name: body.name,
        decree_number: body.decreeNumber ?? null,
        decree_date: body.decreeDate ?? null,
        period_from: body.periodFrom,
        period_to: body.periodTo ?? null,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "tpps_team",
        entityId: id,
        regionCode: body.regionCode,
        after: { name: body.name, decreeNumber: body.decreeNumber ?? null, periodFrom: body.periodFrom },
        ip,
      });
    });
    return this.team(caller, id);
  }

  /** Changes a team's name, decree and period (a stale version gets 409 with the current team). */
  async updateTeam(caller: Caller, id: string, body: TppsTeamUpdateBody, ip?: string): Promise<TppsTeam> {
    const current = await this.load(caller, id, "tpps:manage");
    this.checkPeriod(body);
    // the current team for a stale version is read after the transaction (one connection on PGlite)
    const updated = await this.repos.transaction(async (tx) => {
      const ok = await tx.tpps.updateTeam(id, body.version, {
        name: body.name,
        decree_number: body.decreeNumber ?? null,
        decree_date: body.decreeDate ?? null,
        period_from: body.periodFrom,
        period_to: body.periodTo ?? null,
      });
      if (!ok) return false;
      await recordAudit(tx, {
        actor: caller,
        action: "update",
        entity: "tpps_team",
        entityId: id,
        regionCode: current.region_code,
        before: { name: current.name, decreeNumber: current.decree_number, periodTo: current.period_to },
        after: { name: body.name, decreeNumber: body.decreeNumber ?? null, periodTo: body.periodTo ?? null },
        ip,
      });
      return true;
    });
    if (!updated) throw staleVersion(await this.team(caller, id));
    return this.team(caller, id);
  }

  /** Seats a person on a team: an existing person (by id, or by the same name in the district) or a new one. */
  async addMember(caller: Caller, teamId: string, body: TppsMemberBody, ip?: string): Promise<TppsTeam> {
    const team = await this.load(caller, teamId, "tpps:manage");
    if (body.role === "bidang" && !body.bidang)
      throw badRequest(
        "bidang",
        "a bidang seat names its bidang (e.g. Bidang Data, Monitoring dan Evaluasi)",
        userMessage("tpps.bidangRequired"),
      );
    const scope = personScope(team.region_code);
    await this.repos.transaction(async (tx) => {
      let personId: string;
      if (body.personId) {
        const p = await tx.tpps.person(body.personId);
        if (!p || !(p.scope_code === scope || team.region_code.startsWith(`${p.scope_code}.`)))
          throw badRequest(
            "personId",
            "expected a person recorded in this district or province",
            userMessage("tpps.personOutside"),
          );
        personId = p.id;
      } else {
        if (!body.name)
          throw badRequest(
            "name",
            "expected the member's name (or personId)",
            userMessage("validation.required", { field: "name" }),
          );
        const key = personKey(body.name);
        const found = await tx.tpps.findPerson(scope, key);
        personId = found?.id ?? randomUUID();
        if (!found)
          await tx.tpps.insertPerson({ id: personId, scope_code: scope, name: body.name, name_key: key });
      }
      const id = randomUUID();
      await tx.tpps.insertMember({
        id,
        team_id: teamId,
        person_id: personId,
        role: body.role,
        bidang: body.bidang ?? null,
        position_title: body.positionTitle ?? null,
        agency: body.agency,
        position: body.position ?? 1,
      });
      await recordAudit(tx, {
        actor: caller,
        action: "create",
        entity: "tpps_member",
        entityId: id,
        regionCode: team.region_code,
        after: { teamId, personId, role: body.role, agency: body.agency },
        ip,
      });
    });
    return this.team(caller, teamId);
  }

  /** Removes a seat from a team (the person stays, with any other seats). */
  async removeMember(caller: Caller, teamId: string, memberId: string, ip?: string): Promise<TppsTeam> {
    const team = await this.load(caller, teamId, "tpps:manage");
    const m = UUID.test(memberId) ? await this.repos.tpps.member(memberId) : undefined;
    if (!m || m.team_id !== teamId) throw notFound("member");
    await this.repos.transaction(async (tx) => {
      await tx.tpps.deleteMember(memberId);
      await recordAudit(tx, {
        actor: caller,
        action: "delete",
        entity: "tpps_member",
        entityId: memberId,
        regionCode: team.region_code,
        ip,
      });
    });
    return this.team(caller, teamId);
  }

  /** People of the region's district (or province) whose name contains `q`, with every seat they hold (officials of public decrees). */
  async people(caller: Caller, region: string | undefined, q: string): Promise<TppsPeopleResponse> {
    const code = region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    const level = regionLevelOf(code);
    if (level !== "province" && level !== "district" && level !== "subdistrict" && level !== "village")
      throw badRequest(
        "region",
        "expected a province, district, kecamatan or village",
        userMessage("tpps.regionLevel", { code }),
      );
    const rows = await this.repos.tpps.peopleSeats(personScope(code), personKey(q));
    const people = new Map<string, TppsPeopleResponse["people"][number]>();
    for (const r of rows) {
      const p = people.get(r.person_id) ?? { personId: r.person_id, name: r.person_name, seats: [] };
      p.seats.push({ teamId: r.team_id, teamName: r.team_name, regionCode: r.region_code, role: r.role });
      people.set(r.person_id, p);
    }
    return { people: [...people.values()] };
  }

  /** The printable list of the teams of a region (PDF): each team's decree, period and seats. */
  async printList(caller: Caller, region: string | undefined): Promise<{ fileName: string; pdf: Buffer }> {
    const { region: code, teams } = await this.teams(caller, region);
    const regionName =
      code === NATION_CODE ? "Indonesia" : ((await this.repos.regions.get(code))?.name ?? code);
    const blocks: PdfDocument["blocks"][number][] = [];
    if (teams.length === 0) blocks.push({ kind: "paragraph", text: "Belum ada tim TPPS yang tercatat." });
    for (const t of teams) {
      blocks.push({ kind: "heading", text: `${t.name} — ${t.regionName ?? t.regionCode}` });
      blocks.push({
        kind: "fields",
        rows: [
          ["Nomor SK", t.decreeNumber ?? "—"],
          ["Tanggal SK", t.decreeDate ? formatPdfDate(t.decreeDate) : "—"],
          [
            "Masa tugas",
            `${formatPdfDate(t.periodFrom)} – ${t.periodTo ? formatPdfDate(t.periodTo) : "(tidak ditentukan)"}`,
          ],
          ["Status", t.active ? "berlaku" : "tidak berlaku hari ini"],
        ],
      });
      blocks.push({
        kind: "table",
        headers: ["No", "Nama", "Kedudukan", "Jabatan", "Instansi"],
        widths: ["auto", "*", "*", "*", "*"],
        rows: t.members.map((m, i) => [
          i + 1,
          m.name,
          m.role === "bidang" ? `Bidang ${m.bidang ?? ""}`.trim() : ROLE_LABEL[m.role],
          m.positionTitle,
          m.agency,
        ]),
      });
    }
    const pdf = await renderPdf({
      title: "Daftar Tim Percepatan Penurunan Stunting",
      subtitle: regionName,
      letterhead: ["Tim Percepatan Penurunan Stunting (TPPS)"],
      blocks,
      synthetic: this.ctx.demo.synthetic,
    });
    return { fileName: pdfFileName("tpps", code), pdf };
  }
}
