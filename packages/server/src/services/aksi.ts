/**
 * The aksi konvergensi cycle of a district and year: open it, change each aksi's status, notes and
 * the outputs done, the province's review, each aksi's history, and Pantau Aksi (progress per
 * district, and all districts of a province side by side in Kemendagri's traffic-light bands).
 *
 * Access: district staff (aksi:write) edit their own district's cycle; the province (aksi:review)
 * reviews its districts; a cycle outside the caller's scope does not exist for the caller, so a
 * district never sees another district's drafts.
 */
import { randomUUID } from "node:crypto";
import { levelOfCode, userMessage } from "@tumbuh/core";
import type {
  AksiCycleDetail,
  AksiCycleSummary,
  AksiEntry,
  AksiHistory,
  ProvinceProgress,
  ReviewAksiEntryBody,
  UpdateAksiEntryBody,
} from "@tumbuh/core/api";
import {
  type AksiConfig,
  type AksiRecordKind,
  aksiProgress,
  KEMENDAGRI_PROGRESS_BANDS,
  progressBand,
  withRecordedOutputs,
} from "@tumbuh/core/programme";
import { type Actor, checkAccess, type Permission, requireAccess } from "../auth/access.ts";
import type { AksiCycleRow, AksiEntryRow, AksiEvidenceRow } from "../db/repositories/aksi.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { addAksiConfig, findAksiConfig } from "./aksi-config.ts";
import { recordAudit } from "./audit.ts";
import { UUID } from "./child-access.ts";
import { badRequest, conflict, notFound, staleVersion } from "./errors.ts";

export type AksiCaller = Actor & { username: string };

/** The audit log's id of one aksi of one cycle: its history is the entries under this id. */
export const aksiEntityId = (cycleId: string, aksiCode: string) => `${cycleId}:${aksiCode}`;

/**
 * A cycle the caller may act on with `permission`: outside the scope it does not exist; inside it
 * without the permission the caller is told so (403).
 */
export async function loadCycle(
  repos: Repositories,
  user: Actor,
  id: string,
  permission: Permission,
): Promise<AksiCycleRow> {
  const row = UUID.test(id) ? await repos.aksi.cycle(id) : undefined;
  if (!row) throw notFound("aksi cycle");
  const denied = checkAccess(user, permission, row.district_code);
  if (denied) {
    if (denied.reason === "permission" && !checkAccess(user, "aksi:read", row.district_code)) throw denied;
    throw notFound("aksi cycle");
  }
  return row;
}

function outputsDone(row: AksiEntryRow | undefined): string[] {
  return Array.isArray(row?.outputs_done) ? (row.outputs_done as string[]) : [];
}

/** Pantau Aksi of one cycle from its entries, evidence and the records the district holds. */
function progressOf(
  config: AksiConfig,
  entries: AksiEntryRow[],
  evidence: AksiEvidenceRow[],
  held: ReadonlySet<AksiRecordKind>,
) {
  return aksiProgress(
    config,
    withRecordedOutputs(
      config,
      entries.map((e) => ({
        aksiCode: e.aksi_code,
        status: e.status,
        outputsPresent: [
          ...new Set([
            ...outputsDone(e),
            ...evidence
              .filter((f) => f.aksi_code === e.aksi_code && f.output_code !== null)
              .map((f) => f.output_code as string),
          ]),
        ],
      })),
      held,
    ),
  );
}

function toEvidence(f: AksiEvidenceRow) {
  return {
    id: f.id,
    aksiCode: f.aksi_code,
    outputCode: f.output_code,
    fileName: f.file_name,
    mediaType: f.media_type,
    sizeBytes: f.size_bytes,
    sha256: f.sha256,
    uploadedAt: new Date(f.created_at).toISOString(),
  };
}

function entryAudit(e: AksiEntryRow) {
  return { status: e.status, notes: e.notes, outputsDone: outputsDone(e), reviewComment: e.review_comment };
}

export class AksiService {
  constructor(private readonly repos: Repositories) {}

  private async config(cycle: AksiCycleRow): Promise<AksiConfig> {
    const config = await findAksiConfig(this.repos, { version: cycle.config_version });
    if (!config) throw notFound(`aksi configuration ${cycle.config_version}`);
    return config;
  }

  private async summary(cycle: AksiCycleRow, name?: string): Promise<AksiCycleSummary> {
    const config = await this.config(cycle);
    const progress = progressOf(
      config,
      await this.repos.aksi.entries(cycle.id),
      await this.repos.aksi.evidence([cycle.id]),
      await this.repos.aksi.recordsHeld(cycle),
    );
    return {
      id: cycle.id,
      districtCode: cycle.district_code,
      districtName: name ?? (await this.repos.regions.name(cycle.district_code)) ?? cycle.district_code,
      year: cycle.year,
      configVersion: cycle.config_version,
      progressPct: progress.progressPct,
      band: progressBand(progress.progressPct),
    };
  }

  /** Opens a district's cycle for a year under the configuration that applies to that year. */
  async open(user: AksiCaller, districtCode: string, year: number): Promise<AksiCycleSummary> {
    if (levelOfCode(districtCode) !== "district")
      throw badRequest(
        "districtCode",
        `expected a district code such as 35.03, got ${districtCode}`,
        userMessage("region.notDistrict", { code: districtCode }),
      );
    requireAccess(user, "aksi:write", districtCode);
    const district = await this.repos.regions.get(districtCode);
    if (!district)
      throw badRequest(
        "districtCode",
        `no district has the code ${districtCode}`,
        userMessage("region.unknown", { code: districtCode }),
      );
    const config = await findAksiConfig(this.repos, { year });
    if (!config)
      throw badRequest("year", `no aksi configuration for ${year}`, userMessage("aksi.noConfig", { year }));
    if (await this.repos.aksi.cycleOf(districtCode, year))
      throw conflict(
        "year",
        `the aksi cycle of ${district.name} for ${year} is already open`,
        userMessage("aksi.cycleExists", { district: district.name, year }),
      );
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.aksi.insertCycle(
        { id, district_code: districtCode, year, config_version: config.version, created_by: user.id },
        config.aksi.map((a) => a.code),
      );
      await recordAudit(tx, {
        actor: user,
        action: "open",
        entity: "aksi_cycle",
        entityId: id,
        regionCode: districtCode,
        after: { year, configVersion: config.version },
      });
    });
    const cycle = await this.repos.aksi.cycle(id);
    if (!cycle) throw notFound("aksi cycle");
    return this.summary(cycle, district.name);
  }

  /** The cycles of the districts in a region the caller may see (default: the caller's scope). */
  async list(user: Actor, region: string, year?: number): Promise<AksiCycleSummary[]> {
    requireAccess(user, "aksi:read", region);
    const cycles = await this.repos.aksi.cyclesIn(region, year);
    const names = new Map(
      (await this.repos.regions.byCodes(cycles.map((c) => c.district_code))).map((r) => [r.code, r.name]),
    );
    const out: AksiCycleSummary[] = [];
    for (const c of cycles) out.push(await this.summary(c, names.get(c.district_code)));
    return out;
  }

  /** One cycle with every aksi: status, outputs present and missing, evidence, review, progress. */
  async detail(user: Actor, id: string): Promise<AksiCycleDetail> {
    const cycle = await loadCycle(this.repos, user, id, "aksi:read");
    const config = await this.config(cycle);
    const rows = await this.repos.aksi.entries(id);
    const evidence = await this.repos.aksi.evidence([id]);
    const held = await this.repos.aksi.recordsHeld(cycle);
    const progress = progressOf(config, rows, evidence, held);
    const byCode = new Map(rows.map((r) => [r.aksi_code, r]));
    const entries: AksiEntry[] = config.aksi.map((a) => {
      const row = byCode.get(a.code);
      const p = progress.rows.find((r) => r.aksiCode === a.code);
      const files = evidence.filter((f) => f.aksi_code === a.code);
      const done = new Set(outputsDone(row));
      return {
        aksiCode: a.code,
        name: a.name,
        group: a.group,
        pic: a.pic,
        dueMonth: a.dueMonth,
        timing: a.timing,
        outputs: a.outputs.map((o) => ({
          code: o.code,
          kind: o.kind,
          name: o.name,
          confidence: o.confidence,
          present: !p?.missingOutputs.some((m) => m.code === o.code),
          markedDone: done.has(o.code),
          fulfilledBy: o.fulfilledBy !== undefined && held.has(o.fulfilledBy) ? o.fulfilledBy : null,
          evidenceCount: files.filter((f) => f.output_code === o.code).length,
        })),
        status: row?.status ?? "belum",
        notes: row?.notes ?? "",
        reviewComment: row?.review_comment ?? null,
        reviewedAt: row?.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
        progressPct: p?.progressPct ?? 0,
        warnings: p?.warnings ?? [],
        evidence: files.map(toEvidence),
        version: row?.version ?? 0,
        updatedAt: new Date(row?.updated_at ?? cycle.created_at).toISOString(),
      };
    });
    return {
      cycle: {
        id: cycle.id,
        districtCode: cycle.district_code,
        districtName: (await this.repos.regions.name(cycle.district_code)) ?? cycle.district_code,
        year: cycle.year,
        configVersion: cycle.config_version,
        progressPct: progress.progressPct,
        band: progressBand(progress.progressPct),
      },
      configTitle: config.title,
      entries,
      missingCount: progress.missing.filter((m) => m.what === "output").length,
      canEdit: !checkAccess(user, "aksi:write", cycle.district_code),
      canReview: !checkAccess(user, "aksi:review", cycle.district_code),
    };
  }

  /** The district changes an aksi's status, notes or the outputs it marks done (not a reviewed one). */
  async update(
    user: AksiCaller,
    id: string,
    aksiCode: string,
    body: UpdateAksiEntryBody,
  ): Promise<AksiCycleDetail> {
    const cycle = await loadCycle(this.repos, user, id, "aksi:write");
    const config = await this.config(cycle);
    const aksi = config.aksi.find((a) => a.code === aksiCode);
    if (!aksi) throw notFound(`aksi ${aksiCode}`);
    if (body.outputsDone) {
      const known = new Set(aksi.outputs.map((o) => o.code));
      const unknown = body.outputsDone.filter((c) => !known.has(c));
      if (unknown.length)
        throw badRequest(
          "outputsDone",
          `${unknown.join(", ")}: not outputs of aksi ${aksiCode}; expected one of ${[...known].join(", ")}`,
          userMessage("aksi.unknownOutput", {
            output: unknown.join(", "),
            aksi: aksiCode,
            expected: [...known].join(", "),
          }),
        );
    }
    await this.repos.transaction(async (tx) => {
      const before = await tx.aksi.entry(id, aksiCode);
      if (!before) throw notFound(`aksi ${aksiCode}`);
      if (before.version !== body.version) throw staleVersion(entryAudit(before));
      if (before.status === "direviu")
        throw conflict(
          "status",
          `aksi ${aksiCode} was already reviewed by the province; ask the province to return it first`,
          userMessage("aksi.alreadyReviewed", { aksi: aksiCode }),
        );
      const after = await tx.aksi.updateEntry(
        id,
        aksiCode,
        body.version,
        {
          status: body.status,
          notes: body.notes,
          outputsDone: body.outputsDone && [...new Set(body.outputsDone)],
        },
        user.id,
      );
      if (!after) throw staleVersion(entryAudit(before));
      await recordAudit(tx, {
        actor: user,
        action: "update",
        entity: "aksi_entry",
        entityId: aksiEntityId(id, aksiCode),
        regionCode: cycle.district_code,
        before: entryAudit(before),
        after: entryAudit(after),
      });
    });
    return this.detail(user, id);
  }

  /** The province accepts an aksi the district declared done (direviu) or returns it (proses). */
  async review(
    user: AksiCaller,
    id: string,
    aksiCode: string,
    body: ReviewAksiEntryBody,
  ): Promise<AksiCycleDetail> {
    const cycle = await loadCycle(this.repos, user, id, "aksi:review");
    await this.repos.transaction(async (tx) => {
      const before = await tx.aksi.entry(id, aksiCode);
      if (!before) throw notFound(`aksi ${aksiCode}`);
      if (before.version !== body.version) throw staleVersion(entryAudit(before));
      if (body.accept && before.status !== "selesai")
        throw conflict(
          "status",
          `aksi ${aksiCode} is ${before.status}; only a selesai aksi can be accepted`,
          userMessage("aksi.acceptOnlyDone", { aksi: aksiCode, status: before.status }),
        );
      const after = await tx.aksi.updateEntry(
        id,
        aksiCode,
        body.version,
        {
          status: body.accept ? "direviu" : "proses",
          reviewComment: body.comment,
          reviewedBy: user.id,
          reviewedAt: new Date(),
        },
        user.id,
      );
      if (!after) throw staleVersion(entryAudit(before));
      await recordAudit(tx, {
        actor: user,
        action: body.accept ? "review_accept" : "review_return",
        entity: "aksi_entry",
        entityId: aksiEntityId(id, aksiCode),
        regionCode: cycle.district_code,
        before: entryAudit(before),
        after: entryAudit(after),
      });
    });
    return this.detail(user, id);
  }

  /** Who changed what of one aksi and when, newest first (status, notes, evidence, reviews). */
  async history(user: Actor, id: string, aksiCode: string): Promise<AksiHistory> {
    const cycle = await loadCycle(this.repos, user, id, "aksi:read");
    const rows = await this.repos.audit.list({
      region: cycle.district_code,
      entity: "aksi_entry",
      entityId: aksiEntityId(id, aksiCode),
      limit: 500,
    });
    return {
      entries: rows.map((r) => ({
        at: new Date(r.at).toISOString(),
        username: r.username,
        action: r.action,
        before: r.before ?? null,
        after: r.after ?? null,
      })),
    };
  }

  /** Pantau Aksi of a province: each district's progress and band for a year (no cycle: null). */
  async provinceProgress(user: Actor, provinceCode: string, year: number): Promise<ProvinceProgress> {
    if (levelOfCode(provinceCode) !== "province")
      throw badRequest(
        "province",
        `expected a province code such as 35, got ${provinceCode}`,
        userMessage("region.notProvince", { code: provinceCode }),
      );
    requireAccess(user, "aksi:read", provinceCode);
    const districts = await this.repos.regions.children(provinceCode);
    const cycles = new Map(
      (await this.repos.aksi.cyclesIn(provinceCode, year)).map((c) => [c.district_code, c]),
    );
    const ids = [...cycles.values()].map((c) => c.id);
    const entries = await this.repos.aksi.entriesOf(ids);
    const evidence = await this.repos.aksi.evidence(ids);
    const rows: ProvinceProgress["districts"] = [];
    for (const d of districts) {
      const cycle = cycles.get(d.code);
      if (!cycle) {
        rows.push({
          code: d.code,
          name: d.name,
          cycleId: null,
          progressPct: null,
          band: null,
          selesai: 0,
          direviu: 0,
          aksiCount: 0,
        });
        continue;
      }
      const config = await this.config(cycle);
      const p = progressOf(
        config,
        entries.filter((e) => e.cycle_id === cycle.id),
        evidence.filter((f) => f.cycle_id === cycle.id),
        await this.repos.aksi.recordsHeld(cycle),
      );
      rows.push({
        code: d.code,
        name: d.name,
        cycleId: cycle.id,
        progressPct: p.progressPct,
        band: progressBand(p.progressPct),
        selesai: p.rows.filter((r) => r.declaredDone).length,
        direviu: p.rows.filter((r) => r.reviewed).length,
        aksiCount: p.rows.length,
      });
    }
    return { provinceCode, year, bands: KEMENDAGRI_PROGRESS_BANDS, districts: rows };
  }

  /** A national admin adds a year's version of the aksi list (checked field by field). */
  async addConfig(user: AksiCaller, config: unknown): Promise<{ version: string; validFrom: number }> {
    const added = await addAksiConfig(this.repos, user, config);
    return { version: added.version, validFrom: added.validFrom };
  }
}
