/**
 * Evidence files of an aksi (documents, scans, photos): the type is judged from the content, the
 * size is limited, the file is stored under its SHA-256 in a folder outside the web root and given
 * back only through an access-checked download. Removing a file keeps its record for the history.
 */

import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { userMessage } from "@tumbuh/core";
import type { AksiEvidence } from "@tumbuh/core/api";
import type { Repositories } from "../db/repositories/index.ts";
import { type AksiCaller, aksiEntityId, loadCycle } from "./aksi.ts";
import { findAksiConfig } from "./aksi-config.ts";
import { recordAudit } from "./audit.ts";
import { UUID } from "./child-access.ts";
import { badRequest, notFound, ServiceError } from "./errors.ts";
import { cleanFileName, EVIDENCE_MAX_BYTES, sniffEvidence } from "./evidence-file.ts";

/** An evidence file ready to send: where it lies, what it is called and what it is. */
export interface EvidenceDownload {
  path: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/** Reads a stream up to `limit` bytes; null when it is longer (the rest is drained). */
export async function readLimited(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) over = true;
    if (!over) chunks.push(chunk as Buffer);
  }
  return over ? null : Buffer.concat(chunks);
}

/**
 * Stores a document's bytes in `dir` under their SHA-256 (once: the same content is one file) and
 * returns the hash. The folder is private to the server's account.
 */
export function storeDocument(dir: string, data: Buffer): string {
  const sha256 = createHash("sha256").update(data).digest("hex");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, sha256);
  if (!existsSync(path)) {
    const tmp = `${path}.${randomUUID()}.part`;
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, path);
  }
  return sha256;
}

export class AksiEvidenceService {
  constructor(
    private readonly repos: Repositories,
    /** Folder of the stored files (inside the data folder, never served as static files). */
    private readonly dir: string,
  ) {}

  /** Stores a file as evidence of an aksi (and of one of its outputs when `outputCode` is given). */
  async add(
    user: AksiCaller,
    cycleId: string,
    aksiCode: string,
    outputCode: string | null,
    fileName: string,
    file: Readable & { truncated?: boolean },
  ): Promise<AksiEvidence> {
    let cycle: Awaited<ReturnType<typeof loadCycle>>;
    try {
      cycle = await loadCycle(this.repos, user, cycleId, "aksi:write");
    } catch (e) {
      file.resume();
      throw e;
    }
    const config = await findAksiConfig(this.repos, { version: cycle.config_version });
    const aksi = config?.aksi.find((a) => a.code === aksiCode);
    if (!aksi) {
      file.resume();
      throw notFound(`aksi ${aksiCode}`);
    }
    if (outputCode !== null && !aksi.outputs.some((o) => o.code === outputCode)) {
      file.resume();
      throw badRequest(
        "outputCode",
        `${outputCode} is not an output of aksi ${aksiCode}; expected one of ${aksi.outputs.map((o) => o.code).join(", ")}`,
        userMessage("aksi.unknownOutput", {
          output: outputCode,
          aksi: aksiCode,
          expected: aksi.outputs.map((o) => o.code).join(", "),
        }),
      );
    }
    const data = await readLimited(file, EVIDENCE_MAX_BYTES);
    if (data === null || file.truncated)
      throw new ServiceError(
        "payload_too_large",
        `file: larger than the limit of ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
        { field: "file" },
        userMessage("upload.tooLarge", { maxMb: EVIDENCE_MAX_BYTES / 1024 / 1024 }),
      );
    if (data.length === 0) throw badRequest("file", "the file is empty", userMessage("upload.empty"));
    const name = cleanFileName(fileName);
    const sniffed = sniffEvidence(data.subarray(0, 16), name);
    if (!sniffed.ok) throw badRequest("file", sniffed.reason, sniffed.userMessage);
    const sha256 = storeDocument(this.dir, data);
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.aksi.insertEvidence({
        id,
        cycle_id: cycleId,
        district_code: cycle.district_code,
        aksi_code: aksiCode,
        output_code: outputCode,
        file_name: name,
        media_type: sniffed.mediaType,
        size_bytes: data.length,
        sha256,
        uploaded_by: user.id,
      });
      await recordAudit(tx, {
        actor: user,
        action: "evidence_add",
        entity: "aksi_entry",
        entityId: aksiEntityId(cycleId, aksiCode),
        regionCode: cycle.district_code,
        after: { evidenceId: id, fileName: name, outputCode, sizeBytes: data.length, sha256 },
      });
    });
    const row = await this.repos.aksi.evidenceById(id);
    if (!row) throw notFound("evidence");
    return {
      id,
      aksiCode,
      outputCode,
      fileName: name,
      mediaType: sniffed.mediaType,
      sizeBytes: data.length,
      sha256,
      uploadedAt: new Date(row.created_at).toISOString(),
    };
  }

  private async load(user: AksiCaller, evidenceId: string, permission: "aksi:read" | "aksi:write") {
    const row = UUID.test(evidenceId) ? await this.repos.aksi.evidenceById(evidenceId) : undefined;
    if (!row || row.removed_at !== null) throw notFound("evidence");
    const cycle = await loadCycle(this.repos, user, row.cycle_id, permission);
    return { row, cycle };
  }

  /** A stored file for download, after the same access check as its cycle. */
  async download(user: AksiCaller, evidenceId: string): Promise<EvidenceDownload> {
    const { row } = await this.load(user, evidenceId, "aksi:read");
    const path = join(this.dir, row.sha256);
    if (!existsSync(path)) throw notFound("evidence file");
    return { path, fileName: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes };
  }

  /** Takes a file off an aksi (the record stays, marked removed, in the history). */
  async remove(user: AksiCaller, evidenceId: string): Promise<void> {
    const { row, cycle } = await this.load(user, evidenceId, "aksi:write");
    const entry = await this.repos.aksi.entry(cycle.id, row.aksi_code);
    if (entry?.status === "direviu")
      throw new ServiceError(
        "conflict",
        `aksi ${row.aksi_code} was already reviewed by the province; its files cannot be removed`,
        { field: "evidence" },
        userMessage("aksi.reviewedEvidenceLocked", { aksi: row.aksi_code }),
      );
    await this.repos.transaction(async (tx) => {
      await tx.aksi.removeEvidence(row.id, user.id);
      await recordAudit(tx, {
        actor: user,
        action: "evidence_remove",
        entity: "aksi_entry",
        entityId: aksiEntityId(cycle.id, row.aksi_code),
        regionCode: cycle.district_code,
        before: {
          evidenceId: row.id,
          fileName: row.file_name,
          outputCode: row.output_code,
          sha256: row.sha256,
        },
      });
    });
  }
}
