/**
 * The printable summary of an Audit Kasus Stunting cycle (PDF, through the shared pdf module):
 * the expert panel, the dissemination meeting, counts by reason and status and the follow-up plan.
 * Named cases (name, village, reasons, recommendations) appear only in the audit team's copy, and
 * printing them is audited like any other view; everyone else with access to the district gets the
 * aggregate copy, without names.
 */
import { checkAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { type PdfLanguage, pdfFileName, renderPdf } from "../pdf/document.ts";
import { recordAudit } from "./audit.ts";
import { loadCycle, toCycle } from "./audit-kasus-access.ts";
import { countBy } from "./audit-kasus-read.ts";
import type { Caller } from "./child-access.ts";
import { type DemoInfo, holdsDemoData } from "./context.ts";

const TEXT = {
  id: {
    title: "Ringkasan Audit Kasus Stunting",
    semester: (year: string, half: string) => `Semester ${half === "1" ? "I" : "II"} ${year}`,
    government: "Pemerintah",
    tpps: "Tim Percepatan Penurunan Stunting",
    cycle: "Audit",
    cases: "Jumlah kasus terpilih",
    dissemination: "Diseminasi",
    participants: "Peserta diseminasi",
    notHeld: "belum dilaksanakan",
    panel: "Tim Pakar",
    panelHeaders: ["Nama", "Peran", "Keahlian"],
    team: "Tim Audit",
    teamHeaders: ["Nama", "Peran dalam tim"],
    counts: "Ringkasan kasus",
    countHeaders: ["Uraian", "Jumlah"],
    named: "Daftar kasus (rahasia: hanya untuk Tim Audit)",
    namedHeaders: ["No", "Nama", "Desa/Kelurahan", "Alasan", "Status", "Rekomendasi Tim Pakar"],
    plan: "Rencana tindak lanjut",
    planHeaders: ["Instansi", "Tindakan", "Kasus", "Tenggat", "Status"],
    wholeCycle: "seluruh audit",
    aggregateNote:
      "Salinan ini tanpa nama: daftar kasus hanya dicetak oleh anggota Tim Audit kabupaten/kota.",
    reason: "Alasan",
    status: "Status",
    followup: "Tindak lanjut",
    ketuaTim: "Ketua Tim Audit",
    ketuaPakar: "Tim Pakar",
    reasons: {
      kasus_baru: "kasus baru",
      stunting: "stunting",
      gagal_tumbuh: "gagal tumbuh (T/2T)",
      ibu_hamil_berisiko: "ibu hamil berisiko",
      catin_berisiko: "calon pengantin berisiko",
    },
    statuses: {
      terpilih: "terpilih",
      dikaji: "dikaji (kertas kerja)",
      direkomendasikan: "direkomendasikan",
      ditindaklanjuti: "ditindaklanjuti",
      selesai: "selesai",
      rencana: "rencana",
      berjalan: "berjalan",
      batal: "batal",
    },
    roles: { ketua: "ketua", tim_teknis: "tim teknis", tim_pakar: "tim pakar", sekretariat: "sekretariat" },
  },
  en: {
    title: "Stunting Case Audit summary",
    semester: (year: string, half: string) => `Semester ${half === "1" ? "I" : "II"} ${year}`,
    government: "Government of",
    tpps: "Stunting Reduction Acceleration Team (TPPS)",
    cycle: "Audit",
    cases: "Cases selected",
    dissemination: "Dissemination",
    participants: "Dissemination participants",
    notHeld: "not held yet",
    panel: "Expert panel",
    panelHeaders: ["Name", "Role", "Expertise"],
    team: "Audit team",
    teamHeaders: ["Name", "Role in the team"],
    counts: "Cases in figures",
    countHeaders: ["Item", "Count"],
    named: "Cases (confidential: audit team only)",
    namedHeaders: ["No", "Name", "Village", "Reasons", "Status", "Expert panel's recommendations"],
    plan: "Follow-up plan",
    planHeaders: ["Agency", "Action", "Case", "Due", "Status"],
    wholeCycle: "whole audit",
    aggregateNote: "This copy has no names: only members of the district's audit team print the case list.",
    reason: "Reason",
    status: "Status",
    followup: "Follow-up",
    ketuaTim: "Head of the audit team",
    ketuaPakar: "Expert panel",
    reasons: {
      kasus_baru: "new case",
      stunting: "stunted",
      gagal_tumbuh: "faltering (T/2T)",
      ibu_hamil_berisiko: "pregnancy at risk",
      catin_berisiko: "bride-to-be at risk",
    },
    statuses: {
      terpilih: "selected",
      dikaji: "worksheet done",
      direkomendasikan: "reviewed",
      ditindaklanjuti: "in follow-up",
      selesai: "done",
      rencana: "planned",
      berjalan: "ongoing",
      batal: "cancelled",
    },
    roles: {
      ketua: "head",
      tim_teknis: "technical team",
      tim_pakar: "expert panel",
      sekretariat: "secretariat",
    },
  },
} as const;

type Texts = (typeof TEXT)[PdfLanguage];
const label = (table: Record<string, string>, code: string) => table[code] ?? code;

export class AuditKasusReportService {
  constructor(
    private readonly repos: Repositories,
    private readonly demo: DemoInfo,
  ) {}

  /**
   * The cycle's summary as a PDF: named for a member of its audit team (the print is audited),
   * aggregate for everyone else who sees the district.
   */
  async report(
    caller: Caller,
    cycleId: string,
    language: PdfLanguage,
    ip?: string,
  ): Promise<{ fileName: string; bytes: Buffer; named: boolean }> {
    const row = await loadCycle(this.repos, caller, cycleId);
    const cycle = await toCycle(this.repos, caller, row);
    const tx = TEXT[language];
    const named = cycle.member && !casesDenied(caller, row.district_code);
    const cases = await this.repos.auditKasus.cases(row.district_code, row.id);
    const followups = await this.repos.auditKasus.followups(row.district_code, row.id);
    const district = (await this.repos.regions.get(row.district_code))?.name ?? row.district_code;
    const [year, half] = row.semester.split("-S");
    const semester = tx.semester(year, half);
    const blocks: Parameters<typeof renderPdf>[0]["blocks"][number][] = [
      {
        kind: "fields",
        rows: [
          [tx.cycle, `${district} · ${semester}`],
          [tx.cases, String(cases.length)],
          [tx.dissemination, cycle.disseminationOn ?? tx.notHeld],
          ...(cycle.disseminationParticipants
            ? [[tx.participants, cycle.disseminationParticipants] as const]
            : []),
        ],
      },
      { kind: "heading", text: tx.panel },
      {
        kind: "table",
        headers: tx.panelHeaders,
        rows: cycle.panel.map((p) => [p.name, p.role, p.expertise ?? null]),
      },
      { kind: "heading", text: tx.team },
      {
        kind: "table",
        headers: tx.teamHeaders,
        rows: cycle.team.map((m) => [m.displayName, label(tx.roles, m.role)]),
      },
      { kind: "heading", text: tx.counts },
      { kind: "table", headers: tx.countHeaders, rows: countRows(tx, cases, followups), widths: ["*", 80] },
    ];
    const number = new Map(cases.map((c, i) => [c.id, i + 1]));
    if (named) {
      blocks.push(
        { kind: "heading", text: tx.named },
        {
          kind: "table",
          headers: tx.namedHeaders,
          widths: [22, "*", 70, 80, 60, "*"],
          rows: cases.map((c, i) => [
            i + 1,
            c.person_name,
            c.village_name ?? c.village_code,
            (c.reasons as { reason: string }[]).map((r) => label(tx.reasons, r.reason)).join(", "),
            label(tx.statuses, c.status),
            c.recommendations,
          ]),
        },
      );
    } else blocks.push({ kind: "paragraph", text: tx.aggregateNote });
    blocks.push(
      { kind: "heading", text: tx.plan },
      {
        kind: "table",
        headers: tx.planHeaders,
        widths: [80, "*", 40, 60, 50],
        rows: followups.map((f) => [
          f.agency,
          // the action may name the person: only the team's copy shows it
          named || !f.case_id ? f.action : "—",
          f.case_id ? `#${number.get(f.case_id) ?? "?"}` : tx.wholeCycle,
          f.due_on,
          label(tx.statuses, f.status),
        ]),
      },
    );
    const ketua = cycle.team.find((m) => m.role === "ketua");
    const pakar = cycle.panel[0];
    blocks.push({
      kind: "signatures",
      place: district,
      people: [
        { role: tx.ketuaTim, name: ketua?.displayName ?? "" },
        { role: pakar ? `${tx.ketuaPakar} (${pakar.role})` : tx.ketuaPakar, name: pakar?.name ?? "" },
      ],
    });
    const bytes = await renderPdf({
      title: tx.title,
      subtitle: `${district} · ${semester}`,
      letterhead: [`${tx.government} ${district}`, tx.tpps],
      blocks,
      language,
      synthetic: holdsDemoData(this.demo, row.district_code),
    });
    await recordAudit(this.repos, {
      actor: caller,
      action: named ? "print" : "print_summary",
      entity: named ? "aks_case" : "aks_cycle",
      entityId: row.id,
      regionCode: row.district_code,
      after: { cases: named ? cases.length : 0, language },
      ip,
    });
    return { fileName: pdfFileName("audit-kasus-stunting", row.district_code, row.semester), bytes, named };
  }
}

/** Whether the role may not work on cases in the district (a team seat alone is not enough). */
function casesDenied(caller: Caller, district: string): boolean {
  return checkAccess(caller, "aks:cases", district) !== null;
}

function countRows(
  tx: Texts,
  cases: readonly { reasons: unknown; status: string }[],
  followups: readonly { status: string }[],
): [string, number][] {
  const byReason = countBy(cases.flatMap((c) => (c.reasons as { reason: string }[]).map((r) => r.reason)));
  const byStatus = countBy(cases.map((c) => c.status));
  const byFollowup = countBy(followups.map((f) => f.status));
  return [
    ...Object.entries(byReason).map(([k, n]): [string, number] => [
      `${tx.reason}: ${label(tx.reasons, k)}`,
      n,
    ]),
    ...Object.entries(byStatus).map(([k, n]): [string, number] => [
      `${tx.status}: ${label(tx.statuses, k)}`,
      n,
    ]),
    ...Object.entries(byFollowup).map(([k, n]): [string, number] => [
      `${tx.followup}: ${label(tx.statuses, k)}`,
      n,
    ]),
  ];
}
