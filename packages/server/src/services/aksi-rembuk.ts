/**
 * Rembuk stunting (aksi 3): the meetings of a cycle's year at district, kecamatan or village
 * level — participants, agenda, the signed commitment, the activities agreed and the follow-ups —
 * and the printable berita acara.
 *
 * Access: the district (aksi:write) records its own meetings; whoever may read the cycle (the
 * district's staff, its province) reads them and prints the berita acara.
 */
import { randomUUID } from "node:crypto";
import { levelOfCode, regionWithin, userMessage } from "@tumbuh/core";
import type { Rembuk, RembukBody } from "@tumbuh/core/api";
import type { RembukRow } from "../db/repositories/aksi-docs.ts";
import { formatPdfDate, type PdfDocument, pdfFileName, renderPdf } from "../pdf/document.ts";
import { type AksiCaller, loadCycle } from "./aksi.ts";
import { recordAudit } from "./audit.ts";
import { UUID } from "./child-access.ts";
import { holdsDemoData, type ServiceContext } from "./context.ts";
import { badRequest, notFound, staleVersion } from "./errors.ts";

const LEVEL_LABEL: Record<Rembuk["level"], string> = {
  district: "Kabupaten/Kota",
  subdistrict: "Kecamatan",
  village: "Desa/Kelurahan",
};
const STATUS_LABEL: Record<string, string> = { belum: "Belum", proses: "Proses", selesai: "Selesai" };

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

function toRembuk(r: RembukRow, regionName: string): Rembuk {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    level: r.level,
    regionCode: r.region_code,
    regionName,
    heldOn: r.held_on,
    place: r.place,
    agenda: arr(r.agenda),
    commitment: r.commitment,
    participants: arr(r.participants),
    activities: arr(r.activities),
    followUps: arr(r.follow_ups),
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

function columns(body: RembukBody) {
  return {
    level: body.level,
    region_code: body.regionCode,
    held_on: body.heldOn,
    place: body.place,
    agenda: JSON.stringify(body.agenda),
    commitment: body.commitment,
    participants: JSON.stringify(body.participants),
    activities: JSON.stringify(body.activities),
    follow_ups: JSON.stringify(body.followUps),
  };
}

export class RembukService {
  constructor(private readonly ctx: ServiceContext) {}

  private get repos() {
    return this.ctx.repos;
  }

  /** The meeting's region must lie in the cycle's district and sit at the meeting's level. */
  private async checkRegion(districtCode: string, body: RembukBody): Promise<void> {
    if (!regionWithin(body.regionCode, districtCode))
      throw badRequest(
        "regionCode",
        `found ${body.regionCode}, expected the district ${districtCode} or a region in it`,
        userMessage("region.outsideDistrict", { code: body.regionCode, district: districtCode }),
      );
    if (levelOfCode(body.regionCode) !== body.level)
      throw badRequest(
        "regionCode",
        `found ${body.regionCode} (${levelOfCode(body.regionCode)}), expected a ${body.level} code for a ${body.level} rembuk`,
        userMessage("aksi.rembukLevel", { code: body.regionCode, level: body.level }),
      );
    if (!(await this.repos.regions.get(body.regionCode)))
      throw badRequest(
        "regionCode",
        `no region has the code ${body.regionCode}`,
        userMessage("region.unknown", { code: body.regionCode }),
      );
  }

  private async names(rows: RembukRow[]): Promise<Map<string, string>> {
    const regions = await this.repos.regions.byCodes([...new Set(rows.map((r) => r.region_code))]);
    return new Map(regions.map((r) => [r.code, r.name]));
  }

  /** The meetings of a cycle, oldest first. */
  async list(user: AksiCaller, cycleId: string): Promise<Rembuk[]> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:read");
    const rows = await this.repos.aksiDocs.rembukOfCycle(cycle.district_code, cycle.id);
    const names = await this.names(rows);
    return rows.map((r) => toRembuk(r, names.get(r.region_code) ?? r.region_code));
  }

  async create(user: AksiCaller, cycleId: string, body: RembukBody): Promise<Rembuk> {
    const cycle = await loadCycle(this.repos, user, cycleId, "aksi:write");
    await this.checkRegion(cycle.district_code, body);
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.aksiDocs.insertRembuk({
        id,
        cycle_id: cycle.id,
        district_code: cycle.district_code,
        ...columns(body),
        created_by: user.id,
        updated_by: user.id,
        updated_at: new Date(),
      });
      await recordAudit(tx, {
        actor: user,
        action: "create",
        entity: "rembuk",
        entityId: id,
        regionCode: cycle.district_code,
        after: body,
      });
    });
    return this.get(user, id);
  }

  private async load(user: AksiCaller, id: string, permission: "aksi:read" | "aksi:write") {
    const row = UUID.test(id) ? await this.repos.aksiDocs.rembuk(id) : undefined;
    if (!row) throw notFound("rembuk");
    const cycle = await loadCycle(this.repos, user, row.cycle_id, permission);
    return { row, cycle };
  }

  async get(user: AksiCaller, id: string): Promise<Rembuk> {
    const { row } = await this.load(user, id, "aksi:read");
    return toRembuk(row, (await this.repos.regions.name(row.region_code)) ?? row.region_code);
  }

  async update(user: AksiCaller, id: string, body: RembukBody & { version: number }): Promise<Rembuk> {
    const { row, cycle } = await this.load(user, id, "aksi:write");
    await this.checkRegion(cycle.district_code, body);
    await this.repos.transaction(async (tx) => {
      const after = await tx.aksiDocs.updateRembuk(id, cycle.district_code, body.version, {
        ...columns(body),
        updated_by: user.id,
      });
      if (!after) throw staleVersion(toRembuk(row, row.region_code));
      await recordAudit(tx, {
        actor: user,
        action: "update",
        entity: "rembuk",
        entityId: id,
        regionCode: cycle.district_code,
        before: toRembuk(row, row.region_code),
        after: body,
      });
    });
    return this.get(user, id);
  }

  async remove(user: AksiCaller, id: string): Promise<void> {
    const { row, cycle } = await this.load(user, id, "aksi:write");
    await this.repos.transaction(async (tx) => {
      await tx.aksiDocs.deleteRembuk(id, cycle.district_code);
      await recordAudit(tx, {
        actor: user,
        action: "delete",
        entity: "rembuk",
        entityId: id,
        regionCode: cycle.district_code,
        before: toRembuk(row, row.region_code),
      });
    });
  }

  /** The berita acara of a meeting as a PDF, and its file name. */
  async beritaAcara(user: AksiCaller, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    const { cycle } = await this.load(user, id, "aksi:read");
    const r = await this.get(user, id);
    const district = (await this.repos.regions.name(cycle.district_code)) ?? cycle.district_code;
    const signatories = r.participants.filter((p) => p.signatory);
    const doc: PdfDocument = {
      title: "Berita Acara Rembuk Stunting",
      subtitle: `${LEVEL_LABEL[r.level]} ${r.regionName} — Tahun ${cycle.year}`,
      letterhead: [`Pemerintah ${district}`, "Tim Percepatan Penurunan Stunting"],
      synthetic: holdsDemoData(this.ctx.demo, cycle.district_code),
      blocks: [
        {
          kind: "fields",
          rows: [
            ["Tanggal", formatPdfDate(r.heldOn)],
            ["Tempat", r.place],
            ["Tingkat", `${LEVEL_LABEL[r.level]} ${r.regionName}`],
            ["Jumlah peserta", String(r.participants.length)],
          ],
        },
        { kind: "heading", text: "Agenda" },
        r.agenda.length ? { kind: "list", ordered: true, items: r.agenda } : { kind: "paragraph", text: "—" },
        { kind: "heading", text: "Peserta" },
        {
          kind: "table",
          headers: ["No", "Nama", "Instansi", "Peran"],
          widths: ["auto", "*", "*", "*"],
          rows: r.participants.map((p, i) => [String(i + 1), p.name, p.agency, p.role]),
        },
        { kind: "heading", text: "Komitmen" },
        { kind: "paragraph", text: r.commitment || "—" },
        { kind: "heading", text: "Kegiatan yang disepakati" },
        r.activities.length
          ? { kind: "list", ordered: true, items: r.activities.map((a) => a.text) }
          : { kind: "paragraph", text: "—" },
        { kind: "heading", text: "Tindak lanjut" },
        {
          kind: "table",
          headers: ["Tindakan", "Penanggung jawab", "Tenggat", "Status"],
          widths: ["*", "*", "auto", "auto"],
          rows: r.followUps.map((f) => [
            f.action,
            f.owner,
            f.dueDate ? formatPdfDate(f.dueDate) : null,
            STATUS_LABEL[f.status] ?? f.status,
          ]),
        },
        ...(signatories.length
          ? [
              {
                kind: "signatures" as const,
                place: r.regionName,
                date: formatPdfDate(r.heldOn),
                people: signatories.map((p) => ({
                  role: [p.role, p.agency].filter(Boolean).join(", "),
                  name: p.name,
                })),
              },
            ]
          : []),
      ],
    };
    return {
      fileName: pdfFileName("berita-acara-rembuk-stunting", r.regionName, r.heldOn),
      pdf: await renderPdf(doc),
    };
  }
}
